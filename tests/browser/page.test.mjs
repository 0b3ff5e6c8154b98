// The page in headless Chromium: pasting renders exact marks, pasted HTML
// stays text, the legend and lists work, the example loads, nothing leaves
// the page, and the CSP (with Trusted Types) holds throughout.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { EXAMPLE_ARTICLE } from '../../www/example.js';
import { compose } from '../node/lede.mjs';
import { analyse, articleValue, assertClean, launch, paste, renderedMarks, waitDone } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Entities the wasm reports for `text`, in the shape renderedMarks() gives. */
function expectedMarks(text) {
  return analyse(text).entities.map(({ start, end, label, text: t }) => ({ start, end, label, text: t }));
}

const SAMPLE = compose(
  'Budget Vote Delayed 🤨\n\n',
  'Follow ', { label: 'HANDLE', text: '@city_hall' }, ' for updates, or read ',
  { label: 'URL', text: 'https://example.org/budget?year=2025' }, '.\n',
  'Cafe\u0301 owners 👩‍👩‍👧 wrote to ', { label: 'EMAIL', text: 'press@example.org' }, ' ',
  { label: 'HASHTAG', text: '#Budget2025' }, '\n\nمرحبا ', { label: 'HANDLE', text: '@maria_k' }, ' שלום.',
);

test('loads cleanly: same-origin requests only, CSP meta as specified, analyser ready', async () => {
  const { page, log } = await env.open();
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  for (const directive of [
    "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'",
    "style-src 'self'", "img-src 'self' data:", "font-src 'self'", "base-uri 'none'", "form-action 'none'",
    "require-trusted-types-for 'script'",
  ]) assert.ok(csp.includes(directive), `CSP has ${directive}`);
  assert.match(csp, /trusted-types lede-worker lede-inert-html(;|$)/, 'only the worker and inert-HTML policies are allowed');
  assert.equal(await page.$$eval('[style]', (els) => els.length), 0, 'no style attributes');
  assert.equal(await page.$$eval('script:not([src])', (els) => els.length), 0, 'no inline scripts');
  assert.equal(await page.$$eval('textarea', (els) => els.length), 1, 'one textarea');
  assert.ok(log.requests.some((u) => u.endsWith('/pkg/lede_bg.wasm')), 'the wasm is fetched at load');
  assert.match(await page.textContent('#status'), /^Ready/);
  await assertClean(env, page, log);
});

test('a paste is analysed at once and every entity becomes a mark at its exact offset', async () => {
  const { page, log } = await env.open();
  await paste(page, SAMPLE.text);
  const status = await waitDone(page);
  const value = await articleValue(page);
  assert.equal(value, SAMPLE.text);
  assert.equal(await page.$eval('#rendered', (r) => r.textContent), value, 'rendered text equals the textarea');
  const marks = await renderedMarks(page);
  assert.deepEqual(marks, expectedMarks(value), 'marks are exactly what analyse() returns');
  for (const want of SAMPLE.expected) {
    assert.ok(marks.some((m) => m.start === want.start && m.end === want.end && m.label === want.label),
      `${want.label} ${want.text} rendered at [${want.start}, ${want.end})`);
  }
  assert.equal(await page.$$eval('#rendered mark mark', (m) => m.length), 0, 'marks never nest');
  assert.match(status, new RegExp(`^Analysed ${value.trim().split(/\s+/u).length} words in [\\d,]+ ms`));
  await assertClean(env, page, log);
});

test('CRLF pasted text: the rendering follows the textarea value exactly', async () => {
  const { page, log } = await env.open();
  await paste(page, 'Line one @a_b\r\n\r\nLine two #tag\r\nhttps://example.org/x\r\n');
  await waitDone(page);
  const value = await articleValue(page);
  assert.equal(await page.$eval('#rendered', (r) => r.textContent), value);
  assert.deepEqual(await renderedMarks(page), expectedMarks(value));
  await assertClean(env, page, log);
});

