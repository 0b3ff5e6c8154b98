// The page's comforts: exports downloaded and read back (JSON, CSV, Web
// Annotation JSON-LD, a self-contained HTML file that stays inert when
// opened), files dropped or opened, pastes from web pages, share links,
// print, and keyboard navigation.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

import { csvRecords } from '../node/csv.mjs';
import { analyse, articleValue, assertClean, launch, outputDir, paste, renderedMarks, waitDone } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Team-written: emoji before every span, two quotes with sources, and hostile-looking text. */
const TEXT = [
  'Council vote 🗳️ tonight 👩‍👩‍👧',
  '',
  '“We will rebuild the levee,” said @mayor_office, according to https://example.org/minutes.',
  '',
  '“Not with our money,” she said. Write to press@example.org #LeveeVote',
  '',
  '<img src=x onerror="window.__pwned=1"> </article><script>window.__pwned=2</script> =HYPERLINK("x")',
].join('\n');

/** Clicks an export in the Export menu and returns the downloaded file's text and name. */
async function exportFile(page, kind) {
  if (!(await page.$eval('.export-menu', (d) => d.open))) await page.click('.export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path), text: readFileSync(path, 'utf8') };
}

test('exports: JSON, CSV (with and without BOM) and Web Annotation read back with offsets that match the text', async () => {
  const { page, log } = await env.open();
  await paste(page, TEXT);
  await waitDone(page);
  const text = await articleValue(page);
  const expected = analyse(text);
  assert.ok(expected.attributions.length >= 2 && expected.entities.length >= 4);

  const json = await exportFile(page, 'json');
  assert.equal(json.name, 'lede-analysis.json');
  const parsed = JSON.parse(json.text);
  assert.equal(parsed.text, text);
  assert.deepEqual(parsed.entities, expected.entities);
  assert.deepEqual(parsed.attributions, expected.attributions);

  const csv = await exportFile(page, 'csv');
  assert.equal(csv.name, 'lede-attributions.csv');
  assert.notEqual(csv.bytes[0], 0xef, 'plain CSV has no BOM');
  const rows = csvRecords(csv.text);
  assert.equal(rows.length, expected.attributions.length);
  rows.forEach((row, i) => {
    const a = expected.attributions[i];
    assert.equal(text.slice(Number(row.quote_start_utf16), Number(row.quote_end_utf16)), a.content.text);
    assert.equal(row.quote, a.content.text);
    assert.equal(row.kind, a.kind);
    if (a.source) {
      assert.equal(text.slice(Number(row.source_start_utf16), Number(row.source_end_utf16)), a.source.text);
      assert.equal(row.source, a.source.text.startsWith('@') ? `'${a.source.text}` : a.source.text, 'a leading @ is made safe');
    }
  });
  const excel = await exportFile(page, 'csv-excel');
  assert.deepEqual([...excel.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark for Excel');
  assert.equal(excel.text.slice(1), csv.text);

  const jsonld = JSON.parse((await exportFile(page, 'annotations')).text);
  assert.equal(jsonld['@context'], 'http://www.w3.org/ns/anno.jsonld');
  const chars = [...text];
  const spans = [...expected.entities, ...expected.attributions.map((a) => a.content)];
  assert.equal(jsonld.first.items.length, spans.length);
  jsonld.first.items.forEach((annotation, i) => {
    const [position, quote] = annotation.target.selector;
    assert.equal(chars.slice(position.start, position.end).join(''), spans[i].text, 'TextPositionSelector in code points');
    assert.ok(position.start < spans[i].start, 'code points, not UTF-16 units, before the emoji');
    assert.equal(quote.exact, spans[i].text);
    assert.equal(text.indexOf(quote.prefix + quote.exact + quote.suffix), spans[i].start - quote.prefix.length, 'TextQuoteSelector context');
  });
  await assertClean(env, page, log);
});

test('the HTML export is one self-contained file that stays inert when opened, hostile text included', async () => {
  const { page } = await env.open();
  await paste(page, TEXT);
  await waitDone(page);
  const text = await articleValue(page);
  const html = await exportFile(page, 'html');
  assert.equal(html.name, 'lede-article.html');
  const file = join(outputDir(), 'export.html');
  writeFileSync(file, html.bytes);

  const exported = await env.context.newPage();
  const requests = [];
  exported.on('request', (r) => requests.push(r.url()));
  const errors = [];
  exported.on('pageerror', (e) => errors.push(e.message));
  await exported.goto(pathToFileURL(file).href);
  await exported.hover('article');
  await exported.waitForTimeout(150);
  const seen = await exported.evaluate(() => ({
    pwned: window.__pwned ?? null,
    scripts: document.scripts.length,
    article: document.querySelector('article.lede-article').textContent,
    tags: [...new Set([...document.querySelectorAll('article *')].map((e) => e.localName))],
    marks: [...document.querySelectorAll('article mark')].map((m) => [m.dataset.label, m.textContent]),
    markBackground: getComputedStyle(document.querySelector('article mark')).backgroundColor,
    violations: window.__cspViolations,
  }));
  assert.equal(seen.pwned, null, 'no script ran');
  assert.equal(seen.scripts, 0);
  assert.equal(seen.article, text, 'the article is all there, as text');
  for (const tag of seen.tags) assert.ok(['mark', 'span'].includes(tag), `<${tag}> in the exported article`);
  assert.deepEqual(seen.marks, analyse(text).entities.map((e) => [e.label, e.text]));
  assert.notEqual(seen.markBackground, 'rgba(0, 0, 0, 0)', 'the inline styles apply');
  assert.deepEqual(requests, [pathToFileURL(file).href], 'nothing else is loaded');
  assert.deepEqual(seen.violations, [], 'nothing even tried to load');
  assert.deepEqual(errors, []);
  await exported.screenshot({ path: join(outputDir(), 'export.png'), fullPage: true });
  await exported.close();
});

/**
 * Asserts the article on screen has exactly the marks analyse() finds in the
 * loaded text (labels and offsets), among them `expected` (the link text
 * kept from the markup, say).
 */
async function assertMarksMatch(page, expected) {
  const text = await articleValue(page);
  const marks = await renderedMarks(page);
  assert.deepEqual(marks, analyse(text).entities.map(({ start, end, label, text: t }) => ({ start, end, label, text: t })));
  const shown = marks.map((m) => m.text);
  for (const wanted of expected) assert.ok(shown.includes(wanted), `${wanted} in ${JSON.stringify(shown)}`);
}

/** Drops a file made from `content` onto the page, as a person dragging it from their desktop would. */
function dropFile(page, name, type, content, target = 'body') {
  return page.evaluate(({ name, type, content, target }) => {
    const data = new DataTransfer();
    data.items.add(new File([content], name, { type }));
    const element = document.querySelector(target);
    element.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    const hint = !document.getElementById('drop-hint').hidden;
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    element.dispatchEvent(drop);
    return { hint, prevented: drop.defaultPrevented };
  }, { name, type, content, target });
}

test('dropping a .html, .md or .txt file loads its text (paragraphs kept, markup dropped); other files are refused', async () => {
  const { page, log } = await env.open();
  const html = `<!doctype html><html><head><title>Ignored title</title><style>p{color:red}</style>
<script>window.__pwned = 1</script><link rel="stylesheet" href="https://example.org/x.css"></head>
<body><h1 class="headline" onclick="window.__pwned = 2">Levee Vote Delayed</h1>
<p style="color:red">The council met on <b>Tuesday</b> &amp; adjourned.<img src="https://example.org/t.gif" onerror="window.__pwned=3"></p>
<p>&ldquo;We will rebuild,&rdquo; said <a href="https://example.org/a">@mayor_office</a>.<br>New line in the same paragraph.</p>
<ul><li>First point</li><li>Second point</li></ul>
<div>Write to press@example.org</div><noscript>No script</noscript></body></html>`;
  const drop = await dropFile(page, 'story.html', 'text/html', html);
  assert.deepEqual(drop, { hint: true, prevented: true }, 'the page takes the drop (the browser does not open the file)');
  await waitDone(page);
  assert.equal(await articleValue(page), [
    'Levee Vote Delayed',
    '',
    'The council met on Tuesday & adjourned.',
    '',
    '“We will rebuild,” said @mayor_office.',
    'New line in the same paragraph.',
    '',
    'First point',
    'Second point',
    '',
    'Write to press@example.org',
  ].join('\n'));
  assert.equal(await page.$eval('#drop-hint', (h) => h.hidden), true);
  await assertMarksMatch(page, ['@mayor_office', 'press@example.org']);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);

  await dropFile(page, 'notes.md', 'text/markdown', '# Notes\n\nThe **vote** is on [Friday](https://example.org/f). Ask @clerk_office.');
  await waitDone(page);
  assert.equal(await articleValue(page), 'Notes\n\nThe vote is on Friday. Ask @clerk_office.');

  await dropFile(page, 'plain.txt', 'text/plain', '\uFEFFPlain text with #tags\r\nand a second line');
  await waitDone(page);
  assert.equal(await articleValue(page), 'Plain text with #tags\nand a second line', 'BOM removed (the textarea normalises CRLF)');

  await dropFile(page, 'photo.png', 'image/png', 'not text');
  assert.match(await page.textContent('#status'), /^Error: “photo\.png” is not a text file: open a \.txt, \.md or \.html file\.$/);
  assert.equal(await articleValue(page), 'Plain text with #tags\nand a second line', 'the article is kept');

  // The same through the "Open file…" button.
  await page.setInputFiles('#file-input', { name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from('Picked @from_disk') });
  await waitDone(page);
  assert.equal(await articleValue(page), 'Picked @from_disk');
  await assertClean(env, page, log);
});

test('pasting from a web page keeps paragraphs and drops markup; the paste can be undone', async () => {
  const { page, log } = await env.open();
  const html = '<meta charset="utf-8"><h2 style="font-size:2em">Storm Update</h2><p>Roads closed in <span class="place">Leeds</span>.</p>'
    + '<p>Follow&nbsp;<a href="https://example.org/u">@storm_desk</a> for news.</p><img src="https://example.org/x.png" onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.evaluate(async (html) => {
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob(['Storm Update Roads closed in Leeds. Follow @storm_desk for news.'], { type: 'text/plain' }),
    })]);
  }, html);
  // Writing HTML to the clipboard makes Chrome sanitise it in this page, whose
  // CSP reports the handler and style attributes it meets. A real copy happens
  // on the other site; what matters here is that the paste reports nothing.
  log.console.length = 0;
  await page.evaluate(() => {
    window.__cspViolations.length = 0;
  });
  await page.focus('#article');
  await page.keyboard.press('ControlOrMeta+V');
  await waitDone(page);
  assert.equal(await articleValue(page), 'Storm Update\n\nRoads closed in Leeds.\n\nFollow\u00a0@storm_desk for news.');
  await assertMarksMatch(page, ['@storm_desk']);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  await page.keyboard.press('ControlOrMeta+Z');
  assert.equal(await articleValue(page), '', 'undo removes the paste');
  await assertClean(env, page, log);
});

