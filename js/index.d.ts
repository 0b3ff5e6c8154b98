// Types of the Lede package. The core shapes that the wasm module reports
// today (Label, TextSpan, Options, AttributionKind) come from the
// wasm-bindgen declarations (lede.d.ts, written from src/wasm.rs) and are
// re-exported here; this file is the single full source of truth for
// everything else, including fields that newer Lede versions add (declared
// optional, so code written now keeps type-checking).

import type { AttributionKind, EntityGroup, InitInput, Label, Options, SyncInitInput, TextSpan } from './lede.js';

export type { AttributionKind, EntityGroup, Label, Options, TextSpan };

// ----- the analysis -------------------------------------------------------------

/** One entity mention: `text.slice(start, end) === entity.text`. */
export interface Entity extends TextSpan {
  label: Label;
  /** Index into `Analysis.groups` of the entity this mentions; null for DATE, MONEY … and unpaired handles. */
  group: number | null;
}

/** Who the source is; "self" is the writer or speaker (I, we), "pronoun" an unresolved pronoun. */
export type SourceType =
  | 'named_person'
  | 'named_org'
  | 'anonymous'
  | 'group'
  | 'document'
  | 'self'
  | 'pronoun'
  | 'unknown';

/** The attitude of the cue towards what it attributes ("neutral" without a cue). */
export type Stance = 'neutral' | 'assertive' | 'concessive' | 'negative' | 'written' | 'question' | 'belief';

/** The trailer of a pasted social-media post; any part may be missing. */
export interface SocialPost {
  author: TextSpan | null;
  handle: TextSpan | null;
  date: TextSpan | null;
  link: TextSpan | null;
}

/** Who said what. */
export interface Attribution {
  kind: AttributionKind;
  /** The attributed words (inside the quote marks); the cover of `content_parts`. */
  content: TextSpan;
  /** The pieces of the content: one, or more for a split or multi-paragraph quote. */
  content_parts: TextSpan[];
  /** "said", "according to", or null. */
  cue: TextSpan | null;
  /** The source as written ("Karen Bass", "officials", "she"), or null. */
  source: TextSpan | null;
  /** The kind of source; null exactly when `source` is null. */
  source_type: SourceType | null;
  /** For a pronoun source, the named mention it refers to, else null. */
  resolved_source: TextSpan | null;
  /** Index into `Analysis.groups` of the person or organisation the source names (directly or through `resolved_source`), or null. */
  source_group: number | null;
  /** The cue's stance ("neutral" without a cue). */
  stance: Stance;
  /** A hedge on the attribution ("reportedly"), or null. */
  hedge: TextSpan | null;
  /** Heuristic confidence in [0, 1], two decimals. */
  confidence: number;
  /** The post's trailer for kind "social_post", else null. */
  post: SocialPost | null;
}

/** A claim hedged without any source ("The mayor reportedly plans to resign"). */
export interface HedgedClaim {
  /** The claim (its sentence). */
  content: TextSpan;
  /** The hedge ("reportedly", "is said to"), inside the claim. */
  hedge: TextSpan;
}

/** The result of `analyse`: every offset is in UTF-16 code units (JavaScript string indices). */
export interface Analysis {
  version: string;
  offsets: 'utf16';
  /** Entity mentions in text order; they never overlap. */
  entities: Entity[];
  /** Attributions in text order. */
  attributions: Attribution[];
  /** Claims hedged without a source, in text order. */
  hedged_claims: HedgedClaim[];
  /** Entity groups: one per person, organisation, place … with all its mentions, most salient first. */
  groups: EntityGroup[];
  /** Present when `options.sentences` is true. */
  sentences?: TextSpan[];
  /** Present when `options.tokens` is true. */
  tokens?: TextSpan[];
}

// ----- the analyser on the calling thread --------------------------------------------

/**
 * Loads the analyser: without an argument, `lede_bg.wasm` next to the
 * module (fetched in pages and workers, read from disk in node); or a URL,
 * `Response`, bytes or `WebAssembly.Module`. Safe to call more than once.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Loads the analyser synchronously from bytes or a compiled module. */
export function initSync(input: SyncInitInput | { module: SyncInitInput }): void;

/** Whether `init` or `initSync` has completed. */
export function isInitialised(): boolean;

/**
 * Analyses `text` (after `init`). Throws an `Error` saying what to fix on a
 * non-string text, an unknown or mistyped option, or a missing `init()`.
 */
export function analyse(text: string, options?: Options | null): Analysis;

