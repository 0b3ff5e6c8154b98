// Embedding: <lede-article> on an unrelated page (www/embed.html, with its
// own strict CSP), and the worker wrapper createAnalyser() in a real page:
// results, a superseded request, clear errors.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { PALETTES } from '../../www/pkg/theme.js';
import { analyse, assertClean, launch, outputDir } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Opens embed.html and waits until both elements show their analysis. */
async function openEmbed() {
  const opened = await env.open({ path: 'embed.html', ready: false });
  await opened.page.waitForFunction(() => ['report', 'own-article'].every((id) => document.getElementById(id).state === 'done'));
  opened.log.requestsAtLoad = opened.log.requests.length;
  return opened;
}

/** Marks inside an element's shadow root, with offsets in its rendered text. */
function shadowMarks(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot.querySelector('.lede-article');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const marks = [];
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const mark = node.parentElement.closest('mark');
      if (mark) marks.push({ start: offset, end: offset + node.length, label: mark.dataset.label, text: node.data });
      offset += node.length;
    }
    return { marks, text: root.textContent };
  }, id);
}

const rgb = (hex) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

test('embed.html: <lede-article> highlights its own text in a shadow root, under the page’s strict CSP', async () => {
  const { page, log } = await openEmbed();
  const info = await page.evaluate(() => {
    const el = document.getElementById('report');
    return { text: el.text, ownText: el.textContent, labels: el.getAttribute('labels'), children: el.children.length };
  });
  assert.equal(info.text, info.ownText.trim(), 'the text is the element’s own content, trimmed');
  assert.equal(info.children, 0, 'the light DOM is left alone');
  const shown = new Set(info.labels.split(' '));
  const { marks, text } = await shadowMarks(page, 'report');
  assert.equal(text, info.text, 'the shadow root shows exactly the text');
  const expected = analyse(info.text).entities.filter((e) => shown.has(e.label)).map(({ start, end, label, text: t }) => ({ start, end, label, text: t }));
  assert.ok(expected.length >= 2, JSON.stringify(expected));
  assert.deepEqual(marks, expected);

  const parts = await page.evaluate(() => {
    const root = document.getElementById('report').shadowRoot;
    const source = root.querySelector('[part~="source"]');
    const mark = root.querySelector('mark');
    return {
      quotes: root.querySelectorAll('[part~="quote"]').length,
      sources: root.querySelectorAll('[part~="source"]').length,
      sourceOutline: getComputedStyle(source).outlineStyle,
      markPart: mark.getAttribute('part'),
      lineHeight: getComputedStyle(root.querySelector('.lede-article')).lineHeight,
      fontSize: getComputedStyle(root.querySelector('.lede-article')).fontSize,
      sheets: root.adoptedStyleSheets.length,
    };
  });
  assert.ok(parts.quotes >= 2 && parts.sources >= 2, JSON.stringify(parts));
  assert.equal(parts.sourceOutline, 'dashed', '::part(source) from the host page applies');
  assert.match(parts.markPart, /^mark mark-[a-z]+$/);
  assert.equal(parseFloat(parts.lineHeight), Math.round(parseFloat(parts.fontSize) * 1.8 * 100) / 100, '--lede-line-height from the host page applies');
  assert.equal(parts.sheets, 2, 'constructable stylesheets (allowed under style-src \'self\')');

  const own = await shadowMarks(page, 'own-article');
  assert.equal(own.text, await page.$eval('#own-text', (t) => t.value), 'the second element shows its text property');
  await page.screenshot({ path: join(outputDir(), 'embed.png'), fullPage: true });
  await assertClean(env, page, log);
});

test('theme attribute and system setting pick the palette; show-tags names every mark; contrast stays AA', async () => {
  const { page, log } = await openEmbed();
  const probe = () => page.evaluate(() => {
    const mark = document.getElementById('report').shadowRoot.querySelector('mark[data-label="HANDLE"]');
    const style = getComputedStyle(mark);
    return { bg: style.backgroundColor, fg: style.color, tag: getComputedStyle(mark, '::after').content };
  });
  const handle = (theme) => rgb(PALETTES[theme].labels.HANDLE[0]);
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal((await probe()).bg, handle('light'));
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal((await probe()).bg, handle('dark'), 'no theme attribute: follows the system');
  await page.selectOption('#theme', 'light');
  assert.equal((await probe()).bg, handle('light'), 'theme="light" wins over a dark system');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.selectOption('#theme', 'dark');
  const dark = await probe();
  assert.equal(dark.bg, handle('dark'), 'theme="dark" wins over a light system');
  assert.equal(dark.fg, rgb(PALETTES.dark['mark-fg']));
  assert.equal(dark.tag, 'none');
  await page.check('#tags');
  assert.equal((await probe()).tag, '"HANDLE"', 'show-tags: label names without hovering');
  await page.screenshot({ path: join(outputDir(), 'embed-dark.png'), fullPage: true });
  await assertClean(env, page, log);
});