test('share links: the text travels compressed in the fragment, opens in a new page, warns when long', async () => {
  const { page, log } = await env.open();
  await paste(page, TEXT);
  await waitDone(page);
  const text = await articleValue(page);
  await page.click('#share');
  await page.waitForFunction(() => document.getElementById('share-note').textContent !== '');
  const url = await page.$eval('#share-url', (i) => i.value);
  assert.ok(url.startsWith(`${env.url}#t=`), url.slice(0, 60));
  assert.match(url.slice(env.url.length), /^#t=[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url, 'copied to the clipboard');
  assert.match(await page.textContent('#share-note'), /^Link copied \(\d+ KB\)\. The article travels inside the link, after the “#”, which browsers never send to any server\.$/);
  await assertClean(env, page, log);

  // The link opens the same article, analysed; the server never sees the text.
  const opened = await env.context.newPage();
  const requested = [];
  opened.on('request', (r) => requested.push(r.url()));
  await opened.goto(url);
  await opened.waitForSelector('html[data-lede="ready"]');
  await waitDone(opened);
  assert.equal(await articleValue(opened), text);
  assert.deepEqual((await renderedMarks(opened)).map((m) => m.text), analyse(text).entities.map((e) => e.text));
  assert.ok(requested.every((r) => !r.includes('#') && !r.includes('t=')), 'the fragment is not part of any request');

  // A long article: the link still works, and says why it may break.
  const long = `${text}\n\n${Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: ${Math.sin(i).toString(36)} @user_${i * 7919}`).join('\n')}`;
  await paste(opened, long);
  await waitDone(opened);
  await opened.click('#share');
  await opened.waitForFunction(() => document.getElementById('share-note').dataset.kind === 'warning');
  assert.match(await opened.textContent('#share-note'), /Warning: links longer than about 8 KB are cut short by some chat apps, e-mail programs and web servers/);

  // A damaged link says so.
  const damaged = url.slice(0, url.length - 20);
  await opened.goto(`${env.url}#example`);
  await opened.goto(damaged);
  await opened.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
  assert.match(await opened.textContent('#status'), /^Error: this shared link could not be opened: the link is damaged or incomplete/);
  await opened.close();
});

