// The render plan (js/plan.js, shared by the page, <lede-article> and the
// HTML export): runs tile the text, entities are never split, attribution
// boundaries move out of entities, bad spans are counted rather than
// rendered, and the walk over runs opens and closes parts in proper nesting.

import assert from 'node:assert/strict';
import test from 'node:test';

import { packedAttribution, packedEntity, packedLabelCounts, packedRole, packedTransfer, packPlan, planRender, walkRuns } from '../../js/plan.js';
import { corpus, random } from './corpus.mjs';
import { statementText } from '../../js/sources.js';
import { analyse } from './lede.mjs';

const span = (text, start, end) => ({ start, end, text: text.slice(start, end) });
const entity = (text, start, end, label) => ({ ...span(text, start, end), label });
const at = (text, needle, from = 0) => {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `${needle} not in text`);
  return [i, i + needle.length];
};

/** Checks the plan invariants; returns the plan. */
function assertPlan(text, plan) {
  let pos = 0;
  const seen = new Set();
  for (const run of plan.runs) {
    assert.equal(run.start, pos, 'runs tile the text');
    assert.ok(run.end > run.start, 'runs are not empty');
    pos = run.end;
    if (run.entity >= 0) {
      const e = plan.entities[run.entity];
      assert.deepEqual([run.start, run.end], [e.start, e.end], 'an entity is exactly one run');
      assert.ok(!seen.has(run.entity), 'an entity appears in one run only');
      seen.add(run.entity);
    }
    for (const p of run.parts) {
      const part = plan.parts[p];
      assert.ok(part.start <= run.start && run.end <= part.end, 'a run lies inside its parts');
    }
    for (let k = 1; k < run.parts.length; k += 1) {
      const outer = plan.parts[run.parts[k - 1]];
      const inner = plan.parts[run.parts[k]];
      assert.ok(outer.start < inner.start || (outer.start === inner.start && outer.end >= inner.end), 'parts listed outermost first');
    }
  }
  assert.equal(pos, text.length, 'runs cover the whole text');
  assert.equal(seen.size, plan.entities.length, 'every entity is rendered');
  for (const part of plan.parts) {
    for (const e of plan.entities) {
      for (const b of [part.start, part.end]) assert.ok(!(e.start < b && b < e.end), 'no part boundary inside an entity');
    }
  }
  for (const r of plan.chunkStarts) {
    const start = plan.runs[r].start;
    assert.ok(start === 0 || text[start - 1] === '\n', 'chunks start after a line break');
  }
  return plan;
}

test('an empty text has no runs', () => {
  const plan = assertPlan('', planRender('', { entities: [], attributions: [] }));
  assert.deepEqual(plan.runs, []);
  assert.deepEqual(plan.chunkStarts, []);
});

test('a quote with its cue and a source that is an entity nests around the mark', () => {
  const text = '“We will rebuild,” said Mayor Elena Marsh on Tuesday.';
  const person = entity(text, ...at(text, 'Elena Marsh'), 'PERSON');
  const day = entity(text, ...at(text, 'Tuesday'), 'DATE');
  const plan = assertPlan(text, planRender(text, {
    entities: [person, day],
    attributions: [{ kind: 'direct', content: span(text, ...at(text, 'We will rebuild')), cue: span(text, ...at(text, 'said')), source: span(text, ...at(text, 'Elena Marsh')) }],
  }));
  const markRun = plan.runs.find((r) => r.entity === 0);
  assert.deepEqual(markRun.parts.map((p) => plan.parts[p].role), ['source']);
  assert.equal(plan.runs.filter((r) => r.parts.some((p) => plan.parts[p].role === 'content')).length, 1);
});

test('an attribution boundary inside an entity moves out to the entity edge', () => {
  const text = 'Officials at Riverside Tenants Union said the rent would rise.';
  const org = entity(text, ...at(text, 'Riverside Tenants Union'), 'ORG');
  // A source that starts mid-name and a content that ends mid-name.
  const source = span(text, ...at(text, 'Tenants Union said'));
  const content = span(text, 0, at(text, 'Tenants')[1]);
  const plan = assertPlan(text, planRender(text, { entities: [org], attributions: [{ kind: 'indirect', content, cue: null, source }] }));
  const byRole = Object.fromEntries(plan.parts.map((p) => [p.role, [p.start, p.end]]));
  assert.deepEqual(byRole.source, [org.start, source.end], 'source start moved back to the name');
  assert.deepEqual(byRole.content, [0, org.end], 'content end moved on to the end of the name');
});

