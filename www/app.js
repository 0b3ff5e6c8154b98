// The page: sends what is typed, pasted, dropped or shared to the analyser
// (the package's worker) and renders the latest result (highlighted article,
// legend, entity and attribution lists, exports). The article is only ever
// handled as text: the DOM is built with createElement / textContent / append.
//
// Files of the page (www/):
//   index.html      markup and the Content-Security-Policy
//   app.js          this wiring: input → analyser → rendering, legend, status, exports
//   lists.js        the sidebar: sources panel (summary, statements, hedged claims) and entity cards
//   text-import.js  dropped / opened files and pastes from web pages → plain text
//   share.js        share links (the text compressed into the URL fragment)
//   example.js      the example article (bundled: no request after load)
//   style.css       the page's styles (no inline styles: the CSP forbids them)
//   embed.html, embed.js, embed.css   an unrelated page embedding <lede-article>
//   pkg/            the Lede package, made by `make build` from js/ and the wasm:
//                   analyser + worker, render plan and renderer, highlight theme,
//                   keyboard navigation, exports, labels

import { EXAMPLE_ARTICLE } from './example.js';
import { renderCards, renderSources } from './lists.js';
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
const entityCount = $('entity-count');
const sourcesPanel = { summary: $('sourcing-summary'), list: $('source-list'), claims: $('claim-list') };
const sourceCount = $('source-count');

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
/** The sidebar on screen: its cards' controls and the panel's reverse link (see lists.js). */
let cards = null;
let highlightStatements = () => null;

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
        if (currentText()) analyseNow();
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
  const text = currentText();
  rendered.dataset.state = 'analysing';
  if (analyserReady) setStatus('Analysing…', 'busy');
  analyser.analyseDetailed(text, undefined, { plan: true, sidebar: true }).then(
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

// ----- very long articles ---------------------------------------------------
// A textarea holding megabytes costs Chromium seconds of layout and paint in
// one task whenever its value changes (6–10 s for a 10 MB paste, measured by
// tests/browser/hardening.test.mjs), and no script can split that work. Past
// LARGE_TEXT characters the page keeps the article itself: the box shows its
// beginning, read-only, and the analysis and rendering cover all of it. "Edit
// the full text" puts everything back in the box for whoever accepts the wait.

/** Characters from which the article is kept out of the textarea. */
const LARGE_TEXT = 1_000_000;
/** Characters of a long article the textarea shows. */
const PREVIEW_LENGTH = 20_000;

/** The whole article while it is too long for the textarea, else null. */
let largeText = null;

/** The article as analysed: the long one kept aside, or the textarea's value. */
function currentText() {
  return largeText ?? article.value;
}

/** The first `n` UTF-16 units of `text`, never ending inside a surrogate pair. */
function previewOf(text, n) {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** Shows `text` in the textarea, or keeps it aside when it is too long. */
function setArticle(text) {
  const large = text.length > LARGE_TEXT;
  largeText = large ? text : null;
  article.readOnly = large;
  article.value = large ? `${previewOf(text, PREVIEW_LENGTH)}\n…` : text;
  $('large-note').hidden = !large;
  if (large) {
    const count = text.length.toLocaleString('en');
    $('large-note-text').textContent = `This article is ${count} characters long. To keep the page fast the box shows only its beginning, read-only; the analysis and the highlighted article below cover all of it.`;
  }
}

$('edit-full').addEventListener('click', () => {
  const text = largeText ?? article.value;
  setStatus('Putting the whole article in the box (this can take a few seconds)…', 'busy');
  setTimeout(() => {
    largeText = null;
    article.readOnly = false;
    $('large-note').hidden = true;
    article.value = text;
    article.focus();
  }, 50);
});

/** Replaces the article with `text` and analyses it at once. */
function loadText(text) {
  setArticle(text);
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
  setArticle('');
  article.focus();
  analyseNow();
});

// ----- results --------------------------------------------------------------

/** Lets the browser paint and handle input before the next step of showing a result. */
function breather() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

async function showResult(id, text, result) {
  const { plan, stats, sidebar } = result;
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
  unlink();
  articleLink = null;
  highlightStatements = renderSources(sourcesPanel, plan, text, sidebar, {
    onLink: linkInArticle,
    onShow: showAttribution,
    onCard: (c) => cards?.select(c),
  });
  sourceCount.textContent = numbers.format(sidebar.sources.length);
  if (text.trim() === '') sourcesPanel.summary.textContent = '';
  await breather();
  if (id !== requestId) return;
  cards = renderCards(entityList, sidebar, {
    onSelect: (card, position) => {
      renderer.select(card.mentions);
      flash([renderer.mark(card.mentions[position])]);
    },
    onClear: () => renderer.select(null),
  });
  entityCount.textContent = numbers.format(plan.entityCount);
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

/** The article's pieces of a statement or claim lit up from the panel (see `linkInArticle`). */
let linked = [];

function unlink() {
  for (const element of linked) element.classList.remove('linked');
  linked = [];
}

/**
 * A statement (or hedged claim) in the panel is hovered or focused: light
 * up its source and cue (a claim: its hedge and claim) in the article.
 */
function linkInArticle(index, on) {
  unlink();
  if (!on) return;
  const elements = renderer.pieces(index);
  const wanted = elements.filter((e) => e.dataset.role !== 'content' || e.dataset.kind === 'hedged_claim');
  linked = wanted.length ? wanted : elements;
  for (const element of linked) element.classList.add('linked');
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
// The reverse link: a source, cue or quote in the article (hovered, or
// reached with the keyboard) lights up its source's statements in the panel.
let articleLink = null;
function linkFromArticle(event, scroll) {
  const part = event.target instanceof Element ? event.target.closest('.part[data-attr]') : null;
  const attr = part && rendered.contains(part) ? Number(part.dataset.attr) : null;
  if (attr === articleLink) return;
  articleLink = attr;
  const item = highlightStatements(attr ?? -1, attr !== null);
  // Only inside the sidebar when it scrolls on its own (wide layout): never move the article away.
  const pane = item?.closest('.lists-pane');
  if (scroll && pane && pane.scrollHeight > pane.clientHeight && getComputedStyle(pane).overflowY !== 'visible') {
    const box = item.getBoundingClientRect();
    const view = pane.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom) pane.scrollTop += box.top - view.top - view.height / 3;
  }
}
rendered.addEventListener('mouseover', (event) => linkFromArticle(event, false));
rendered.addEventListener('mouseleave', () => {
  articleLink = null;
  highlightStatements(-1, false);
});
rendered.addEventListener('focusin', (event) => linkFromArticle(event, true));
rendered.addEventListener('focusout', () => {
  articleLink = null;
  highlightStatements(-1, false);
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

/** The text a paste would insert: a web page's markup made plain, else its plain text. */
function pastedText(data) {
  const html = data?.getData('text/html');
  if (html) {
    try {
      const text = htmlToText(html);
      if (text !== '') return { text, converted: true };
    } catch {
      // the browser's own plain text will do
    }
  }
  return { text: data?.getData('text/plain') ?? '', converted: false };
}

// A paste from a web page keeps its paragraphs but not its markup; a paste
// that makes the article too long for the box is kept aside (see above), and
// so is any paste while a long article is shown (it replaces that article).
article.addEventListener('paste', (event) => {
  const { text, converted } = pastedText(event.clipboardData);
  const { selectionStart: from, selectionEnd: to, value } = article;
  if (largeText !== null || value.length - (to - from) + text.length > LARGE_TEXT) {
    event.preventDefault();
    const whole = largeText !== null ? text : value.slice(0, from) + text + value.slice(to);
    // Reading 10 MB off the clipboard is a task of its own; showing and
    // sending the text to the worker is the next one.
    setTimeout(() => loadText(whole), 0);
    return;
  }
  if (!converted) return;
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
  const url = `${location.origin}${location.pathname}${location.search}${await shareFragment(currentText())}`;
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
