// Turns an analysis into a render plan: a flat list of runs of text, each
// with the entity it is (if any) and the attribution parts (content, cue,
// source) that cover it, outermost first. The page, the <lede-article>
// element (DOM, render.js) and the HTML export (a string, exports.js) all
// draw from the same plan.
//
// Pure and DOM-free, so the worker can run it off the main thread and the
// node tests can check it directly.
//
// Invariants of the plan:
// - runs tile the text exactly: run[i].end === run[i + 1].start, the first
//   starts at 0 and the last ends at text.length;
// - an entity is exactly one run (entity marks are never split);
// - no attribution part boundary falls strictly inside an entity: such a
//   boundary is moved outward to the entity's edge;
// - chunk boundaries (where the page may start a new block while rendering
//   progressively) fall just after a line break and never inside an entity.

/** Nesting order of the parts of one attribution that start and end together. */
const ROLE_RANK = { content: 0, cue: 1, source: 2 };

/** Roles an attribution may highlight, in nesting order. */
export const ROLES = ['content', 'cue', 'source'];

/** Rough size of a progressive-rendering chunk, in UTF-16 code units. */
export const CHUNK_SIZE = 16_384;

/**
 * True when `span` is a usable span of `text`: integer offsets in order,
 * inside the text, and (when the span carries its text) matching it.
 */
export function isValidSpan(text, span) {
  return (
    span !== null &&
    typeof span === 'object' &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= text.length &&
    (typeof span.text !== 'string' || sameText(text.slice(span.start, span.end), span.text))
  );
}

/**
 * True when the analyser's `reported` text is `actual`, allowing for lone
 * surrogates: the wasm boundary sees text as UTF-8, so a lone surrogate
 * arrives as U+FFFD (also one UTF-16 unit, so offsets stay exact).
 */
function sameText(actual, reported) {
  if (actual === reported) return true;
  if (actual.length !== reported.length) return false;
  for (let i = 0; i < actual.length; i += 1) {
    const a = actual.charCodeAt(i);
    const r = reported.charCodeAt(i);
    if (a !== r && !(r === 0xfffd && a >= 0xd800 && a <= 0xdfff)) return false;
  }
  return true;
}

/**
 * Validated, sorted, non-overlapping entities. Anything unusable is counted in
 * `skipped` (and reported by the page) rather than dropped silently.
 */
function cleanEntities(text, entities) {
  const list = Array.isArray(entities) ? entities : [];
  const valid = [];
  let skipped = 0;
  list.forEach((e, i) => {
    if (isValidSpan(text, e) && typeof e.label === 'string' && e.label !== '') valid.push(i);
    else skipped += 1;
  });
  valid.sort((i, j) => list[i].start - list[j].start || list[j].end - list[i].end || i - j);
  const kept = [];
  const index = [];
  for (const i of valid) {
    const e = list[i];
    const last = kept[kept.length - 1];
    if (last && e.start < last.end) skipped += 1;
    else {
      // The same object when its text is exact: a worker posting the analysis
      // and the plan together then sends each entity once.
      const exact = text.slice(e.start, e.end);
      kept.push(e.text === exact ? e : { ...e, text: exact });
      index.push(i);
    }
  }
  return { entities: kept, index, skipped };
}

/**
 * The pieces of an attribution's content to highlight: its `content_parts`
 * when they are all usable (a split quote leaves the cue and source between
 * its pieces unhighlighted), else the content span itself.
 */
function contentPieces(text, a) {
  const parts = a.content_parts;
  if (Array.isArray(parts) && parts.length > 0 && parts.every((p) => isValidSpan(text, p))) {
    return parts.map((p) => ({ start: p.start, end: p.end })).sort((x, y) => x.start - y.start);
  }
  return [{ start: a.content.start, end: a.content.end }];
}

