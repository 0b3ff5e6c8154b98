// The wasm analyser on the calling thread, the same in pages, workers and
// node: `await init()` once, then `analyse(text, options)`. A thin layer over
// the wasm-bindgen glue (lede.js): in node, where `fetch` cannot read files,
// `init()` reads lede_bg.wasm from disk; and calling `analyse` too early says
// what to do instead of failing inside the glue.

import initGlue, { analyse as analyseGlue, initSync as initSyncGlue, version as versionGlue } from './lede.js';

/** The wasm file next to this module. */
const WASM_URL = new URL('./lede_bg.wasm', import.meta.url);

let initialised = false;

/** Node's `fs` when running in node (≥ 20.16), else null; no import a bundler would follow. */
function nodeFs() {
  const node = globalThis.process?.versions?.node;
  if (!node) return null;
  return globalThis.process.getBuiltinModule?.('node:fs') ?? null;
}

/**
 * Loads the analyser. Without an argument it loads `lede_bg.wasm` from next
 * to this module (fetched in pages and workers, read from disk in node);
 * otherwise `input` is what the wasm-bindgen initialiser accepts: a URL
 * (file: URLs are read from disk in node), a `Response`, bytes or a
 * `WebAssembly.Module`. Safe to call more than once.
 */
export async function init(input) {
  if (initialised) return;
  const url = fileUrl(input ?? WASM_URL);
  if (url) {
    const fs = nodeFs();
    if (!fs) {
      throw new Error('lede: cannot read lede_bg.wasm here; pass its bytes: `initSync({ module: bytes })` or `init(bytes)`');
    }
    initSyncGlue({ module: fs.readFileSync(url) });
  } else {
    await initGlue(input === undefined ? undefined : { module_or_path: input });
  }
  initialised = true;
}

/** `input` as a file: URL (which `fetch` cannot read in node), or null. */
function fileUrl(input) {
  if (input instanceof URL) return input.protocol === 'file:' ? input : null;
  if (typeof input === 'string' && input.startsWith('file:')) return new URL(input);
  return null;
}

/** Loads the analyser synchronously from bytes or a compiled `WebAssembly.Module`. */
export function initSync(input) {
  if (initialised) return;
  const module = input && Object.getPrototypeOf(input) === Object.prototype && 'module' in input ? input.module : input;
  initSyncGlue({ module });
  initialised = true;
}

/** Whether `init` or `initSync` has completed. */
export function isInitialised() {
  return initialised;
}

function notReady() {
  return new Error('lede: the analyser is not loaded yet: `await init()` (or call `initSync(bytes)`) before `analyse()`');
}

/**
 * Analyses `text` (see the `Analysis` type). Throws an `Error` saying what to
 * fix on a non-string text, an unknown option or a missing `init()`.
 */
export function analyse(text, options) {
  if (!initialised) {
    try {
      const result = analyseGlue(text, options);
      initialised = true; // initialised through the glue directly (lede/wasm)
      return result;
    } catch (err) {
      if (err instanceof TypeError) throw notReady();
      throw err;
    }
  }
  return analyseGlue(text, options);
}

/** Lede's version (the crate version). */
export function version() {
  if (!initialised) {
    try {
      const v = versionGlue();
      initialised = true;
      return v;
    } catch (err) {
      if (err instanceof TypeError) throw notReady();
      throw err;
    }
  }
  return versionGlue();
}
