// The page: sends what is typed or pasted to the analysis worker and renders
// the latest result (highlighted article, legend, entity and attribution
// lists). The article is only ever handled as text: the DOM is built with
// createElement / textContent / append.
//
// Files of the page (www/):
//   index.html  markup and the Content-Security-Policy
//   app.js      this wiring: input → worker → rendering, legend, status
//   worker.js   loads the wasm (pkg/, made by `make build`), analyses the latest request
//   plan.js     analysis → render plan (runs of text, nesting), run in the worker
//   render.js   render plan → DOM (marks and attribution spans), flashing
//   lists.js    entity and attribution lists
//   labels.js   label and kind names
//   example.js  the example article (bundled: no request after load)
//   style.css   all styles (no inline styles: the CSP forbids them)

import { EXAMPLE_ARTICLE } from './example.js';
import { LABELS, labelName } from './labels.js';
import { renderAttributionList, renderEntityList } from './lists.js';
import { ArticleRenderer, flash } from './render.js';

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

let worker = null;
let workerReady = false;
let requestId = 0;
/** The text of the newest request; older results are ignored. */
let latestText = '';
let debounceTimer = 0;

// ----- status line ----------------------------------------------------------

function setStatus(text, kind = 'info') {
  status.textContent = text;
  status.dataset.kind = kind;
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

// ----- the worker -----------------------------------------------------------

/**
 * The worker's script URL as a Trusted Type. The page's CSP requires Trusted
 * Types for script URLs, and `new Worker()` is such a sink; this one policy
 * (the only one the CSP allows) accepts exactly the page's own worker.js.
 */
let workerPolicy = null;
function workerScriptUrl() {
  const url = new URL('./worker.js', import.meta.url).href;
  if (!globalThis.trustedTypes?.createPolicy) return url;
  workerPolicy ??= globalThis.trustedTypes.createPolicy('lede-worker', {
    createScriptURL(input) {
      if (input === url) return input;
      throw new TypeError(`Lede refuses to load an unexpected worker script: ${input}`);
    },
  });
  return workerPolicy.createScriptURL(url);
}

function startWorker() {
  try {
    worker = new Worker(workerScriptUrl(), { type: 'module', name: 'lede-analyser' });
  } catch (err) {
    showError(`the analyser could not start (${err.message}).`);
    return;
  }
  worker.addEventListener('message', (event) => onWorkerMessage(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    showError(`the analyser stopped (${event.message || 'the worker script failed to load'}). Reload the page to try again.`);
  });
  worker.addEventListener('messageerror', () => showError('a result could not be read. Try again.'));
}

function restartWorker() {
  worker?.terminate();
  worker = null;
  workerReady = false;
  startWorker();
}

function onWorkerMessage(msg) {
  if (msg.type === 'ready') {
    workerReady = true;
    document.documentElement.dataset.lede = 'ready';
    $('version').textContent = `Lede ${msg.version}`;
    if (requestId === 0) {
      if (article.value) analyseNow();
      else setStatus('Ready. Paste or type an article, or load the example.');
    }
  } else if (msg.type === 'fatal') {
    document.documentElement.dataset.lede = 'error';
    showError(`${msg.message}. Reload the page to try again.`);
  } else if (msg.type === 'result') {
    if (msg.id !== requestId) return; // superseded: only the latest result is shown
    timeline('result', msg.id);
    if (msg.error) {
      showError(`analysis failed: ${msg.error}`);
      // A failed analysis may leave the wasm instance unusable: start afresh.
      restartWorker();
    } else showResult(msg);
  }
}

// ----- requests -------------------------------------------------------------

function analyseNow() {
  clearTimeout(debounceTimer);
  if (!worker) return;
  requestId += 1;
  timeline('request', requestId);
  latestText = article.value;
  rendered.dataset.state = 'analysing';
  if (workerReady) setStatus('Analysing…', 'busy');
  worker.postMessage({ type: 'analyse', id: requestId, text: latestText });
}

function analyseSoon() {
  clearTimeout(debounceTimer);
  rendered.dataset.state = 'analysing';
  debounceTimer = setTimeout(analyseNow, DEBOUNCE_MS);
}

article.addEventListener('input', (event) => {
  const pasted = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
  if (pasted) analyseNow();
  else analyseSoon();
});

$('example').addEventListener('click', () => {
  article.value = EXAMPLE_ARTICLE;
  article.scrollTop = 0;
  analyseNow();
});

$('clear').addEventListener('click', () => {
  article.value = '';
  article.focus();
  analyseNow();
});

// ----- results --------------------------------------------------------------

async function showResult({ id, plan, stats }) {
  rendered.dataset.state = 'rendering';
  const text = latestText;
  const complete = await renderer.render(text, plan, (label) => mutedLabels.has(label), () => id === requestId);
  if (!complete) return;
  renderEntityList(entityList, plan.entities, showEntity);
  renderAttributionList(attributionList, plan.attributions, showAttribution);
  entityCount.textContent = numbers.format(plan.entities.length);
  attributionCount.textContent = numbers.format(plan.attributions.length);
  updateLegendCounts(plan.entities);
  rendered.dataset.state = 'done';
  timeline('done', id);
  rendered.dataset.requestId = String(id);
  rendered.dataset.analysed = String(stats.analysed);
  rendered.dataset.dropped = String(stats.dropped);
  if (text.trim() === '') {
    setStatus('Ready. Paste or type an article, or load the example.');
    return;
  }
  const words = stats.words === 1 ? 'word' : 'words';
  let line = `Analysed ${numbers.format(stats.words)} ${words} in ${numbers.format(Math.max(1, Math.round(stats.ms)))} ms`;
  line += ` · ${numbers.format(plan.entities.length)} entities · ${numbers.format(plan.attributions.length)} attributions`;
  if (plan.skipped > 0) {
    setStatus(`${line}. Warning: ${plan.skipped} span(s) did not match the text and were left out.`, 'warning');
  } else setStatus(line);
}

function showEntity(indexes, click) {
  const index = indexes[click % indexes.length];
  flash([renderer.marks[index]]);
}

function showAttribution(index) {
  const elements = renderer.partElements[index] ?? [];
  const content = elements.filter((e) => e.dataset.role === 'content');
  flash(content.length ? content : elements);
}

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

function updateLegendCounts(entities) {
  const counts = new Map();
  for (const e of entities) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
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

// ----- start ----------------------------------------------------------------

buildLegend();
rendered.classList.toggle('show-tags', $('show-tags').checked);
rendered.classList.toggle('hide-attributions', !$('show-attributions').checked);
startWorker();