/** Attributions with a valid content span; invalid cue/source become null. */
function cleanAttributions(text, attributions) {
  const kept = [];
  const index = [];
  let skipped = 0;
  (Array.isArray(attributions) ? attributions : []).forEach((a, i) => {
    if (!a || typeof a !== 'object' || !isValidSpan(text, a.content)) {
      skipped += 1;
      return;
    }
    // The same object when every part is usable and exact (the usual case):
    // a worker posting the analysis and the plan together sends it once.
    const exact = (span) => span === null || (isValidSpan(text, span) && span.text === text.slice(span.start, span.end));
    if (typeof a.kind === 'string' && ROLES.every((role) => a[role] !== undefined && exact(a[role]))) {
      kept.push(a);
      index.push(i);
      return;
    }
    const clean = { ...a, kind: typeof a.kind === 'string' ? a.kind : 'unknown' };
    for (const role of ROLES) {
      const span = a[role];
      if (span === null || span === undefined) clean[role] = null;
      else if (isValidSpan(text, span)) clean[role] = { ...span, text: text.slice(span.start, span.end) };
      else {
        clean[role] = null;
        skipped += 1;
      }
    }
    kept.push(clean);
    index.push(i);
  });
  return { attributions: kept, index, skipped };
}

/** Index of the entity strictly containing `pos` (start < pos < end), or -1. */
function entityAround(entities, pos) {
  let lo = 0;
  let hi = entities.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].start < pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && entities[found].end > pos ? found : -1;
}

/** Attribution parts with boundaries moved out of entities. */
function snapParts(text, entities, attributions) {
  const parts = [];
  attributions.forEach((a, attr) => {
    for (const role of ROLES) {
      const spans = role === 'content' ? contentPieces(text, a) : a[role] ? [a[role]] : [];
      for (const span of spans) {
        let { start, end } = span;
        const s = entityAround(entities, start);
        if (s >= 0) start = entities[s].start;
        const e = entityAround(entities, end);
        if (e >= 0) end = entities[e].end;
        if (start < end) parts.push({ attr, role, start, end });
      }
    }
  });
  return parts;
}

/** Chunk boundaries: just after a line break, about every CHUNK_SIZE units. */
function chunkBoundaries(text, entities, size) {
  const cuts = [];
  let from = size;
  while (from < text.length) {
    const nl = text.indexOf('\n', from - 1);
    if (nl < 0 || nl + 1 >= text.length) break;
    let cut = nl + 1;
    const inside = entityAround(entities, cut);
    if (inside >= 0) {
      from = entities[inside].end + 1;
      continue;
    }
    cuts.push(cut);
    from = cut + size;
  }
  return cuts;
}

/** Outer parts first: earlier start, then longer, then content > cue > source. */
function nestingOrder(parts) {
  return (i, j) => {
    const a = parts[i];
    const b = parts[j];
    return a.start - b.start || b.end - a.end || ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.attr - b.attr;
  };
}

/**
 * Builds the render plan of `analysis` for `text`.
 *
 * Returns `{ entities, attributions, parts, runs, chunkStarts, skipped,
 * entityIndex, attributionIndex }`: `runs[i] = { start, end, entity, parts }`
 * where `entity` indexes `entities` (or is -1) and `parts` lists indexes into
 * `parts`, outermost first; `chunkStarts` lists the run indexes that begin a
 * chunk; `entityIndex[i]` / `attributionIndex[i]` is the position of the
 * plan's entity / attribution `i` in the analysis it was made from.
 * With `claims`, the analysis' hedged claims follow the attributions (kind
 * "hedged_claim"): `attributionCount` real ones, then `claimCount` claims
 * (their `attributionIndex` is the claim's index in `hedged_claims`).
 */
