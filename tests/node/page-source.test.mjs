// A static guard on the page's own source (www/, not the generated www/pkg):
// no HTML sinks, no eval, no inline scripts, styles or handlers, nothing
// fetched from elsewhere. The browser tests check the same at run time.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { ROOT } from './lede.mjs';

const WWW = join(ROOT, 'www');
const files = readdirSync(WWW).filter((f) => /\.(js|html|css)$/.test(f));
const source = (f) => readFileSync(join(WWW, f), 'utf8');
/** Code without comments, so prose about a sink is not mistaken for one. */
const code = (f) => source(f).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

test('the page is made of the expected files', () => {
  for (const f of ['index.html', 'style.css', 'app.js', 'worker.js', 'plan.js', 'render.js', 'lists.js', 'labels.js', 'example.js']) {
    assert.ok(files.includes(f), `www/${f}`);
  }
});

test('no script builds HTML from strings or evaluates code', () => {
  const sinks = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b|setAttribute\(\s*['"](on\w+|style|src|href)['"]|createContextualFragment|DOMParser|\.srcdoc\b/;
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    const hit = code(f).match(sinks);
    assert.equal(hit, null, `www/${f} uses ${hit?.[0]}`);
  }
});

test('index.html has no inline script, style or handler, and only local resources', () => {
  const html = source('index.html');
  assert.equal((html.match(/<textarea\b/g) ?? []).length, 1);
  assert.match(html, /<textarea[^>]*\bid="article"/);
  assert.match(html, /<link rel="icon" href="data:,">/);
  for (const [pattern, what] of [
    [/<script(?![^>]*\bsrc=)[^>]*>/, 'an inline <script>'],
    [/\sstyle\s*=/, 'a style attribute'],
    [/<style\b/, 'a <style> element'],
    [/\son[a-z]+\s*=/, 'an inline event handler'],
    [/(src|href)\s*=\s*"(https?:)?\/\//, 'a resource from another origin'],
  ]) assert.doesNotMatch(html, pattern, `index.html has ${what}`);
});

test('no script or stylesheet reaches for the network beyond the wasm', () => {
  for (const f of files) {
    assert.doesNotMatch(code(f), /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|@import|url\(\s*['"]?https?:/, `www/${f}`);
  }
});
