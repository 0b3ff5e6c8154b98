// Large inputs complete, without throwing, with every mention found.

import assert from 'node:assert/strict';
import test from 'node:test';

import { ARTICLES } from './corpus.mjs';
import { analyse, assertContract } from './lede.mjs';

const SENTENCE = 'The mayor, writing as @city_hall, said costs rose 12% under #Budget2025 (see https://example.org/budget) 🤨. ';

test('a 1 MB single line', (t) => {
  const repeats = Math.ceil(1_000_000 / SENTENCE.length);
  const text = SENTENCE.repeat(repeats);
  assert.ok(text.length >= 1_000_000 && !text.includes('\n'));
  const t0 = performance.now();
  const r = analyse(text);
  t.diagnostic(`1 MB line: ${Math.round(performance.now() - t0)} ms, ${r.entities.length} entities`);
  assertContract(text, r);
  const count = (label) => r.entities.filter((e) => e.label === label).length;
  assert.equal(count('HANDLE'), repeats);
  assert.equal(count('HASHTAG'), repeats);
  assert.equal(count('URL'), repeats);
});

test('about 5 MB of multi-paragraph articles', (t) => {
  const one = ARTICLES.join('\n\n') + '\n\n';
  const repeats = Math.ceil(5_000_000 / one.length);
  const text = one.repeat(repeats);
  const t0 = performance.now();
  const r = analyse(text, { sentences: true });
  t.diagnostic(`${(text.length / 1e6).toFixed(1)} M UTF-16 units: ${Math.round(performance.now() - t0)} ms, ${r.entities.length} entities, ${r.attributions.length} attributions`);
  assertContract(text, r);
  const perCopy = analyse(one).entities.length;
  assert.ok(perCopy > 0);
  // Document-level evidence (a name seen elsewhere in the article) may
  // change a few mentions across copies, but never many.
  const ratio = r.entities.length / (perCopy * repeats);
  assert.ok(ratio > 0.95 && ratio < 1.05, `entities per copy stay about the same (ratio ${ratio.toFixed(3)})`);
});

test('a 1 MB text without any space or line break', () => {
  const text = 'x'.repeat(500_000) + '@' + '𝐁'.repeat(250_000);
  const r = analyse(text, { tokens: true, sentences: true });
  assertContract(text, r);
});

test('10 MB of messy text: NUL bytes, unbalanced quotes, lone surrogates, CRLF', (t) => {
  const messy = ARTICLES.join('\r\n\r\n').replaceAll('.', '.\0').replaceAll('”', '') + ' “unclosed \uD800 quote\n\n';
  const text = messy.repeat(Math.ceil(10_000_000 / messy.length));
  assert.ok(text.length >= 10_000_000);
  const t0 = performance.now();
  const r = analyse(text);
  t.diagnostic(`${(text.length / 1e6).toFixed(1)} M UTF-16 units: ${Math.round(performance.now() - t0)} ms, ${r.entities.length} entities, ${r.attributions.length} attributions`);
  assertContract(text, r);
  assert.ok(r.entities.length > 1000);
});
