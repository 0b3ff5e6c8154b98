// The page: sends what is typed, pasted, dropped or shared to the analyser
// (the package's worker) and renders the latest result (highlighted article,
// legend, entity and attribution lists, exports). The article is only ever
// handled as text: the DOM is built with createElement / textContent / append.
//
// Files of the page (www/):
//   index.html      markup and the Content-Security-Policy
//   app.js          this wiring: input → analyser → rendering, legend, status, exports
//   lists.js        entity and attribution lists
//   text-import.js  dropped / opened files and pastes from web pages → plain text
//   share.js        share links (the text compressed into the URL fragment)
//   example.js      the example article (bundled: no request after load)
//   style.css       the page's styles (no inline styles: the CSP forbids them)
//   embed.html, embed.js, embed.css   an unrelated page embedding <lede-article>
//   pkg/            the Lede package, made by `make build` from js/ and the wasm:
//                   analyser + worker, render plan and renderer, highlight theme,
//                   keyboard navigation, exports, labels

import { EXAMPLE_ARTICLE } from './example.js';
import { renderAttributionList, renderEntityList } from './lists.js';
import { createAnalyser } from './pkg/analyser.js';
import { toCSV, toHTML, toJSON, toWebAnnotation } from './pkg/exports.js';
import { LABELS, labelName } from './pkg/labels.js';
import { attachNavigation } from './pkg/navigate.js';
import { packedLabelCounts } from './pkg/plan.js';
import { ArticleRenderer, flash } from './pkg/render.js';
import { adoptTheme } from './pkg/theme.js';
import { isShareFragment, shareFragment, SHARE_WARN_LENGTH, textFromFragment } from './share.js';
import { htmlToText, readTextFile } from './text-import.js';

/** Pause after the last keystroke before analysing, in ms. */
const DEBOUNCE_MS = 150;

const $ = (id) => document.getElementById(id);
const article = $('article');
const rendered = $('rendered');
const status = $('status');
const legend = $('legend');
const entityList = $('entity-list');
const attributionList = $('attribution-list');
const entityCount = $('entity-count');
const attributionCount = $('attribution-count');

const numbers = new Intl.NumberFormat('en');
const renderer = new ArticleRenderer(rendered);
const mutedLabels = new Set();

let analyser = null;
let analyserReady = false;
let requestId = 0;
let debounceTimer = 0;
/**
 * The text and analysis on screen, for the exports; `analysis` is parsed from
 * the worker's reply on first use (an export), not when the result arrives.
 */
let shown = null;

// ----- status line ----------------------------------------------------------

function setStatus(text, kind = 'info') {
  status.textContent = text;
  status.dataset.kind = kind;
}

/** An analyser error message without its "lede: " prefix (the page says "Error:"). */
function plainMessage(err) {
  return String(err?.message ?? err).replace(/^lede(\.analyse)?: /, '');
}

function showError(message) {
  setStatus(`Error: ${message}`, 'error');
  rendered.dataset.state = 'error';
}

/** Marks a step on the performance timeline (latest of each kind only). */
function timeline(step, id) {
  performance.clearMarks(`lede:${step}`);
  performance.mark(`lede:${step}`, { detail: id });
}

// ----- the analyser ---------------------------------------------------------

function startAnalyser() {
  analyser = createAnalyser({ name: 'lede-analyser' });
  analyser.ready.then(
    (version) => {
      analyserReady = true;
      document.documentElement.dataset.lede = 'ready';
      $('version').textContent = `Lede ${version}`;
      if (requestId === 0) {
        if (article.value) analyseNow();
        else setStatus('Ready. Paste, type or drop an article, or load the example.');
      }
    },
    (err) => {
      document.documentElement.dataset.lede = 'error';
      showError(`${plainMessage(err)}. Reload the page to try again.`);
    },
  );
}

// ----- requests -------------------------------------------------------------

function analyseNow() {
  clearTimeout(debounceTimer);
  if (!analyser) return;
  requestId += 1;
  const id = requestId;
  timeline('request', id);
  const text = article.value;
  rendered.dataset.state = 'analysing';
  if (analyserReady) setStatus('Analysing…', 'busy');
  analyser.analyseDetailed(text, undefined, { plan: true }).then(
    (result) => {
      if (id !== requestId) return; // superseded: only the latest result is shown
      timeline('result', id);
      showResult(id, text, result);
    },
    (err) => {
      if (err?.name === 'AbortError' || id !== requestId) return;
      timeline('result', id);
      showError(analyserReady ? `analysis failed: ${plainMessage(err)}` : `${plainMessage(err)}. Reload the page to try again.`);
    },
  );
}

