// The highlight theme meets WCAG AA in both themes, computed from the CSS
// custom properties the package ships (pkg/theme.js → themeCss()): text on
// every label's highlight, label tags, quoted-text tint, and the underlines
// that tell label families apart (non-text contrast, 3:1).

import assert from 'node:assert/strict';
import test from 'node:test';

import { ROOT } from './lede.mjs';

const { themeCss, LABELS } = await import(`${ROOT}/www/pkg/index.js`);
const { ELEMENT_THEME } = await import(`${ROOT}/www/pkg/theme.js`);

/** The `--lede-*` declarations of the rule whose selector is exactly `selector`. */
function variables(css, selector) {
  const at = css.indexOf(`${selector} {`);
  assert.ok(at >= 0, `no rule for ${selector}`);
  const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/--lede-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

/** `#rrggbb` or `rgba(r, g, b, a)` → [r, g, b, a]. */
function parse(colour) {
  const hex = colour.match(/^#([0-9a-f]{6})$/i);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [n >> 16, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = colour.match(/^rgba?\(([^)]+)\)$/);
  assert.ok(rgba, `unreadable colour ${colour}`);
  const [r, g, b, a = 1] = rgba[1].split(',').map(Number);
  return [r, g, b, a];
}

/** `top` composited over the opaque `bottom`. */
function over(top, bottom) {
  const [r, g, b, a] = parse(top);
  const [R, G, B] = parse(bottom);
  return `rgba(${r * a + R * (1 - a)}, ${g * a + G * (1 - a)}, ${b * a + B * (1 - a)}, 1)`;
}

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a, b) {
  const luminance = (colour) => {
    const [r, g, b2] = parse(colour).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const AA_TEXT = 4.5;
const AA_NON_TEXT = 3;

const css = themeCss();
const THEMES = {
  light: variables(css, ':root'),
  dark: variables(css, ':root[data-theme="dark"]'),
};

for (const [theme, vars] of Object.entries(THEMES)) {
  test(`${theme} theme: text on every highlight meets WCAG AA, and each label has its own colour`, (t) => {
    const ratios = [];
    for (const { label } of LABELS) {
      const key = label.toLowerCase();
      const bg = vars[`${key}-bg`];
      const line = vars[`${key}-line`];
      assert.ok(bg && line, `${theme}: --lede-${key}-bg and -line are set`);
      const ratio = contrast(vars['mark-fg'], bg);
      ratios.push(ratio);
      assert.ok(ratio >= AA_TEXT, `${theme} ${label}: text ${ratio.toFixed(2)}:1 on ${bg} (AA needs ${AA_TEXT}:1)`);
      const underline = contrast(line, bg);
      assert.ok(underline >= AA_NON_TEXT, `${theme} ${label}: underline ${underline.toFixed(2)}:1 against its highlight`);
    }
    const backgrounds = LABELS.map(({ label }) => vars[`${label.toLowerCase()}-bg`]);
    assert.equal(new Set(backgrounds).size, LABELS.length, 'one colour per label');
    t.diagnostic(`${theme}: text on highlights ${Math.min(...ratios).toFixed(2)}:1 at worst`);
  });

  test(`${theme} theme: label tags, quoted text and page text meet WCAG AA`, () => {
    assert.ok(contrast(vars['tag-fg'], vars['tag-bg']) >= AA_TEXT, 'label tags');
    assert.ok(contrast(vars.fg, vars.bg) >= AA_TEXT, 'text on the element background');
    const tinted = over(vars['quote-bg'], vars.bg);
    assert.ok(contrast(vars.fg, tinted) >= AA_TEXT, `quoted text on its tint (${contrast(vars.fg, tinted).toFixed(2)}:1)`);
    assert.ok(contrast(vars['cue-line'], tinted) >= AA_NON_TEXT, 'the cue underline');
    assert.ok(contrast(vars['source-line'], vars.bg) >= AA_NON_TEXT, 'the source box');
    assert.ok(contrast(vars.focus, vars.bg) >= AA_NON_TEXT, 'the focus ring');
  });
}

test('the system dark mode and print use the right palettes, in the page and in the element', () => {
  const auto = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
  assert.deepEqual(variables(auto, ':root:not([data-theme="light"])'), THEMES.dark, 'system dark = dark theme');
  const print = css.slice(css.indexOf('@media print'));
  assert.deepEqual(variables(print, ':root, :root[data-theme="dark"], :root:not([data-theme="light"])'), THEMES.light, 'paper is light');
  const element = themeCss(ELEMENT_THEME);
  assert.deepEqual(variables(element, ':host'), THEMES.light);
  assert.deepEqual(variables(element, ':host([theme="dark"])'), THEMES.dark);
  assert.match(element, /:host\(:not\(\[theme="light"\]\)\)/);
});

test('labels do not rely on colour alone: underline patterns per family, tags on hover, focus and print', () => {
  for (const { label, group } of LABELS) {
    const style = { names: 'solid', numbers: 'dashed', web: 'dotted' }[group];
    assert.match(css, new RegExp(`\\[data-label="${label}"\\] \\{[^}]*--hl-style: ${style};`), `${label} is ${style}`);
  }
  assert.match(css, /mark\[data-label\]:hover::after,\s*mark\[data-label\]:focus::after,\s*\.show-tags mark\[data-label\]::after \{\s*content: attr\(data-label\)/);
  assert.match(css.slice(css.lastIndexOf('@media print')), /mark\[data-label\]::after \{\s*content: attr\(data-label\)/);
});
