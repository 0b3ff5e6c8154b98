// Results out, in the formats people already use. Every function takes the
// analysed text and its analysis (as `analyse` returned it) and tolerates
// fields that a given Lede version does not report (`source_type`, `stance`,
// `confidence`, `content_parts`, …): they come out empty.
//
//   toJSON(text, analysis)          the full analysis (and the text) as JSON
//   toCSV(text, analysis)           one row per attribution, for spreadsheets
//   toWebAnnotation(text, analysis) W3C Web Annotation JSON-LD (an object)
//   toHTML(text, analysis)          the highlighted article as one HTML file
//
// Pure functions with no DOM: they work in pages, workers and node.

import { kindName, labelName, LABELS } from './labels.js';
import { planRender, walkRuns } from './plan.js';
import { statementText } from './sources.js';
import { themeCss } from './theme.js';

// ----- JSON -------------------------------------------------------------------

/**
 * The analysis as JSON text, with the analysed `text` first (so offsets can
 * be checked against it) unless `{ text: false }`. `space` indents (2).
 */
export function toJSON(text, analysis, { text: withText = true, space = 2 } = {}) {
  const document = withText ? { text, ...analysis } : { ...analysis };
  return JSON.stringify(document, null, space);
}

// ----- offsets ------------------------------------------------------------------

/**
 * Maps UTF-16 offsets of `text` to code point offsets (what Python and the
 * W3C selectors count) in one pass over the text. Returns `map(offset)`.
 */
export function codePointMapper(text, offsets) {
  const wanted = [...new Set(offsets)].filter((o) => Number.isInteger(o)).sort((a, b) => a - b);
  const result = new Map();
  let w = 0;
  let cp = 0;
  let i = 0;
  while (w < wanted.length) {
    while (w < wanted.length && wanted[w] <= i) result.set(wanted[w++], cp);
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
    cp += 1;
  }
  for (; w < wanted.length; w += 1) result.set(wanted[w], cp);
  return (offset) => result.get(offset);
}

/** Every span-like `{ start, end }` of an attribution, by role. */
function attributionSpans(a) {
  const spans = [a.content, a.cue, a.source, a.resolved_source, a.hedge];
  if (Array.isArray(a.content_parts)) spans.push(...a.content_parts);
  return spans.filter((s) => s && typeof s === 'object');
}

