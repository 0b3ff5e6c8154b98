// Types of 'lede/analyser' (declared in index.d.ts).
export { createAnalyser } from './index.js';
export type {
  Analyser,
  AnalyserOptions,
  AnalysisStats,
  DetailedRequestControl,
  DetailedResult,
  RenderPlan,
  RequestControl,
  TrustedScriptURLLike,
} from './index.js';