export function planRender(text, analysis, { chunkSize = CHUNK_SIZE, claims = false } = {}) {
  const source = analysis && typeof analysis === 'object' ? analysis : {};
  const { entities, index: entityIndex, skipped: badEntities } = cleanEntities(text, source.entities);
  const real = cleanAttributions(text, source.attributions);
  // Hedged claims ride along as attributions of kind "hedged_claim" (the
  // claim as content, the hedge as cue), after the real ones: drawn, nested
  // and revealed like them, but never counted or visited as attributions.
  const hedged = claims ? cleanAttributions(text, claimsAsAttributions(source.hedged_claims)) : { attributions: [], index: [], skipped: 0 };
  const attributions = real.attributions.concat(hedged.attributions);
  const attributionIndex = real.index.concat(hedged.index);
  const badAttributions = real.skipped + hedged.skipped;
  const parts = snapParts(text, entities, attributions);
  const chunkCuts = chunkBoundaries(text, entities, chunkSize);

  const points = [0, text.length, ...chunkCuts];
  for (const e of entities) points.push(e.start, e.end);
  for (const p of parts) points.push(p.start, p.end);
  const bounds = Float64Array.from(points).sort();

  const byStart = parts.map((_, i) => i).sort((i, j) => parts[i].start - parts[j].start);
  const order = nestingOrder(parts);
  const cutSet = new Set(chunkCuts);
  const runs = [];
  const chunkStarts = [0];
  let active = [];
  let nextPart = 0;
  let nextEntity = 0;

  for (let b = 0; b < bounds.length - 1; b += 1) {
    const start = bounds[b];
    const end = bounds[b + 1];
    if (start === end) continue;
    let changed = false;
    const still = active.filter((i) => parts[i].end > start);
    if (still.length !== active.length) changed = true;
    while (nextPart < byStart.length && parts[byStart[nextPart]].start <= start) {
      const i = byStart[nextPart];
      if (parts[i].end > start) {
        still.push(i);
        changed = true;
      }
      nextPart += 1;
    }
    if (changed) {
      still.sort(order);
      active = still;
    }
    while (nextEntity < entities.length && entities[nextEntity].end <= start) nextEntity += 1;
    const entity = nextEntity < entities.length && entities[nextEntity].start === start ? nextEntity : -1;
    if (cutSet.has(start)) chunkStarts.push(runs.length);
    const last = runs[runs.length - 1];
    const startsChunk = chunkStarts[chunkStarts.length - 1] === runs.length;
    if (entity < 0 && last && last.entity < 0 && last.parts === active && !startsChunk) {
      last.end = end;
    } else {
      runs.push({ start, end, entity, parts: active });
    }
  }
  if (runs.length === 0) chunkStarts.length = 0;
  return {
    entities,
    attributions,
    parts,
    runs,
    chunkStarts,
    skipped: badEntities + badAttributions,
    entityIndex,
    attributionIndex,
    attributionCount: real.attributions.length,
    claimCount: hedged.attributions.length,
  };
}

/** Kind of the pseudo-attributions that carry hedged claims in a plan. */
export const CLAIM_KIND = 'hedged_claim';

/** An analysis' `hedged_claims` as plan attributions (claim → content, hedge → cue). */
function claimsAsAttributions(claims) {
  return (Array.isArray(claims) ? claims : []).map((c) => ({ kind: CLAIM_KIND, content: c?.content, cue: c?.hedge ?? null, source: null }));
}

/**
 * Walks runs [from, to) of `plan` in text order, telling `visitor` how the
 * attribution parts open and close around them: `open(partIndex)`,
 * `close(count)` (innermost first) and `run(run)`. Parts that continue from
 * one run to the next stay open; every part opened is closed by the end.
 */
export function walkRuns(plan, from, to, visitor) {
  const open = [];
  for (let r = from; r < to; r += 1) {
    const run = plan.runs[r];
    let keep = 0;
    while (keep < open.length && keep < run.parts.length && open[keep] === run.parts[keep]) keep += 1;
    if (keep < open.length) {
      visitor.close(open.length - keep);
      open.length = keep;
    }
    for (let k = keep; k < run.parts.length; k += 1) {
      visitor.open(run.parts[k]);
      open.push(run.parts[k]);
    }
    visitor.run(run);
  }
  if (open.length > 0) visitor.close(open.length);
}

