// Types of 'lede/analyser' (declared in index.d.ts).
export { createAnalyser } from './index.js';
export type {
  Analyser,
  AnalyserOptions,
  AnalysisStats,
  DetailedRequestControl,
  DetailedResult,
  EntityCard,
  Sidebar,
  SidebarSource,
  SidebarSourceType,
  SourcingCounts,
  RenderPlan,
  RequestControl,
  TrustedScriptURLLike,
} from './index.js';
