// www/pkg as an npm package: package.json (name, crate version, exports map,
// types, files), imports through the exports map from a consumer's
// node_modules in a fresh node process, init() in node, and createAnalyser()
// on the calling thread (node has no web workers): results, superseded
// requests, queueing, cancelling and clear errors.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { ROOT } from './lede.mjs';

const PKG = join(ROOT, 'www', 'pkg');
const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
const crateVersion = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];

const lede = await import(join(PKG, 'index.js'));

test('package.json: name, the crate version, ES module, types, and an exports map whose files exist', () => {
  assert.equal(manifest.name, 'lede');
  assert.equal(manifest.version, crateVersion);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './index.d.ts');
  assert.deepEqual(Object.keys(manifest.exports).sort(), ['.', './analyser', './element', './exports', './lede_bg.wasm', './package.json', './wasm', './worker.js']);
  for (const [entry, target] of Object.entries(manifest.exports)) {
    const files = typeof target === 'string' ? [target] : [target.types, target.default];
    if (typeof target === 'object') assert.deepEqual(Object.keys(target), ['types', 'default'], `${entry}: "types" first`);
    for (const file of files) assert.ok(existsSync(join(PKG, file)), `${entry} → ${file} exists`);
  }
  // `files` covers every module the entry points import.
  for (const name of ['index.js', 'core.js', 'analyser.js', 'engine.js', 'worker.js', 'element.js', 'exports.js', 'plan.js', 'render.js', 'theme.js', 'labels.js', 'navigate.js', 'lede.js', 'lede_bg.wasm', 'index.d.ts', 'lede.d.ts']) {
    assert.ok(manifest.files.some((pattern) => (pattern.startsWith('*') ? name.endsWith(pattern.slice(1)) : name === pattern)), `files covers ${name}`);
    assert.ok(existsSync(join(PKG, name)), name);
  }
  for (const source of ['index.js', 'analyser.js', 'element.js', 'exports.js']) {
    assert.equal(readFileSync(join(PKG, source), 'utf8'), readFileSync(join(ROOT, 'js', source), 'utf8'), `${source} is copied from js/`);
  }
});

/** A consumer project with `node_modules/lede` → www/pkg; returns its folder. */
function consumerProject(name) {
  const dir = join(ROOT, 'test-output', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(PKG, join(dir, 'node_modules', 'lede'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}\n');
  return dir;
}

test('node imports every entry through the exports map; analyse before init says what to do', () => {
  const dir = consumerProject('node-consumer');
  writeFileSync(join(dir, 'main.js'), `
import { init, analyse, version, createAnalyser, toCSV, LABELS } from 'lede';
import { toWebAnnotation } from 'lede/exports';
import { createAnalyser as fromSubpath } from 'lede/analyser';
import initWasm, { analyse as rawAnalyse } from 'lede/wasm';
import { LedeArticle } from 'lede/element';
let early = null;
try { analyse('x'); } catch (err) { early = err.message; }
await init();
const text = 'Write to press@example.org or @city_hall.';
const result = analyse(text);
const analyser = createAnalyser();
console.log(JSON.stringify({
  early, version: version(), labels: result.entities.map((e) => e.label),
  raw: rawAnalyse(text).entities.length, same: fromSubpath === createAnalyser, element: typeof LedeArticle,
  csvRows: toCSV(text, result).split('\\r\\n').length, annotations: toWebAnnotation(text, result).total,
  mode: analyser.mode, ready: await analyser.ready, labelCount: LABELS.length,
}));
`);
  const out = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: dir, encoding: 'utf8' }));
  assert.match(out.early, /not loaded yet: `await init\(\)`/);
  assert.equal(out.version, crateVersion);
  assert.deepEqual(out.labels, ['EMAIL', 'HANDLE']);
  assert.equal(out.raw, 2);
  assert.equal(out.same, true);
  assert.equal(out.element, 'function', 'importing the element module outside a page is harmless');
  assert.equal(out.csvRows, 2, 'header and the final CRLF');
  assert.equal(out.annotations, 2);
  assert.equal(out.mode, 'inline');
  assert.equal(out.ready, crateVersion);
  assert.equal(out.labelCount, 13);
});