function analyseSoon() {
  clearTimeout(debounceTimer);
  rendered.dataset.state = 'analysing';
  debounceTimer = setTimeout(analyseNow, DEBOUNCE_MS);
}

/** Replaces the article with `text` and analyses it at once. */
function loadText(text) {
  article.value = text;
  article.scrollTop = 0;
  analyseNow();
}

article.addEventListener('input', (event) => {
  const pasted = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
  if (pasted) analyseNow();
  else analyseSoon();
});

$('example').addEventListener('click', () => loadText(EXAMPLE_ARTICLE));

$('clear').addEventListener('click', () => {
  article.value = '';
  article.focus();
  analyseNow();
});

// ----- results --------------------------------------------------------------

/** Lets the browser paint and handle input before the next step of showing a result. */
function breather() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

async function showResult(id, text, result) {
  const { plan, stats } = result;
  rendered.dataset.state = 'rendering';
  const complete = await renderer.render(text, plan, (label) => mutedLabels.has(label), () => id === requestId);
  if (!complete) return;
  shown = {
    text,
    get analysis() {
      return result.analysis;
    },
  };
  // The article is in; the lists come in their own tasks.
  await breather();
  if (id !== requestId) return;
  renderEntityList(entityList, plan, text, showEntity);
  await breather();
  if (id !== requestId) return;
  renderAttributionList(attributionList, plan, text, showAttribution);
  entityCount.textContent = numbers.format(plan.entityCount);
  attributionCount.textContent = numbers.format(plan.attributionCount);
  updateLegendCounts(plan);
  rendered.dataset.state = 'done';
  timeline('done', id);
  rendered.dataset.requestId = String(id);
  rendered.dataset.analysed = String(stats.analysed);
  rendered.dataset.dropped = String(stats.dropped);
  document.body.dataset.hasText = String(text.trim() !== '');
  if (text.trim() === '') {
    setStatus('Ready. Paste, type or drop an article, or load the example.');
    return;
  }
  const words = stats.words === 1 ? 'word' : 'words';
  let line = `Analysed ${numbers.format(stats.words)} ${words} in ${numbers.format(Math.max(1, Math.round(stats.ms)))} ms`;
  line += ` · ${numbers.format(plan.entityCount)} entities · ${numbers.format(plan.attributionCount)} attributions`;
  if (plan.skipped > 0) {
    setStatus(`${line}. Warning: ${plan.skipped} span(s) did not match the text and were left out.`, 'warning');
  } else setStatus(line);
}

function showEntity(indexes, click) {
  const index = indexes[click % indexes.length];
  flash([renderer.mark(index)]);
}

function showAttribution(index) {
  const elements = renderer.pieces(index);
  const content = elements.filter((e) => e.dataset.role === 'content');
  flash(content.length ? content : elements);
}

// Arrow keys between mentions, [ and ] between sources (see pkg/navigate.js).
attachNavigation(rendered, {
  step: (from, kind, backwards) => renderer.step(from, kind, backwards),
  onSelect: (element) => flash([element]),
});
// Far-off chunks get their highlights when scrolled to; a printout needs them all.
window.addEventListener('beforeprint', () => renderer.revealAll());

// ----- legend ---------------------------------------------------------------

const legendButtons = new Map();

function buildLegend() {
  for (const { label } of LABELS) {
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.dataset.label = label;
    const name = document.createElement('span');
    name.className = 'legend-name';
    name.textContent = labelName(label);
    const count = document.createElement('span');
    count.className = 'count';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'legend-item';
    button.dataset.label = label;
    button.setAttribute('aria-pressed', 'true');
    button.title = `${label}: click to hide or show these highlights`;
    button.append(swatch, name, count);
    button.addEventListener('click', () => toggleLabel(label));
    const li = document.createElement('li');
    li.append(button);
    legend.append(li);
    legendButtons.set(label, button);
  }
}

function toggleLabel(label) {
  const nowMuted = !mutedLabels.has(label);
  if (nowMuted) mutedLabels.add(label);
  else mutedLabels.delete(label);
  legendButtons.get(label)?.setAttribute('aria-pressed', String(!nowMuted));
  renderer.setMuted(label, nowMuted);
}

function updateLegendCounts(plan) {
  const counts = packedLabelCounts(plan);
  for (const [label, button] of legendButtons) {
    const n = counts.get(label) ?? 0;
    button.querySelector('.count').textContent = n ? numbers.format(n) : '';
    button.dataset.present = String(n > 0);
  }
}

