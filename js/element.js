// <lede-article>: a custom element that highlights the names, numbers, links
// and attributions of its own text.
//
//   <script type="module" src="/lede/element.js"></script>
//   <lede-article labels="PERSON ORG PLACE" theme="light">Text to annotate…</lede-article>
//
// - Its text is its own text content, trimmed (watched for changes), or,
//   when set, its `text` property. It renders a highlighted copy in a shadow root, built
//   with DOM calls only: the text is never parsed as HTML.
// - Attributes: `labels` (space- or comma-separated labels to highlight;
//   default all), `theme` ("light", "dark", or follow the system),
//   `show-tags` (label names on every highlight), `hide-attributions`.
// - Events (bubbling, composed): `lede-select` when a mention, quote, cue or
//   source is clicked or chosen with Enter; `lede-analysed` after each
//   analysis is shown; `lede-error` when an analysis fails (the plain text
//   stays visible).
// - Styling hooks: `--lede-*` custom properties (`--lede-person-bg`, …) and
//   parts `article`, `mark`, `mark-person` (one per label), `quote`, `cue`,
//   `source`.
// Importing this module defines the element (where `customElements`
// exists); importing it in a worker or in node is harmless.

import { createAnalyser } from './analyser.js';
import { attachNavigation, NAVIGATION_HELP } from './navigate.js';
import { ArticleRenderer, ROLE_PART } from './render.js';
import { ELEMENT_THEME, themeSheet } from './theme.js';

