// Types of 'lede/element': the <lede-article> custom element. Needs the DOM
// library ("lib": ["DOM", …] in tsconfig.json).

import type { Analyser, Analysis, Attribution, Entity, Label } from './index.js';

/** `event.detail` of "lede-select": what was clicked or chosen with Enter. */
export interface LedeSelectDetail {
  /** A mention (entity mark), or a piece of an attribution. */
  type: 'mention' | 'quote' | 'cue' | 'source';
  /**
   * The entity, for a mention or for a quote, cue or source piece that is
   * exactly one name (clicking a source box that holds only a name selects the
   * source); else null.
   */
  entity: Entity | null;
  /** Its index in `analysis.entities`, or -1. */
  entityIndex: number;
  /** The innermost attribution around the selection, if any. */
  attribution: Attribution | null;
  /** Its index in `analysis.attributions`, or -1. */
  attributionIndex: number;
  /** Which part of that attribution, if any. */
  role: 'content' | 'cue' | 'source' | null;
}

/** `event.detail` of "lede-analysed". */
export interface LedeAnalysedDetail {
  analysis: Analysis;
  text: string;
}

/** `event.detail` of "lede-error". */
export interface LedeErrorDetail {
  error: Error;
}

/** The element's events (they bubble and cross shadow roots). */
export interface LedeArticleEventMap extends HTMLElementEventMap {
  'lede-select': CustomEvent<LedeSelectDetail>;
  'lede-analysed': CustomEvent<LedeAnalysedDetail>;
  'lede-error': CustomEvent<LedeErrorDetail>;
}

/** `<lede-article>`: highlights its own text (or its `text` property) in a shadow root. */
export declare class LedeArticle extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The analyser all elements share (created on first use; assign your own before). */
  static analyser: Analyser;
  /** The text annotated (offsets are into it): the `text` property if set, else the trimmed text content. */
  get text(): string;
  /** Annotate this string instead of the text content; null goes back to the text content. */
  set text(value: string | null | undefined);
  /** The latest analysis, or null. */
  readonly analysis: Analysis | null;
  /** The text the latest analysis is of, or null. */
  readonly analysedText: string | null;
  readonly state: 'idle' | 'analysing' | 'done' | 'error';
  /** The labels highlighted (the `labels` attribute); null for all. */
  get labels(): Label[] | null;
  set labels(value: Iterable<Label> | null | undefined);
  /** Resolves with the analysis once the current text is analysed and shown. */
  whenAnalysed(): Promise<Analysis>;
  addEventListener<K extends keyof LedeArticleEventMap>(
    type: K,
    listener: (this: LedeArticle, event: LedeArticleEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof LedeArticleEventMap>(
    type: K,
    listener: (this: LedeArticle, event: LedeArticleEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Defines the element under `name` (default "lede-article"; done on import). */
export function defineLedeArticle(name?: string): void;

declare global {
  interface HTMLElementTagNameMap {
    'lede-article': LedeArticle;
  }
}
