// The page's sidebar data (js/sources.js, made in the worker next to the
// render plan): sources keyed by entity group or description, quoted words,
// the sourcing summary in words, entity cards in label and salience order,
// and hedged claims carried in the plan after the attributions.

import assert from 'node:assert/strict';
import test from 'node:test';

import { packPlan, planRender } from '../../js/plan.js';
import { buildSidebar, countWords, quotedWords, sourceOf, sourcingSummary } from '../../js/sources.js';
import { corpus } from './corpus.mjs';
import { analyse } from './lede.mjs';

const span = (text, needle, from = 0) => {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${needle} not in text`);
  return { start, end: start + needle.length, text: needle };
};

test('words are counted as readers count them', () => {
  assert.equal(countWords(''), 0);
  assert.equal(countWords('  — … “ ” '), 0);
  assert.equal(countWords('We’re not going to leave anyone stranded'), 7);
  assert.equal(countWords('a well-known, 4,000-strong crowd'), 5);
  assert.equal(countWords('Nous ne partirons pas 🧀✊ merci'), 5);
});

test('quoted words: only direct and mixed quotes, over their pieces', () => {
  const direct = { kind: 'direct', content: { text: 'It is not a rise, it is an eviction notice.' }, content_parts: [{ text: 'It is not a rise,' }, { text: 'it is an eviction notice.' }] };
  assert.equal(quotedWords(direct), 10);
  assert.equal(quotedWords({ ...direct, content_parts: [] }), 10, 'the content when there are no parts');
  assert.equal(quotedWords({ kind: 'mixed', content: { text: 'a betrayal' } }), 2);
  assert.equal(quotedWords({ kind: 'indirect', content: { text: 'the money would come' } }), 0);
  assert.equal(quotedWords({ kind: 'social_post', content: { text: 'Stay off the road' } }), 0);
});

test('a source is its group by name, else its description; a post without one is its author', () => {
  const groups = [{ label: 'PERSON', name: 'Dana Whitfield' }, { label: 'ORG', name: 'Millbrook Water Authority' }];
  assert.deepEqual(sourceOf({ source: { text: 'Whitfield' }, source_type: 'named_person', source_group: 0 }, groups), {
    key: 'group:0', name: 'Dana Whitfield', type: 'named_person', group: 0,
  });
  // A pronoun resolved to a group counts as that named source.
  assert.equal(sourceOf({ source: { text: 'she' }, source_type: 'pronoun', source_group: 0 }, groups).type, 'named_person');
  assert.equal(sourceOf({ source: { text: 'it' }, source_type: 'pronoun', source_group: 1 }, groups).type, 'named_org');
  const official = sourceOf({ source: { text: 'A senior\nofficial' }, source_type: 'anonymous', source_group: null }, groups);
  assert.deepEqual(official, { key: 'anonymous:a senior official', name: 'A senior official', type: 'anonymous', group: null });
  assert.equal(sourceOf({ source: { text: 'a senior official' }, source_type: 'anonymous' }, groups).key, official.key, 'the same description is the same source');
  assert.equal(sourceOf({ source: null, post: { author: null, handle: { text: '@relief' } } }, groups).name, '@relief');
  assert.deepEqual(sourceOf({ source: null, post: null }, groups), { key: 'none', name: 'No source given', type: 'none', group: null });
  assert.equal(sourceOf({ source: { text: 'x' }, source_group: 7 }, groups).group, null, 'a group index out of range is ignored');
});

test('the summary line says its numbers in words, singular or plural', () => {
  assert.equal(
    sourcingSummary({ statements: 9, named: 5, anonymous: 2, social: 4, hedged: 1 }),
    '9 attributed statements · 5 named sources · 2 anonymous · 4 social posts · 1 hedged claim with no source',
  );
  assert.equal(sourcingSummary({ statements: 1, named: 1, anonymous: 0, other: 1, social: 1, hedged: 2 }),
    '1 attributed statement · 1 named source · 0 anonymous · 1 other source · 1 social post · 2 hedged claims with no source');
  assert.equal(sourcingSummary({}), '0 attributed statements · 0 named sources · 0 anonymous');
  assert.equal(sourcingSummary({ statements: 12345, named: 0, anonymous: 0 }, (n) => n.toLocaleString('en')), '12,345 attributed statements · 0 named sources · 0 anonymous');
});

test('hedged claims ride in the plan after the attributions, only when asked for', () => {
  const text = 'The council is said to favor a stadium. “No,” said Ada Fisk.';
  const analysis = {
    entities: [{ ...span(text, 'Ada Fisk'), label: 'PERSON', group: 0 }],
    attributions: [{ kind: 'direct', content: span(text, 'No'), cue: span(text, 'said'), source: span(text, 'Ada Fisk') }],
    hedged_claims: [{ content: span(text, 'The council is said to favor a stadium'), hedge: span(text, 'is said to') }],
  };
  const plain = planRender(text, analysis);
  assert.equal(plain.attributions.length, 1);
  assert.equal(plain.claimCount, 0);
  const plan = planRender(text, analysis, { claims: true });
  assert.equal(plan.attributionCount, 1);
  assert.equal(plan.claimCount, 1);
  assert.deepEqual(plan.attributions[1], { kind: 'hedged_claim', content: analysis.hedged_claims[0].content, cue: analysis.hedged_claims[0].hedge, source: null });
  const roles = plan.parts.filter((p) => p.attr === 1).map((p) => [p.role, text.slice(p.start, p.end)]);
  assert.deepEqual(roles, [['content', 'The council is said to favor a stadium'], ['cue', 'is said to']]);
  const packed = packPlan(text, plan);
  assert.equal(packed.attributionCount, 1, 'claims are not counted as attributions');
  assert.equal(packed.claimCount, 1);
  assert.equal(packed.kinds[packed.attrKind[1]], 'hedged_claim');
  // A bad claim is counted, not drawn.
  const bad = planRender(text, { ...analysis, hedged_claims: [{ content: { start: 5, end: 999, text: 'x' }, hedge: null }] }, { claims: true });
  assert.equal(bad.claimCount, 0);
  assert.equal(bad.skipped, 1);
});

test('sidebar of a team-written article: sources by group name, counts, quoted words, cards by salience', () => {
  const text = [
    'Mayor Dana Whitfield said the county would reopen the river bridge by Friday. "We are not going to leave anyone stranded," Whitfield said.',
    '',
    '"The crews have the steel they need," Whitfield told reporters at the county garage.',
    '',
    'County engineer Priya Natarajan inspected the east pier on Tuesday.',
    '',
    'A senior official at the water authority said the repair budget had already run out.',
    '',
    'The contractor reportedly missed two inspections last month.',
    '',
  ].join('\n');
  const analysis = analyse(text);
  const plan = planRender(text, analysis, { claims: true });
  const sidebar = buildSidebar(analysis, plan);
  assert.deepEqual(sidebar.summary, { statements: 4, named: 1, anonymous: 1, other: 0, social: 0, hedged: 1 });
  assert.deepEqual(
    sidebar.sources.map((s) => [s.name, s.type, s.statements.length, s.quotedWords]),
    [['Dana Whitfield', 'named_person', 3, 15], ['A senior official at the water authority', 'anonymous', 1, 0]],
  );
  // Every statement under exactly one source, and attrSource agrees.
  const all = sidebar.sources.flatMap((s, k) => [...s.statements].map((a) => [a, k])).sort((x, y) => x[0] - y[0]);
  assert.deepEqual(all, [...sidebar.attrSource].map((k, a) => [a, k]));
  const people = sidebar.cards.filter((c) => c.label === 'PERSON');
  assert.deepEqual(people.map((c) => c.name), ['Dana Whitfield', 'Priya Natarajan']);
  const dana = people[0];
  assert.deepEqual([dana.aliases, dana.roles, dana.statements, dana.mentions.length], [['Whitfield'], ['Mayor'], 3, 3]);
  assert.equal(sidebar.sources[dana.source].name, 'Dana Whitfield');
  assert.equal(sidebar.cards[sidebar.sources[0].card], dana, 'the source and its card point at each other');
  for (const m of dana.mentions) assert.match(plan.entities[m].text, /Whitfield/);
});

test('sidebars of the test corpus keep their invariants', () => {
  const rank = (label) => ['PERSON', 'ORG', 'PLACE', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY', 'HANDLE', 'HASHTAG', 'URL', 'EMAIL'].indexOf(label);
  for (const text of corpus()) {
    const analysis = analyse(text);
    const plan = planRender(text, analysis, { claims: true });
    const sidebar = buildSidebar(analysis, plan);
    assert.equal(sidebar.summary.statements, analysis.attributions.length);
    assert.equal(sidebar.summary.hedged, analysis.hedged_claims.length);
    assert.equal(sidebar.sources.reduce((n, s) => n + s.statements.length, 0), analysis.attributions.length, 'each statement under one source');
    for (let k = 1; k < sidebar.sources.length; k += 1) {
      assert.ok(sidebar.sources[k - 1].statements.length >= sidebar.sources[k].statements.length, 'most statements first');
    }
    // Every mention on exactly one card; cards in label order, groups by salience.
    const seen = new Set();
    for (const card of sidebar.cards) for (const m of card.mentions) {
      assert.ok(!seen.has(m), `mention ${m} on two cards`);
      seen.add(m);
    }
    assert.equal(seen.size, plan.entities.length);
    for (let c = 1; c < sidebar.cards.length; c += 1) {
      const [a, b] = [sidebar.cards[c - 1], sidebar.cards[c]];
      assert.ok(rank(a.label) <= rank(b.label), `${a.label} before ${b.label}`);
      if (a.label === b.label && a.group !== null && b.group !== null) assert.ok(a.salience >= b.salience);
      if (a.label === b.label) assert.ok(!(a.group === null && b.group !== null), 'groups before loose mentions');
    }
  }
});