/** The element's own layout, around the shared highlight theme. */
const ELEMENT_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
:host([theme="light"]), :host([theme="dark"]) { color: var(--lede-fg); background-color: var(--lede-bg); }
.lede-article {
  white-space: var(--lede-white-space, pre-line);
  overflow-wrap: anywhere;
  line-height: var(--lede-line-height, 1.7);
}
.lede-article:focus-visible { outline: 2px solid var(--lede-focus); outline-offset: 4px; }
mark, .part { cursor: pointer; }
.help { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

let elementSheet = null;
function sheets() {
  const theme = themeSheet(ELEMENT_THEME);
  if (!theme) return [];
  if (!elementSheet) {
    elementSheet = new CSSStyleSheet();
    elementSheet.replaceSync(ELEMENT_CSS);
  }
  return [theme, elementSheet];
}

let sharedAnalyser = null;

/**
 * The labels listed in a `labels` attribute ("PERSON ORG", "person, org"),
 * or null when the attribute is absent (all labels). Names this version does
 * not know are kept: a newer analyser may report them.
 */
function parseLabels(value) {
  if (value === null) return null;
  return new Set(value.split(/[\s,]+/).map((l) => l.toUpperCase()).filter((l) => /^[A-Z_]+$/.test(l)));
}

const Base = globalThis.HTMLElement ?? class {};

/** The `<lede-article>` element. */
export class LedeArticle extends Base {
  static observedAttributes = ['labels', 'show-tags', 'hide-attributions'];

  /**
   * The analyser every `<lede-article>` uses: one shared worker, created on
   * first use. Assign your own (`createAnalyser({ … })`) before the first
   * element connects to change where the worker or the wasm come from. It
   * should queue (`supersede: false`): elements share it.
   */
  static get analyser() {
    sharedAnalyser ??= createAnalyser({ supersede: false, name: 'lede-article' });
    return sharedAnalyser;
  }

  static set analyser(analyser) {
    sharedAnalyser = analyser;
  }

  #root;
  #container;
  #renderer;
  /** The `text` property, or null to follow the text content. */
  #text = null;
  /** The analyser's latest reply (`analyseDetailed` with the render plan, made in the worker). */
  #result = null;
  #analysedText = null;
  /** The plan on screen. */
  #plan = null;
  #generation = 0;
  #observer = null;
  #timer = 0;
  #state = 'idle';
  #error = null;
  #waiters = [];

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = sheets();
    const help = document.createElement('span');
    help.id = 'help';
    help.className = 'help';
    help.textContent = NAVIGATION_HELP;
    this.#container = document.createElement('div');
    this.#container.className = 'lede-article';
    this.#container.setAttribute('part', 'article');
    this.#container.setAttribute('role', 'region');
    this.#container.setAttribute('aria-label', 'Annotated text');
    this.#container.setAttribute('aria-describedby', 'help');
    this.#root.append(help, this.#container);
    this.#renderer = new ArticleRenderer(this.#container, { parts: true });
    attachNavigation(this.#container, {
      step: (from, kind, backwards) => this.#renderer.step(from, kind, backwards),
      onSelect: (element) => this.#select(element),
    });
    this.#container.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('mark, .part') : null;
      if (target) this.#select(clickedHighlight(target));
    });
  }

  /** Far-off chunks get their highlights when scrolled to; a printout needs them all. */
  #beforePrint = () => this.#renderer.revealAll();

  connectedCallback() {
    this.#applyClasses();
    globalThis.addEventListener?.('beforeprint', this.#beforePrint);
    this.#observer ??= new MutationObserver(() => {
      if (this.#text === null) this.#schedule(100);
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule(0);
  }

  disconnectedCallback() {
    globalThis.removeEventListener?.('beforeprint', this.#beforePrint);
    this.#observer?.disconnect();
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'labels') {
      if (this.#result && this.#analysedText === this.text) this.#show(this.#generation);
    } else this.#applyClasses();
  }

  /**
   * The text being annotated: the `text` property if set, else the text
   * content without its leading and trailing white space (the indentation
   * of the markup around it). Offsets in `analysis` are into this string.
   */
  get text() {
    return this.#text ?? (this.textContent ?? '').trim();
  }

  /** Annotates this string instead of the text content; null goes back to the text content. */
  set text(value) {
    this.#text = value === null || value === undefined ? null : String(value);
    this.#schedule(0);
  }

  /** The latest analysis (of `analysedText`), or null. */
  get analysis() {
    return this.#result?.analysis ?? null;
  }

  /** The text the latest analysis is of. */
  get analysedText() {
    return this.#analysedText;
  }

  /** "idle", "analysing", "done" or "error". */
  get state() {
    return this.#state;
  }

  /** The labels highlighted (null: all), as in the `labels` attribute. */
  get labels() {
    const set = parseLabels(this.getAttribute('labels'));
    return set ? [...set] : null;
  }

  set labels(list) {
    if (list === null || list === undefined) this.removeAttribute('labels');
    else this.setAttribute('labels', [...list].join(' '));
  }

  /** Resolves with the analysis once the current text is analysed and shown. */
  whenAnalysed() {
    if (this.#state === 'done' && this.#analysedText === this.text) return Promise.resolve(this.analysis);
    if (this.#state === 'error') return Promise.reject(this.#error);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  #applyClasses() {
    this.#container.classList.toggle('show-tags', this.hasAttribute('show-tags'));
    this.#container.classList.toggle('hide-attributions', this.hasAttribute('hide-attributions'));
  }

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#state = 'analysing';
    this.#timer = setTimeout(() => this.#analyse(), delay);
  }

  /** Settles `whenAnalysed()` promises; `value()` is only asked for when someone waits. */
  #settle(ok, value) {
    const waiters = this.#waiters.splice(0);
    if (waiters.length === 0) return;
    const settled = value();
    for (const waiter of waiters) (ok ? waiter.resolve : waiter.reject)(settled);
  }

  async #analyse() {
    const text = this.text;
    this.#generation += 1;
    const generation = this.#generation;
    if (text === this.#analysedText && this.#result) {
      await this.#show(generation);
      return;
    }
    this.#state = 'analysing';
    this.#container.setAttribute('aria-busy', 'true');
    // The plain text at once (no highlights yet), so the content never disappears.
    if (this.#container.textContent !== text) {
      const chunk = document.createElement('div');
      chunk.className = 'chunk';
      chunk.textContent = text;
      this.#container.classList.remove('lede-chunked');
      this.#container.replaceChildren(chunk);
      this.#renderer.clear();
    }
    let result;
    try {
      // The plan is made in the worker and arrives packed; the analysis is parsed only when asked for.
      result = await LedeArticle.analyser.analyseDetailed(text, undefined, { plan: true });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#state = 'error';
      this.#error = error;
      this.#container.removeAttribute('aria-busy');
      this.dispatchEvent(new CustomEvent('lede-error', { bubbles: true, composed: true, detail: { error } }));
      this.#settle(false, () => error);
      return;
    }
    if (generation !== this.#generation) return;
    this.#result = result;
    this.#analysedText = text;
    await this.#show(generation);
  }

  /** Renders the current analysis with the current `labels`. */
  async #show(generation) {
    const text = this.#analysedText;
    const result = this.#result;
    const labels = parseLabels(this.getAttribute('labels'));
    const wanted = () => generation === this.#generation;
    // Entities whose label is not shown stay plain text: no new plan, no new analysis.
    const complete = await this.#renderer.render(text, result.plan, () => false, wanted, { labels });
    if (!complete) return;
    this.#plan = result.plan;
    this.#state = 'done';
    this.#container.removeAttribute('aria-busy');
    const detail = {
      text,
      get analysis() {
        return result.analysis;
      },
    };
    this.dispatchEvent(new CustomEvent('lede-analysed', { bubbles: true, composed: true, detail }));
    this.#settle(true, () => result.analysis);
  }

  #select(element) {
    const plan = this.#plan;
    if (!plan || !this.#result) return;
    const analysis = this.#result.analysis;
    const isMark = element.localName === 'mark';
    // A piece that is exactly one name (a source "Priya Natarajan") also reports that name.
    const mark = isMark ? element : soleMark(element);
    const part = isMark ? element.parentElement?.closest('.part') : element.closest('.part');
    const planEntity = mark ? Number(mark.dataset.entity) : -1;
    const planAttr = part && this.#container.contains(part) ? Number(part.dataset.attr) : -1;
    const entityIndex = planEntity >= 0 ? plan.entityIndex[planEntity] ?? -1 : -1;
    const attributionIndex = planAttr >= 0 ? plan.attributionIndex[planAttr] ?? -1 : -1;
    const role = planAttr >= 0 ? part.dataset.role : null;
    const detail = {
      type: isMark ? 'mention' : ROLE_PART[role] ?? 'quote',
      entity: entityIndex >= 0 ? analysis.entities[entityIndex] : null,
      entityIndex,
      attribution: attributionIndex >= 0 ? analysis.attributions[attributionIndex] : null,
      attributionIndex,
      role,
    };
    this.dispatchEvent(new CustomEvent('lede-select', { bubbles: true, composed: true, detail }));
  }
}

/** The mark that fills `part` entirely (its only content), or null. */
function soleMark(part) {
  const only = part.firstChild;
  return only && only === part.lastChild && only.localName === 'mark' ? only : null;
}

/**
 * What a click on `target` (the innermost mark or attribution piece under the
 * pointer) selects: a mark that fills its attribution piece entirely (a source
 * that is exactly one name) selects the piece, which a pointer could not reach
 * otherwise; the event still names the entity. A mark that is only part of a
 * piece (a name inside a quote) selects the mention.
 */
function clickedHighlight(target) {
  if (target.localName !== 'mark') return target;
  const part = target.parentElement;
  return part?.classList.contains('part') && soleMark(part) === target ? part : target;
}

/**
 * Defines the element as `name` (default "lede-article"; another name gets
 * a subclass). Does nothing where there are no custom elements or the name
 * is taken.
 */
export function defineLedeArticle(name = 'lede-article') {
  const registry = globalThis.customElements;
  if (!registry || registry.get(name)) return;
  registry.define(name, name === 'lede-article' ? LedeArticle : class extends LedeArticle {});
}

defineLedeArticle();
