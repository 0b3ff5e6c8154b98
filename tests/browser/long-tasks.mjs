// Measures the page's main thread with a long article (not a test: run it by
// hand after `make build`):
//
//   node tests/browser/long-tasks.mjs [characters, default 2000000] [--trace]
//
// Pastes the example article repeated to that size, then types one character,
// and for each step prints the long tasks (over 50 ms) from the request on,
// those once the result is in (the page's own rendering), and the longest
// run of the page's own script (from long animation frames). `--trace` also
// breaks every long main-thread task down by what the browser did in it.
// The browser's own work around a huge textarea (laying out the paste,
// painting every frame while its caret blinks, collecting garbage) shows up
// too: read the breakdown before blaming the page.

import { EXAMPLE_ARTICLE } from '../../www/example.js';
import { launch, paste } from './harness.mjs';

const size = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 2_000_000);
const trace = process.argv.includes('--trace');

const env = await launch();
const { page } = await env.open();
const article = EXAMPLE_ARTICLE.replace(/\n+$/, '\n\n');
const text = article.repeat(Math.ceil(size / article.length));
const client = await page.context().newCDPSession(page);
const events = [];
client.on('Tracing.dataCollected', (e) => events.push(...e.value));

/** What each long task of the renderer's main thread spent its time on. */
function breakdown() {
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = new Set([...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && e.dur > 50_000);
  for (const task of tasks) {
    const totals = new Map();
    for (const e of events) {
      if (e.ph !== 'X' || e === task || e.tid !== task.tid || e.ts < task.ts || e.ts + (e.dur ?? 0) > task.ts + task.dur) continue;
      let name = e.name;
      if (name === 'FunctionCall') name += ` ${(e.args?.data?.url ?? '').split('/').pop()}`;
      if (name === 'EventDispatch') name += ` ${e.args?.data?.type}`;
      totals.set(name, (totals.get(name) ?? 0) + e.dur);
    }
    const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${Math.round(d / 1000)}`);
    console.log(`    task ${Math.round(task.dur / 1000)} ms: ${top.join(', ')}`);
  }
}

async function step(name, action) {
  await page.evaluate(() => {
    window.__longTasks.length = 0;
    window.__longFrames.length = 0;
  });
  if (trace) {
    events.length = 0;
    await client.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  }
  const previous = await page.$eval('#rendered', (r) => Number(r.dataset.requestId ?? 0));
  await action();
  await page.waitForFunction((p) => {
    const r = document.getElementById('rendered');
    return r.dataset.state === 'done' && Number(r.dataset.requestId) > p;
  }, previous, { timeout: 300_000, polling: 200 });
  await page.waitForTimeout(1500);
  const run = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(`lede:${n}`)[0]?.startTime;
    return {
      request: mark('request'),
      result: mark('result'),
      done: mark('done'),
      status: document.getElementById('status').textContent,
      tasks: window.__longTasks.map((t) => ({ start: t.start, ms: Math.round(t.duration) })),
      scripts: window.__longFrames.flatMap((f) => f.scripts).map((s) => ({ ms: Math.round(s.duration), where: `${s.invoker} ${s.source}` })),
    };
  });
  const longest = (list) => list.reduce((a, b) => Math.max(a, b.ms), 0);
  const afterRequest = run.tasks.filter((t) => t.start >= run.request - 1);
  const rendering = run.tasks.filter((t) => t.start >= run.result - 1);
  const script = run.scripts.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, where: 'none' });
  console.log(`${name}: ${run.status}`);
  console.log(`  worker ${Math.round(run.result - run.request)} ms, rendering ${Math.round(run.done - run.result)} ms`);
  console.log(`  long tasks from the request: ${afterRequest.length}, longest ${longest(afterRequest)} ms`);
  console.log(`  long tasks once the result is in: ${rendering.length}, longest ${longest(rendering)} ms`);
  console.log(`  longest run of the page's script: ${script.ms} ms (${script.where})`);
  if (trace) {
    const complete = new Promise((resolve) => client.once('Tracing.tracingComplete', resolve));
    await client.send('Tracing.end');
    await complete;
    breakdown();
  }
}

await step(`paste ${text.length.toLocaleString('en')} characters`, () => paste(page, text));
await step('type one character at the end', async () => {
  await page.focus('#article');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('!');
});
await env.close();