// ----- packed plans -----------------------------------------------------------
//
// A plan of a long article has hundreds of thousands of runs, entities and
// parts. As objects they would cost the page's main thread a long pause just
// to receive them from the worker (a structured clone is rebuilt object by
// object), so the worker sends the plan packed: every number in a typed array
// (transferred, not copied) and each label or kind name once. Texts are not
// sent at all: the page has the article and slices it when it needs a text.

/** Role codes of a packed plan: `ROLES[code]`. */
const ROLE_CODE = { content: 0, cue: 1, source: 2 };

/** Number of Int32 slots per attribution in `attrSpans`: content, cue, source (start, end; -1 when absent). */
const ATTR_SLOTS = 6;

/** The fields of an attribution that the packed form keeps as numbers. */
const ATTR_PACKED_FIELDS = new Set(['kind', 'content', 'cue', 'source', 'content_parts']);

/** `table` index of `name`, adding it when new. */
function codeOf(table, codes, name) {
  let code = codes.get(name);
  if (code === undefined) {
    code = table.length;
    table.push(name);
    codes.set(name, code);
  }
  return code;
}

/**
 * Packs `plan` (from `planRender(text, …)`) into typed arrays; the result is
 * what `analyseDetailed(…, { plan: true })` resolves `plan` to, and what
 * `ArticleRenderer` draws. `packedTransfer(packed)` lists its buffers.
 *
 * Identical mentions (same label and text) share a group number
 * (`entityGroup`, numbered in order of first mention); group `g`'s mentions
 * are `groupMentions[groupAt[g] .. groupAt[g + 1])`, in text order. The page
 * lists "Karen Bass ×3" from these without touching every mention itself.
 * Hedged claims (a plan made with `claims`) are attributions
 * `attributionCount .. attributionCount + claimCount`.
 */
