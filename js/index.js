// Lede as an ES module package, for pages, workers and node:
//
//   import { init, analyse, createAnalyser, toCSV } from 'lede';
//
// - `init()` + `analyse(text, options)`: the analyser on the calling thread;
// - `createAnalyser()`: the analyser in a dedicated worker, behind Promises;
// - `toJSON`, `toCSV`, `toWebAnnotation`, `toHTML`: results out;
// - the `<lede-article>` element lives in 'lede/element' (importing it
//   defines the element, which only makes sense in a page);
// - 'lede/wasm' is the raw wasm-bindgen module.
// Types: index.d.ts.

export { analyse, init, initSync, isInitialised, version } from './core.js';
export { createAnalyser } from './analyser.js';
export { codePointMapper, escapeHtml, toCSV, toHTML, toJSON, toWebAnnotation } from './exports.js';
export { KINDS, kindName, LABELS, labelName } from './labels.js';
export { PALETTES, themeCss } from './theme.js';
