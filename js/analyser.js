// createAnalyser(): the analyser in a dedicated worker, behind Promises.
//
//   const analyser = createAnalyser();
//   const analysis = await analyser.analyse(text, { labels: ['PERSON'] });
//
// - The wasm loads once, in the worker; the page's main thread never blocks.
// - Superseded requests are cancelled: by default a new call rejects every
//   earlier call still pending with an `AbortError` (a `DOMException`), and
//   the worker never runs the ones still waiting. A request already running
//   finishes (wasm cannot be interrupted) but its result is dropped.
//   `createAnalyser({ supersede: false })` queues calls instead.
// - Failures reject with an `Error` whose message starts with "lede" and says
//   what went wrong (bad text or options, the worker or wasm failing to load).
// - Where there is no `Worker` (node), or with `{ worker: false }`, the same
//   loop runs on the calling thread, so code works unchanged.
//
// Trusted Types: pages that require them must allow the policy "lede-worker"
// (`trusted-types lede-worker`); it accepts exactly this package's worker.js.

const DEFAULT_WORKER_URL = new URL('./worker.js', import.meta.url).href;

let workerPolicy = null;

/** The worker script URL in the form `new Worker()` accepts under Trusted Types. */
function scriptUrl(url, policy) {
  const tt = globalThis.trustedTypes;
  if (tt?.isScriptURL?.(url)) return url;
  const href = String(url);
  if (policy) return policy.createScriptURL(href);
  if (!tt?.createPolicy || href !== DEFAULT_WORKER_URL) return href;
  try {
    workerPolicy ??= tt.createPolicy('lede-worker', {
      createScriptURL(input) {
        if (input === DEFAULT_WORKER_URL) return input;
        throw new TypeError(`lede: refusing to load an unexpected worker script: ${input}`);
      },
    });
  } catch {
    return href; // the page does not allow the policy; without enforcement a plain URL works
  }
  return workerPolicy.createScriptURL(href);
}

/**
 * What `analyseDetailed` resolves to. With a plan, the analysis arrives as
 * JSON bytes and is parsed on first use: a page that draws from the plan
 * never pays for rebuilding hundreds of thousands of objects at once.
 */
function detailedResult(msg) {
  if (!msg.analysisJson) return { analysis: msg.analysis, plan: msg.plan, stats: msg.stats };
  const bytes = msg.analysisJson;
  let analysis = null;
  return {
    get analysis() {
      analysis ??= JSON.parse(new TextDecoder().decode(bytes));
      return analysis;
    },
    plan: msg.plan,
    stats: msg.stats,
  };
}

function abortError(message) {
  return new DOMException(message, 'AbortError');
}

function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/**
 * Starts an analyser. Options (all optional):
 * - `worker`: true (a dedicated worker; the default where `Worker` exists) or
 *   false (run on the calling thread);
 * - `workerUrl`: this package's worker.js elsewhere (a URL, or a
 *   TrustedScriptURL on pages that enforce Trusted Types);
 * - `wasmUrl`: where lede_bg.wasm is, when not next to the worker;
 * - `supersede`: whether a new call cancels the calls still pending (true);
 * - `trustedTypesPolicy`: a policy whose `createScriptURL` makes the worker URL;
 * - `name`: the worker's name in developer tools.
 */
