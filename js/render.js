// Builds the highlighted article from a render plan (see plan.js), with DOM
// calls only (createElement / textContent / append): the article is text, never
// HTML. Used by the page (#rendered) and by <lede-article> (its shadow root).

import { packPlan, ROLES } from './plan.js';

/** Main-thread time one slice of building may take, in ms. */
const SLICE_MS = 8;

/** Runs built between two looks at the clock. */
const RUNS_PER_CHECK = 64;

/**
 * DOM nodes the first frame of a new article may receive highlighted; the
 * other chunks go in as plain text. The browser styles every node it is
 * given; with a caret in the page (an article pasted into the textarea),
 * Chromium styles even chunks that `content-visibility: auto` would skip, at
 * about 2 µs a node, so this keeps that frame's share well under 50 ms.
 */
const NODES_AT_ONCE = 8_000;

/** How far beyond the window a plain chunk gets its highlights (a CSS margin). */
const AHEAD = '100% 0px';

/**
 * Chunks (or groups) per group. Chromium does some work for every
 * `content-visibility: auto` box it styles, and with a caret far down a long
 * text in the page (an article pasted into the textarea) that work grows
 * with the caret's offset: a few ms per box for a 10 MB paste. Nesting the
 * chunks in groups of groups means a new article has only a few such boxes
 * to style at first (the top groups, and those on the way to the screen)
 * rather than one per chunk.
 */
const GROUP_SIZE = 4;

/** Estimated height of a chunk before it is laid out, in px (as in the theme's `contain-intrinsic-size`). */
const CHUNK_HEIGHT = 6000;

/** `items` (chunks) nested in groups of at most GROUP_SIZE, level by level; the top level's nodes. */
function nestInGroups(items) {
  let level = items.map((node) => ({ node, chunks: 1 }));
  while (level.length > GROUP_SIZE) {
    const next = [];
    for (let i = 0; i < level.length; i += GROUP_SIZE) {
      const members = level.slice(i, i + GROUP_SIZE);
      const group = document.createElement('div');
      group.className = 'chunk-group';
      group.append(...members.map((m) => m.node));
      const chunks = members.reduce((n, m) => n + m.chunks, 0);
      // CSSOM, not a style attribute: allowed under a strict style-src.
      group.style.containIntrinsicSize = `auto ${chunks * CHUNK_HEIGHT}px`;
      next.push({ node: group, chunks });
    }
    level = next;
  }
  return level.map((m) => m.node);
}

/** Lets input and painting happen before the next slice of work. */
function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Index of the last value of sorted `values` (length `n`, read by `at(i)`) that is <= `x`, or -1. */
function lastAtOrBefore(n, at, x) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Renders plans into one container; a new render cancels the previous one.
 *
 * The article is split into chunks (blocks that end at line breaks). However
 * long it is and however many marks it has, no step holds the main thread
 * for long, and the browser never has to style more than a screenful of
 * highlights at once:
 * - the chunks where the reader is are built off-document, in slices of a
 *   few ms (the old article stays meanwhile), then the new article goes in
 *   at once: those chunks highlighted, every other chunk as plain text;
 * - a plain chunk gets its highlights (built then, in a few ms) when it
 *   comes within a window's height of the screen, or when something asks
 *   for one of its marks (`mark`, `pieces`, `step`, `reveal`), or for all
 *   of them before printing (`revealAll`).
 * The browser lays out only the chunks on screen (`content-visibility: auto`
 * in the theme), and the chunks are nested in groups of groups so that a
 * new article has only a few such boxes to style. Text, find-in-page and
 * selection work on plain chunks too.
 */
