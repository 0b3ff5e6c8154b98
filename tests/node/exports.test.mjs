// The package's exports (www/pkg/exports.js) on real analyses: the CSV reads
// back through a strict RFC 4180 reader with offsets that point at the
// quoted words, the Web Annotation selectors point at the right code points
// (emoji before every span), the HTML keeps hostile text as text, and the
// JSON is the analysis. Optional fields from newer versions fill their
// columns when present and leave them empty when absent.

import assert from 'node:assert/strict';
import test from 'node:test';

import { csvRecords, parseCsv } from './csv.mjs';
import { ROOT } from './lede.mjs';

const lede = await import(`${ROOT}/www/pkg/index.js`);
await lede.init();
const { analyse, codePointMapper, escapeHtml, toCSV, toHTML, toJSON, toWebAnnotation } = lede;

/** Team-written: emoji (surrogate pairs, a ZWJ family) before every span, a formula-like quote, a handle source. */
const TEXT = [
  'Budget night 🌃 at city hall 👩‍👩‍👧',
  '',
  '“We will rebuild, and =SUM(A1) is not a plan,” said Ana, according to @city_hall.',
  '',
  '“The sign on the door says "closed" again,” she said. 🤨',
  '',
  '“Another one,” said @someone_else.',
].join('\n');
const ANALYSIS = analyse(TEXT);

/** Code point offset → UTF-16 offset in `text`. */
function utf16At(text, codePoints) {
  return [...text].slice(0, codePoints).join('').length;
}

test('the sample has what the exports need: attributions with sources and cues, entities, astral characters first', () => {
  assert.ok(ANALYSIS.attributions.length >= 3, JSON.stringify(ANALYSIS.attributions));
  assert.ok(ANALYSIS.attributions.some((a) => a.source && a.cue));
  assert.ok(ANALYSIS.entities.length >= 2);
  assert.ok(ANALYSIS.entities.every((e) => [...TEXT.slice(0, e.start)].length < e.start), 'code points and UTF-16 differ before every entity');
});

test('toCSV: RFC 4180 with CRLF rows; each row reads back to its attribution, offsets pointing at the text', () => {
  const csv = toCSV(TEXT, ANALYSIS);
  assert.ok(!csv.startsWith('\uFEFF'), 'no BOM unless asked');
  assert.ok(csv.endsWith('\r\n'));
  const records = csvRecords(csv);
  assert.deepEqual(Object.keys(records[0]), [
    'source', 'source_type', 'kind', 'cue', 'stance', 'quote',
    'quote_start_utf16', 'quote_end_utf16', 'source_start_utf16', 'source_end_utf16', 'cue_start_utf16', 'cue_end_utf16',
    'confidence',
  ]);
  assert.equal(records.length, ANALYSIS.attributions.length);
  records.forEach((row, i) => {
    const a = ANALYSIS.attributions[i];
    const unsafe = (s) => /^[=+\-@\t\r]/.test(s);
    const cell = (s) => (s === undefined || s === null ? '' : unsafe(s) ? `'${s}` : s);
    assert.equal(row.kind, a.kind);
    assert.equal(a.content_parts?.length ?? 1, 1, 'the sample has no split quotation');
    assert.equal(row.quote, cell(a.content.text));
    assert.equal(TEXT.slice(Number(row.quote_start_utf16), Number(row.quote_end_utf16)), a.content.text);
    assert.equal(row.source, cell(a.source?.text));
    if (a.source) assert.equal(TEXT.slice(Number(row.source_start_utf16), Number(row.source_end_utf16)), a.source.text);
    else assert.equal(row.source_start_utf16, '');
    if (a.cue) assert.equal(TEXT.slice(Number(row.cue_start_utf16), Number(row.cue_end_utf16)), a.cue.text);
    // Optional fields: the cell is the value when the analyser reports it, else empty.
    assert.equal(row.source_type, a.source_type ?? '');
    assert.equal(row.stance, a.stance ?? '');
    assert.equal(row.confidence, a.confidence === undefined ? '' : String(a.confidence));
  });
  assert.ok(records.some((r) => r.quote.includes('"closed"')), 'straight quotes survive quoting');
});

test('toCSV: a quotation split around its cue is quoted as the speaker\'s words only, its offsets still the whole span', () => {
  const text = '“We will,” the mayor said on Friday, “hold the line on the budget.”\n\nThe council did not comment.';
  const analysis = analyse(text);
  const split = analysis.attributions.find((a) => a.content_parts?.length === 2);
  assert.ok(split, JSON.stringify(analysis.attributions));
  const row = csvRecords(toCSV(text, analysis))[analysis.attributions.indexOf(split)];
  assert.equal(row.quote, `${split.content_parts[0].text} … ${split.content_parts[1].text}`);
  assert.match(row.quote, /^We will,? … hold the line on the budget\.$/);
  assert.ok(!row.quote.includes('said'), 'the cue is not quoted');
  assert.equal(text.slice(Number(row.quote_start_utf16), Number(row.quote_end_utf16)), split.content.text);
});

