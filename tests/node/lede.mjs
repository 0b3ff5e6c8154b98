// Shared by the node tests: loads the wasm build in www/pkg (made by
// `make build`) the way a bundler-free page would, and checks analyses
// against the output contract.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'www', 'pkg');

if (!existsSync(join(PKG, 'lede_bg.wasm'))) {
  throw new Error(`${PKG}/lede_bg.wasm is missing: run \`make build\` first`);
}

const lede = await import(join(PKG, 'lede.js'));
lede.initSync({ module: readFileSync(join(PKG, 'lede_bg.wasm')) });

/** The wasm API: `analyse(text, options?)` and `version()`. */
export const { analyse, version } = lede;

/** Entity labels of the contract. */
export const LABELS = new Set([
  'PERSON', 'ORG', 'PLACE', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY',
  'HANDLE', 'HASHTAG', 'URL', 'EMAIL',
]);

/** Attribution kinds of the contract. */
export const KINDS = new Set(['direct', 'indirect', 'mixed', 'according_to', 'social_post']);

/** Asserts `span` is a well-formed UTF-16 span of `text` carrying its text. */
export function assertSpan(text, span, what) {
  assert.ok(span && typeof span === 'object', `${what}: not an object`);
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets must be integers`);
  assert.ok(0 <= span.start && span.start < span.end && span.end <= text.length,
    `${what}: [${span.start}, ${span.end}) is not a non-empty span of a text of length ${text.length}`);
  assert.equal(text.slice(span.start, span.end), span.text, `${what}: text.slice(start, end) !== text`);
}

/**
 * Asserts `result` honours the contract for `text`: version and unit, every
 * span exact, labels and kinds known, entities in order and never overlapping.
 */
export function assertContract(text, result) {
  assert.equal(result.version, version());
  assert.equal(result.offsets, 'utf16');
  assert.ok(Array.isArray(result.entities), 'entities must be an array');
  assert.ok(Array.isArray(result.attributions), 'attributions must be an array');
  let previousEnd = 0;
  result.entities.forEach((e, i) => {
    assertSpan(text, e, `entity ${i} (${e.label})`);
    assert.ok(LABELS.has(e.label), `entity ${i}: unknown label ${e.label}`);
    assert.ok(e.start >= previousEnd, `entity ${i} overlaps or precedes the one before it`);
    previousEnd = e.end;
  });
  result.attributions.forEach((a, i) => {
    assert.ok(KINDS.has(a.kind), `attribution ${i}: unknown kind ${a.kind}`);
    assertSpan(text, a.content, `attribution ${i} content`);
    for (const role of ['cue', 'source']) {
      assert.ok(role in a, `attribution ${i}: missing ${role} (must be a span or null)`);
      if (a[role] !== null) assertSpan(text, a[role], `attribution ${i} ${role}`);
    }
  });
  for (const key of ['sentences', 'tokens']) {
    if (result[key] !== undefined) result[key].forEach((s, i) => assertSpan(text, s, `${key} ${i}`));
  }
}

/**
 * Builds a text from pieces; `{ label, text }` pieces are entities the
 * analyser must find at exactly that place. Returns `{ text, expected }`.
 */
export function compose(...pieces) {
  let text = '';
  const expected = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') text += piece;
    else {
      expected.push({ start: text.length, end: text.length + piece.text.length, label: piece.label, text: piece.text });
      text += piece.text;
    }
  }
  return { text, expected };
}

/** Asserts every expected entity is reported exactly (label and offsets). */
export function assertFinds(result, expected, context = '') {
  for (const want of expected) {
    const got = result.entities.find((e) => e.start === want.start && e.end === want.end);
    assert.ok(got, `${context}: expected ${want.label} ${JSON.stringify(want.text)} at [${want.start}, ${want.end}); ` +
      `got ${JSON.stringify(result.entities.map((e) => [e.label, e.start, e.end, e.text]))}`);
    assert.equal(got.label, want.label, `${context}: label of ${JSON.stringify(want.text)}`);
    assert.equal(got.text, want.text);
  }
}