export function packPlan(text, plan) {
  const labels = [];
  const labelCodes = new Map();
  const kinds = [];
  const kindCodes = new Map();
  const n = plan.entities.length;
  const entityStart = new Int32Array(n);
  const entityEnd = new Int32Array(n);
  const entityLabel = new Uint16Array(n);
  const entityGroup = new Int32Array(n);
  const groups = new Map();
  plan.entities.forEach((e, i) => {
    entityStart[i] = e.start;
    entityEnd[i] = e.end;
    entityLabel[i] = codeOf(labels, labelCodes, e.label);
    const key = `${entityLabel[i]}\u0000${text.slice(e.start, e.end)}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = groups.size;
      groups.set(key, group);
    }
    entityGroup[i] = group;
  });

  const m = plan.attributions.length;
  const claimCount = plan.claimCount ?? 0;
  const attrKind = new Uint16Array(m);
  const attrSpans = new Int32Array(m * ATTR_SLOTS).fill(-1);
  /** Other fields of each attribution (newer analysers may add some), as JSON; '' when none. */
  const attrExtra = new Array(m).fill('');
  plan.attributions.forEach((a, i) => {
    attrKind[i] = codeOf(kinds, kindCodes, a.kind);
    ROLES.forEach((role, r) => {
      const span = a[role];
      if (span) {
        attrSpans[i * ATTR_SLOTS + 2 * r] = span.start;
        attrSpans[i * ATTR_SLOTS + 2 * r + 1] = span.end;
      }
    });
    const extra = Object.keys(a).filter((key) => !ATTR_PACKED_FIELDS.has(key));
    // A quote split around its cue keeps its pieces, for the statement lists.
    if (Array.isArray(a.content_parts) && a.content_parts.length > 1) extra.push('content_parts');
    if (extra.length > 0) attrExtra[i] = JSON.stringify(Object.fromEntries(extra.map((key) => [key, a[key]])));
  });

  const p = plan.parts.length;
  const partAttr = new Int32Array(p);
  const partRole = new Uint8Array(p);
  const partStart = new Int32Array(p);
  const partEnd = new Int32Array(p);
  plan.parts.forEach((part, i) => {
    partAttr[i] = part.attr;
    partRole[i] = ROLE_CODE[part.role];
    partStart[i] = part.start;
    partEnd[i] = part.end;
  });

  const r = plan.runs.length;
  const runStart = new Int32Array(r);
  const runEnd = new Int32Array(r);
  const runEntity = new Int32Array(r);
  const runPartsAt = new Int32Array(r + 1);
  let total = 0;
  for (const run of plan.runs) total += run.parts.length;
  const runParts = new Int32Array(total);
  let at = 0;
  plan.runs.forEach((run, i) => {
    runStart[i] = run.start;
    runEnd[i] = run.end;
    runEntity[i] = run.entity;
    runPartsAt[i] = at;
    runParts.set(run.parts, at);
    at += run.parts.length;
  });
  runPartsAt[r] = at;

  // Each group's mentions together, in text order (a counting sort by group).
  const groupCount = groups.size;
  const groupAt = new Int32Array(groupCount + 1);
  for (let i = 0; i < n; i += 1) groupAt[entityGroup[i] + 1] += 1;
  for (let g = 0; g < groupCount; g += 1) groupAt[g + 1] += groupAt[g];
  const fill = groupAt.slice(0, groupCount);
  const groupMentions = new Int32Array(n);
  for (let i = 0; i < n; i += 1) groupMentions[fill[entityGroup[i]]++] = i;

  return {
    length: text.length,
    labels,
    kinds,
    entityCount: n,
    entityStart,
    entityEnd,
    entityLabel,
    entityGroup,
    groupCount,
    groupAt,
    groupMentions,
    attributionCount: m - claimCount,
    claimCount,
    attrKind,
    attrSpans,
    attrExtra,
    partAttr,
    partRole,
    partStart,
    partEnd,
    runCount: r,
    runStart,
    runEnd,
    runEntity,
    runPartsAt,
    runParts,
    chunkStarts: Int32Array.from(plan.chunkStarts),
    skipped: plan.skipped,
    entityIndex: Int32Array.from(plan.entityIndex),
    attributionIndex: Int32Array.from(plan.attributionIndex),
  };
}

/** The buffers of a packed plan, to transfer rather than copy it to another thread. */
export function packedTransfer(packed) {
  return Object.values(packed)
    .filter((value) => ArrayBuffer.isView(value))
    .map((view) => view.buffer);
}

/** Entity `i` of a packed plan of `text`, as the analysis reports it: `{ start, end, label, text }`. */
export function packedEntity(packed, text, i) {
  const start = packed.entityStart[i];
  const end = packed.entityEnd[i];
  return { start, end, label: packed.labels[packed.entityLabel[i]], text: text.slice(start, end) };
}

/**
 * Attribution `i` of a packed plan of `text`: `{ kind, content, cue, source }`
 * (spans with their text; cue and source may be null) plus any other fields
 * the analyser reported; `content_parts` only for a quote split around its cue.
 */
export function packedAttribution(packed, text, i) {
  const spans = packed.attrSpans;
  const base = i * ATTR_SLOTS;
  const attribution = { kind: packed.kinds[packed.attrKind[i]] };
  ROLES.forEach((role, r) => {
    const start = spans[base + 2 * r];
    const end = spans[base + 2 * r + 1];
    attribution[role] = start < 0 ? null : { start, end, text: text.slice(start, end) };
  });
  const extra = packed.attrExtra[i];
  return extra ? { ...JSON.parse(extra), ...attribution } : attribution;
}

/** The role (`content`, `cue` or `source`) of part `i` of a packed plan. */
export function packedRole(packed, i) {
  return ROLES[packed.partRole[i]];
}

/** Mentions per label of a packed plan: `Map(label → count)`. */
export function packedLabelCounts(packed) {
  const counts = new Array(packed.labels.length).fill(0);
  for (let i = 0; i < packed.entityCount; i += 1) counts[packed.entityLabel[i]] += 1;
  return new Map(packed.labels.map((label, code) => [label, counts[code]]));
}