export class ArticleRenderer {
  /**
   * @param {HTMLElement} container where the article goes
   * @param {{ parts?: boolean }} [options] `parts`: give marks and attribution
   *   pieces `part` names (for `::part()` styling from outside a shadow root)
   */
  constructor(container, { parts = false } = {}) {
    this.container = container;
    this.exposeParts = parts;
    this.generation = 0;
    /** The article on screen: text, plan and its chunks (see `render`), or null. */
    this.view = null;
    /** The article being built, while a render is under way. */
    this.pending = null;
    /** The IntersectionObservers of the article on screen. */
    this.observers = [];
  }

  /**
   * Renders `plan` of `text`: a packed plan (`packPlan`, as the worker sends
   * it) or a plan from `planRender`. `muted(label)` says whether a label's
   * highlight is switched off; `wanted()` whether this result is still the
   * latest one; `labels`, when given, the labels to draw at all (other
   * entities are left as plain text). Resolves to true once the article is
   * in place, false when it was superseded (by a newer render, or by
   * `wanted()` turning false).
   */
  async render(text, plan, muted = () => false, wanted = () => true, { labels = null } = {}) {
    this.generation += 1;
    const generation = this.generation;
    const current = () => generation === this.generation && wanted();
    const packed = 'runCount' in plan ? plan : packPlan(text, plan);
    const count = packed.chunkStarts.length;
    const view = {
      text,
      packed,
      muted,
      drawn: packed.labels.map((label) => !labels || labels.has(label)),
      /** Text offset where each chunk starts. */
      starts: Int32Array.from(packed.chunkStarts, (r) => packed.runStart[r]),
      /** Built chunk elements (null until built) and what is in the container for each. */
      chunks: new Array(count).fill(null),
      slots: new Array(count).fill(null),
      /** Entity index → its <mark>, and attribution index → its pieces, as far as built. */
      marks: new Map(),
      parts: new Map(),
      /** Attribution index → its part indexes, and the attributions ordered by where `]` lands. */
      partsOf: null,
      targets: null,
    };
    this.pending = view;
    // The chunk where the reader is, those after it, then those before, as far as a frame's worth of nodes.
    const focus = this.chunkOnScreen(view);
    let budget = NODES_AT_ONCE;
    for (let k = 0; k < count && (k === 0 || budget > 0); k += 1) {
      const built = await this.buildChunk(view, focus + k < count ? focus + k : count - 1 - k, current);
      if (!built) return false;
      budget -= built.size;
    }
    if (!current()) return false;
    for (let c = 0; c < count; c += 1) view.slots[c] = view.chunks[c] ?? this.plainChunk(view, c);
    for (const observer of this.observers) observer.disconnect();
    this.view = view;
    this.pending = null;
    // Only a long article (several chunks) skips layout of what is off screen:
    // a short one keeps its real height wherever it is on the page.
    this.container.classList.toggle('lede-chunked', count > 1);
    this.container.replaceChildren(...nestInGroups(view.slots));
    this.watch(view);
    return true;
  }

  /** A plain-text stand-in for chunk `c` until its highlights are needed. */
  plainChunk(view, c) {
    const element = document.createElement('div');
    element.className = 'chunk';
    element.textContent = view.text.slice(view.starts[c], c + 1 < view.starts.length ? view.starts[c + 1] : view.text.length);
    element.ledeChunk = c;
    return element;
  }