test('print: the highlighted article with label names, without the input and the buttons', async () => {
  const { page, log } = await env.open();
  await paste(page, TEXT);
  await waitDone(page);
  const labels = analyse(await articleValue(page)).entities.map((e) => `"${e.label}"`);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const shown = (selector) => getComputedStyle(document.querySelector(selector)).display !== 'none';
    const marks = [...document.querySelectorAll('#rendered mark')];
    return {
      input: shown('.input-pane'), tools: shown('.tools'), rendered: shown('#rendered'), lists: shown('.lists-pane'),
      tags: marks.map((m) => getComputedStyle(m, '::after').content),
      adjust: [...new Set(marks.map((m) => getComputedStyle(m).printColorAdjust))],
    };
  });
  assert.deepEqual(printed, { input: false, tools: false, rendered: true, lists: true, tags: labels, adjust: ['exact'] },
    'every mark prints its label name, in colour');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await page.$$eval('#rendered mark', (ms) => [...new Set(ms.map((m) => getComputedStyle(m, '::after').content))]), ['none']);
  await assertClean(env, page, log);
});

test('keyboard: arrows move between mentions, [ and ] between sources, in the page’s article', async () => {
  const { page, log } = await env.open();
  await paste(page, TEXT);
  await waitDone(page);
  const text = await articleValue(page);
  const { entities, attributions } = analyse(text);
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a.localName, id: a.id, text: a.textContent, role: a.dataset.role ?? null };
  });
  await page.focus('#rendered');
  assert.equal(await page.$eval('#rendered', (r) => r.tabIndex), 0, 'the article is a tab stop');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await focused(), { tag: 'mark', id: '', text: entities[0].text, role: null });
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused()).text, entities[1].text);
  await page.keyboard.press('End');
  assert.equal((await focused()).text, entities.at(-1).text);
  await page.keyboard.press('Home');
  assert.equal((await focused()).text, entities[0].text);
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused()).text, entities[0].text, 'nothing before the first');

  // Toggling a label off skips its marks.
  await page.click('#legend button[data-label="URL"]');
  await page.focus('#rendered');
  const visited = [];
  for (let i = 0; i < entities.length; i += 1) {
    await page.keyboard.press('ArrowRight');
    visited.push((await focused()).text);
  }
  assert.ok(!visited.includes('https://example.org/minutes'), `hidden labels are skipped: ${visited}`);

  await page.keyboard.press('Escape');
  assert.equal((await focused()).id, 'rendered');
  const sources = attributions.filter((a) => a.source).map((a) => a.source.text);
  await page.keyboard.press(']');
  assert.deepEqual(await focused(), { tag: 'span', id: '', text: sources[0], role: 'source' });
  await page.keyboard.press(']');
  assert.equal((await focused()).text, sources[1]);
  await page.keyboard.press('[');
  assert.equal((await focused()).text, sources[0]);
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('flash')), 'Enter flashes the highlight');
  await assertClean(env, page, log);
});
