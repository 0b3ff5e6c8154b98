// UTF-16 offsets in the wasm API: exact under emoji, ZWJ sequences, combining
// marks, CRLF, right-to-left text, lone surrogates and NUL, and on a varied
// corpus of team-written texts.

import assert from 'node:assert/strict';
import test from 'node:test';

import { ARTICLES, corpus } from './corpus.mjs';
import { analyse, assertContract, assertFinds, compose } from './lede.mjs';

/** Awkward text placed around and between the entities of each case. */
const SURROUNDINGS = {
  'emoji': '🤨',
  'ZWJ family': '👩‍👩‍👧',
  'flag': '🇳🇿',
  'skin tone': '👍🏽',
  'rainbow flag (ZWJ + VS16)': '🏳️‍🌈',
  'keycap': '1️⃣',
  'combining acute': 'Cafe\u0301',
  'stacked combining marks': 'e\u0301\u0302\u0303',
  'CRLF': 'line one\r\n\r\nline two\r\n',
  'lone CR': 'one\rtwo',
  'Arabic (RTL)': 'مرحبا بالعالم',
  'Hebrew (RTL) with marks': '\u200Fשלום עולם\u200E',
  'Devanagari': 'नमस्ते',
  'CJK': '東京都庁',
  'astral CJK': '𠮷野家',
  'mathematical bold': '𝐁𝐨𝐥𝐝',
  'NUL': 'a\u0000b',
  'BOM': '\uFEFF',
  'NBSP': 'x\u00A0y',
  'line separator': 'x\u2028y',
  'lone high surrogate': '\uD800',
  'lone low surrogate': '\uDC00',
  'reversed surrogates': '\uDC00\uD800',
};

function caseText(around) {
  return compose(
    around, ' ', { label: 'HANDLE', text: '@maria_k' }, ' ', around, ' ',
    { label: 'HASHTAG', text: '#Budget2025' }, ' ', around, ' ',
    { label: 'URL', text: 'https://example.org/a?b=1' }, ' ', around, ' ',
    { label: 'EMAIL', text: 'press@example.org' }, ' ', around,
  );
}

for (const [name, around] of Object.entries(SURROUNDINGS)) {
  test(`offsets are exact around ${name}`, () => {
    const { text, expected } = caseText(around);
    const r = analyse(text, { sentences: true, tokens: true });
    assertContract(text, r);
    assertFinds(r, expected, name);
  });
}

test('a text that starts and ends with an entity', () => {
  const { text, expected } = compose({ label: 'HANDLE', text: '@start' }, ' 🤨 ', { label: 'HASHTAG', text: '#end' });
  const r = analyse(text);
  assertContract(text, r);
  assertFinds(r, expected, 'edges');
});

test('entities after many astral characters keep exact offsets', () => {
  const emoji = '😀'.repeat(5000);
  const { text, expected } = compose(emoji, ' ', { label: 'HANDLE', text: '@after_emoji' }, ' ', emoji);
  const r = analyse(text);
  assertContract(text, r);
  assertFinds(r, expected, 'after 5000 emoji');
  assert.equal(r.entities[0].start, 10001);
});

test('every span is exact on the team corpus (articles, fragments, generated mixtures)', () => {
  let entities = 0;
  for (const text of corpus()) {
    const r = analyse(text, { sentences: true, tokens: true });
    assertContract(text, r);
    entities += r.entities.length;
  }
  assert.ok(entities > 200, `the corpus should exercise many entities, found ${entities}`);
});

test('multi-paragraph articles: handles, hashtags, links and emails found where they are', () => {
  for (const text of ARTICLES) {
    const r = analyse(text);
    assertContract(text, r);
    const want = [...text.matchAll(/(?<=\s|^)(@\w+|#\p{L}[\p{L}\p{N}_]*|[\w.]+@[\w-]+(?:\.[\w-]+)+)/gu)];
    for (const m of want) {
      const found = r.entities.find((e) => e.start === m.index && e.text === m[0]);
      assert.ok(found, `${JSON.stringify(m[0])} at ${m.index} not found in ${JSON.stringify(r.entities.map((e) => e.text))}`);
    }
  }
});

test('a lone surrogate is one UTF-16 unit: later offsets do not shift', () => {
  const { text, expected } = compose('\uD83D', 'x \uDE00 ', { label: 'HANDLE', text: '@bob' }, ' \uD800');
  const r = analyse(text);
  assertContract(text, r);
  assertFinds(r, expected, 'lone surrogates');
});

test('a lone surrogate inside an entity keeps its offsets and is kept in the entity text', () => {
  const text = 'see https://example.org/a\uD800b now. “Quote \uDC00 here,” said @bob.';
  const r = analyse(text, { sentences: true, tokens: true });
  assertContract(text, r);
  const url = r.entities.find((e) => e.label === 'URL');
  assert.ok(url, 'URL found');
  assert.equal(url.start, 4);
  assert.equal(url.text, 'https://example.org/a\uD800b');
});

test('lone surrogates: every span anywhere in the result (parts, posts, hedges, groups) slices the caller’s text', () => {
  const text = [
    'Mayor Ana \uD800Ruiz said the plan “will \uDC00 work,” and added, “we are \uD800 ready.”',
    'The dam was allegedly \uDC00 cracked.',
    'Floods again \uD800 today pic.twitter.com/Ab\uDC00cd',
    '— Ana Ruiz (@ana_\uD800ruiz) July 7, 2025',
  ].join('\n\n');
  const r = analyse(text);
  let spans = 0;
  const walk = (value) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value.start === 'number' && typeof value.end === 'number' && typeof value.text === 'string') {
      spans += 1;
      assert.equal(value.text, text.slice(value.start, value.end), JSON.stringify(value));
    }
    Object.values(value).forEach(walk);
  };
  walk(r);
  assert.ok(r.hedged_claims.length >= 1 && r.attributions.length >= 2, 'the text has records to check');
  assert.ok(spans > 10, `checked ${spans} spans`);
});
