// The highlight styles, one source for the page (adopted on the document),
// <lede-article> (adopted in its shadow root) and the HTML export (inlined).
// Colours are CSS custom properties (`--lede-person-bg`, …) so embedders can
// restyle them; every label background keeps its text at WCAG AA contrast or
// better in both themes (tests/node/theme.test.mjs computes the ratios from
// the CSS this module produces).
//
// Constructable stylesheets are not subject to the page's `style-src`, so
// the strict CSP ('self' only, no 'unsafe-inline') keeps working.

import { LABELS } from './labels.js';

/** Colours of one theme: text on highlights, attribution parts, and per label `[background, underline]`. */
const LIGHT = {
  'mark-fg': '#15171a',
  'tag-bg': '#15171a',
  'tag-fg': '#ffffff',
  'quote-bg': 'rgba(80, 96, 130, 0.13)',
  'quote-line': '#7b869c',
  'cue-line': '#343a46',
  'source-line': '#343a46',
  'focus': '#1f5fbf',
  'flash': '#f08c00',
  'fg': '#1d1f23',
  'bg': '#ffffff',
  labels: {
    PERSON: ['#ffd8a8', '#c4590a'],
    ORG: ['#b2f2bb', '#2b8a3e'],
    PLACE: ['#a5d8ff', '#1864ab'],
    MISC: ['#e5dbff', '#6741d9'],
    DATE: ['#fff3bf', '#a17c00'],
    TIME: ['#ffe8cc', '#b35c00'],
    MONEY: ['#c3fae8', '#087f5b'],
    PERCENT: ['#d8f5a2', '#5c940d'],
    QUANTITY: ['#e9ecef', '#495057'],
    HANDLE: ['#fcc2d7', '#c2255c'],
    HASHTAG: ['#ffc9c9', '#c92a2a'],
    URL: ['#d0ebff', '#1971c2'],
    EMAIL: ['#dbe4ff', '#3b5bdb'],
    unknown: ['#e9ecef', '#6c757d'],
  },
};

/** Dark highlights with light text: the same hues, dimmed, with bright underlines. */
const DARK = {
  'mark-fg': '#f1f3f5',
  'tag-bg': '#f1f3f5',
  'tag-fg': '#15171a',
  'quote-bg': 'rgba(160, 180, 220, 0.14)',
  'quote-line': '#8f9bb3',
  'cue-line': '#d9dde6',
  'source-line': '#d9dde6',
  'focus': '#7fb0ff',
  'flash': '#ffa94d',
  'fg': '#e8e9ec',
  'bg': '#20232a',
  labels: {
    PERSON: ['#5a3310', '#ffa94d'],
    ORG: ['#1e4a2a', '#69db7c'],
    PLACE: ['#153f66', '#74c0fc'],
    MISC: ['#3e2f6e', '#b197fc'],
    DATE: ['#4d4010', '#ffe066'],
    TIME: ['#4f2a40', '#f7a8d0'],
    MONEY: ['#0f4a3c', '#63e6be'],
    PERCENT: ['#34491a', '#a9e34b'],
    QUANTITY: ['#3b4048', '#ced4da'],
    HANDLE: ['#5c1f3a', '#f783ac'],
    HASHTAG: ['#5e2222', '#ff8787'],
    URL: ['#1b3d5c', '#4dabf7'],
    EMAIL: ['#2b3466', '#91a7ff'],
    unknown: ['#3b4048', '#adb5bd'],
  },
};

/** The two palettes, for the HTML export's legend and for tests. */
export const PALETTES = { light: LIGHT, dark: DARK };

/** Underline pattern per label family: solid names, dashed numbers, dotted web things. */
const LINE_STYLE = { names: 'solid', numbers: 'dashed', web: 'dotted' };

/** `--lede-*` declarations of one palette. */
function declarations(palette) {
  const lines = [];
  for (const [name, value] of Object.entries(palette)) {
    if (name !== 'labels') lines.push(`--lede-${name}: ${value};`);
  }
  for (const [label, [bg, line]] of Object.entries(palette.labels)) {
    lines.push(`--lede-${label.toLowerCase()}-bg: ${bg};`, `--lede-${label.toLowerCase()}-line: ${line};`);
  }
  return lines.join('\n  ');
}

/**
 * The stylesheet for one kind of root. `root` is the selector that carries
 * the variables (`:host` in a shadow root, `:root` in a document); `dark`
 * and `auto` are the selectors for an explicit dark theme and for "follow
 * the system" (the dark palette applies under `prefers-color-scheme: dark`).
 */