test('typing is debounced and only the latest result is rendered', async () => {
  const { page, log } = await env.open();
  await page.focus('#article');
  await page.keyboard.type('Ask @city_hall about #Budget2025 today', { delay: 5 });
  await waitDone(page);
  const value = await articleValue(page);
  assert.deepEqual(await renderedMarks(page), expectedMarks(value));
  const requests = Number(await page.$eval('#rendered', (r) => r.dataset.requestId));
  assert.ok(requests < value.length / 2, `keystrokes are debounced (${requests} requests for ${value.length} keys)`);

  // Three pastes in one task: the worker analyses the newest only.
  const before = await page.$eval('#rendered', (r) => Number(r.dataset.analysed));
  const texts = ['@first '.repeat(100_000), 'second #two', 'third @three https://example.org/3'];
  await page.evaluate((list) => {
    const a = document.getElementById('article');
    for (const t of list) {
      a.value = t;
      a.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
    }
  }, texts);
  await waitDone(page);
  assert.equal(await page.$eval('#rendered', (r) => r.textContent), texts[2]);
  assert.deepEqual(await renderedMarks(page), expectedMarks(texts[2]));
  const stats = await page.$eval('#rendered', (r) => ({ analysed: Number(r.dataset.analysed), dropped: Number(r.dataset.dropped) }));
  assert.ok(stats.analysed - before < texts.length, `superseded requests are not analysed (${JSON.stringify(stats)})`);
  assert.ok(stats.dropped >= 1, 'the worker dropped superseded requests');
  await assertClean(env, page, log);
});

test('pasted HTML stays inert text: no element is created and no handler runs', async () => {
  const { page, log } = await env.open();
  const payload = [
    '<img src=x onerror="window.__pwned = 1"> @victim',
    '<script>window.__pwned = 2</script>',
    '<svg onload="window.__pwned = 3"><a href="javascript:window.__pwned = 4">#click</a></svg>',
    '<iframe srcdoc="<script>parent.__pwned = 5</script>"></iframe>',
    '"><b onmouseover="window.__pwned = 6">bold</b> https://example.org/<img src=y>',
    '&lt;entity&gt; &amp; <!-- comment --> <style>body{display:none}</style>',
  ].join('\n');
  await paste(page, payload);
  await waitDone(page);
  await page.hover('#rendered');
  await page.waitForTimeout(200); // give any (wrongly) created handler a chance to fire
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const value = await articleValue(page);
  assert.equal(value, payload);
  assert.equal(await page.$eval('#rendered', (r) => r.textContent), payload);
  const tags = await page.$$eval('#rendered *', (els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))]);
  for (const tag of tags) assert.ok(['div', 'mark', 'span'].includes(tag), `unexpected <${tag}> in the rendering`);
  assert.deepEqual(await renderedMarks(page), expectedMarks(value));
  assert.equal(await page.$eval('body', (b) => getComputedStyle(b).display), 'block', 'pasted <style> has no effect');
  await assertClean(env, page, log);
});

