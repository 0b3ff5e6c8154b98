// A dedicated worker that uses Lede directly: the main entry point needs no
// DOM types.

import { analyse, createAnalyser, init, toCSV, toWebAnnotation, type Analysis } from 'lede';

declare const self: DedicatedWorkerGlobalScope;

await init();
self.addEventListener('message', (event: MessageEvent<string>) => {
  const analysis: Analysis = analyse(event.data);
  self.postMessage({ csv: toCSV(event.data, analysis), annotations: toWebAnnotation(event.data, analysis) });
});
const nested = createAnalyser({ worker: false });
void nested.analyse('In a worker').then((a) => a.entities.length);