export function createAnalyser({
  worker = typeof Worker === 'function',
  workerUrl = DEFAULT_WORKER_URL,
  wasmUrl,
  supersede = true,
  trustedTypesPolicy,
  name = 'lede-analyser',
} = {}) {
  /** id → { resolve, reject, detailed, cleanup } */
  const pending = new Map();
  let nextId = 0;
  let transport = null;
  /** Set when the analyser can no longer work: every call rejects with it. */
  let failure = null;
  let terminated = false;
  let currentVersion = null;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // a failure is also reported by every call

  function settle(id, fn) {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    entry.cleanup?.();
    fn(entry);
  }

  function rejectAll(error) {
    for (const id of [...pending.keys()]) settle(id, (e) => e.reject(error));
  }

  function fail(message) {
    failure = new Error(`lede: ${message}`);
    rejectReady(failure);
    rejectAll(failure);
    transport?.close();
    transport = null;
  }

  function onMessage(msg) {
    if (msg.type === 'ready') {
      currentVersion = msg.version;
      resolveReady(msg.version);
    } else if (msg.type === 'fatal') {
      fail(msg.message);
    } else if (msg.type === 'result') {
      if (msg.broken) {
        // The wasm trapped: start a fresh worker for the next request.
        transport?.close();
        transport = null;
      }
      settle(msg.id, (entry) => {
        if (msg.error) {
          const message = msg.error.message.startsWith('lede') ? msg.error.message : `lede: analysis failed: ${msg.error.message}`;
          const error = new Error(message);
          if (msg.error.name && msg.error.name !== 'Error') error.name = msg.error.name;
          entry.reject(error);
        } else if (entry.detailed) {
          entry.resolve(detailedResult(msg));
        } else {
          entry.resolve(msg.analysis);
        }
      });
    }
  }

  function startWorker() {
    let w;
    try {
      w = new Worker(scriptUrl(workerUrl, trustedTypesPolicy), { type: 'module', name });
    } catch (err) {
      fail(
        `could not start the analyser worker (${err.message}). Serve the package from this page's origin, ` +
          'allow it in the Content-Security-Policy (worker-src), and where Trusted Types are required allow the policy "lede-worker".',
      );
      return null;
    }
    w.addEventListener('message', (event) => onMessage(event.data));
    w.addEventListener('error', (event) => {
      event.preventDefault();
      fail(`the analyser worker stopped (${event.message || 'its script could not be loaded'})`);
    });
    w.addEventListener('messageerror', () => {
      rejectAll(new Error('lede: a result from the analyser worker could not be read'));
    });
    return { post: (msg) => w.postMessage(msg), close: () => w.terminate() };
  }

  function startInline() {
    let receive = null;
    let closed = false;
    const early = [];
    import('./engine.js').then(
      ({ createEngine }) => {
        if (closed) return;
        // Replies are delivered asynchronously, as from a worker.
        receive = createEngine((msg) => queueMicrotask(() => !closed && onMessage(msg)));
        for (const msg of early.splice(0)) receive(msg);
      },
      (err) => fail(`could not load the analyser (${err.message})`),
    );
    return {
      post: (msg) => (receive ? receive(msg) : early.push(msg)),
      close: () => {
        closed = true;
      },
    };
  }

  function connection() {
    if (!transport && !failure && !terminated) {
      transport = worker ? startWorker() : startInline();
      transport?.post({ type: 'init', wasm: wasmUrl === undefined ? undefined : String(wasmUrl) });
    }
    return transport;
  }

  function request(text, options, { plan = false, signal } = {}, detailed = false) {
    if (terminated) return Promise.reject(abortError('lede: the analyser was terminated'));
    if (failure) return Promise.reject(failure);
    if (typeof text !== 'string') {
      return Promise.reject(new TypeError(`lede: analyse(text) needs the article text as a string, got ${typeName(text)}`));
    }
    if (signal?.aborted) return Promise.reject(signal.reason ?? abortError('lede: the request was aborted'));
    if (supersede) {
      rejectAll(abortError('lede: superseded by a newer request'));
    }
    const link = connection();
    if (!link) return Promise.reject(failure);
    nextId += 1;
    const id = nextId;
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject, detailed };
      pending.set(id, entry);
      if (signal) {
        const onAbort = () => {
          settle(id, (e) => e.reject(signal.reason ?? abortError('lede: the request was aborted')));
          transport?.post({ type: 'cancel', id });
        };
        signal.addEventListener('abort', onAbort, { once: true });
        entry.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      try {
        link.post({ type: 'analyse', id, text, options, plan, supersede });
      } catch (err) {
        settle(id, (e) =>
          e.reject(new TypeError(`lede: the options could not be sent to the analyser (${err.message}); use plain data such as { labels: ["PERSON"] }`)),
        );
      }
    });
  }

  connection();

  return {
    /** Resolves to Lede's version once the wasm has loaded; rejects if it cannot. */
    ready,
    /** Lede's version, once ready (else null). */
    get version() {
      return currentVersion;
    },
    /** 'worker' or 'inline'. */
    get mode() {
      return worker ? 'worker' : 'inline';
    },
    /** Analyses `text`; resolves to the `Analysis`. */
    analyse(text, options, control) {
      return request(text, options, control, false);
    },
    /** Like `analyse`, with the render plan (`{ plan: true }`) and timing. */
    analyseDetailed(text, options, control) {
      return request(text, options, control, true);
    },
    /** Rejects every pending call with an `AbortError`; the worker skips those not yet started. */
    cancel() {
      for (const id of pending.keys()) transport?.post({ type: 'cancel', id });
      rejectAll(abortError('lede: cancelled'));
    },
    /** Stops the worker; pending and later calls reject with an `AbortError`. */
    terminate() {
      terminated = true;
      const error = abortError('lede: the analyser was terminated');
      rejectReady(error);
      rejectAll(error);
      transport?.close();
      transport = null;
    },
  };
}
