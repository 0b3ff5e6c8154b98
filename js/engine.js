// The analysis loop behind createAnalyser(): loads the wasm once, then runs
// requests one at a time, newest first when asked. It runs inside the
// dedicated worker (worker.js) or, where there are no workers (node), on the
// calling thread; either way it speaks the same messages.
//
// In:  { type: 'init', wasm? }                          load the analyser (wasm: URL string, optional)
//      { type: 'analyse', id, text, options, plan, supersede }
//           supersede: drop every request still waiting (a fast typist never builds a backlog)
//      { type: 'cancel', id }                           drop that request if it is still waiting
// Out: { type: 'ready', version }
//      { type: 'fatal', message }                       the analyser could not load
//      { type: 'result', id, analysis, stats }
//      { type: 'result', id, analysisJson, plan, stats } when asked for the plan: the plan packed
//           (plan.js packPlan) and the analysis as UTF-8 JSON, both transferred: the page's main
//           thread then receives them at no cost and parses the analysis only if it needs it
//      { type: 'result', id, error: { name, message }, broken }  broken: the wasm trapped; start afresh

import { analyse, init, version } from './core.js';
import { packedTransfer, packPlan, planRender } from './plan.js';

/** Counts words as runs of non-whitespace, without allocating. */
export function countWords(text) {
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

function describe(err) {
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}

/**
 * A request loop that posts its replies through `post(message, transfer?)`
 * (`transfer`: buffers the message may hand over rather than copy). Returns
 * `receive(message)`, to be fed the incoming messages.
 */
export function createEngine(post) {
  let ready = null;
  /** Requests not yet run, oldest first. */
  const waiting = [];
  let scheduled = false;
  let broken = false;
  let analysed = 0;
  let dropped = 0;

  function start(wasm) {
    ready ??= init(wasm ?? undefined).then(
      () => {
        post({ type: 'ready', version: version() });
        return true;
      },
      (err) => {
        post({ type: 'fatal', message: `could not load the analyser (${describe(err).message})` });
        return false;
      },
    );
    return ready;
  }

  function schedule() {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    // A macrotask: requests posted meanwhile arrive (and may supersede) first.
    setTimeout(runNext, 0);
  }

  async function runNext() {
    const ok = await start();
    scheduled = false;
    const msg = waiting.shift();
    if (!msg) return;
    if (!ok || broken) {
      post({ type: 'result', id: msg.id, error: { name: 'Error', message: 'the analyser is not available' }, broken });
    } else {
      run(msg);
    }
    schedule();
  }

  function run(msg) {
    try {
      const t0 = performance.now();
      const analysis = analyse(msg.text, msg.options ?? undefined);
      const ms = performance.now() - t0;
      analysed += 1;
      const stats = { ms, words: countWords(msg.text), chars: msg.text.length, analysed, dropped };
      if (msg.plan) {
        const plan = packPlan(msg.text, planRender(msg.text, analysis));
        const analysisJson = new TextEncoder().encode(JSON.stringify(analysis));
        post({ type: 'result', id: msg.id, analysisJson, plan, stats }, [analysisJson.buffer, ...packedTransfer(plan)]);
      } else {
        post({ type: 'result', id: msg.id, analysis, stats });
      }
    } catch (err) {
      // A trap (RuntimeError) leaves the wasm instance unusable.
      if (err instanceof WebAssembly.RuntimeError) broken = true;
      post({ type: 'result', id: msg.id, error: describe(err), broken });
    }
  }

  return function receive(msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'init') start(msg.wasm);
    else if (msg.type === 'analyse') {
      if (msg.supersede) {
        dropped += waiting.length;
        waiting.length = 0;
      }
      waiting.push(msg);
      schedule();
    } else if (msg.type === 'cancel') {
      const i = waiting.findIndex((m) => m.id === msg.id);
      if (i >= 0) {
        waiting.splice(i, 1);
        dropped += 1;
      }
    }
  };
}