/** Lede's version. */
export function version(): string;

// ----- the analyser in a worker ----------------------------------------------------

/** A TrustedScriptURL (Trusted Types), or anything else `new Worker()` accepts. */
export interface TrustedScriptURLLike {
  toString(): string;
  toJSON(): string;
}

/** Options of `createAnalyser`; all optional. */
export interface AnalyserOptions {
  /** Run in a dedicated worker (default where `Worker` exists) or on the calling thread. */
  worker?: boolean;
  /** This package's worker.js, when not next to analyser.js (e.g. after bundling). */
  workerUrl?: string | URL | TrustedScriptURLLike;
  /** Where lede_bg.wasm is, when not next to the worker. */
  wasmUrl?: string | URL;
  /** A new call cancels the calls still pending (default true); false queues them. */
  supersede?: boolean;
  /** A Trusted Types policy to make the worker URL with (default: the policy "lede-worker"). */
  trustedTypesPolicy?: { createScriptURL(url: string): unknown };
  /** The worker's name in developer tools. */
  name?: string;
}

/** Per-call control. */
export interface RequestControl {
  /** Aborting rejects the call with the signal's reason. */
  signal?: AbortSignal;
}

/** Per-call control of `analyseDetailed`. */
export interface DetailedRequestControl extends RequestControl {
  /** Also compute the render plan (in the worker). */
  plan?: boolean;
  /** With `plan`: also put the hedged claims in the plan and compute the `sidebar` (in the worker). */
  sidebar?: boolean;
}

/** Timing and counters of one analysis. */
export interface AnalysisStats {
  /** Time spent in the analyser, in ms. */
  ms: number;
  words: number;
  /** Length of the text in UTF-16 code units. */
  chars: number;
  /** Analyses run by this worker so far. */
  analysed: number;
  /** Requests this worker dropped because newer ones superseded them. */
  dropped: number;
}

/**
 * How to draw an analysis (used by the page and the element), packed for a
 * cheap trip from the worker: typed arrays (transferred, not copied) and each
 * label or kind name once; texts are slices of the analysed text.
 *
 * Runs tile the text: run `r` is `[runStart[r], runEnd[r])`, shows entity
 * `runEntity[r]` (-1: none) and lies inside the parts
 * `runParts[runPartsAt[r] .. runPartsAt[r + 1])`, outermost first. Part `p`
 * is a piece of attribution `partAttr[p]` with role `partRole[p]`
 * (0 content, 1 cue, 2 source). Attribution `a` has kind
 * `kinds[attrKind[a]]` and spans `attrSpans[6a .. 6a + 6)`: content, cue,
 * source (start, end; -1 when absent); `attrExtra[a]` holds its other fields
 * as JSON ('' when none). Entity `e` is `[entityStart[e], entityEnd[e])`
 * labelled `labels[entityLabel[e]]`; identical mentions (same label and
 * text) share `entityGroup[e]` (numbered in order of first mention), and
 * group `g`'s mentions are `groupMentions[groupAt[g] .. groupAt[g + 1])`.
 */
export interface RenderPlan {
  /** Length of the analysed text, in UTF-16 code units. */
  length: number;
  labels: string[];
  kinds: string[];
  entityCount: number;
  entityStart: Int32Array;
  entityEnd: Int32Array;
  entityLabel: Uint16Array;
  entityGroup: Int32Array;
  groupCount: number;
  groupAt: Int32Array;
  groupMentions: Int32Array;
  /** Attributions `0 .. attributionCount`; hedged claims (a plan made for a sidebar) follow them. */
  attributionCount: number;
  /** Hedged claims, as attributions of kind "hedged_claim" (claim → content, hedge → cue); 0 unless asked for. */
  claimCount: number;
  attrKind: Uint16Array;
  attrSpans: Int32Array;
  attrExtra: string[];
  partAttr: Int32Array;
  partRole: Uint8Array;
  partStart: Int32Array;
  partEnd: Int32Array;
  runCount: number;
  runStart: Int32Array;
  runEnd: Int32Array;
  runEntity: Int32Array;
  runPartsAt: Int32Array;
  runParts: Int32Array;
  /** Run indexes that begin a block (just after a line break, never inside an entity). */
  chunkStarts: Int32Array;
  /** Spans that did not match the text and were left out. */
  skipped: number;
  /** Plan entity index → index in the analysis. */
  entityIndex: Int32Array;
  /** Plan attribution index → index in the analysis. */
  attributionIndex: Int32Array;
}

