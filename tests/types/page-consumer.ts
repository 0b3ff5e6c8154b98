// A consumer page, written the way the README tells people to: every entry
// point, every returned object, the element and its events. `@ts-expect-error`
// lines prove the types are precise (they fail if a type decays to `any`).

import {
  analyse,
  createAnalyser,
  init,
  LABELS,
  labelName,
  toCSV,
  toHTML,
  toJSON,
  toWebAnnotation,
  version,
  type Analyser,
  type Analysis,
  type Attribution,
  type Entity,
  type Label,
  type Options,
  type TextSpan,
} from 'lede';
import { createAnalyser as createFromSubpath, type DetailedResult } from 'lede/analyser';
import { LedeArticle, type LedeSelectDetail } from 'lede/element';
import { toCSV as toCSVFromSubpath, type WebAnnotationCollection } from 'lede/exports';
import initWasm, { analyse as analyseRaw } from 'lede/wasm';

// ----- on the main thread -------------------------------------------------------
await init();
const text = '“We will hold the line,” said Mayor Karen Bass, according to @city_hall.';
const options: Options = { labels: ['PERSON', 'HANDLE'], attributions: true };
const analysis: Analysis = analyse(text, options);
const v: string = version() + analysis.version;
const unit: 'utf16' = analysis.offsets;

for (const entity of analysis.entities) {
  const label: Label = entity.label;
  const exact: boolean = text.slice(entity.start, entity.end) === entity.text;
  const group: number | null | undefined = entity.group;
  console.log(label, labelName(label), exact, group);
}
for (const a of analysis.attributions) {
  const quote: TextSpan = a.content;
  const source: string = a.source?.text ?? 'no named source';
  const cue: TextSpan | null = a.cue;
  // Fields of newer versions are optional.
  const type: string = a.source_type ?? '';
  const stance = a.stance;
  const confidence: number | undefined = a.confidence;
  const handle: string | undefined = a.post?.handle?.text;
  const parts: TextSpan[] = a.content_parts ?? [quote];
  console.log(source, cue, type, stance, confidence, handle, parts.length);
}
const names: string[] = (analysis.groups ?? []).map((g) => g.name);
const hedges = analysis.hedged_claims?.map((h) => h.hedge.text);
const sentences: TextSpan[] | undefined = analysis.sentences;
console.log(v, unit, names, hedges, sentences, LABELS[0]?.group);

// @ts-expect-error: unknown options are type errors
analyse(text, { labelz: ['PERSON'] });
// @ts-expect-error: labels are a closed set
analyse(text, { labels: ['PEOPLE'] });
// @ts-expect-error: the text must be a string
analyse(42);

// ----- in a worker ------------------------------------------------------------------
const analyser: Analyser = createAnalyser({ supersede: true, name: 'my-analyser' });
const ready: string = await analyser.ready;
try {
  const latest: Analysis = await analyser.analyse(text, { labels: ['HANDLE'] });
  const detailed: DetailedResult = await createFromSubpath({ worker: false }).analyseDetailed(text, null, { plan: true });
  const firstRun: number | undefined = detailed.plan?.runEntity[0];
  console.log(ready, latest.entities.length, detailed.stats.ms, firstRun, analyser.version, analyser.mode);
} catch (err) {
  if (err instanceof DOMException && err.name === 'AbortError') console.log('superseded');
  else throw err;
}
const controller = new AbortController();
void analyser.analyse(text, undefined, { signal: controller.signal }).catch(() => undefined);
controller.abort();
// @ts-expect-error: analyse returns a Promise in the worker API
const notSync: Analysis = analyser.analyse(text);
console.log(notSync);

// ----- exports --------------------------------------------------------------------
const json: string = toJSON(text, analysis, { space: 0 });
const csv: string = toCSV(text, analysis, { bom: true, offsets: 'codepoints' }) + toCSVFromSubpath(text, analysis);
const annotations: WebAnnotationCollection = toWebAnnotation(text, analysis, { source: 'https://example.org/story' });
const firstSelector = annotations.first.items[0]?.target.selector[0];
const start: number | undefined = firstSelector?.start;
const html: string = toHTML(text, analysis, { theme: 'dark', labels: ['PERSON'] });
console.log(json, csv, start, html);
// @ts-expect-error: offsets are utf16 or codepoints
toCSV(text, analysis, { offsets: 'bytes' });

// ----- the element ------------------------------------------------------------------
const element = document.querySelector('lede-article');
if (element) {
  const same: LedeArticle = element;
  same.labels = ['PERSON', 'ORG'];
  same.text = 'Annotate this instead.';
  same.text = null;
  const current: string = same.text;
  same.addEventListener('lede-select', (event) => {
    const detail: LedeSelectDetail = event.detail;
    const entity: Entity | null = detail.entity;
    const attribution: Attribution | null = detail.attribution;
    console.log(detail.type, entity?.label, attribution?.kind, detail.role);
  });
  same.addEventListener('lede-analysed', (event) => console.log(event.detail.analysis.entities.length));
  same.addEventListener('lede-error', (event) => console.error(event.detail.error.message));
  const done: Analysis = await same.whenAnalysed();
  console.log(current, done, same.state, same.analysis?.version);
}
const created: LedeArticle = document.createElement('lede-article');
created.setAttribute('theme', 'dark');
LedeArticle.analyser = createAnalyser({ supersede: false });

// ----- the raw wasm-bindgen module ---------------------------------------------------------
await initWasm();
const raw: Analysis = analyseRaw(text);
console.log(raw.entities.length);
