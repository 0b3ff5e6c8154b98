// The sidebar in headless Chromium: the sources panel (summary line, one
// entry per source with its statements, hedged claims marked in the article)
// linked both ways with the article, and the entity cards (sorted by
// salience, selecting highlights every mention and steps through them, far
// lazy chunks included). Names and excerpts stay text, however hostile.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { EXAMPLE_ARTICLE } from '../../www/example.js';
import { analyse, articleValue, assertClean, launch, paste, waitDone } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/**
 * Team-written: Dana Whitfield is named in full once, then quoted twice by
 * surname (three statements, 15 quoted words); an anonymous official; a
 * pasted social post with its trailer; one claim hedged with no source; and
 * an engineer named once who says nothing.
 */
const ARTICLE = [
  'Flood Repairs Stall in Millbrook',
  '',
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
  'Stay off the east road until the water goes down. Shelters are open at the library.',
  '— Millbrook Water Authority (@millbrook_water) March 3, 2025',
  '',
].join('\n');

const SUMMARY = '5 attributed statements · 2 named sources · 1 anonymous · 1 social post · 1 hedged claim with no source';

/** The attribution of `analysis` whose content starts with `words`, and its index. */
function statement(analysis, words) {
  const index = analysis.attributions.findIndex((a) => a.content.text.startsWith(words));
  assert.ok(index >= 0, `an attribution starting “${words}”: ${JSON.stringify(analysis.attributions.map((a) => a.content.text))}`);
  return { index, ...analysis.attributions[index] };
}

/** What the sources panel shows: per source its name, type, stats and statements. */
function panel(page) {
  return page.$$eval('#source-list > li.source', (items) =>
    items.map((li) => ({
      name: li.querySelector('.source-name').textContent,
      type: li.querySelector('.source-type').textContent,
      stats: li.querySelector('.source-stats').textContent,
      statements: [...li.querySelectorAll('.statement')].map((b) => ({ attr: Number(b.dataset.attr), kind: b.querySelector('.kind').textContent })),
    })),
  );
}

/** Texts and roles of the article's pieces lit from the panel. */
function litInArticle(page) {
  return page.$$eval('#rendered .part.linked', (parts) => parts.map((p) => `${p.dataset.role}:${p.dataset.attr}:${p.textContent}`));
}

test('sources panel: the summary line, one entry per source by its group name, quoted words, statements; the hedged claim marked', async () => {
  const { page, log } = await env.open();
  await paste(page, ARTICLE);
  await waitDone(page);
  const analysis = analyse(await articleValue(page));
  assert.equal(await page.textContent('#sourcing-summary'), SUMMARY);

  const first = statement(analysis, 'the county would reopen');
  const stranded = statement(analysis, 'We are not going');
  const steel = statement(analysis, 'The crews have');
  const budget = statement(analysis, 'the repair budget');
  const post = statement(analysis, 'Stay off the east road');
  assert.equal(stranded.source.text, 'Whitfield', 'the quote names her by surname only');
  assert.deepEqual(await panel(page), [
    {
      name: 'Dana Whitfield',
      type: 'person',
      stats: '3 statements · 15 quoted words',
      statements: [
        { attr: first.index, kind: 'indirect' },
        { attr: stranded.index, kind: 'direct quote' },
        { attr: steel.index, kind: 'direct quote' },
      ],
    },
    { name: 'A senior official at the water authority', type: 'anonymous', stats: '1 statement', statements: [{ attr: budget.index, kind: 'indirect' }] },
    { name: 'Millbrook Water Authority', type: 'organisation', stats: '1 statement', statements: [{ attr: post.index, kind: 'social post' }] },
  ]);
  assert.equal(await page.textContent('#source-count'), '3');

  // The claim with no source: listed with its hedge picked out, and marked in the article.
  const claim = analysis.hedged_claims[0];
  assert.equal(analysis.hedged_claims.length, 1);
  assert.equal(await page.$$eval('#claim-list .claim', (b) => b.length), 1);
  assert.equal(await page.textContent('#claim-list .claim .hedge'), 'reportedly');
  assert.equal(await page.textContent('#claim-list .claim'), claim.content.text);
  assert.ok(await page.isVisible('#claims'));
  const marked = await page.$$eval('#rendered .part[data-kind="hedged_claim"]', (parts) => parts.map((p) => [p.dataset.role, p.textContent]));
  assert.deepEqual(marked.filter(([role]) => role === 'cue'), [['cue', 'reportedly']]);
  assert.equal(marked.filter(([role]) => role === 'content').map(([, t]) => t).join(''), claim.content.text);
  const label = await page.$eval('#rendered .part-cue[data-kind="hedged_claim"]', (e) => getComputedStyle(e, '::after').content);
  assert.equal(label, '"hedge, no source"', 'the hedge is labelled in the article');
  // Claims are not attributions: the status line and ] skip them.
  assert.match(await page.textContent('#status'), / · 5 attributions$/);

  // Clicking a statement shows its quote in the article.
  await page.click(`#source-list .statement[data-attr="${steel.index}"]`);
  await page.waitForFunction((i) => document.querySelector(`#rendered .part-content[data-attr="${i}"]`).classList.contains('flash'), steel.index);
  await assertClean(env, page, log);
});