test('a part wholly inside an entity grows to cover the entity', () => {
  const text = 'A spokesman for Halvorsen Civil Works declined.';
  const org = entity(text, ...at(text, 'Halvorsen Civil Works'), 'ORG');
  const plan = assertPlan(text, planRender(text, { entities: [org], attributions: [{ kind: 'indirect', content: span(text, ...at(text, 'declined')), cue: null, source: span(text, ...at(text, 'Civil')) }] }));
  const source = plan.parts.find((p) => p.role === 'source');
  assert.deepEqual([source.start, source.end], [org.start, org.end]);
});

test('crossing attributions are split into properly nested runs', () => {
  const text = 'one two three four five six seven';
  const a = { kind: 'direct', content: span(text, 0, 13), cue: null, source: null };
  const b = { kind: 'mixed', content: span(text, 8, 23), cue: null, source: null };
  const plan = assertPlan(text, planRender(text, { entities: [entity(text, 8, 13, 'QUANTITY')], attributions: [a, b] }));
  const markRun = plan.runs.find((r) => r.entity === 0);
  assert.deepEqual(markRun.parts.map((p) => plan.parts[p].attr), [0, 1]);
});

test('invalid spans are counted, not rendered', () => {
  const text = 'Follow @city_hall today.';
  const good = entity(text, ...at(text, '@city_hall'), 'HANDLE');
  const plan = assertPlan(text, planRender(text, {
    entities: [
      good,
      { start: 7, end: 11, label: 'HANDLE', text: '@cit' }, // overlaps the good one
      { start: 0, end: 99, label: 'URL', text: 'x' }, // out of range
      { start: 1.5, end: 3, label: 'URL' }, // not an integer
      { start: 0, end: 6, label: 'ORG', text: 'Fallow' }, // wrong text
      { start: 0, end: 6 }, // no label
      null,
    ],
    attributions: [
      { kind: 'direct', content: { start: 5, end: 2 }, cue: null, source: null },
      { kind: 'direct', content: span(text, 0, 6), cue: { start: -1, end: 2 }, source: null },
    ],
  }));
  assert.deepEqual(plan.entities.map((e) => e.text), ['@city_hall']);
  assert.equal(plan.attributions.length, 1);
  assert.equal(plan.attributions[0].cue, null);
  assert.equal(plan.skipped, 8);
});

test('future fields ride along; a missing analysis renders as plain text', () => {
  const text = 'Plain text.';
  const plan = planRender(text, { entities: [], attributions: [{ kind: 'social_post', content: span(text, 0, 5), cue: null, source: null, stance: 'neutral', groups: [1] }] });
  assert.equal(plan.attributions[0].stance, 'neutral');
  for (const analysis of [undefined, null, {}, { entities: 'nope' }]) {
    const p = assertPlan(text, planRender(text, analysis));
    assert.equal(p.runs.length, 1);
  }
});

test('a lone surrogate reported as U+FFFD still matches', () => {
  const text = 'see https://example.org/a\uD800b now';
  const plan = planRender(text, { entities: [{ start: 4, end: 27, label: 'URL', text: 'https://example.org/a\uFFFDb' }], attributions: [] });
  assert.equal(plan.entities.length, 1);
  assert.equal(plan.skipped, 0);
  assert.equal(plan.entities[0].text, text.slice(4, 27));
});

test('chunks break after line breaks, never inside an entity', () => {
  const line = 'A line with @handle_one in it.\n';
  let text = line.repeat(50);
  const crossing = 'New\nYork';
  text += crossing + ' and more\n' + line.repeat(50);
  const analysis = analyse(text);
  const [cs, ce] = at(text, crossing);
  analysis.entities.push(entity(text, cs, ce, 'PLACE'));
  analysis.entities.sort((a, b) => a.start - b.start);
  for (const size of [1, 7, 64, 100, 1000]) {
    const plan = assertPlan(text, planRender(text, analysis, { chunkSize: size }));
    assert.ok(plan.chunkStarts.length > 1, `size ${size} makes several chunks`);
    assert.ok(!plan.chunkStarts.some((r) => plan.runs[r].start === cs + 4), 'no chunk inside "New\\nYork"');
  }
});

