// The analysis worker: loads the wasm once at page load, then analyses the
// texts the page sends, newest first. Requests that arrive while an analysis
// is running are coalesced: only the latest one is analysed, the others are
// dropped (counted in `dropped`), so a fast typist never builds a backlog.
//
// Protocol (page → worker): { type: 'analyse', id, text }
// Worker → page: { type: 'ready', version }
//                { type: 'fatal', message }            the wasm could not load
//                { type: 'result', id, plan, stats }   or { type: 'result', id, error }

import init, { analyse, version } from './pkg/lede.js';
import { planRender } from './plan.js';

let latest = null;
let scheduled = false;
let analysed = 0;
let dropped = 0;

const ready = init().then(
  () => {
    postMessage({ type: 'ready', version: version() });
    return true;
  },
  (err) => {
    postMessage({ type: 'fatal', message: `could not load the analyser (${messageOf(err)})` });
    return false;
  },
);

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'analyse') return;
  if (latest) dropped += 1;
  latest = msg;
  if (!scheduled) {
    scheduled = true;
    setTimeout(runLatest, 0);
  }
});

async function runLatest() {
  const ok = await ready;
  scheduled = false;
  const msg = latest;
  latest = null;
  if (!msg) return;
  if (!ok) {
    postMessage({ type: 'result', id: msg.id, error: 'the analyser is not available' });
    return;
  }
  try {
    const t0 = performance.now();
    const analysis = analyse(msg.text);
    const ms = performance.now() - t0;
    const plan = planRender(msg.text, analysis);
    analysed += 1;
    const stats = { ms, words: countWords(msg.text), chars: msg.text.length, analysed, dropped };
    postMessage({ type: 'result', id: msg.id, version: analysis.version, plan, stats });
  } catch (err) {
    postMessage({ type: 'result', id: msg.id, error: messageOf(err) });
  }
}

/** Words as runs of non-whitespace, counted without allocating. */
function countWords(text) {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}