test('hovering or focusing a statement lights its source and cue in the article, and the reverse', async () => {
  const { page, log } = await env.open();
  await paste(page, ARTICLE);
  await waitDone(page);
  const analysis = analyse(await articleValue(page));
  const stranded = statement(analysis, 'We are not going');
  const steel = statement(analysis, 'The crews have');
  const budget = statement(analysis, 'the repair budget');

  // Panel → article, by hover…
  await page.hover(`#source-list .statement[data-attr="${stranded.index}"]`);
  assert.deepEqual((await litInArticle(page)).sort(), [`cue:${stranded.index}:said`, `source:${stranded.index}:Whitfield`]);
  await page.mouse.move(5, 5);
  assert.deepEqual(await litInArticle(page), [], 'leaving the statement unlights it');
  // … and by keyboard focus.
  await page.focus(`#source-list .statement[data-attr="${budget.index}"]`);
  assert.deepEqual((await litInArticle(page)).sort(), [`cue:${budget.index}:said`, `source:${budget.index}:A senior official at the water authority`]);
  await page.focus('#article');
  assert.deepEqual(await litInArticle(page), [], 'moving focus away unlights it');
  // The hedged claim: its hedge and claim.
  await page.hover('#claim-list .claim');
  const lit = await litInArticle(page);
  assert.ok(lit.some((p) => p.startsWith('cue:') && p.endsWith(':reportedly')), JSON.stringify(lit));

  // Article → panel: hovering a source lights every statement of that source, this one most.
  const linkedInPanel = () =>
    page.evaluate(() => ({
      sources: [...document.querySelectorAll('#source-list li.source.linked .source-name')].map((e) => e.textContent),
      statements: [...document.querySelectorAll('#source-list .statement.linked')].map((b) => Number(b.dataset.attr)).sort((x, y) => x - y),
      current: [...document.querySelectorAll('#source-list .statement.current')].map((b) => Number(b.dataset.attr)),
    }));
  await page.hover(`#rendered .part-source[data-attr="${steel.index}"]`);
  const whitfield = analysis.attributions.map((a, i) => (a.source_group === analysis.attributions[steel.index].source_group ? i : -1)).filter((i) => i >= 0);
  assert.equal(whitfield.length, 3);
  assert.deepEqual(await linkedInPanel(), { sources: ['Dana Whitfield'], statements: whitfield, current: [steel.index] });
  // A cue too.
  await page.hover(`#rendered .part-cue[data-attr="${budget.index}"]`);
  assert.deepEqual(await linkedInPanel(), { sources: ['A senior official at the water authority'], statements: [budget.index], current: [budget.index] });
  await page.mouse.move(5, 5);
  assert.deepEqual(await linkedInPanel(), { sources: [], statements: [], current: [] });

  // By keyboard: ] in the article focuses a source, and the panel follows.
  await page.focus('#rendered');
  await page.keyboard.press(']');
  const focusedAttr = await page.evaluate(() => Number(document.activeElement.dataset.attr));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.role), 'source');
  const state = await linkedInPanel();
  assert.deepEqual(state.current, [focusedAttr]);
  assert.ok(state.sources.length === 1, JSON.stringify(state));
  await assertClean(env, page, log);
});