/** What `analyseDetailed` resolves to. */
export interface DetailedResult {
  /** The analysis; with a plan it is parsed on first read (the plan alone is enough to draw). */
  readonly analysis: Analysis;
  /** Present when asked for with `{ plan: true }`. */
  plan?: RenderPlan;
  /** Present when asked for with `{ plan: true, sidebar: true }`. */
  sidebar?: Sidebar;
  stats: AnalysisStats;
}

/** A source type, or "none" for statements without any source. */
export type SidebarSourceType = SourceType | 'none';

/** The counts of the sourcing summary line. */
export interface SourcingCounts {
  /** Attributed statements (attributions). */
  statements: number;
  /** Distinct named sources (people and organisations, by entity group). */
  named: number;
  /** Distinct anonymous sources (by description). */
  anonymous: number;
  /** Distinct other sources: groups, documents, the writer, unresolved pronouns. */
  other: number;
  /** Statements that are social posts. */
  social: number;
  /** Claims hedged with no source. */
  hedged: number;
}

/** One source in the sidebar: an entity group, or a description as written. */
export interface SidebarSource {
  /** The group's name ("Dana Whitfield", however this statement wrote it), else the description. */
  name: string;
  type: SidebarSourceType;
  /** Index into `Analysis.groups`, or null. */
  group: number | null;
  /** Index into `Sidebar.cards` of its entity card, or -1. */
  card: number;
  /** Plan attribution indexes of what it said, in text order. */
  statements: Int32Array;
  /** Words inside its direct and mixed quotes. */
  quotedWords: number;
  /** UTF-16 offset of its first statement. */
  first: number;
}

/** One entity card: an entity group, or identical mentions without a group (dates, numbers …). */
export interface EntityCard {
  /** Index into `Analysis.groups`, or null for mentions without a group. */
  group: number | null;
  label: Label;
  name: string;
  aliases: string[];
  roles: string[];
  handles: string[];
  variants: string[];
  ambiguous: boolean;
  /** Names of the groups an ambiguous one could be. */
  candidates: string[];
  /** 0 to 1 (0 without a group). */
  salience: number;
  /** How many statements it is the source of. */
  statements: number;
  /** Index into `Sidebar.sources`, or -1. */
  source: number;
  /** Role nouns that refer to it ("the mayor"). */
  roleMentions: number;
  /** Plan entity indexes of its mentions, in text order. */
  mentions: Int32Array;
}

/** What the page's sources panel and entity cards show (made in the worker; indexes are plan indexes). */
export interface Sidebar {
  summary: SourcingCounts;
  /** Most statements first. */
  sources: SidebarSource[];
  /** Plan attribution index → index into `sources`. */
  attrSource: Int32Array;
  /** By label (legend order), then salience. */
  cards: EntityCard[];
}

/** The analyser in a worker: every call returns a Promise. */
export interface Analyser {
  /** Resolves to Lede's version once the wasm has loaded; rejects with the reason it cannot. */
  readonly ready: Promise<string>;
  /** Lede's version once ready, else null. */
  readonly version: string | null;
  readonly mode: 'worker' | 'inline';
  /**
   * Analyses `text`. Rejects with an `Error` (message starting "lede") on bad
   * text or options or a failed worker, and with a `DOMException` named
   * "AbortError" when a newer call supersedes it or it is cancelled.
   */
  analyse(text: string, options?: Options | null, control?: RequestControl): Promise<Analysis>;
  /** `analyse` with timing, and the render plan on request. */
  analyseDetailed(text: string, options?: Options | null, control?: DetailedRequestControl): Promise<DetailedResult>;
  /** Rejects every pending call with an AbortError. */
  cancel(): void;
  /** Stops the worker; pending and later calls reject with an AbortError. */
  terminate(): void;
}

/** Starts an analyser (in a dedicated worker where possible). */
export function createAnalyser(options?: AnalyserOptions): Analyser;

// ----- exports ---------------------------------------------------------------

/** Options of `toJSON`. */
export interface JSONExportOptions {
  /** Include the analysed text (default true). */
  text?: boolean;
  /** Indentation, as for `JSON.stringify` (default 2). */
  space?: number | string;
}

/** The analysis (with the text first, by default) as JSON text. */
export function toJSON(text: string, analysis: Analysis, options?: JSONExportOptions): string;

