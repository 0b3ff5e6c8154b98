// The JS API in node: version, options, errors, empty input.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { analyse, assertContract, compose, LABELS, ROOT, version } from './lede.mjs';

const SAMPLE = compose(
  'Follow ', { label: 'HANDLE', text: '@city_hall' }, ' and read ',
  { label: 'URL', text: 'https://example.org/budget' }, ' or write to ',
  { label: 'EMAIL', text: 'press@example.org' }, ' ', { label: 'HASHTAG', text: '#Budget2025' }, '.',
).text;

test('version() is the crate version and appears in every result', () => {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const crateVersion = cargo.match(/^version\s*=\s*"([^"]+)"/m)[1];
  assert.equal(version(), crateVersion);
  assert.equal(analyse('x').version, crateVersion);
});

test('result shape: offsets unit, arrays, no sentences or tokens unless asked', () => {
  const r = analyse(SAMPLE);
  assertContract(SAMPLE, r);
  assert.equal(r.offsets, 'utf16');
  assert.ok(!('sentences' in r) && !('tokens' in r));
  assert.ok(r.entities.length >= 4);
});

test('options: labels filter, attributions off, sentences and tokens on', () => {
  const handles = analyse(SAMPLE, { labels: ['HANDLE'] });
  assert.deepEqual(handles.entities.map((e) => e.label), ['HANDLE']);
  const web = analyse(SAMPLE, { labels: ['URL', 'EMAIL'] });
  assert.deepEqual(web.entities.map((e) => e.label), ['URL', 'EMAIL']);
  assert.deepEqual(analyse(SAMPLE, { labels: [] }).entities, []);

  const quote = '“We will rebuild,” said Ana Ruiz, according to @city_hall.';
  assert.deepEqual(analyse(quote, { attributions: false }).attributions, []);

  const full = analyse(SAMPLE, { sentences: true, tokens: true });
  assertContract(SAMPLE, full);
  assert.ok(full.sentences.length >= 1 && full.tokens.length >= 8);
  // Tokens cover every non-space character: "Follow" is the first.
  assert.equal(full.tokens[0].text, 'Follow');
});

test('missing, undefined, null and empty options mean the defaults', () => {
  const base = JSON.stringify(analyse(SAMPLE));
  for (const options of [undefined, null, {}]) {
    assert.equal(JSON.stringify(analyse(SAMPLE, options)), base, `options = ${JSON.stringify(options)}`);
  }
});

/** Asserts `fn` throws an Error whose message matches every pattern. */
function assertThrowsClearly(fn, ...patterns) {
  let caught;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof Error, `expected an Error, got ${caught === undefined ? 'no exception' : String(caught)}`);
  assert.match(caught.message, /^lede\.analyse: /, 'messages name the function');
  for (const pattern of patterns) assert.match(caught.message, pattern);
}

test('bad options throw an Error that says what to fix', () => {
  assertThrowsClearly(() => analyse('x', { labels: ['PER'] }), /PER/, /PERSON/);
  assertThrowsClearly(() => analyse('x', { foo: 1 }), /unknown option `foo`/, /labels/);
  assertThrowsClearly(() => analyse('x', 'x'), /options must be an object/, /string/);
  assertThrowsClearly(() => analyse('x', ['PERSON']), /options must be an object/, /array/);
  assertThrowsClearly(() => analyse('x', 42), /options must be an object/, /number/);
  assertThrowsClearly(() => analyse('x', { labels: 'PERSON' }), /labels/);
  assertThrowsClearly(() => analyse('x', { attributions: 'yes' }), /attributions|boolean/);
  assertThrowsClearly(() => analyse('x', { labels: ['person'] }), /person/);
});

test('a text that is not a string throws an Error naming its type', () => {
  assertThrowsClearly(() => analyse(42), /must be a string/, /number/);
  assertThrowsClearly(() => analyse(null), /must be a string/, /null/);
  assertThrowsClearly(() => analyse(undefined), /must be a string/, /undefined/);
  assertThrowsClearly(() => analyse({ text: 'x' }), /must be a string/, /object/);
  assertThrowsClearly(() => analyse(['x']), /must be a string/, /array/);
  assertThrowsClearly(() => analyse(), /must be a string/);
});

test('the module keeps working after errors', () => {
  assert.throws(() => analyse(1));
  assert.throws(() => analyse('x', { foo: 1 }));
  const r = analyse(SAMPLE);
  assertContract(SAMPLE, r);
  assert.ok(r.entities.length >= 4);
});

test('empty and whitespace-only texts give empty results', () => {
  for (const text of ['', ' ', '\n', '\r\n\r\n', ' \t\u00A0\u2028\u3000 ', '\n'.repeat(1000)]) {
    const r = analyse(text, { sentences: true, tokens: true });
    assertContract(text, r);
    assert.deepEqual(r.entities, [], JSON.stringify(text));
    assert.deepEqual(r.attributions, [], JSON.stringify(text));
  }
});

test('every label the API may return is in the contract', () => {
  const types = readFileSync(join(ROOT, 'www', 'pkg', 'lede.d.ts'), 'utf8');
  const declared = types.match(/export type Label =([^;]+);/)[1].match(/"([A-Z]+)"/g).map((s) => s.slice(1, -1));
  assert.deepEqual(new Set(declared), LABELS);
});