test('entity cards: by label, by salience, with aliases, roles, statements; selecting steps through every mention', async () => {
  const { page, log } = await env.open();
  await paste(page, ARTICLE);
  await waitDone(page);
  const analysis = analyse(await articleValue(page));
  const cards = await page.$$eval('#entity-list .entity-group', (sections) =>
    sections.map((s) => ({ label: s.dataset.label, names: [...s.querySelectorAll('.card-name')].map((n) => n.textContent) })),
  );
  // Names first (person, organisation, place, other), then numbers, then web things.
  const order = ['PERSON', 'ORG', 'PLACE', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY', 'HANDLE', 'HASHTAG', 'URL', 'EMAIL'];
  const labels = cards.map((c) => c.label);
  assert.deepEqual(labels, [...labels].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  const people = cards.find((c) => c.label === 'PERSON');
  const bySalience = analysis.groups.filter((g) => g.label === 'PERSON').map((g) => g.name);
  assert.deepEqual(people.names, bySalience, 'PERSON cards in salience order');
  assert.deepEqual(people.names.slice(0, 2), ['Dana Whitfield', 'Priya Natarajan'], 'the quoted mayor outranks the engineer named once');

  const card = page.locator('#entity-list li.card', { has: page.locator('.card-name', { hasText: 'Dana Whitfield' }) });
  assert.match(await card.locator('.card-select').textContent(), /Dana Whitfield\s*×3/);
  assert.match(await card.locator('.aliases').textContent(), /also: Whitfield/);
  assert.match(await card.locator('.roles').textContent(), /role: Mayor/);
  assert.equal(await card.locator('.badge.statements').textContent(), '3 statements');
  const org = page.locator('#entity-list li.card', { has: page.locator('.card-name', { hasText: 'Millbrook Water Authority' }) }).first();
  assert.match(await org.locator('.handles').textContent(), /@millbrook_water/);

  // Selecting: every mention highlighted, the first shown; then next, previous, around.
  const whitfield = analysis.groups.find((g) => g.name === 'Dana Whitfield');
  const ids = whitfield.mentions.map(String);
  const state = () =>
    page.evaluate(() => ({
      selected: [...document.querySelectorAll('#rendered mark.selected')].map((m) => m.dataset.entity),
      flashing: [...document.querySelectorAll('#rendered mark.flash')].map((m) => m.dataset.entity),
      counter: document.querySelector('#entity-list li.card.selected .step-count')?.textContent ?? null,
    }));
  await card.locator('.card-select').click();
  assert.deepEqual(await state(), { selected: ids, flashing: [ids[0]], counter: '1 of 3' });
  assert.equal(await card.locator('.card-select').getAttribute('aria-pressed'), 'true');
  await card.locator('.step.next').click();
  assert.deepEqual((await state()).counter, '2 of 3');
  assert.ok((await state()).flashing.includes(ids[1]));
  await card.locator('.step.prev').click();
  await card.locator('.step.prev').click();
  assert.equal((await state()).counter, '3 of 3', 'previous from the first goes round to the last');
  assert.ok((await state()).flashing.includes(ids[2]));
  // The keyboard: n for the next one, Escape to let go.
  await card.locator('.card-select').focus();
  await page.keyboard.press('n');
  assert.equal((await state()).counter, '1 of 3');
  await page.keyboard.press('Escape');
  assert.deepEqual((await state()).selected, [], 'Escape clears the selection');
  assert.equal(await card.locator('.card-steps').isVisible(), false);
  // Enter selects again; another card takes over the selection.
  await page.keyboard.press('Enter');
  assert.equal((await state()).counter, '1 of 3');
  await page.locator('#entity-list .card-select', { hasText: 'Priya Natarajan' }).click();
  const priya = analysis.groups.find((g) => g.name === 'Priya Natarajan').mentions.map(String);
  assert.deepEqual((await state()).selected, priya);
  assert.equal(await page.$$eval('#entity-list li.card.selected', (l) => l.length), 1);

  // A named source's name in the sources panel opens its card.
  await page.click('#source-list .source-name.linkish >> text=Dana Whitfield');
  assert.deepEqual((await state()).selected, ids);
  await assertClean(env, page, log);
});

test('stepping through a card reaches mentions in far lazy chunks of a long article', async () => {
  const { page, log } = await env.open();
  // Enough highlights that far chunks start as plain text (the example article, many times).
  const filler = EXAMPLE_ARTICLE.replace(/\n+$/, '\n\n').repeat(60);
  const text = `${ARTICLE}\n${filler}Dana Whitfield said nothing more.\n\n${filler}In the end, Whitfield left the meeting early.\n`;
  await paste(page, text);
  await waitDone(page);
  const analysis = analyse(await articleValue(page));
  const whitfield = analysis.groups.find((g) => g.name === 'Dana Whitfield');
  assert.ok(whitfield.mentions.length >= 5, JSON.stringify(whitfield));
  const lastId = String(whitfield.mentions.at(-1));
  assert.equal(await page.$$eval(`#rendered mark[data-entity="${lastId}"]`, (m) => m.length), 0, 'the last mention starts as plain text, far down');

  const card = page.locator('#entity-list li.card', { has: page.locator('.card-name', { hasText: 'Dana Whitfield' }) });
  await card.locator('.card-select').click();
  await card.locator('.step.prev').click();
  assert.equal(await card.locator('.step-count').textContent(), `${whitfield.mentions.length} of ${whitfield.mentions.length}`);
  await page.waitForFunction((id) => {
    const m = document.querySelector(`#rendered mark[data-entity="${id}"]`);
    const box = m?.getBoundingClientRect();
    return m && m.classList.contains('selected') && m.classList.contains('flash') && box.top >= 0 && box.bottom <= window.innerHeight;
  }, lastId);
  assert.equal(await page.textContent(`#rendered mark[data-entity="${lastId}"]`), 'Whitfield');
  await assertClean(env, page, log);
});

test('hostile text in names, descriptions and quotes stays text in the cards and the panel', async () => {
  const { page, log } = await env.open();
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const text = `Mayor Dana Whitfield said "${hostile} is not a plan." A senior official said <script>window.__pwned=2</script> had run out.\n`;
  await paste(page, text);
  await waitDone(page);
  const statements = await page.$$eval('#source-list .statement .excerpt', (e) => e.map((x) => x.textContent));
  assert.ok(statements.some((s) => s.includes(hostile)), JSON.stringify(statements));

  // Names from the analyser are text too: a crafted sidebar through the page's own module.
  const result = await page.evaluate(async (hostile) => {
    const { renderCards, renderSources } = await import('./lists.js');
    const { packPlan, planRender } = await import('./pkg/plan.js');
    const { buildSidebar } = await import('./pkg/sources.js');
    const text = `${hostile} said "fine." ${hostile} reportedly left.`;
    const name = { start: 0, end: hostile.length, text: hostile };
    const span = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
    const analysis = {
      entities: [{ ...name, label: 'PERSON', group: 0 }],
      attributions: [{ kind: 'direct', content: span('fine.'), content_parts: [span('fine.')], cue: span('said'), source: name, source_type: 'named_person', source_group: 0 }],
      hedged_claims: [{ content: { start: text.lastIndexOf(hostile), end: text.length - 1, text: text.slice(text.lastIndexOf(hostile), -1) }, hedge: span('reportedly') }],
      groups: [{ id: 0, label: 'PERSON', name: hostile, aliases: [hostile], mentions: [0], roles: ['<b>Mayor</b>'], role_mentions: [], handles: ['@x"><script>'], variants: [hostile], statements: [0], salience: 1, first: 0, ambiguous: true, candidates: [0] }],
    };
    const plan = planRender(text, analysis, { claims: true });
    const sidebar = buildSidebar(analysis, plan);
    const box = document.createElement('div');
    const [summary, list, claims, cards] = ['p', 'ol', 'ol', 'div'].map((tag) => box.appendChild(document.createElement(tag)));
    renderSources({ summary, list, claims }, packPlan(text, plan), text, sidebar, { onLink() {}, onShow() {}, onCard() {} });
    renderCards(cards, sidebar, { onSelect() {}, onClear() {} });
    document.body.append(box);
    const out = {
      elements: [...box.querySelectorAll('img, script, b')].length,
      source: list.querySelector('.source-name').textContent,
      card: cards.querySelector('.card-name').textContent,
      facts: cards.querySelector('.card-facts').textContent,
      badges: cards.querySelector('.card-badges').textContent,
      claim: claims.textContent,
      pwned: window.__pwned ?? null,
    };
    box.remove();
    return out;
  }, hostile);
  assert.deepEqual(result, {
    elements: 0,
    source: hostile,
    card: hostile,
    facts: `also: ${hostile}role: <b>Mayor</b>handle: @x"><script>`,
    badges: `1 statementvariant: ${hostile}ambiguous: ${hostile}?`,
    claim: `${hostile} reportedly left`,
    pwned: null,
  });
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  await assertClean(env, page, log);
});