  /**
   * Gives plain chunks their highlights as they come near the screen, and
   * keeps track of the chunks on screen (where the next article starts).
   */
  watch(view) {
    view.onScreen = new Set();
    this.observers = [];
    if (typeof IntersectionObserver !== 'function' || view.slots.length < 2) return;
    const near = new IntersectionObserver(
      (entries) => {
        if (this.view !== view) return;
        for (const entry of entries) {
          if (entry.isIntersecting) this.connect(view, entry.target.ledeChunk);
        }
      },
      { rootMargin: AHEAD },
    );
    const seen = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) view.onScreen.add(entry.target.ledeChunk);
        else view.onScreen.delete(entry.target.ledeChunk);
      }
    });
    view.slots.forEach((slot, c) => {
      if (slot !== view.chunks[c]) near.observe(slot);
      seen.observe(slot);
    });
    this.observers = [near, seen];
    view.seen = seen;
  }

  /**
   * Builds chunk `c` of `view` (once): its runs with the attribution parts
   * around them. With `current` (a render under way) it yields every few ms
   * and returns null if superseded meanwhile; without, it runs at once.
   */
  async buildChunk(view, c, current) {
    if (view.chunks[c]) return { size: 0 };
    const { packed, text } = view;
    const { runStart, runEnd, runEntity, runPartsAt, runParts, chunkStarts, runCount } = packed;
    const isMuted = packed.labels.map((label) => view.muted(label));
    const chunk = document.createElement('div');
    chunk.className = 'chunk';
    chunk.ledeChunk = c;
    /** Part indexes open around the current run, outermost first, and their elements. */
    const open = [];
    const stack = [chunk];
    let size = 1;
    let deadline = performance.now() + SLICE_MS;
    const end = c + 1 < chunkStarts.length ? chunkStarts[c + 1] : runCount;
    for (let r = chunkStarts[c]; r < end; r += 1) {
      // Close the parts that end here, open the ones that start (outermost first).
      const from = runPartsAt[r];
      const to = runPartsAt[r + 1];
      let keep = 0;
      while (keep < open.length && from + keep < to && open[keep] === runParts[from + keep]) keep += 1;
      open.length = keep;
      stack.length = keep + 1;
      for (let k = from + keep; k < to; k += 1) {
        const element = this.partElement(view, runParts[k], runStart[r]);
        stack[stack.length - 1].append(element);
        stack.push(element);
        open.push(runParts[k]);
        size += 1;
      }
      const piece = text.slice(runStart[r], runEnd[r]);
      const entity = runEntity[r];
      const parent = stack[stack.length - 1];
      const code = entity >= 0 ? packed.entityLabel[entity] : -1;
      if (code >= 0 && view.drawn[code]) {
        parent.append(this.markElement(view, entity, piece, isMuted[code]));
        size += 2;
      } else {
        parent.append(piece);
        size += 1;
      }
      if (current && (r - chunkStarts[c]) % RUNS_PER_CHECK === RUNS_PER_CHECK - 1 && performance.now() >= deadline) {
        await yieldToBrowser();
        if (!current()) return null;
        // A legend click meanwhile applies to the marks still to come.
        packed.labels.forEach((label, code) => {
          isMuted[code] = view.muted(label);
        });
        deadline = performance.now() + SLICE_MS;
      }
    }
    view.chunks[c] = chunk;
    return { size };
  }

  /** Puts chunk `c` of the article on screen in, highlighted (building it now if needed). */
  connect(view, c) {
    if (view.slots[c] === view.chunks[c] && view.chunks[c]) return;
    if (!view.chunks[c]) {
      // Synchronous: without `current` the build never waits.
      this.buildChunk(view, c, null);
    }
    const plain = view.slots[c];
    view.slots[c] = view.chunks[c];
    for (const observer of this.observers) observer.unobserve(plain);
    view.seen?.observe(view.chunks[c]);
    if (plain.parentNode) plain.replaceWith(view.chunks[c]);
  }

  /** The chunk of the article on screen that holds text offset `offset`. */
  chunkAt(view, offset) {
    return Math.max(0, lastAtOrBefore(view.starts.length, (i) => view.starts[i], offset));
  }

  /** The <mark> of entity `index` of the article on screen, built and put in if needed (null if not drawn). */
  mark(index) {
    const view = this.view;
    if (!view || !(index >= 0 && index < view.packed.entityCount)) return null;
    if (!view.marks.has(index)) this.connect(view, this.chunkAt(view, view.packed.entityStart[index]));
    else if (!view.marks.get(index).isConnected) this.reveal([view.marks.get(index)]);
    return view.marks.get(index) ?? null;
  }

  /** Every element (content, cue and source pieces) of attribution `index`, in text order, all put in. */
  pieces(index) {
    const view = this.view;
    if (!view || !(index >= 0 && index < view.packed.attributionCount)) return [];
    const { partStart, partEnd } = view.packed;
    for (const p of this.partsOf(view)[index]) {
      const last = this.chunkAt(view, Math.max(partStart[p], partEnd[p] - 1));
      for (let c = this.chunkAt(view, partStart[p]); c <= last; c += 1) this.connect(view, c);
    }
    return (view.parts.get(index) ?? []).slice().sort((a, b) => a.ledeStart - b.ledeStart);
  }

  /** Attribution index → its part indexes (made once per article). */
  partsOf(view) {
    if (!view.partsOf) {
      view.partsOf = Array.from({ length: view.packed.attributionCount }, () => []);
      view.packed.partAttr.forEach((attr, p) => view.partsOf[attr].push(p));
    }
    return view.partsOf;
  }

  /**
   * Keyboard navigation (navigate.js): the next (or, `backwards`, previous)
   * usable mention (`kind` "mention") or attribution (`kind` "source": its
   * source, else its quote) after the element `from` in reading order; from
   * the start (or end) when `from` is null. Muted and undrawn labels are
   * skipped. The element is put in if it was not yet. Null at either end.
   */
  step(from, kind, backwards) {
    const view = this.view;
    if (!view) return null;
    const at = from ? from.ledeStart ?? null : null;
    if (from && at === null) return null;
    const isMark = from?.localName === 'mark';
    if (kind === 'mention') {
      const { entityCount, entityStart, entityLabel, labels } = view.packed;
      const usable = (i) => view.drawn[entityLabel[i]] && !view.muted(labels[entityLabel[i]]);
      // A mark follows the piece that holds it (both may start at the same offset).
      let i;
      if (backwards) i = at === null ? entityCount - 1 : lastAtOrBefore(entityCount, (k) => entityStart[k], at - 1);
      else i = at === null ? 0 : lastAtOrBefore(entityCount, (k) => entityStart[k], isMark ? at : at - 1) + 1;
      while (i >= 0 && i < entityCount && !usable(i)) i += backwards ? -1 : 1;
      return i >= 0 && i < entityCount ? this.mark(i) : null;
    }
    const { order, offsets } = this.targets(view);
    let k;
    if (backwards) k = at === null ? order.length - 1 : lastAtOrBefore(order.length, (j) => offsets[j], isMark ? at : at - 1);
    else k = at === null ? 0 : lastAtOrBefore(order.length, (j) => offsets[j], at) + 1;
    if (k < 0 || k >= order.length) return null;
    const attr = order[k];
    const elements = this.pieces(attr);
    return elements.find((e) => e.dataset.role === 'source') ?? elements.find((e) => e.dataset.role === 'content') ?? elements[0] ?? null;
  }

  /** Attributions in the order `]` visits them: by their source's start, else their quote's. */
  targets(view) {
    if (!view.targets) {
      const { attrSpans, attributionCount } = view.packed;
      const where = (a) => (attrSpans[6 * a + 4] >= 0 ? attrSpans[6 * a + 4] : attrSpans[6 * a]);
      const order = Int32Array.from({ length: attributionCount }, (_, a) => a).sort((a, b) => where(a) - where(b) || a - b);
      view.targets = { order, offsets: Int32Array.from(order, where) };
    }
    return view.targets;
  }

  /** Makes sure `elements` (marks or attribution pieces of the article on screen) are in the document. */
  reveal(elements) {
    const view = this.view;
    if (!view) return;
    for (const element of elements) {
      if (!element || element.isConnected) continue;
      let chunk = element;
      while (chunk.parentElement) chunk = chunk.parentElement;
      if (typeof chunk.ledeChunk === 'number' && view.chunks[chunk.ledeChunk] === chunk) this.connect(view, chunk.ledeChunk);
    }
  }

  /** Puts every chunk in, highlighted (before printing: plain chunks would print plain). */
  revealAll() {
    const view = this.view;
    if (!view) return;
    for (let c = 0; c < view.slots.length; c += 1) this.connect(view, c);
  }

  /** A <span> for one piece of an attribution's content, cue or source, starting at `start`. */
  partElement(view, index, start) {
    const { packed } = view;
    const attr = packed.partAttr[index];
    const role = ROLES[packed.partRole[index]];
    const element = document.createElement('span');
    element.className = `part part-${role}`;
    element.dataset.attr = String(attr);
    element.dataset.role = role;
    element.dataset.kind = packed.kinds[packed.attrKind[attr]];
    if (this.exposeParts) element.setAttribute('part', ROLE_PART[role]);
    element.ledeStart = start;
    if (view.parts.has(attr)) view.parts.get(attr).push(element);
    else view.parts.set(attr, [element]);
    return element;
  }

  /** The <mark> of one entity; its textContent is exactly the entity text. */
  markElement(view, index, piece, muted) {
    const label = view.packed.labels[view.packed.entityLabel[index]];
    const mark = document.createElement('mark');
    mark.dataset.label = label;
    mark.dataset.entity = String(index);
    mark.title = label;
    if (this.exposeParts) mark.setAttribute('part', `mark mark-${label.toLowerCase()}`);
    if (muted) mark.classList.add('muted');
    mark.textContent = piece;
    mark.ledeStart = view.packed.entityStart[index];
    view.marks.set(index, mark);
    return mark;
  }

  /** Forgets the article on screen (its container was emptied or refilled by someone else). */
  clear() {
    this.generation += 1;
    for (const observer of this.observers) observer.disconnect();
    this.observers = [];
    this.view = null;
    this.pending = null;
  }

  /** Switches the highlight of every mark with `label` on or off. */
  setMuted(label, isMuted) {
    for (const view of [this.view, this.pending]) {
      if (!view) continue;
      for (const mark of view.marks.values()) {
        if (mark.dataset.label === label) mark.classList.toggle('muted', isMuted);
      }
    }
  }

  /**
   * The chunk of the new article to build first: the one at the text offset
   * of the first old chunk on screen (so what the reader sees is highlighted
   * at once); 0 when the article is not on screen. Asks no layout of the
   * browser: the old article's IntersectionObserver knows.
   */
  chunkOnScreen(view) {
    const old = this.view;
    if (!old?.onScreen?.size || view.starts.length < 2) return 0;
    return this.chunkAt(view, old.starts[Math.min(...old.onScreen)]);
  }
}

/** The `part` name of each attribution role (`quote` reads better than `content`). */
export const ROLE_PART = { content: 'quote', cue: 'cue', source: 'source' };

/** Scrolls `elements[0]` into view and flashes every element in `elements`. */
export function flash(elements) {
  const list = elements.filter(Boolean);
  if (list.length === 0) return;
  const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const target = list[0];
  const height = globalThis.innerHeight ?? 0;
  const box = target.getBoundingClientRect();
  // Far off, the chunks on the way have estimated heights that change as a
  // smooth scroll passes them: jump instead, and check again after a frame.
  const far = box.bottom < -height || box.top > 2 * height;
  target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced || far ? 'auto' : 'smooth' });
  if (far) {
    requestAnimationFrame(() => {
      const again = target.getBoundingClientRect();
      if (again.bottom < 0 || again.top > height) target.scrollIntoView({ block: 'center', inline: 'nearest' });
    });
  }
  for (const el of list) {
    el.classList.remove('flash');
    // Restart the animation when the same span is flashed twice in a row.
    void el.offsetWidth;
    el.classList.add('flash');
    clearTimeout(el.flashTimer);
    el.flashTimer = setTimeout(() => el.classList.remove('flash'), 1600);
  }
}