test('toCSV: cells that would start a formula are prefixed; quotes are doubled; numbers are bare', () => {
  const text = '=1+1 said @handle -x +y "q"';
  const span = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const analysis = {
    version: 't', offsets: 'utf16', entities: [],
    attributions: [{ kind: 'direct', content: span('=1+1'), cue: span('said'), source: span('@handle'), source_type: '-x', stance: '+y' }],
  };
  const csv = toCSV(text, analysis);
  const line = csv.split('\r\n')[1];
  assert.equal(line, `"'@handle","'-x","direct","said","'+y","'=1+1",0,4,10,17,5,9,`);
  const raw = csvRecords(toCSV(text, analysis, { formulaSafe: false }))[0];
  assert.equal(raw.quote, '=1+1', 'formulaSafe: false keeps the text as is');
  const quoted = { ...analysis, attributions: [{ ...analysis.attributions[0], content: span('"q"') }] };
  assert.ok(toCSV(text, quoted).includes('"""q"""'), 'quotes doubled inside a quoted cell');
  const lines = 'One, "two"\r\nthree\nfour';
  const multi = { attributions: [{ kind: 'direct', content: { start: 0, end: lines.length, text: lines }, cue: null, source: null }] };
  assert.equal(csvRecords(toCSV(lines, multi))[0].quote, lines, 'line breaks and commas stay inside one quoted cell');
});

test('toCSV: optional BOM, code point offsets named in the header, newer fields filled when present', () => {
  const bom = toCSV(TEXT, ANALYSIS, { bom: true });
  assert.ok(bom.startsWith('\uFEFF'));
  assert.equal(bom.slice(1), toCSV(TEXT, ANALYSIS));

  const cp = csvRecords(toCSV(TEXT, ANALYSIS, { offsets: 'codepoints' }));
  assert.ok('quote_start_codepoint' in cp[0] && !('quote_start_utf16' in cp[0]));
  const chars = [...TEXT];
  cp.forEach((row, i) => {
    const a = ANALYSIS.attributions[i];
    assert.equal(chars.slice(Number(row.quote_start_codepoint), Number(row.quote_end_codepoint)).join(''), a.content.text);
    assert.ok(Number(row.quote_start_codepoint) < a.content.start, 'code points are fewer than UTF-16 units here');
  });
  assert.throws(() => toCSV(TEXT, ANALYSIS, { offsets: 'bytes' }), /offsets must be "utf16" or "codepoints"/);

  const newer = {
    ...ANALYSIS,
    attributions: ANALYSIS.attributions.map((a) => ({ ...a, source_type: 'named_person', stance: 'assertive', confidence: 0.75 })),
  };
  for (const row of csvRecords(toCSV(TEXT, newer))) {
    assert.equal(row.source_type, 'named_person');
    assert.equal(row.stance, 'assertive');
    assert.equal(row.confidence, '0.75');
  }
  assert.equal(parseCsv(toCSV('', { entities: [], attributions: [] })).length, 1, 'an empty analysis is a header row');
});

test('toWebAnnotation: JSON-LD whose selectors point at the spans in code points, with matching quotes', () => {
  const doc = JSON.parse(JSON.stringify(toWebAnnotation(TEXT, ANALYSIS)));
  assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(doc.type, 'AnnotationCollection');
  const items = doc.first.items;
  assert.equal(items.length, ANALYSIS.entities.length + ANALYSIS.attributions.length);
  assert.equal(doc.total, items.length);
  assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'ids are unique');
  const chars = [...TEXT];
  const check = (target, span, what) => {
    const [position, quote] = target.selector;
    assert.equal(position.type, 'TextPositionSelector');
    assert.equal(quote.type, 'TextQuoteSelector');
    assert.equal(chars.slice(position.start, position.end).join(''), span.text, `${what}: code point positions`);
    assert.equal(utf16At(TEXT, position.start), span.start, `${what}: start`);
    assert.equal(quote.exact, span.text);
    assert.ok(TEXT.slice(0, span.start).endsWith(quote.prefix) && TEXT.slice(span.end).startsWith(quote.suffix), `${what}: context`);
    assert.ok(quote.prefix.length > 0 || span.start === 0);
    for (const s of [quote.prefix, quote.suffix]) assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(s), 'context never splits a surrogate pair');
  };
  ANALYSIS.entities.forEach((e, i) => {
    const a = items[i];
    assert.equal(a.type, 'Annotation');
    assert.equal(a.motivation, 'tagging');
    assert.deepEqual(a.body, { type: 'TextualBody', purpose: 'tagging', value: e.label, format: 'text/plain' });
    check(a.target, e, `entity ${i}`);
  });
  ANALYSIS.attributions.forEach((attr, i) => {
    const a = items[ANALYSIS.entities.length + i];
    assert.equal(a.motivation, 'describing');
    check(a.target, attr.content, `attribution ${i}`);
    assert.ok(a.body.some((b) => b.purpose === 'tagging' && b.value === `attribution:${attr.kind}`));
    const identifying = a.body.find((b) => b.purpose === 'identifying');
    if (attr.source) check(identifying, attr.source, `attribution ${i} source`);
    else assert.equal(identifying, undefined);
    assert.equal(a.target.source, doc.first.items[0].target.source, 'one document');
  });
  assert.equal(toWebAnnotation(TEXT, ANALYSIS, { source: 'https://example.org/story' }).first.items[0].target.source, 'https://example.org/story');
  assert.equal(toWebAnnotation(TEXT, ANALYSIS).first.items[0].target.source, toWebAnnotation(TEXT, ANALYSIS).first.items[0].target.source, 'stable default source');
});