test('plans of real analyses plus random attributions keep every invariant', () => {
  const next = random(11);
  for (const text of corpus()) {
    if (text.length < 2) continue;
    const analysis = analyse(text);
    const randomSpan = () => {
      const a = Math.floor(next() * text.length);
      const b = Math.floor(next() * text.length);
      return a === b ? null : span(text, Math.min(a, b), Math.max(a, b));
    };
    for (let i = 0; i < 4; i += 1) {
      const content = randomSpan();
      if (content) analysis.attributions.push({ kind: 'direct', content, cue: randomSpan(), source: randomSpan() });
    }
    const plan = assertPlan(text, planRender(text, analysis, { chunkSize: 64 }));
    assert.equal(plan.skipped, 0);
    assert.equal(plan.runs.map((r) => text.slice(r.start, r.end)).join(''), text);
  }
});

test('a split quote highlights its content_parts, not the cue and source between them', () => {
  const text = '“We will rebuild,” said Elena Marsh, “and we will do it this year.”';
  const first = span(text, ...at(text, 'We will rebuild,'));
  const second = span(text, ...at(text, 'and we will do it this year.'));
  const attribution = {
    kind: 'direct', content: span(text, first.start, second.end), content_parts: [second, first],
    cue: span(text, ...at(text, 'said')), source: span(text, ...at(text, 'Elena Marsh')),
  };
  const plan = assertPlan(text, planRender(text, { entities: [], attributions: [attribution] }));
  const content = plan.parts.filter((p) => p.role === 'content').map((p) => text.slice(p.start, p.end));
  assert.deepEqual(content, [first.text, second.text], 'the pieces, in text order');
  const cueRun = plan.runs.find((r) => text.slice(r.start, r.end) === 'said');
  assert.deepEqual(cueRun.parts.map((p) => plan.parts[p].role), ['cue'], 'the cue is not inside the quote');

  // Unusable parts fall back to the whole content span.
  const broken = { ...attribution, content_parts: [{ start: 5, end: 2 }] };
  const fallback = planRender(text, { entities: [], attributions: [broken] });
  assert.deepEqual(fallback.parts.filter((p) => p.role === 'content').map((p) => [p.start, p.end]), [[first.start, second.end]]);
});

test('plan indexes lead back to the analysis, past skipped and reordered items', () => {
  const text = 'Ask @one, @two and @three.';
  const handle = (name) => entity(text, ...at(text, name), 'HANDLE');
  const entities = [handle('@three'), { start: 0, end: 99, label: 'URL' }, handle('@one'), handle('@two')];
  const content = span(text, ...at(text, 'Ask'));
  const attributions = [{ kind: 'direct', content: { start: 9, end: 1 } }, { kind: 'direct', content, cue: null, source: null }];
  const plan = planRender(text, { entities, attributions });
  assert.deepEqual(plan.entities.map((e) => e.text), ['@one', '@two', '@three']);
  assert.deepEqual(plan.entityIndex, [2, 3, 0]);
  plan.entityIndex.forEach((i, k) => assert.equal(entities[i], plan.entities[k], 'the same object when its text is exact'));
  assert.deepEqual(plan.attributionIndex, [1]);
});

test('walkRuns opens and closes parts like a well-formed document', () => {
  const next = random(5);
  for (const text of corpus().slice(0, 40)) {
    if (text.length < 4) continue;
    const analysis = analyse(text);
    for (let i = 0; i < 6; i += 1) {
      const a = Math.floor(next() * text.length);
      const b = Math.floor(next() * text.length);
      if (a !== b) analysis.attributions.push({ kind: 'direct', content: span(text, Math.min(a, b), Math.max(a, b)), cue: null, source: null });
    }
    const plan = planRender(text, analysis, { chunkSize: 50 });
    const bounds = [...plan.chunkStarts, plan.runs.length];
    for (let c = 0; c + 1 < bounds.length; c += 1) {
      const stack = [];
      let out = '';
      walkRuns(plan, bounds[c], bounds[c + 1], {
        open(part) {
          stack.push(part);
          out += '(';
        },
        close(count) {
          assert.ok(count > 0 && count <= stack.length, 'closes only what is open');
          stack.length -= count;
          out += ')'.repeat(count);
        },
        run(run) {
          assert.deepEqual(stack, run.parts, 'the open parts are exactly the run’s, outermost first');
          out += text.slice(run.start, run.end).replace(/[()]/g, '');
        },
      });
      assert.equal(stack.length, 0, 'everything opened is closed');
      let depth = 0;
      for (const ch of out) {
        depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
        assert.ok(depth >= 0);
      }
      assert.equal(depth, 0);
    }
  }
});