export function themeCss({ root = ':root', dark = ':root[data-theme="dark"]', auto = ':root:not([data-theme="light"])' } = {}) {
  const labelRules = LABELS.map(({ label, group }) => {
    const key = label.toLowerCase();
    return `[data-label="${label}"] { --hl: var(--lede-${key}-bg); --hl-line: var(--lede-${key}-line); --hl-style: ${LINE_STYLE[group] ?? 'solid'}; }`;
  }).join('\n');
  return `/* Lede highlight theme */
${root} {
  ${declarations(LIGHT)}
}
${dark} {
  ${declarations(DARK)}
}
@media (prefers-color-scheme: dark) {
  ${auto} {
  ${declarations(DARK)}
  }
}
@media print {
  ${root}, ${dark}, ${auto} {
  ${declarations(LIGHT)}
  }
}

${labelRules}

.chunk, .chunk-group { display: block; }
/* A long article is rendered in chunks, nested in groups; off-screen ones skip
   style, layout and paint. (A group's estimated height is set on it.) */
.lede-chunked .chunk, .lede-chunked .chunk-group {
  content-visibility: auto;
  contain-intrinsic-size: auto 6000px;
}

mark {
  color: var(--lede-mark-fg);
  border-radius: 3px;
  padding: 0.05em 0.1em;
  margin: 0 -0.1em;
  border-bottom: 2px var(--hl-style, solid) var(--hl-line, var(--lede-unknown-line));
  box-decoration-break: clone;
  -webkit-box-decoration-break: clone;
  background-color: var(--hl, var(--lede-unknown-bg));
}
mark.muted {
  background-color: transparent !important;
  border-bottom-color: transparent !important;
  color: inherit;
}
mark:focus { outline: 3px solid var(--lede-focus); outline-offset: 2px; }

/* Label names: on hover or focus, or for every mark with "show tags". They
   are generated content, so they never enter the article's text. */
mark[data-label]:hover::after,
mark[data-label]:focus::after,
.show-tags mark[data-label]::after {
  content: attr(data-label);
  font: 600 0.6rem/1 system-ui, sans-serif;
  letter-spacing: 0.04em;
  vertical-align: 0.45em;
  margin-left: 0.25em;
  padding: 0.1em 0.25em;
  border-radius: 3px;
  background: var(--lede-tag-bg);
  color: var(--lede-tag-fg);
}
.show-tags mark.muted::after { opacity: 0.5; }

/* Attributions: the quoted words tinted, the cue underlined, the source boxed. */
.part-content {
  background-color: var(--lede-quote-bg);
  box-shadow: inset 0 -1px 0 var(--lede-quote-line);
  box-decoration-break: clone;
  -webkit-box-decoration-break: clone;
}
.part-cue {
  font-weight: 600;
  text-decoration: underline 2px var(--lede-cue-line);
  text-underline-offset: 0.2em;
}
.part-source {
  outline: 1.5px solid var(--lede-source-line);
  outline-offset: 1px;
  border-radius: 3px;
}
.part:focus { outline: 3px solid var(--lede-focus); outline-offset: 2px; }
.hide-attributions .part-content { background-color: transparent; box-shadow: none; }
.hide-attributions .part-cue { font-weight: inherit; text-decoration: none; }
.hide-attributions .part-source { outline: none; }

@keyframes lede-flash {
  0%, 40% { outline-color: var(--lede-flash); box-shadow: 0 0 0 4px color-mix(in srgb, var(--lede-flash) 45%, transparent); }
  100% { outline-color: transparent; box-shadow: 0 0 0 0 transparent; }
}
.flash {
  outline: 3px solid var(--lede-flash);
  outline-offset: 2px;
  animation: lede-flash 1.5s ease-out forwards;
}
@media (prefers-reduced-motion: reduce) {
  .flash { animation: none; }
}

@media print {
  .lede-chunked .chunk, .lede-chunked .chunk-group { content-visibility: visible; }
  mark, .part-content { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  /* On paper every mark says what it is: no hover, and maybe no colour. */
  mark[data-label]::after {
    content: attr(data-label);
    font: 600 0.6rem/1 system-ui, sans-serif;
    vertical-align: 0.45em;
    margin-left: 0.25em;
    padding: 0 0.2em;
    border: 1px solid currentColor;
    border-radius: 3px;
    background: none;
    color: inherit;
  }
  mark.muted::after { content: none; }
}
`;
}

/** The stylesheet of `<lede-article>`: variables on the host, `theme` attribute. */
export const ELEMENT_THEME = {
  root: ':host',
  dark: ':host([theme="dark"])',
  auto: ':host(:not([theme="light"]))',
};

const sheets = new Map();

/**
 * A shared constructable stylesheet of `themeCss(scope)` (one per scope), for
 * `adoptedStyleSheets`; null where constructable stylesheets are missing.
 */
export function themeSheet(scope = {}) {
  if (typeof CSSStyleSheet !== 'function' || !('replaceSync' in CSSStyleSheet.prototype)) return null;
  const key = JSON.stringify(scope);
  let sheet = sheets.get(key);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(themeCss(scope));
    sheets.set(key, sheet);
  }
  return sheet;
}

/** Adds the theme to a document or shadow root (once). */
export function adoptTheme(target, scope = {}) {
  const sheet = themeSheet(scope);
  if (sheet && !target.adoptedStyleSheets.includes(sheet)) {
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  }
  return sheet !== null;
}