test('lede-select fires for a mention or a source, by click and by keyboard', async () => {
  const { page, log } = await openEmbed();
  await page.evaluate(() => {
    window.__selected = [];
    document.addEventListener('lede-select', (e) => {
      const d = e.detail;
      window.__selected.push({ type: d.type, entity: d.entity?.text ?? null, entityIndex: d.entityIndex, source: d.attribution?.source?.text ?? null, attributionIndex: d.attributionIndex, role: d.role, target: e.target.id });
    });
  });
  const { analysis, shown } = await page.evaluate(() => {
    const el = document.getElementById('report');
    return { analysis: el.analysis, shown: el.labels };
  });
  // What the element draws: the analysis's entities with a shown label, in order (data-entity indexes these).
  const drawn = analysis.entities.map((e, index) => ({ ...e, index })).filter((e) => shown.includes(e.label));
  const inside = (span, outer) => outer && outer.start <= span.start && span.end <= outer.end;
  /** The innermost attribution piece around `span`, as the event reports it. */
  const around = (span) => {
    let best = { attributionIndex: -1, role: null, length: Infinity };
    analysis.attributions.forEach((a, i) => {
      for (const role of ['content', 'cue', 'source']) {
        const piece = a[role];
        if (inside(span, piece) && piece.end - piece.start < best.length) best = { attributionIndex: i, role, length: piece.end - piece.start };
      }
    });
    return best;
  };
  const selectedMention = (e) => {
    const { attributionIndex, role } = around(e);
    const source = attributionIndex >= 0 ? analysis.attributions[attributionIndex].source?.text ?? null : null;
    return { type: 'mention', entity: e.text, entityIndex: e.index, source, attributionIndex, role, target: 'report' };
  };

  // The mark drawn for one entity of the analysis (data-entity indexes the render
  // plan, so find the mark by the entity it reports: its text and its order).
  const markOf = (e) => {
    const nth = drawn.filter((d) => d.text === e.text && d.index < e.index).length;
    const exact = new RegExp(`^${e.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return page.locator('#report mark', { hasText: exact }).nth(nth);
  };
  // A mention outside any attribution.
  const handle = drawn.find((e) => e.label === 'HANDLE');
  await markOf(handle).click();
  // The first source box: a click on it selects the source, even when the box holds nothing but a name.
  const sourced = analysis.attributions.map((a, i) => ({ a, i })).filter(({ a }) => a.source).sort((x, y) => x.a.source.start - y.a.source.start);
  assert.ok(sourced.length >= 1, 'the report has a named source');
  const firstSource = sourced[0];
  const sourceName = drawn.find((e) => e.start === firstSource.a.source.start && e.end === firstSource.a.source.end) ?? null;
  await page.locator('#report [part~="source"]').first().click();
  const clicked = await page.evaluate(() => window.__selected.splice(0));
  assert.deepEqual(clicked[0], selectedMention(handle));
  assert.deepEqual(clicked[1], {
    type: 'source', entity: sourceName?.text ?? null, entityIndex: sourceName?.index ?? -1,
    source: firstSource.a.source.text, attributionIndex: firstSource.i, role: 'source', target: 'report',
  }, 'a click on the source box selects the source (and names the entity that fills it)');
  assert.match(await page.textContent('#selection'), /→/, 'the host page reacts to the event');
  // A name that is only part of a quote: a click selects the mention, inside that quote.
  const quoted = drawn.find((e) => analysis.attributions.some((a) => inside(e, a.content) && e.end - e.start < a.content.end - a.content.start));
  assert.ok(quoted, 'the report quotes a highlighted name, number or date');
  await markOf(quoted).click();
  assert.deepEqual(await page.evaluate(() => window.__selected.splice(0)), [selectedMention(quoted)]);

  // Keyboard: the article is one tab stop; arrows move between mentions, ] between sources.
  await page.evaluate(() => document.getElementById('report').shadowRoot.querySelector('.lede-article').focus());
  const focused = () => page.evaluate(() => {
    const active = document.getElementById('report').shadowRoot.activeElement;
    return active ? { tag: active.localName, text: active.textContent, role: active.dataset.role ?? null } : null;
  });
  await page.keyboard.press('ArrowRight');
  const firstMark = (await shadowMarks(page, 'report')).marks[0];
  assert.deepEqual(await focused(), { tag: 'mark', text: firstMark.text, role: null });
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused()).text, firstMark.text, 'no mention before the first');
  await page.keyboard.press('Escape');
  assert.equal((await focused()).tag, 'div', 'Escape goes back to the article');
  await page.keyboard.press(']');
  const source = await focused();
  assert.equal(source.role, 'source', 'from the article, ] goes to the first source');
  await page.keyboard.press(' ');
  await page.keyboard.press(']');
  const nextSource = await focused();
  assert.equal(nextSource.role, 'source');
  assert.notEqual(nextSource.text, source.text, '] again: the next source');
  await page.keyboard.press('[');
  assert.equal((await focused()).text, source.text, '[ goes back');
  const chosen = await page.evaluate(() => window.__selected.splice(0));
  assert.equal(chosen[0].type, 'mention');
  assert.equal(chosen[0].entity, firstMark.text);
  assert.equal(chosen[1].type, 'source');
  assert.equal(chosen[1].source, source.text);
  await assertClean(env, page, log);
});

test('the text property, content changes and the labels attribute re-render; hostile text stays text', async () => {
  const { page, log } = await openEmbed();
  const hostile = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> @reader_one https://example.org/x';
  const result = await page.evaluate(async (hostile) => {
    const own = document.getElementById('own-article');
    own.text = hostile;
    const analysis = await own.whenAnalysed();
    const root = own.shadowRoot;
    const report = document.getElementById('report');
    report.textContent = '\n    Now only @new_handle and https://example.org/new are here.\n  ';
    const changed = await report.whenAnalysed();
    const before = report.analysis;
    const marks = (el) => [...el.shadowRoot.querySelectorAll('mark')].map((m) => m.textContent);
    report.removeAttribute('labels');
    await new Promise((r) => setTimeout(r, 50));
    const changedMarks = marks(report);
    report.setAttribute('labels', 'URL');
    await new Promise((r) => setTimeout(r, 50));
    return {
      ownText: root.querySelector('.lede-article').textContent,
      tags: [...new Set([...root.querySelectorAll('.lede-article *')].map((e) => e.localName))],
      ownAnalysed: analysis.entities.map((e) => e.text),
      ownMarks: marks(own),
      changed: changed.entities.map((e) => e.text),
      changedMarks,
      urlOnly: marks(report),
      sameAnalysis: report.analysis === before,
      reportText: report.text,
      pwned: window.__pwned ?? null,
    };
  }, hostile);
  assert.equal(result.ownText, hostile);
  for (const tag of result.tags) assert.ok(['div', 'mark', 'span'].includes(tag), `<${tag}> in the shadow root`);
  // The analyser may tag more than the handle and the link (the numbers in the markup, say):
  // what matters is that the element shows exactly what it analysed, and what analyse() finds.
  const texts = (entities) => entities.map((e) => e.text);
  assert.deepEqual(result.ownAnalysed, texts(analyse(hostile).entities), 'the text property is analysed');
  assert.deepEqual(result.ownMarks, result.ownAnalysed, 'every entity of the text property is drawn');
  for (const wanted of ['@reader_one', 'https://example.org/x']) assert.ok(result.ownMarks.includes(wanted), wanted);
  assert.equal(result.reportText, 'Now only @new_handle and https://example.org/new are here.', 'markup indentation is trimmed');
  const changed = analyse(result.reportText).entities;
  assert.deepEqual(result.changed, texts(changed), 'a content change is analysed');
  assert.ok(result.changed.includes('@new_handle') && result.changed.includes('https://example.org/new'), String(result.changed));
  assert.deepEqual(result.changedMarks, result.changed, 'and drawn');
  const links = changed.filter((e) => e.label === 'URL');
  assert.ok(links.length >= 1 && links.length < changed.length, 'the new text has links and other entities');
  assert.deepEqual(result.urlOnly, texts(links), 'labels="URL" shows only links');
  assert.equal(result.sameAnalysis, true, 'changing labels does not analyse again');
  assert.equal(result.pwned, null);
  await assertClean(env, page, log);
});

test('createAnalyser() in a page: a dedicated worker, Promises, superseded requests cancelled, clear errors', async () => {
  const { page, log } = await openEmbed();
  let workersStarted = 0;
  page.on('worker', () => {
    workersStarted += 1;
  });
  const result = await page.evaluate(async () => {
    const { createAnalyser } = await import('./pkg/index.js');
    const analyser = createAnalyser();
    const version = await analyser.ready;
    const settle = (p) => p.then((v) => ({ ok: true, v }), (e) => ({ ok: false, name: e.name, message: e.message, isDom: e instanceof DOMException }));
    // Three requests in one task: the first two are superseded.
    const big = '@first '.repeat(200_000);
    const runs = await Promise.all([big, 'second #two', 'third @three'].map((t) => settle(analyser.analyseDetailed(t))));
    const errors = [
      await settle(analyser.analyse('x', { bogus: 1 })),
      await settle(analyser.analyse(5)),
      await settle(analyser.analyse('x', { labels: [() => 1] })),
    ];
    const after = await settle(analyser.analyse('still works @ok'));
    analyser.terminate();
    const terminated = await settle(analyser.analyse('x'));
    return {
      version, mode: analyser.mode,
      runs: runs.map((r) => (r.ok ? { ok: true, entities: r.v.analysis.entities.map((e) => e.text), stats: r.v.stats } : r)),
      errors, after: after.ok ? after.v.entities.map((e) => e.text) : after, terminated,
    };
  });
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  assert.equal(result.mode, 'worker');
  assert.equal(workersStarted, 1, 'a dedicated worker runs the analysis');
  const [first, second, third] = result.runs;
  for (const superseded of [first, second]) {
    assert.deepEqual(superseded, { ok: false, name: 'AbortError', message: 'lede: superseded by a newer request', isDom: true });
  }
  assert.deepEqual(third.entities, ['@three']);
  assert.ok(third.stats.dropped >= 1, `the worker skipped superseded requests (${JSON.stringify(third.stats)})`);
  assert.ok(third.stats.analysed <= 2, `at most the running request was analysed besides the last (${JSON.stringify(third.stats)})`);
  assert.ok(!second.ok);

  const [bogus, notText, unsendable] = result.errors;
  assert.equal(bogus.ok, false);
  assert.match(bogus.message, /^lede\.analyse: unknown option `bogus`/);
  assert.deepEqual([notText.name, notText.message], ['TypeError', 'lede: analyse(text) needs the article text as a string, got number']);
  assert.match(unsendable.message, /^lede: the options could not be sent to the analyser/);
  assert.deepEqual(result.after, ['@ok'], 'errors do not break the analyser');
  assert.deepEqual([result.terminated.name, result.terminated.message], ['AbortError', 'lede: the analyser was terminated']);
  log.requestsAtLoad = log.requests.length; // the test imported the package itself
  await assertClean(env, page, log);
});

test('a worker that cannot load: the element keeps its plain text and reports lede-error', async () => {
  await env.context.route('**/pkg/worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  try {
    const { page } = await env.open({ path: 'embed.html', ready: false });
    const outcome = await page.evaluate(async () => {
      const el = document.getElementById('report');
      const error = await new Promise((resolve) => {
        if (el.state === 'error') resolve(null);
        el.addEventListener('lede-error', (e) => resolve(e.detail.error.message), { once: true });
      });
      const rejected = await el.whenAnalysed().then(() => null, (e) => e.message);
      return { error, rejected, state: el.state, shown: el.shadowRoot.querySelector('.lede-article').textContent, text: el.text };
    });
    assert.equal(outcome.state, 'error');
    assert.match(outcome.rejected, /^lede: the analyser worker stopped \(its script could not be loaded\)/);
    assert.ok(outcome.error === null || outcome.error === outcome.rejected);
    assert.equal(outcome.shown, outcome.text, 'the text stays readable');
  } finally {
    await env.context.unroute('**/pkg/worker.js');
  }
});

test('the package runs inside a module worker: init, analyse, exports, and a nested createAnalyser', async () => {
  // A host page and a worker script served from the same origin (no CSP: a plain worker host).
  await env.context.route('**/worker-host.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>host</title>' }));
  await env.context.route('**/pkg-worker-check.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `
      import { init, analyse, createAnalyser, toCSV, toWebAnnotation, version } from './pkg/index.js';
      await init();
      const text = 'Ask @city_hall 😀 or https://example.org/x';
      const analysis = analyse(text);
      const nested = createAnalyser({ worker: false });
      const again = await nested.analyse(text);
      postMessage({
        version: version(), entities: analysis.entities.map((e) => e.text),
        csvHeader: toCSV(text, analysis).split('\\r\\n')[0].split(',').length,
        start: toWebAnnotation(text, analysis).first.items[1].target.selector[0].start,
        nested: again.entities.length, mode: nested.mode,
      });
    `,
  }));
  try {
    const { page } = await env.open({ path: 'worker-host.html', ready: false });
    const result = await page.evaluate(() => new Promise((resolve, reject) => {
      const worker = new Worker('./pkg-worker-check.js', { type: 'module' });
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
    }));
    assert.match(result.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(result.entities, ['@city_hall', 'https://example.org/x']);
    assert.equal(result.csvHeader, 13);
    assert.equal(result.start, 20, 'code points: the emoji counts once (21 in UTF-16)');
    assert.deepEqual([result.nested, result.mode], [2, 'inline']);
  } finally {
    await env.context.unroute('**/worker-host.html');
    await env.context.unroute('**/pkg-worker-check.js');
  }
});
