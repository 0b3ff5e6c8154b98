// The lesson page's own script: a few lines around <lede-article>.

import './pkg/element.js';
import { toCSV } from './pkg/exports.js';

const report = document.getElementById('report');
const selection = document.getElementById('selection');

// What was clicked (or chosen with Enter) in the report.
report.addEventListener('lede-select', (event) => {
  const { type, entity, attribution } = event.detail;
  if (type === 'mention' && entity) {
    selection.textContent = `“${entity.text}” is a ${entity.label.toLowerCase()} mention.`;
  } else if (attribution) {
    const source = attribution.source ? attribution.source.text : 'no named source';
    selection.textContent = `${source} → “${attribution.content.text}” (${attribution.kind.replaceAll('_', ' ')}).`;
  }
});

document.getElementById('tags').addEventListener('change', (event) => {
  report.toggleAttribute('show-tags', event.target.checked);
});

document.getElementById('theme').addEventListener('change', (event) => {
  if (event.target.value) report.setAttribute('theme', event.target.value);
  else report.removeAttribute('theme');
});

// The quotes as a spreadsheet, straight from the element's analysis.
document.getElementById('csv').addEventListener('click', async () => {
  const analysis = await report.whenAnalysed();
  const csv = toCSV(report.analysedText, analysis, { bom: true });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = 'lesson-4-quotes.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
});

// A second element that annotates a property instead of its own content.
const ownText = document.getElementById('own-text');
const ownArticle = document.getElementById('own-article');
ownArticle.text = ownText.value;
ownText.addEventListener('input', () => {
  ownArticle.text = ownText.value;
});