function allOffsets(analysis) {
  const offsets = [];
  for (const e of list(analysis?.entities)) if (e && typeof e === 'object') offsets.push(e.start, e.end);
  for (const a of list(analysis?.attributions)) {
    if (a && typeof a === 'object') for (const s of attributionSpans(a)) offsets.push(s.start, s.end);
  }
  return offsets;
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

function isSpan(text, s) {
  return s && typeof s === 'object' && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length;
}

// ----- CSV ----------------------------------------------------------------------

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV text cell: always quoted (RFC 4180, quotes doubled), and with a
 * leading apostrophe when it would otherwise start a formula (`=`, `+`, `-`,
 * `@`, tab, CR) — unless `formulaSafe` is false.
 */
function textCell(value, formulaSafe) {
  if (value === undefined || value === null || value === '') return '';
  let s = String(value);
  if (formulaSafe && FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replaceAll('"', '""')}"`;
}

function numberCell(value) {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/**
 * The attributions as CSV: a header row, then one row per attribution with
 * `source, source_type, kind, cue, stance, quote`, the offsets of the quote,
 * source and cue, and `confidence`. Rows end with CRLF; text cells are quoted.
 * A quotation split around its cue (`content_parts`) is quoted as its
 * speaker's words only, the pieces joined with ` … `; its offsets are the
 * whole span's, cue included.
 *
 * Options: `offsets` 'utf16' (JavaScript string indices, the default) or
 * 'codepoints' (Python string indices) — the unit is in the column names
 * (`quote_start_utf16`); `bom` prepends a UTF-8 byte order mark so Excel
 * reads the file as UTF-8; `formulaSafe` (default true) prefixes cells that
 * start with = + - @ with an apostrophe so spreadsheets show them as text.
 */
export function toCSV(text, analysis, { offsets = 'utf16', bom = false, formulaSafe = true } = {}) {
  if (offsets !== 'utf16' && offsets !== 'codepoints') {
    throw new TypeError(`lede: toCSV offsets must be "utf16" or "codepoints", got ${JSON.stringify(offsets)}`);
  }
  const unit = offsets === 'utf16' ? 'utf16' : 'codepoint';
  const toUnit = offsets === 'utf16' ? (o) => o : codePointMapper(text, allOffsets(analysis));
  const header = ['source', 'source_type', 'kind', 'cue', 'stance', 'quote'];
  for (const role of ['quote', 'source', 'cue']) header.push(`${role}_start_${unit}`, `${role}_end_${unit}`);
  header.push('confidence');
  const rows = [header.join(',')];
  for (const a of list(analysis?.attributions)) {
    if (!a || typeof a !== 'object' || !a.content || typeof a.content !== 'object') continue;
    const spanText = (s) => (s && typeof s === 'object' ? (typeof s.text === 'string' ? s.text : isSpan(text, s) ? text.slice(s.start, s.end) : '') : '');
    const cells = [
      textCell(spanText(a.source), formulaSafe),
      textCell(a.source_type, formulaSafe),
      textCell(a.kind, formulaSafe),
      textCell(spanText(a.cue), formulaSafe),
      textCell(a.stance, formulaSafe),
      // (A split quotation's words, as the Sources panel shows them.)
      textCell(statementText(a, spanText), formulaSafe),
    ];
    for (const s of [a.content, a.source, a.cue]) {
      const ok = s && typeof s === 'object' && Number.isInteger(s.start) && Number.isInteger(s.end);
      cells.push(ok ? numberCell(toUnit(s.start)) : '', ok ? numberCell(toUnit(s.end)) : '');
    }
    cells.push(numberCell(a.confidence));
    rows.push(cells.join(','));
  }
  return (bom ? '\uFEFF' : '') + rows.join('\r\n') + '\r\n';
}

// ----- W3C Web Annotation -----------------------------------------------------------

/** Characters of context in a TextQuoteSelector's prefix and suffix. */
const CONTEXT = 32;

/** A short, stable name for a text: FNV-1a over its UTF-16 code units, and its length. */
function textDigest(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}-${h.toString(16).padStart(8, '0')}`;
}

/** True at a low surrogate that follows a high one (the middle of a pair). */
function insidePair(text, i) {
  return i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

/**
 * The two selectors of a span: a TextPositionSelector in code points (the
 * unit the W3C model counts) and a TextQuoteSelector with some context.
 */
function selectors(text, span, cp) {
  let from = Math.max(0, span.start - CONTEXT);
  if (insidePair(text, from)) from -= 1;
  let to = Math.min(text.length, span.end + CONTEXT);
  if (insidePair(text, to)) to += 1;
  return [
    { type: 'TextPositionSelector', start: cp(span.start), end: cp(span.end) },
    {
      type: 'TextQuoteSelector',
      exact: text.slice(span.start, span.end),
      prefix: text.slice(from, span.start),
      suffix: text.slice(span.end, to),
    },
  ];
}

function describeAttribution(a) {
  const parts = [`${kindName(a.kind)[0].toUpperCase()}${kindName(a.kind).slice(1)}`];
  parts.push(a.source?.text ? `attributed to ${a.source.text}` : 'with no named source');
  if (typeof a.source_type === 'string') parts.push(`(${a.source_type.replaceAll('_', ' ')})`);
  if (a.cue?.text) parts.push(`— cue “${a.cue.text}”`);
  if (typeof a.stance === 'string') parts.push(`— stance ${a.stance}`);
  return parts.join(' ');
}

/**
 * The analysis as a W3C Web Annotation collection (JSON-LD, returned as an
 * object): one annotation per entity (motivation "tagging", the label as a
 * tagging body) and one per attribution (motivation "describing", targeting
 * the quoted words, with the kind as a tag, a description, and the source as
 * an identifying body). Positions are Unicode code points, per the W3C spec.
 *
 * Options: `source`, the IRI of the annotated document (default: a `urn:`
 * built from the text's length and hash); `label`, the collection's label.
 */
export function toWebAnnotation(text, analysis, { source, label = 'Lede analysis' } = {}) {
  const target = source ?? `urn:lede:text:${textDigest(text)}`;
  const cp = codePointMapper(text, allOffsets(analysis));
  const generator = { type: 'Software', name: `Lede ${analysis?.version ?? ''}`.trim() };
  const items = [];
  list(analysis?.entities).forEach((e, i) => {
    if (!isSpan(text, e)) return;
    items.push({
      id: `${target}#lede-entity-${i}`,
      type: 'Annotation',
      motivation: 'tagging',
      generator,
      body: { type: 'TextualBody', purpose: 'tagging', value: e.label, format: 'text/plain' },
      target: { source: target, selector: selectors(text, e, cp) },
    });
  });
  list(analysis?.attributions).forEach((a, i) => {
    if (!a || !isSpan(text, a.content)) return;
    const body = [
      { type: 'TextualBody', purpose: 'tagging', value: `attribution:${a.kind}`, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'describing', value: describeAttribution(a), format: 'text/plain', language: 'en' },
    ];
    if (isSpan(text, a.source)) {
      body.push({ type: 'SpecificResource', purpose: 'identifying', source: target, selector: selectors(text, a.source, cp) });
    }
    items.push({
      id: `${target}#lede-attribution-${i}`,
      type: 'Annotation',
      motivation: 'describing',
      generator,
      body,
      target: { source: target, selector: selectors(text, a.content, cp) },
    });
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

// ----- HTML -----------------------------------------------------------------------

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML text and quoted attribute values. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Styles of the exported page around the shared highlight theme. */
const PAGE_CSS = `
:root { color-scheme: light dark; --page-bg: #fbfaf8; --page-fg: #1d1f23; --muted: #5b6070; --line: #dcdde3; }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { --page-bg: #17191d; --page-fg: #e8e9ec; --muted: #a4a9b6; --line: #3a3e48; } }
:root[data-theme="dark"] { --page-bg: #17191d; --page-fg: #e8e9ec; --muted: #a4a9b6; --line: #3a3e48; }
:root[data-theme="light"] { color-scheme: light; }
:root[data-theme="dark"] { color-scheme: dark; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem; background: var(--page-bg); color: var(--page-fg); font: 17px/1.7 system-ui, sans-serif; }
h1 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 0.5rem; }
.meta { color: var(--muted); margin: 0 0 0.75rem; font-size: 0.9rem; }
.legend { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.35rem 0.9rem; font-size: 0.85rem; }
.legend li { display: inline-flex; align-items: center; gap: 0.35rem; }
.swatch { display: inline-block; width: 1.1em; height: 1.1em; border-radius: 3px; background-color: var(--hl); border-bottom: 3px var(--hl-style, solid) var(--hl-line); }
.lede-article { white-space: pre-wrap; overflow-wrap: anywhere; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: 1rem 0; }
.attributions li { margin: 0.4rem 0; }
.attributions .who { font-weight: 600; }
.attributions .kind { color: var(--muted); font-size: 0.85rem; }
footer { color: var(--muted); font-size: 0.8rem; margin-top: 2rem; }
`;

/** The first line of `text`, shortened, as a default title. */
function defaultTitle(text) {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  if (line === '') return 'Lede analysis';
  const chars = [...line];
  return chars.length > 90 ? `${chars.slice(0, 89).join('')}…` : line;
}

/** The article's marks and attribution spans as an HTML string. */
function articleHtml(text, plan) {
  const out = [];
  walkRuns(plan, 0, plan.runs.length, {
    open(index) {
      const part = plan.parts[index];
      out.push(`<span class="part part-${part.role}" data-attr="${part.attr}" data-role="${part.role}">`);
    },
    close(count) {
      for (let k = 0; k < count; k += 1) out.push('</span>');
    },
    run(run) {
      const piece = escapeHtml(text.slice(run.start, run.end));
      if (run.entity < 0) out.push(piece);
      else {
        const label = escapeHtml(plan.entities[run.entity].label);
        out.push(`<mark data-label="${label}" title="${label}">${piece}</mark>`);
      }
    },
  });
  return out.join('');
}

/**
 * The highlighted article as a complete HTML document in one string: inline
 * CSS only, no script, no external resource, and a Content-Security-Policy
 * that forbids both, so the file stays inert wherever it is opened. Every
 * character of the article is escaped.
 *
 * Options: `title` (default: the article's first line), `theme` 'auto'
 * (follow the reader's system), 'light' or 'dark', `labels` (the entity
 * labels to highlight; default all), `lang` ('en').
 */
export function toHTML(text, analysis, { title, theme = 'auto', labels, lang = 'en' } = {}) {
  const shown = Array.isArray(labels) ? new Set(labels) : null;
  const entities = list(analysis?.entities).filter((e) => !shown || shown.has(e?.label));
  const plan = planRender(text, { ...analysis, entities }, { chunkSize: Number.POSITIVE_INFINITY });
  const heading = title ?? defaultTitle(text);
  const counts = new Map();
  for (const e of plan.entities) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const legend = LABELS.filter(({ label }) => counts.has(label))
    .map(({ label }) => `<li><span class="swatch" data-label="${label}"></span>${escapeHtml(labelName(label))} <span class="kind">(${counts.get(label)})</span></li>`)
    .join('');
  const attributions = plan.attributions
    .map((a) => {
      const who = a.source ? escapeHtml(a.source.text) : '<em>no named source</em>';
      return `<li><span class="who">${who}</span> → “${escapeHtml(statementText(a))}” <span class="kind">${escapeHtml(kindName(a.kind))}${a.cue ? ` · ${escapeHtml(a.cue.text)}` : ''}</span></li>`;
    })
    .join('\n');
  const version = typeof analysis?.version === 'string' ? analysis.version : '';
  const themeAttr = theme === 'light' || theme === 'dark' ? ` data-theme="${theme}"` : '';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"${themeAttr}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Lede ${escapeHtml(version)}">
<title>${escapeHtml(heading)}</title>
<style>${PAGE_CSS}
${themeCss()}</style>
</head>
<body>
<header>
<h1>${escapeHtml(heading)}</h1>
<p class="meta">${plan.entities.length} entities · ${plan.attributions.length} attributions · highlighted by Lede ${escapeHtml(version)}</p>
<ul class="legend">${legend}</ul>
</header>
<main>
<article class="lede-article">${articleHtml(text, plan)}</article>
${plan.attributions.length ? `<h2>Who said what</h2>\n<ol class="attributions">\n${attributions}\n</ol>` : ''}
</main>
<footer>Quoted words are tinted, cues underlined and sources boxed. Hover a highlight to see its label.</footer>
</body>
</html>
`;
}
