// Types of 'lede/exports' (declared in index.d.ts).
export { codePointMapper, escapeHtml, toCSV, toHTML, toJSON, toWebAnnotation } from './index.js';
export type {
  CSVExportOptions,
  HTMLExportOptions,
  JSONExportOptions,
  SpecificResourceBody,
  TextPositionSelector,
  TextQuoteSelector,
  TextualBody,
  WebAnnotation,
  WebAnnotationCollection,
  WebAnnotationOptions,
} from './index.js';
