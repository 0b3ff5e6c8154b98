// The page's sidebar, worked out from an analysis and its render plan: who
// the sources are (one per entity group, or per description for anonymous,
// group, document … sources), what each said, the sourcing summary, and one
// card per entity (group) sorted by salience. Pure and DOM-free: the worker
// runs it next to the plan, so the page only draws.
//
// Every index in the result is a plan index (entities and attributions as
// the renderer numbers them), not an analysis index.

import { labelRank } from './labels.js';

/** Source types that name someone (counted as "named sources"). */
export const NAMED_TYPES = new Set(['named_person', 'named_org']);

/** Words the page shows for each source type. */
export const SOURCE_TYPES = {
  named_person: 'person',
  named_org: 'organisation',
  anonymous: 'anonymous',
  group: 'group',
  document: 'document',
  self: 'first person',
  pronoun: 'unresolved pronoun',
  unknown: 'unknown',
  none: 'no source given',
};

/** The display name of a source type. */
export function sourceTypeName(type) {
  return SOURCE_TYPES[type] ?? String(type).replaceAll('_', ' ');
}

/** Words as readers count them: runs of letters or digits (with inner ' ’ or -). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Number of words in `text`. */
export function countWords(text) {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n += 1;
  return n;
}

/** Attribution kinds whose content is quoted words. */
const QUOTE_KINDS = new Set(['direct', 'mixed']);

/** Words inside the quote marks of attribution `a` (0 unless it is a direct or mixed quote). */
export function quotedWords(a) {
  if (!QUOTE_KINDS.has(a?.kind)) return 0;
  const parts = Array.isArray(a.content_parts) && a.content_parts.length > 0 ? a.content_parts : [a.content];
  return parts.reduce((n, p) => n + countWords(typeof p?.text === 'string' ? p.text : ''), 0);
}

/**
 * The words of statement `a`: the pieces of a quote split around its cue
 * (`"We will," she said, "hold the line."`) joined by ' … ', so the cue
 * and speaker are not shown as part of the quote; otherwise (or when a
 * piece lacks its text, as in an analysis from another version) its content.
 * `spanText` reads a span's text (default: its `text` field).
 */
export function statementText(a, spanText = (s) => s?.text) {
  const parts = a.content_parts;
  const usable = Array.isArray(parts) && parts.length > 1 && parts.every((p) => typeof spanText(p) === 'string');
  return usable ? parts.map(spanText).join(' … ') : spanText(a.content);
}

/** Whitespace runs as one space, trimmed. */
const flat = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Who attribution `a` is from: `{ key, name, type, group }`. A source that
 * names an entity group is that group (by its name, however it was written
 * here); any other source is its description as written; a social post
 * without a source is its author or handle.
 */
export function sourceOf(a, groups) {
  const g = a?.source_group;
  const group = Number.isInteger(g) ? groups?.[g] : undefined;
  if (group) {
    let type = a.source_type;
    if (!NAMED_TYPES.has(type)) type = group.label === 'ORG' ? 'named_org' : 'named_person';
    return { key: `group:${g}`, name: group.name, type, group: g };
  }
  const written = a?.source?.text ?? a?.post?.author?.text ?? a?.post?.handle?.text;
  if (typeof written === 'string' && flat(written) !== '') {
    const type = a.source ? (a.source_type ?? 'unknown') : 'unknown';
    const name = flat(written);
    return { key: `${type}:${name.toLowerCase()}`, name, type, group: null };
  }
  return { key: 'none', name: 'No source given', type: 'none', group: null };
}