/** Options of `toCSV`. */
export interface CSVExportOptions {
  /** Offset unit, named in the column headers: "utf16" (default) or "codepoints". */
  offsets?: 'utf16' | 'codepoints';
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8 (default false). */
  bom?: boolean;
  /** Prefix cells starting with = + - @ (or tab, CR) with an apostrophe (default true). */
  formulaSafe?: boolean;
}

/**
 * The attributions as CSV (RFC 4180, CRLF rows, text cells quoted): columns
 * source, source_type, kind, cue, stance, quote, quote/source/cue start and
 * end offsets (unit in the column name), confidence. A quotation split
 * around its cue is quoted as its `content_parts` joined with ` … `; its
 * offsets are the whole span's.
 */
export function toCSV(text: string, analysis: Analysis, options?: CSVExportOptions): string;

/** W3C Web Annotation: a position in Unicode code points. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** W3C Web Annotation: the exact words with some context. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** A text body of an annotation. */
export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'describing';
  value: string;
  format: 'text/plain';
  language?: string;
}

/** A body that points into the same text (an attribution's source). */
export interface SpecificResourceBody {
  type: 'SpecificResource';
  purpose: 'identifying';
  source: string;
  selector: [TextPositionSelector, TextQuoteSelector];
}

/** One annotation: an entity ("tagging") or an attribution ("describing"). */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | 'describing';
  generator: { type: 'Software'; name: string };
  body: TextualBody | Array<TextualBody | SpecificResourceBody>;
  target: { source: string; selector: [TextPositionSelector, TextQuoteSelector] };
}

/** The JSON-LD document `toWebAnnotation` returns. */
export interface WebAnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: number; items: WebAnnotation[] };
}

/** Options of `toWebAnnotation`. */
export interface WebAnnotationOptions {
  /** IRI of the annotated document (default: a urn: made from the text's hash). */
  source?: string;
  /** The collection's label. */
  label?: string;
}

/** One W3C Web Annotation per entity and per attribution (JSON-LD, as an object). */
export function toWebAnnotation(text: string, analysis: Analysis, options?: WebAnnotationOptions): WebAnnotationCollection;

/** Options of `toHTML`. */
export interface HTMLExportOptions {
  /** The document's title (default: the article's first line). */
  title?: string;
  /** "auto" follows the reader's system (default). */
  theme?: 'auto' | 'light' | 'dark';
  /** Entity labels to highlight (default: all). */
  labels?: Label[];
  /** The document's language (default "en"). */
  lang?: string;
}

/** The highlighted article as one self-contained HTML document (inline CSS, no script). */
export function toHTML(text: string, analysis: Analysis, options?: HTMLExportOptions): string;

/** Escapes & < > " ' for HTML text and attribute values. */
export function escapeHtml(value: unknown): string;

/** Maps UTF-16 offsets of `text` to code point offsets (one pass for all `offsets`). */
export function codePointMapper(text: string, offsets: number[]): (offset: number) => number | undefined;

// ----- labels and theme ------------------------------------------------------------

/** A label with its display name and family. */
export interface LabelInfo {
  label: Label;
  name: string;
  group: 'names' | 'numbers' | 'web';
}

/** Every label, in legend order. */
export const LABELS: readonly LabelInfo[];

/** Display name of a label ("Organisation" for ORG). */
export function labelName(label: string): string;

/** Display names of the attribution kinds. */
export const KINDS: Readonly<Record<AttributionKind, string>>;

/** Display name of an attribution kind. */
export function kindName(kind: string): string;

/** One theme's colours: `--lede-<name>` values, and per label `[background, underline]`. */
export interface Palette {
  'mark-fg': string;
  'tag-bg': string;
  'tag-fg': string;
  'quote-bg': string;
  'quote-line': string;
  'cue-line': string;
  'source-line': string;
  focus: string;
  flash: string;
  fg: string;
  bg: string;
  labels: Record<Label | 'unknown', readonly [background: string, underline: string]>;
}

/** The light and dark highlight palettes. */
export const PALETTES: { readonly light: Palette; readonly dark: Palette };

/** Selectors the theme's variables hang on. */
export interface ThemeScope {
  /** Carries the light variables (default ":root"). */
  root?: string;
  /** An explicit dark theme (default ':root[data-theme="dark"]'). */
  dark?: string;
  /** Follows the system's dark mode (default ':root:not([data-theme="light"])'). */
  auto?: string;
}

/** The highlight stylesheet (marks, attribution parts, tags, print) as CSS text. */
export function themeCss(scope?: ThemeScope): string;