test('a packed plan holds exactly the plan, in typed arrays, with identical mentions grouped', () => {
  for (const text of corpus()) {
    const analysis = analyse(text);
    if (analysis.attributions[0]) analysis.attributions[0].stance = 'neutral'; // a field from a newer analyser
    const plan = planRender(text, analysis, { chunkSize: 64 });
    const packed = packPlan(text, plan);
    assert.equal(packed.length, text.length);
    assert.equal(packed.runCount, plan.runs.length);
    plan.runs.forEach((run, r) => {
      assert.deepEqual(
        { start: packed.runStart[r], end: packed.runEnd[r], entity: packed.runEntity[r], parts: Array.from(packed.runParts.subarray(packed.runPartsAt[r], packed.runPartsAt[r + 1])) },
        { start: run.start, end: run.end, entity: run.entity, parts: run.parts },
      );
    });
    plan.parts.forEach((part, p) => {
      assert.deepEqual({ attr: packed.partAttr[p], role: packedRole(packed, p), start: packed.partStart[p], end: packed.partEnd[p] }, part);
    });
    assert.equal(packed.entityCount, plan.entities.length);
    plan.entities.forEach((e, i) => assert.deepEqual(packedEntity(packed, text, i), { start: e.start, end: e.end, label: e.label, text: e.text }));
    assert.equal(packed.attributionCount, plan.attributions.length);
    plan.attributions.forEach((a, i) => {
      // A quote split around its cue keeps its pieces; other parts stay in the analysis.
      const { content_parts: parts, ...rest } = a;
      const expected = parts?.length > 1 ? { ...rest, content_parts: parts } : rest;
      assert.deepEqual(packedAttribution(packed, text, i), expected);
    });
    assert.deepEqual(Array.from(packed.chunkStarts), plan.chunkStarts);
    assert.deepEqual(Array.from(packed.entityIndex), plan.entityIndex);
    assert.deepEqual(Array.from(packed.attributionIndex), plan.attributionIndex);
    // Same group exactly when same label and same text.
    const keys = new Map();
    plan.entities.forEach((e, i) => {
      const key = `${e.label}|${e.text}`;
      if (!keys.has(key)) keys.set(key, packed.entityGroup[i]);
      assert.equal(packed.entityGroup[i], keys.get(key), key);
    });
    assert.equal(packed.groupCount, keys.size);
    for (let g = 0; g < packed.groupCount; g += 1) {
      const mentions = Array.from(packed.groupMentions.subarray(packed.groupAt[g], packed.groupAt[g + 1]));
      assert.deepEqual(mentions, [...packed.entityGroup.keys()].filter((i) => packed.entityGroup[i] === g), `group ${g}: its mentions in text order`);
    }
    assert.deepEqual([...new Set(packed.entityGroup)], [...keys.values()].sort((x, y) => x - y), 'groups numbered by first mention');
    const counts = new Map();
    for (const e of plan.entities) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
    assert.deepEqual(packedLabelCounts(packed), counts);
    // Every array travels by transfer: distinct buffers, nothing else.
    const buffers = packedTransfer(packed);
    assert.equal(new Set(buffers).size, buffers.length);
    assert.ok(buffers.length >= 18);
    assert.doesNotThrow(() => structuredClone(packed, { transfer: buffers }));
  }
});

test('a statement list shows a quote split around its cue as its pieces, without the cue', () => {
  const text = '“We will,” Ada Okafor said, “hold the line.”';
  const [a] = analyse(text).attributions;
  assert.equal(a.content.text, 'We will,” Ada Okafor said, “hold the line.');
  const packed = packPlan(text, planRender(text, analyse(text)));
  assert.equal(statementText(packedAttribution(packed, text, 0)), 'We will … hold the line.');
  assert.equal(statementText({ content: { text: 'the plan is dead' } }), 'the plan is dead');
});