/** `n` followed by `word`, with an s when n is not 1. */
function plural(n, word, format) {
  return `${format(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The sourcing summary line, e.g. "9 attributed statements · 5 named
 * sources · 2 anonymous · 4 social posts · 1 hedged claim with no source".
 * Statements, named and anonymous are always said; the others when not 0.
 */
export function sourcingSummary(summary, format = String) {
  const { statements = 0, named = 0, anonymous = 0, other = 0, social = 0, hedged = 0 } = summary ?? {};
  const parts = [plural(statements, 'attributed statement', format), plural(named, 'named source', format), `${format(anonymous)} anonymous`];
  if (other > 0) parts.push(plural(other, 'other source', format));
  if (social > 0) parts.push(plural(social, 'social post', format));
  if (hedged > 0) parts.push(`${plural(hedged, 'hedged claim', format)} with no source`);
  return parts.join(' · ');
}

/** `index` inverted: analysis index → plan index (-1 when the plan left it out). */
function inverse(index, count, size) {
  const map = new Int32Array(Math.max(0, size)).fill(-1);
  for (let i = 0; i < count; i += 1) {
    const a = index[i];
    if (a >= 0 && a < size) map[a] = i;
  }
  return map;
}

const strings = (list) => (Array.isArray(list) ? list.filter((s) => typeof s === 'string') : []);

/**
 * The sidebar of an analysis drawn with `plan` (from
 * `planRender(text, analysis, { claims: true })`):
 * - `summary`: `{ statements, named, anonymous, other, social, hedged }`;
 * - `sources`: `{ name, type, card, statements, quotedWords, first }`, most
 *   statements first (then first heard); `statements` are plan attribution
 *   indexes in text order, `card` the source's entity card or -1;
 * - `attrSource`: plan attribution index → its source;
 * - `cards`: `{ label, name, aliases, roles, handles, variants, ambiguous,
 *   candidates, salience, statements, source, roleMentions, mentions }`, by
 *   label (legend order) then salience; entities without a group (dates,
 *   numbers, unpaired handles …) get a card per label and text, after the
 *   groups of their label, most mentioned first. `mentions` are plan entity
 *   indexes in text order; `candidates` are names.
 */
export function buildSidebar(analysis, plan) {
  const groups = Array.isArray(analysis?.groups) ? analysis.groups : [];
  const entities = Array.isArray(analysis?.entities) ? analysis.entities : [];
  const attributionCount = plan.attributionCount ?? plan.attributions.length;
  const planEntity = inverse(plan.entityIndex, plan.entities.length, entities.length);

  // Sources, in order of first statement.
  const sources = [];
  const byKey = new Map();
  const attrSource = new Int32Array(attributionCount).fill(-1);
  const lists = [];
  let social = 0;
  for (let i = 0; i < attributionCount; i += 1) {
    const a = plan.attributions[i];
    const who = sourceOf(a, groups);
    let s = byKey.get(who.key);
    if (s === undefined) {
      s = sources.length;
      byKey.set(who.key, s);
      sources.push({ name: who.name, type: who.type, group: who.group, card: -1, statements: null, quotedWords: 0, first: a.content.start });
      lists.push([]);
    }
    attrSource[i] = s;
    lists[s].push(i);
    sources[s].quotedWords += quotedWords(a);
    if (a.kind === 'social_post') social += 1;
  }
  sources.forEach((s, k) => {
    s.statements = Int32Array.from(lists[k]);
  });

  // Cards: entity groups, then same-text cards for mentions without a group.
  const cardsByLabel = new Map();
  const add = (label, card) => {
    if (!cardsByLabel.has(label)) cardsByLabel.set(label, { grouped: [], loose: [] });
    cardsByLabel.get(label)[card.group === null ? 'loose' : 'grouped'].push(card);
  };
  const sourceOfGroup = new Map();
  sources.forEach((s, k) => {
    if (s.group !== null) sourceOfGroup.set(s.group, k);
  });
  // A group's mentions: its `mentions`, and every entity that names it as its
  // group (a paired handle is one without being a name mention).
  const ofGroup = groups.map((g) => new Set((Array.isArray(g.mentions) ? g.mentions : []).map((m) => (m >= 0 && m < planEntity.length ? planEntity[m] : -1))));
  plan.entities.forEach((_, i) => {
    const g = entities[plan.entityIndex[i]]?.group;
    if (Number.isInteger(g) && ofGroup[g]) ofGroup[g].add(i);
  });
  groups.forEach((g, id) => {
    const mentions = [...ofGroup[id]].filter((m) => m >= 0).sort((x, y) => x - y);
    add(g.label, {
      group: id,
      label: g.label,
      name: typeof g.name === 'string' ? g.name : '',
      aliases: strings(g.aliases),
      roles: strings(g.roles),
      handles: strings(g.handles),
      variants: strings(g.variants),
      ambiguous: g.ambiguous === true,
      candidates: (Array.isArray(g.candidates) ? g.candidates : []).map((c) => groups[c]?.name).filter((n) => typeof n === 'string'),
      salience: typeof g.salience === 'number' ? g.salience : 0,
      statements: Array.isArray(g.statements) ? g.statements.length : 0,
      source: sourceOfGroup.get(id) ?? -1,
      roleMentions: Array.isArray(g.role_mentions) ? g.role_mentions.length : 0,
      mentions: Int32Array.from(mentions),
    });
  });
  const loose = new Map();
  plan.entities.forEach((e, i) => {
    const original = entities[plan.entityIndex[i]];
    if (Number.isInteger(original?.group) && groups[original.group]) return;
    const key = `${e.label}\u0000${e.text}`;
    let card = loose.get(key);
    if (!card) {
      card = { group: null, label: e.label, name: e.text, aliases: [], roles: [], handles: [], variants: [], ambiguous: false, candidates: [], salience: 0, statements: 0, source: -1, roleMentions: 0, mentions: [] };
      loose.set(key, card);
      add(e.label, card);
    }
    card.mentions.push(i);
  });
  for (const card of loose.values()) card.mentions = Int32Array.from(card.mentions);

  const cards = [...cardsByLabel.entries()]
    .sort(([a], [b]) => labelRank(a) - labelRank(b) || a.localeCompare(b))
    .flatMap(([, { grouped, loose: rest }]) => [
      // Groups arrive most salient first; keep that order, ties by first mention.
      ...grouped.sort((a, b) => b.salience - a.salience || (a.mentions[0] ?? 0) - (b.mentions[0] ?? 0)),
      ...rest.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0] - b.mentions[0]),
    ]);
  cards.forEach((card, c) => {
    if (card.source >= 0) sources[card.source].card = c;
  });

  // Most statements first; ties in order of first statement.
  const order = sources.map((_, k) => k).sort((a, b) => sources[b].statements.length - sources[a].statements.length || a - b);
  const rank = new Int32Array(sources.length);
  order.forEach((k, r) => {
    rank[k] = r;
  });
  const sorted = order.map((k) => sources[k]);
  for (let i = 0; i < attrSource.length; i += 1) attrSource[i] = rank[attrSource[i]];
  for (const card of cards) if (card.source >= 0) card.source = rank[card.source];

  const count = (test) => sorted.filter((s) => test(s.type)).length;
  const summary = {
    statements: attributionCount,
    named: count((t) => NAMED_TYPES.has(t)),
    anonymous: count((t) => t === 'anonymous'),
    other: count((t) => !NAMED_TYPES.has(t) && t !== 'anonymous' && t !== 'none'),
    social,
    hedged: plan.claimCount ?? 0,
  };
  return { summary, sources: sorted, attrSource, cards };
}
