// The JS half of the boundary encoding (js/snippets/tape.js; the format is
// documented in src/tape.rs). The round trip through the wasm is covered by
// every other node test; this one pins the format on hand-written tapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTape } from '../../js/snippets/tape.js';

const [NULL, TRUE, FALSE, UINT, FLOAT, STRING, NAME, ARRAY, OBJECT, SPAN_TEXT] =
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

test('objects, arrays, numbers and strings', () => {
  // names: 0 start, 1 end, 2 text, 3 label, 4 PERSON, 5 list, 6 note
  const names = ['start', 'end', 'text', 'label', 'PERSON', 'list', 'note'].join('\u0000');
  const ops = Uint32Array.from([
    OBJECT, 6,
    0, UINT, 7,
    1, UINT, 17,
    2, SPAN_TEXT,
    3, NAME, 4,
    5, ARRAY, 5, NULL, TRUE, FALSE, FLOAT, FLOAT,
    6, STRING, 2, 4,
  ]);
  const input = 'Mayor Karen Bass said';
  const value = readTape(ops, Float64Array.from([0.25, -3]), names, '😀ok', input);
  assert.deepEqual(value, {
    start: 7, end: 17, text: 'aren Bass ', label: 'PERSON',
    list: [null, true, false, 0.25, -3], note: 'ok',
  });
  assert.equal(value.text, input.slice(7, 17));
});

test('span texts keep the caller’s lone surrogates', () => {
  const input = 'a\uD800b';
  const ops = Uint32Array.from([OBJECT, 3, 0, UINT, 0, 1, UINT, 3, 2, SPAN_TEXT]);
  const value = readTape(ops, new Float64Array(0), 'start\u0000end\u0000text', '', input);
  assert.equal(value.text, 'a\uD800b');
});

test('an unknown op is an error, not a wrong result', () => {
  assert.throws(() => readTape(Uint32Array.from([42]), new Float64Array(0), '', '', ''), /unreadable result/);
});