test('createAnalyser in node: the latest request wins, earlier ones reject with AbortError', async () => {
  await lede.init();
  const analyser = lede.createAnalyser();
  assert.equal(analyser.mode, 'inline');
  assert.equal(await analyser.ready, crateVersion);
  const texts = ['first @one', 'second @two', 'third @three'];
  const results = await Promise.allSettled(texts.map((t) => analyser.analyseDetailed(t)));
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected', 'fulfilled']);
  for (const r of results.slice(0, 2)) {
    assert.ok(r.reason instanceof DOMException);
    assert.equal(r.reason.name, 'AbortError');
    assert.match(r.reason.message, /superseded/);
  }
  const last = results[2].value;
  assert.deepEqual(last.analysis, lede.analyse(texts[2]));
  assert.equal(last.stats.analysed, 1, 'the superseded requests never ran');
  assert.equal(last.stats.dropped, 2);
  assert.equal(last.plan, undefined, 'no plan unless asked');
  const text = '“We will rebuild,” said @mayor_office on Tuesday.';
  const planned = await analyser.analyseDetailed(text, undefined, { plan: true });
  const expected = lede.analyse(text);
  const { plan } = planned;
  assert.equal(plan.entityCount, expected.entities.length);
  assert.ok(plan.runStart instanceof Int32Array && plan.entityStart instanceof Int32Array, 'the plan is packed in typed arrays');
  assert.deepEqual(
    Array.from(plan.entityStart, (start, i) => ({ start, end: plan.entityEnd[i], label: plan.labels[plan.entityLabel[i]] })),
    expected.entities.map(({ start, end, label }) => ({ start, end, label })),
  );
  assert.equal(plan.attributionCount, expected.attributions.length);
  assert.deepEqual(planned.analysis, expected, 'the analysis comes along (parsed when read)');
  assert.equal(planned.analysis, planned.analysis, 'and is parsed once');
});

test('createAnalyser({ supersede: false }) queues; cancel, signals and terminate reject with AbortError', async () => {
  const queue = lede.createAnalyser({ supersede: false });
  const all = await Promise.all(['a @one', 'b @two', 'c @three'].map((t) => queue.analyse(t)));
  assert.deepEqual(all.map((r) => r.entities[0].text), ['@one', '@two', '@three']);

  const controller = new AbortController();
  const aborted = queue.analyse('d @four', undefined, { signal: controller.signal });
  controller.abort(new DOMException('the reader moved on', 'AbortError'));
  await assert.rejects(aborted, { name: 'AbortError', message: 'the reader moved on' });

  const pending = queue.analyse('e @five');
  queue.cancel();
  await assert.rejects(pending, { name: 'AbortError' });
  assert.equal((await queue.analyse('f @six')).entities[0].text, '@six', 'usable after cancel');

  const doomed = queue.analyse('g');
  queue.terminate();
  await assert.rejects(doomed, { name: 'AbortError', message: /terminated/ });
  await assert.rejects(queue.analyse('h'), { name: 'AbortError' });
});

test('createAnalyser: clear errors for a non-string text, unknown options and unsendable options', async () => {
  const analyser = lede.createAnalyser({ supersede: false });
  await assert.rejects(analyser.analyse(42), { name: 'TypeError', message: 'lede: analyse(text) needs the article text as a string, got number' });
  await assert.rejects(analyser.analyse(null), { message: /got null/ });
  await assert.rejects(analyser.analyse('x', { labelz: ['PERSON'] }), { message: /unknown option `labelz`/ });
  await assert.rejects(analyser.analyse('x', { labels: 'PERSON' }), { message: /^lede\.analyse: invalid options/ });
  assert.equal((await analyser.analyse('still fine @ok')).entities[0].text, '@ok', 'an error does not break the analyser');
});

test('a missing wasm file rejects `ready` and every call with the reason', async () => {
  // A fresh process: this one has the wasm loaded already.
  const dir = consumerProject('node-missing-wasm');
  writeFileSync(join(dir, 'main.js'), `
import { createAnalyser } from 'lede';
const analyser = createAnalyser({ wasmUrl: new URL('file:///nonexistent/lede_bg.wasm') });
const ready = await analyser.ready.then(() => 'ok', (err) => err.message);
const call = await analyser.analyse('x').then(() => 'ok', (err) => err.message);
console.log(JSON.stringify({ ready, call }));
`);
  const out = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: dir, encoding: 'utf8' }));
  assert.match(out.ready, /^lede: could not load the analyser \(.*no such file/);
  assert.equal(out.call, out.ready);
});
