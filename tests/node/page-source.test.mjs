// A static guard on the page's own source (www/) and the package's (js/, not
// the generated www/pkg): no HTML sinks, no eval, no inline scripts, styles
// or handlers, nothing fetched from elsewhere. The browser tests check the
// same at run time.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { ROOT } from './lede.mjs';

const FOLDERS = { www: join(ROOT, 'www'), js: join(ROOT, 'js') };
const files = Object.entries(FOLDERS).flatMap(([name, dir]) =>
  readdirSync(dir)
    .filter((f) => /\.(js|html|css)$/.test(f))
    .map((f) => `${name}/${f}`),
);
const source = (f) => readFileSync(join(ROOT, f), 'utf8');
/** Code without comments, so prose about a sink is not mistaken for one. */
const code = (f) => source(f).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/**
 * The one HTML parse in the project: text-import.js reads pasted or dropped
 * HTML through an inert <template>, with markup made by the Trusted Types
 * policy that strips every attribute. Allowed exactly there, in that form.
 */
const INERT_PARSE = 'template.innerHTML = inertHtml(html);';

test('the page and the package are made of the expected files', () => {
  for (const f of [
    'index.html', 'style.css', 'app.js', 'lists.js', 'example.js', 'text-import.js', 'share.js',
    'embed.html', 'embed.js', 'embed.css',
  ]) {
    assert.ok(files.includes(`www/${f}`), `www/${f}`);
  }
  for (const f of [
    'index.js', 'core.js', 'analyser.js', 'engine.js', 'worker.js', 'element.js', 'exports.js',
    'plan.js', 'render.js', 'theme.js', 'labels.js', 'navigate.js', 'sources.js',
  ]) {
    assert.ok(files.includes(`js/${f}`), `js/${f}`);
  }
  for (const moved of ['plan.js', 'render.js', 'labels.js', 'worker.js']) {
    assert.ok(!files.includes(`www/${moved}`), `www/${moved} lives in the package now (one copy)`);
  }
});

test('no script builds HTML from strings or evaluates code', () => {
  const sinks = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b|setAttribute\(\s*['"](on\w+|style|src|href)['"]|createContextualFragment|DOMParser|parseHTMLUnsafe|setHTMLUnsafe|\.srcdoc\b/;
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    let text = code(f);
    if (f === 'www/text-import.js') {
      assert.equal(text.split(INERT_PARSE).length, 2, 'the inert parse appears once');
      text = text.replace(INERT_PARSE, '');
    }
    const hit = text.match(sinks);
    assert.equal(hit, null, `${f} uses ${hit?.[0]}`);
  }
});

test('the inert-HTML policy strips every attribute before parsing', () => {
  const text = code('www/text-import.js');
  assert.match(text, /createPolicy\('lede-inert-html', \{ createHTML: strip \}\)/);
  assert.match(text, /const strip = \(input\) => input\.replace\(START_TAG, '<\$1>'\);/);
});

test('the HTML pages have no inline script, style or handler, and only local resources', () => {
  for (const page of ['www/index.html', 'www/embed.html']) {
    const html = source(page);
    assert.match(html, /<link rel="icon" href="data:,">/);
    assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self';[^"]*style-src 'self';[^"]*require-trusted-types-for 'script'; trusted-types lede-worker/);
    for (const [pattern, what] of [
      [/<script(?![^>]*\bsrc=)[^>]*>/, 'an inline <script>'],
      [/\sstyle\s*=/, 'a style attribute'],
      [/<style\b/, 'a <style> element'],
      [/\son[a-z]+\s*=/, 'an inline event handler'],
      [/(src|href)\s*=\s*"(https?:)?\/\//, 'a resource from another origin'],
    ]) assert.doesNotMatch(html, pattern, `${page} has ${what}`);
  }
  const index = source('www/index.html');
  assert.equal((index.match(/<textarea\b/g) ?? []).length, 1);
  assert.match(index, /<textarea[^>]*\bid="article"/);
});

test('no script or stylesheet reaches for the network beyond the wasm', () => {
  for (const f of files) {
    assert.doesNotMatch(code(f), /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|@import|url\(\s*['"]?https?:/, f);
  }
});

test('new workers are only created from the package, through Trusted Types', () => {
  const creators = files.filter((f) => f.endsWith('.js') && /new\s+Worker\s*\(/.test(code(f)));
  assert.deepEqual(creators, ['js/analyser.js']);
  assert.match(code('js/analyser.js'), /new Worker\(scriptUrl\(workerUrl, trustedTypesPolicy\)/);
});
