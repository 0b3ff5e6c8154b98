// Full-analysis throughput of Lede's wasm against compromise and wink-nlp,
// in one node process, on real article text: the `text` of each PolNeAR
// train article is one document. Prints MB/s (UTF-8 bytes) for each
// library, the median of several timed runs after a warm-up, and the ratio.
//
//   node bench/throughput.mjs [DATA] [--mb 2.5] [--runs 5] [--skip compromise]
//
// The articles are read from DATA (default ../shared/data); they are never
// copied into the project.

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const data = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--'))) ?? '../shared/data';
const targetMB = flag('--mb', 2.5);
const runs = flag('--runs', 5);

const file = join(data, 'polnear', 'train.jsonl');
if (!existsSync(file)) {
  console.error(`bench: ${file} not found: the PolNeAR articles live in ../shared/data (set DATA=…)`);
  process.exit(2);
}
const docs = [];
let bytes = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const text = JSON.parse(line).text;
  docs.push(text);
  bytes += Buffer.byteLength(text, 'utf8');
  if (bytes >= targetMB * 1e6) break;
}

const pkg = new URL('../www/pkg/', import.meta.url);
const lede = await import(new URL('lede.js', pkg));
lede.initSync({ module: readFileSync(new URL('lede_bg.wasm', pkg)) });
const nlp = (await import('compromise')).default;
const winkNLP = (await import('wink-nlp')).default;
const model = (await import('wink-eng-lite-web-model')).default;
const wink = winkNLP(model);
const its = wink.its;

// What "full analysis" means for each library: everything it offers that
// is comparable to Lede's report (tokens, sentences, entities).
const libs = {
  lede: (t) => lede.analyse(t).entities.length,
  // Lede without attributions: their overhead is lede vs this.
  'lede-entities': (t) => lede.analyse(t, { attributions: false }).entities.length,
  'wink-nlp': (t) => {
    const d = wink.readDoc(t);
    return d.entities().out(its.detail).length + d.sentences().length();
  },
  compromise: (t) => {
    const d = nlp(t);
    return d.people().length + d.places().length + d.organizations().length;
  },
};

function timeOnce(fn) {
  const t0 = performance.now();
  let n = 0;
  for (const t of docs) n += fn(t);
  const secs = (performance.now() - t0) / 1000;
  return { secs, n };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const mb = bytes / 1e6;
const skip = args.filter((a, i) => args[i - 1] === '--skip');
const active = Object.entries(libs).filter(([name]) => !skip.includes(name));
for (const [, fn] of active) timeOnce(fn); // warm-up
// Runs are interleaved (lede, wink, compromise, lede, …) so that a busy
// machine slows every library alike.
const speeds = Object.fromEntries(active.map(([name]) => [name, []]));
for (let r = 0; r < runs; r++) {
  for (const [name, fn] of active) speeds[name].push(mb / timeOnce(fn).secs);
}
const result = Object.fromEntries(active.map(([name]) => [name, median(speeds[name])]));
const fmt = (x) => x.toFixed(2);
console.log(
  `bench: ${docs.length} PolNeAR articles, ${fmt(mb)} MB, median of ${runs} runs: ` +
    Object.entries(result).map(([k, v]) => `${k} ${fmt(v)} MB/s`).join(', ') +
    ` | lede/wink ${fmt(result.lede / result['wink-nlp'])}x` +
    (result['lede-entities']
      ? `, attribution overhead ${((result['lede-entities'] / result.lede - 1) * 100).toFixed(0)}%`
      : '') +
    (result.compromise ? `, lede/compromise ${fmt(result.lede / result.compromise)}x` : ''),
);