$('show-tags').addEventListener('change', (event) => {
  rendered.classList.toggle('show-tags', event.target.checked);
});
$('show-attributions').addEventListener('change', (event) => {
  rendered.classList.toggle('hide-attributions', !event.target.checked);
});

// ----- files and pastes -----------------------------------------------------

async function openFile(file) {
  try {
    const text = await readTextFile(file);
    loadText(text);
    setStatus(`Opened “${file.name}”. Analysing…`, 'busy');
  } catch (err) {
    setStatus(`Error: ${plainMessage(err)}.`, 'error');
  }
}

$('open-file').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', (event) => {
  const [file] = event.target.files;
  if (file) openFile(file);
  event.target.value = '';
});

const dropHint = $('drop-hint');
const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return; // text dragged into the textarea works as usual
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  dropHint.hidden = false;
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) dropHint.hidden = true;
});
document.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault(); // never let the browser open the file in place of the page
  dropHint.hidden = true;
  const [file] = event.dataTransfer.files;
  if (file) openFile(file);
});

// A paste from a web page keeps its paragraphs but not its markup.
article.addEventListener('paste', (event) => {
  const html = event.clipboardData?.getData('text/html');
  if (!html) return;
  let text;
  try {
    text = htmlToText(html);
  } catch {
    return; // the browser's own plain text will do
  }
  if (text === '') return;
  event.preventDefault();
  // execCommand keeps the paste on the undo stack; setRangeText is the fallback.
  if (!document.execCommand('insertText', false, text)) {
    article.setRangeText(text, article.selectionStart, article.selectionEnd, 'end');
  }
  analyseNow();
});

// ----- exports --------------------------------------------------------------

/** Offers `content` as a file download. */
function download(content, name, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const EXPORTS = {
  json: () => [toJSON(shown.text, shown.analysis), 'lede-analysis.json', 'application/json'],
  csv: () => [toCSV(shown.text, shown.analysis), 'lede-attributions.csv', 'text/csv;charset=utf-8'],
  'csv-excel': () => [toCSV(shown.text, shown.analysis, { bom: true }), 'lede-attributions-excel.csv', 'text/csv;charset=utf-8'],
  annotations: () => [JSON.stringify(toWebAnnotation(shown.text, shown.analysis), null, 2), 'lede-annotations.jsonld', 'application/ld+json'],
  html: () => [toHTML(shown.text, shown.analysis), 'lede-article.html', 'text/html;charset=utf-8'],
};

for (const button of document.querySelectorAll('[data-export]')) {
  button.addEventListener('click', () => {
    if (!shown) {
      setStatus('Nothing to export yet: paste or type an article first.', 'warning');
      return;
    }
    const [content, name, type] = EXPORTS[button.dataset.export]();
    download(content, name, type);
  });
}

// ----- share links ----------------------------------------------------------

$('share').addEventListener('click', async () => {
  const box = $('share-box');
  const field = $('share-url');
  const note = $('share-note');
  const url = `${location.origin}${location.pathname}${location.search}${await shareFragment(article.value)}`;
  field.value = url;
  box.hidden = false;
  const size = `${numbers.format(Math.ceil(url.length / 1024))} KB`;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    field.select();
  }
  const what = copied ? `Link copied (${size}).` : `Copy this link (${size}).`;
  if (url.length > SHARE_WARN_LENGTH) {
    note.textContent = `${what} Warning: links longer than about 8 KB are cut short by some chat apps, e-mail programs and web servers, so this one may arrive broken. For long articles, share an exported file instead.`;
    note.dataset.kind = 'warning';
  } else {
    note.textContent = `${what} The article travels inside the link, after the “#”, which browsers never send to any server.`;
    note.dataset.kind = 'info';
  }
});

async function loadFromFragment() {
  if (!isShareFragment(location.hash)) return false;
  try {
    loadText(await textFromFragment(location.hash));
    return true;
  } catch (err) {
    setStatus(`Error: this shared link could not be opened: ${plainMessage(err)}.`, 'error');
    return false;
  }
}

window.addEventListener('hashchange', () => loadFromFragment());

// ----- start ----------------------------------------------------------------

adoptTheme(document);
buildLegend();
rendered.classList.toggle('show-tags', $('show-tags').checked);
rendered.classList.toggle('hide-attributions', !$('show-attributions').checked);
startAnalyser();
loadFromFragment();