test('legend toggles hide and show a label without touching the text', async () => {
  const { page, log } = await env.open();
  await paste(page, SAMPLE.text);
  await waitDone(page);
  const background = (label) => page.$$eval(`#rendered mark[data-label="${label}"]`,
    (marks) => marks.map((m) => getComputedStyle(m).backgroundColor));
  const shown = await background('HANDLE');
  assert.ok(shown.length === 2 && shown.every((c) => c !== 'rgba(0, 0, 0, 0)'), 'handles are highlighted');

  const toggle = page.locator('#legend button[data-label="HANDLE"]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await background('HANDLE'), ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], 'hidden label loses its highlight');
  assert.ok((await background('HASHTAG')).every((c) => c !== 'rgba(0, 0, 0, 0)'), 'other labels keep theirs');
  assert.equal(await page.$eval('#rendered', (r) => r.textContent), SAMPLE.text, 'the text stays');

  // Still hidden after the article is re-analysed.
  await page.focus('#article');
  await page.keyboard.press('End');
  await page.keyboard.type(' @another_one');
  await waitDone(page);
  assert.deepEqual(new Set(await background('HANDLE')), new Set(['rgba(0, 0, 0, 0)']));

  await toggle.click();
  assert.ok((await background('HANDLE')).every((c) => c !== 'rgba(0, 0, 0, 0)'), 'shown again');
  await assertClean(env, page, log);
});

test('the entity list groups identical mentions; clicking scrolls to and flashes the span', async () => {
  const { page, log } = await env.open();
  const filler = 'The committee met again and adjourned without a decision on the budget.\n\n'.repeat(120);
  const text = `Ask @city_hall today.\n\n${filler}Reply to @city_hall and @city_hall.\n\n${filler}The last word: #NearTheEnd\n`;
  await paste(page, text);
  await waitDone(page);

  const item = page.locator('#entity-list button', { hasText: '#NearTheEnd' });
  await item.click();
  const mark = page.locator('#rendered mark', { hasText: '#NearTheEnd' });
  await page.waitForFunction(() => {
    const m = [...document.querySelectorAll('#rendered mark')].find((e) => e.textContent === '#NearTheEnd');
    const box = m.getBoundingClientRect();
    return m.classList.contains('flash') && box.top >= 0 && box.bottom <= window.innerHeight;
  });
  assert.equal(await mark.count(), 1);

  const grouped = page.locator('#entity-list button', { hasText: '@city_hall' });
  assert.equal(await grouped.count(), 1, 'identical mentions share one item');
  assert.match(await grouped.textContent(), /@city_hall\s*×3/);
  // Clicking again moves on to the next mention.
  const flashed = () => page.$$eval('#rendered mark', (ms) => ms.map((m, i) => (m.classList.contains('flash') ? i : -1)).filter((i) => i >= 0));
  // The mentions' own entity indices (other entities, such as dates, come between them).
  const ids = await page.$$eval('#rendered mark', (ms) => ms.filter((m) => m.textContent === '@city_hall').map((m) => m.dataset.entity));
  assert.equal(ids.length, 3);
  const isFlashing = (id) => document.querySelector(`#rendered mark[data-entity="${id}"]`).classList.contains('flash');
  await grouped.click();
  await page.waitForFunction(isFlashing, ids[0]);
  await grouped.click();
  await page.waitForFunction(isFlashing, ids[1]);
  const marks = await page.$$eval('#rendered mark', (ms) => ms.map((m) => m.dataset.entity));
  assert.ok((await flashed()).includes(marks.indexOf(ids[1])));
  await assertClean(env, page, log);
});

test('the Example button loads the example article and renders it', async () => {
  const { page, log } = await env.open();
  await page.click('#example');
  const status = await waitDone(page);
  assert.equal(await articleValue(page), EXAMPLE_ARTICLE);
  assert.match(status, /^Analysed 349 words in [\d,]+ ms/);
  const expected = expectedMarks(EXAMPLE_ARTICLE);
  assert.deepEqual(await renderedMarks(page), expected);
  const labels = new Set(expected.map((e) => e.label));
  for (const label of ['HANDLE', 'HASHTAG', 'URL', 'EMAIL']) assert.ok(labels.has(label), `example has a ${label}`);
  const listed = await page.$$eval('#entity-list .entity-group', (groups) => groups.map((g) => g.dataset.label));
  assert.deepEqual(new Set(listed), labels, 'one list group per label found');

  const attributions = analyse(EXAMPLE_ARTICLE).attributions;
  assert.equal(await page.$$eval('#attribution-list button.attribution', (b) => b.length), attributions.length);
  if (attributions.length > 0) {
    await page.click('#attribution-list button.attribution >> nth=0');
    await page.waitForFunction(() => document.querySelector('#rendered .part-content[data-attr="0"]').classList.contains('flash'));
  }
  await assertClean(env, page, log);
});

test('status and counts: the legend counts mentions per label', async () => {
  const { page, log } = await env.open();
  await paste(page, SAMPLE.text);
  await waitDone(page);
  const counts = await page.$$eval('#legend button', (bs) => Object.fromEntries(bs.map((b) => [b.dataset.label, b.querySelector('.count').textContent])));
  const want = {};
  for (const e of analyse(SAMPLE.text).entities) want[e.label] = String((Number(want[e.label]) || 0) + 1);
  for (const [label, n] of Object.entries(counts)) assert.equal(n, want[label] ?? '', label);
  await assertClean(env, page, log);
});

test('the renderer nests attribution highlights around and inside marks without splitting them', async () => {
  const { page } = await env.open();
  const text = '“We will rebuild,” said Mayor Elena Marsh, and the Riverside Tenants Union agreed, according to @city_hall.';
  const at = (s) => [text.indexOf(s), text.indexOf(s) + s.length];
  const span = ([start, end]) => ({ start, end, text: text.slice(start, end) });
  const analysis = {
    entities: [
      { ...span(at('Elena Marsh')), label: 'PERSON' },
      { ...span(at('Riverside Tenants Union')), label: 'ORG' },
      { ...span(at('@city_hall')), label: 'HANDLE' },
    ],
    attributions: [
      { kind: 'direct', content: span(at('We will rebuild')), cue: span(at('said')), source: span(at('Elena Marsh')) },
      // Boundaries inside entities: content ends mid-name, source starts mid-handle.
      { kind: 'according_to', content: span([at('Mayor')[0], at('Tenants')[1]]), cue: span(at('according to')), source: span([at('city_hall')[0], text.length - 1]) },
    ],
  };
  const result = await page.evaluate(async ({ text, analysis }) => {
    const { planRender } = await import('./pkg/plan.js');
    const { ArticleRenderer } = await import('./pkg/render.js');
    const box = document.createElement('div');
    const renderer = new ArticleRenderer(box);
    await renderer.render(text, planRender(text, analysis), () => false);
    const pieces = (attr, role) => [...box.querySelectorAll(`[data-attr="${attr}"][data-role="${role}"]`)].map((e) => e.textContent).join('');
    return {
      textContent: box.textContent,
      marks: [...box.querySelectorAll('mark')].map((m) => [m.dataset.label, m.textContent]),
      markParents: [...box.querySelectorAll('mark')].map((m) => m.parentElement.dataset.role ?? 'none'),
      content1: pieces(1, 'content'),
      source1: pieces(1, 'source'),
      source0: pieces(0, 'source'),
    };
  }, { text, analysis });
  assert.equal(result.textContent, text);
  assert.deepEqual(result.marks, analysis.entities.map((e) => [e.label, e.text]), 'one whole mark per entity');
  assert.equal(result.source0, 'Elena Marsh');
  assert.equal(result.content1, 'Mayor Elena Marsh, and the Riverside Tenants Union', 'content end moved to the end of the name');
  assert.equal(result.source1, '@city_hall', 'source start moved to the start of the handle');
  assert.deepEqual(result.markParents, ['source', 'content', 'source']);
});

test('splitting a long article into chunks does not change its layout', async () => {
  const { page } = await env.open();
  const paragraph = 'The council met on Tuesday and @city_hall posted the minutes at https://example.org/minutes.\n';
  const text = `Headline\n\n${paragraph}\n${paragraph.repeat(3)}\n\n\n${paragraph}  indented line\n\ttabbed\nlast line without break`;
  const layouts = await page.evaluate(async ({ text, analysis }) => {
    const { planRender } = await import('./pkg/plan.js');
    const { ArticleRenderer } = await import('./pkg/render.js');
    const layout = async (chunkSize) => {
      const box = document.createElement('div');
      box.className = 'rendered';
      box.style.width = '600px'; // CSSOM from the test, not markup
      document.body.append(box);
      const plan = planRender(text, analysis, { chunkSize });
      await new ArticleRenderer(box).render(text, plan, () => false);
      for (const chunk of box.querySelectorAll('.chunk, .chunk-group')) chunk.style.contentVisibility = 'visible';
      const origin = box.getBoundingClientRect();
      const result = {
        chunks: plan.chunkStarts.length,
        height: box.getBoundingClientRect().height,
        marks: [...box.querySelectorAll('mark')].map((m) => {
          const r = m.getBoundingClientRect();
          return [Math.round(r.left - origin.left), Math.round(r.top - origin.top)];
        }),
        text: box.textContent,
      };
      box.remove();
      return result;
    };
    return [await layout(1e9), await layout(1)];
  }, { text, analysis: analyse(text) });
  const [whole, chunked] = layouts;
  assert.equal(whole.chunks, 1);
  assert.ok(chunked.chunks >= 8, `${chunked.chunks} chunks`);
  assert.equal(chunked.text, text);
  assert.equal(chunked.height, whole.height, 'same height');
  assert.deepEqual(chunked.marks, whole.marks, 'every mark in the same place');
});

test('a long article: far chunks get their highlights when scrolled to, navigated to, shown from the lists or printed', async () => {
  const { page, log } = await env.open();
  const text = `${EXAMPLE_ARTICLE.replace(/\n+$/, '\n\n').repeat(130)}The last word: #NearTheEnd\n`;
  await paste(page, text);
  await waitDone(page);
  const expected = expectedMarks(await articleValue(page));
  const key = (m) => `${m.start}:${m.end}:${m.label}:${m.text}`;
  const known = new Set(expected.map(key));
  const initial = await renderedMarks(page);
  assert.ok(initial.length > 0 && initial.length < expected.length,
    `the chunks near the screen are highlighted at once, far ones start as plain text (${initial.length} of ${expected.length} marks)`);
  for (const m of initial) assert.ok(known.has(key(m)), `mark ${key(m)} is one analyse() found`);

  // ← from the article: the last mention, built on demand far down.
  await page.focus('#rendered');
  await page.keyboard.press('ArrowLeft');
  const last = await page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a.localName, text: a.textContent, label: a.dataset.label, connected: a.isConnected };
  });
  assert.deepEqual(last, { tag: 'mark', text: expected.at(-1).text, label: expected.at(-1).label, connected: true });
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), expected.at(-2).text, 'and the one before it');

  // The entity list shows a mention far down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#entity-list button', { hasText: '#NearTheEnd' }).click();
  await page.waitForFunction(() => {
    const m = [...document.querySelectorAll('#rendered mark')].find((e) => e.textContent === '#NearTheEnd');
    const box = m?.getBoundingClientRect();
    return m && m.classList.contains('flash') && box.top >= 0 && box.bottom <= window.innerHeight;
  });

  // Scrolling through the article highlights what comes on screen.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('rendered').offsetTop + document.getElementById('rendered').offsetHeight / 2));
  await page.waitForFunction(() => {
    const marks = [...document.querySelectorAll('#rendered mark')];
    return marks.some((m) => {
      const box = m.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
  });

  // Before printing, every chunk gets its highlights.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await renderedMarks(page), expected);
  assert.equal(await page.$eval('#rendered', (r) => r.textContent), await articleValue(page));
  await assertClean(env, page, log);
});

test('the wasm-bindgen glue runs on the main thread under the page CSP and Trusted Types', async () => {
  const { page, log } = await env.open();
  const result = await page.evaluate(async () => {
    const lede = await import('./pkg/lede.js');
    await lede.default();
    return { version: lede.version(), entities: lede.analyse('Hi @tt_check').entities };
  });
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(result.entities.map((e) => e.text), ['@tt_check']);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(log.console, []);
});

test('a failure to load the analyser is shown clearly', async () => {
  await env.context.route('**/lede_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  try {
    const { page } = await env.open({ ready: false });
    await page.waitForSelector('html[data-lede="error"]');
    const status = page.locator('#status');
    assert.match(await status.textContent(), /^Error: could not load the analyser/);
    assert.equal(await status.getAttribute('data-kind'), 'error');
    assert.equal(await page.$eval('#rendered', (r) => r.dataset.state), 'error');
  } finally {
    await env.context.unroute('**/lede_bg.wasm');
  }
});