test('codePointMapper counts astral characters once and lone surrogates once', () => {
  const text = 'a😀b\uD800c\uDC00d';
  const map = codePointMapper(text, [0, 1, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual([0, 1, 3, 4, 5, 6, 7, 8].map(map), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.equal([...text].length, 7);
});

test('toHTML: one inert document; the article is escaped, highlighted and complete', () => {
  const hostile = '<script>alert(1)</script> "x" & \'y\' <img src=x onerror=alert(2)> @city_hall </style></article>';
  const text = `${TEXT}\n\n${hostile}`;
  const html = toHTML(text, analyse(text), { title: '<b>Title</b>' });
  assert.match(html, /^<!doctype html>/);
  assert.equal((html.match(/<script/gi) ?? []).length, 0, 'no script element at all');
  assert.doesNotMatch(html, /<img|<\/style><\/article>/, 'the hostile text is escaped');
  // (The digits may be highlighted as quantities: check around them.)
  assert.ok(html.includes('&lt;script&gt;alert(') && html.includes(')&lt;/script&gt;'));
  assert.ok(html.includes('<title>&lt;b&gt;Title&lt;/b&gt;</title>'));
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
  assert.doesNotMatch(html.replace(/<article[\s\S]*<\/article>/, ''), /(src|href)=|url\(|@import/, 'nothing external');
  // The article element holds exactly the text, once the markup is taken out and entities decoded.
  const body = html.match(/<article class="lede-article">([\s\S]*?)<\/article>/)[1];
  const decoded = body.replace(/<[^>]+>/g, '').replace(/&(lt|gt|quot|#39|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]);
  assert.equal(decoded, text);
  assert.equal((body.match(/<mark /g) ?? []).length, analyse(text).entities.length);
  assert.equal(escapeHtml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
  assert.match(toHTML(text, analyse(text), { theme: 'dark' }), /<html lang="en" data-theme="dark">/);
  const onlyUrls = toHTML(text, analyse(text), { labels: ['URL'] });
  assert.equal((onlyUrls.match(/<mark /g) ?? []).length, 0, 'labels filter the marks');
});

test('toJSON: the text and the analysis, parseable back', () => {
  const back = JSON.parse(toJSON(TEXT, ANALYSIS));
  assert.equal(back.text, TEXT);
  assert.deepEqual(back.entities, ANALYSIS.entities);
  assert.deepEqual(back.attributions, ANALYSIS.attributions);
  assert.equal(back.version, ANALYSIS.version);
  assert.equal(Object.keys(back)[0], 'text');
  assert.ok(!('text' in JSON.parse(toJSON(TEXT, ANALYSIS, { text: false }))));
  assert.equal(toJSON(TEXT, ANALYSIS, { space: 0 }).includes('\n'), false);
});

test('toHTML lists a quote split around its cue as its pieces, and the cue beside it', () => {
  const text = '“We will,” Ada Okafor said, “hold the line.”';
  const html = toHTML(text, analyse(text));
  const list = html.slice(html.lastIndexOf('</article>'));
  assert.ok(list.includes('→ “We will … hold the line.”'), list);
  assert.ok(!list.includes('We will,” Ada Okafor said'), 'the cue and speaker are not shown inside the quote');
  assert.match(list, /· said</);
  // An analysis whose pieces lack their text (another version) falls back to the content.
  const analysis = analyse(text);
  analysis.attributions[0].content_parts = analysis.attributions[0].content_parts.map(({ start, end }) => ({ start, end }));
  assert.ok(toHTML(text, analysis).includes('We will,” Ada Okafor said, “hold the line.'));
});

test('exports tolerate analyses from other versions: missing lists, null parts, unknown fields', () => {
  const text = 'Hello there';
  for (const analysis of [{}, { entities: null, attributions: undefined }, { entities: [null, { label: 'X' }], attributions: [null, { kind: 'direct' }] }]) {
    assert.equal(parseCsv(toCSV(text, analysis)).length, 1);
    assert.equal(toWebAnnotation(text, analysis).total, 0);
    assert.ok(toHTML(text, analysis).includes('Hello there'));
  }
});
