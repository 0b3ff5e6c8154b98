// Builds the highlighted article from a render plan (see plan.js), with DOM
// calls only (createElement / textContent / append): the article is text, never
// HTML. Used by the page (#rendered) and by <lede-article> (its shadow root).

import { packPlan, ROLES } from './plan.js';

/** Main-thread time one slice of building may take, in ms. */
const SLICE_MS = 8;

/** Runs built between two looks at the clock. */
const RUNS_PER_CHECK = 64;

/**
 * DOM nodes put into the live article per frame. The browser styles every
 * node it is given in the next frame; with a caret or selection in the page
 * (a pasted article in the textarea), Chromium styles even the chunks that
 * `content-visibility: auto` would skip, at about 2 µs a node. 8,000 nodes
 * keep each frame's share well under 50 ms.
 */
const NODES_PER_FRAME = 8_000;

/** Lets input and painting happen before the next slice of work. */
function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the next frame is painted (at once in a hidden page, which paints none). */
function afterNextFrame() {
  return new Promise((resolve) => {
    if (document.hidden || typeof requestAnimationFrame !== 'function') setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Renders plans into one container; a new render cancels the previous one.
 *
 * However long the article and however many marks it has, no step takes the
 * main thread for long: the new article is built off-document in slices of
 * a few ms (the old one stays readable meanwhile), then swapped in at once as
 * text, with the highlighted chunks on screen in place and every other chunk
 * as plain text for a moment; those are replaced by their highlighted
 * versions over the next frames, a frame's worth of nodes at a time. The
 * browser lays out only the chunks on screen (`content-visibility: auto` in
 * the theme). `render()` resolves once every chunk is in.
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
    /** Entity index → its <mark>, for the lists' "show me" clicks. */
    this.marks = [];
    /** Attribution index → its elements (content, cue and source pieces). */
    this.partElements = [];
    /** The marks and parts of a render still being built, if any. */
    this.building = null;
    /** While chunks are being swapped in: highlighted chunk → the plain one standing in for it. */
    this.standIns = new Map();
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
    const target = { marks: new Array(packed.entityCount), parts: Array.from({ length: packed.attributionCount }, () => []) };
    this.building = target;
    const built = await this.build(text, packed, muted, labels, target, current);
    if (!built || !current()) return false;
    return this.swapIn(text, packed, built, target, current);
  }

  /** Builds every chunk off-document, in slices; null when superseded meanwhile. */
  async build(text, packed, muted, labels, target, current) {
    const drawn = packed.labels.map((label) => !labels || labels.has(label));
    const isMuted = packed.labels.map((label) => muted(label));
    const { runCount, runStart, runEnd, runEntity, runPartsAt, runParts, chunkStarts } = packed;
    const chunks = [];
    /** DOM nodes in each chunk (what the browser will have to style). */
    const sizes = [];
    /** Part indexes open around the current run, outermost first, and their elements under the chunk. */
    const open = [];
    const stack = [];
    let nextChunk = 0;
    let deadline = performance.now() + SLICE_MS;
    for (let r = 0; r < runCount; r += 1) {
      if (nextChunk < chunkStarts.length && chunkStarts[nextChunk] === r) {
        const chunk = document.createElement('div');
        chunk.className = 'chunk';
        chunks.push(chunk);
        sizes.push(1);
        open.length = 0;
        stack.length = 0;
        stack.push(chunk);
        nextChunk += 1;
      }
      // Close the parts that end here, open the ones that start (outermost first).
      const from = runPartsAt[r];
      const to = runPartsAt[r + 1];
      let keep = 0;
      while (keep < open.length && from + keep < to && open[keep] === runParts[from + keep]) keep += 1;
      open.length = keep;
      stack.length = keep + 1;
      for (let k = from + keep; k < to; k += 1) {
        const element = this.partElement(packed, runParts[k], target);
        stack[stack.length - 1].append(element);
        stack.push(element);
        open.push(runParts[k]);
      }
      const piece = text.slice(runStart[r], runEnd[r]);
      const entity = runEntity[r];
      const parent = stack[stack.length - 1];
      const code = entity >= 0 ? packed.entityLabel[entity] : -1;
      if (code >= 0 && drawn[code]) {
        parent.append(this.markElement(packed, entity, piece, isMuted[code], target));
        sizes[sizes.length - 1] += 2;
      } else parent.append(piece);
      sizes[sizes.length - 1] += 1 + to - from - keep;
      if (r % RUNS_PER_CHECK === RUNS_PER_CHECK - 1 && performance.now() >= deadline) {
        await yieldToBrowser();
        if (!current()) return null;
        // A legend click meanwhile (setMuted) applies to the marks still to come.
        packed.labels.forEach((label, code) => {
          isMuted[code] = muted(label);
        });
        deadline = performance.now() + SLICE_MS;
      }
    }
    return { chunks, sizes };
  }

  /**
   * Puts the built chunks in place of the old article: at once as text, the
   * chunks on screen highlighted; the others frame by frame, nearest first.
   */
  async swapIn(text, packed, { chunks, sizes }, target, current) {
    const { runStart, chunkStarts } = packed;
    const chunkStart = (c) => runStart[chunkStarts[c]];
    const chunkEnd = (c) => (c + 1 < chunks.length ? chunkStart(c + 1) : text.length);
    chunks.forEach((chunk, c) => {
      chunk.ledeStart = chunkStart(c);
    });
    // Chunks in the order they go in: the one where the reader is, those after it, then those before.
    const focus = this.chunkOnScreen(chunks.length, chunkStart);
    const order = [];
    for (let c = focus; c < chunks.length; c += 1) order.push(c);
    for (let c = focus - 1; c >= 0; c -= 1) order.push(c);

    let next = 0;
    /** The next chunks in `order` that fit in a frame's worth of nodes (at least one). */
    const take = () => {
      const from = next;
      let budget = NODES_PER_FRAME;
      do {
        budget -= sizes[order[next]];
        next += 1;
      } while (next < order.length && budget >= sizes[order[next]]);
      return order.slice(from, next);
    };
    const slots = chunks.slice();
    this.standIns = new Map();
    if (chunks.length > 0) take();
    for (let k = next; k < order.length; k += 1) {
      const c = order[k];
      const standIn = document.createElement('div');
      standIn.className = 'chunk';
      standIn.textContent = text.slice(chunkStart(c), chunkEnd(c));
      standIn.ledeStart = chunkStart(c);
      slots[c] = standIn;
      this.standIns.set(chunks[c], standIn);
    }
    // Only a long article (several chunks) skips layout of what is off screen:
    // a short one keeps its real height wherever it is on the page.
    this.container.classList.toggle('lede-chunked', chunks.length > 1);
    this.container.replaceChildren(...slots);
    this.marks = target.marks;
    this.partElements = target.parts;
    this.building = null;

    while (next < order.length) {
      await afterNextFrame();
      if (!current()) return false;
      for (const c of take()) {
        const standIn = this.standIns.get(chunks[c]);
        if (standIn) {
          standIn.replaceWith(chunks[c]);
          this.standIns.delete(chunks[c]);
        }
      }
    }
    this.standIns.clear();
    return true;
  }

  /**
   * The new chunk (of `count`, starting at `chunkStart(c)`) at the text
   * position of the old chunk the reader sees, so that what is on screen is
   * highlighted first; 0 when the article is not on screen.
   */
  chunkOnScreen(count, chunkStart) {
    const old = this.container.children;
    if (old.length < 2 || count < 2) return 0;
    const height = globalThis.innerHeight ?? 0;
    // The first old chunk whose bottom is below the top of the window (chunks stack downwards).
    let lo = 0;
    let hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid].getBoundingClientRect().bottom <= 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= old.length || old[lo].getBoundingClientRect().top >= height) return 0;
    const offset = old[lo].ledeStart;
    if (typeof offset !== 'number') return 0;
    // The last new chunk starting at or before that offset.
    let a = 0;
    let b = count - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (chunkStart(mid) <= offset) a = mid;
      else b = mid - 1;
    }
    return a;
  }

  /**
   * Makes sure `elements` (marks or attribution pieces) are in the document:
   * while chunks are still being swapped in, theirs go in now (for "show me"
   * clicks in the lists).
   */
  reveal(elements) {
    for (const element of elements) {
      if (!element || element.isConnected) continue;
      let chunk = element;
      while (chunk.parentElement) chunk = chunk.parentElement;
      const standIn = this.standIns.get(chunk);
      if (standIn?.isConnected) {
        standIn.replaceWith(chunk);
        this.standIns.delete(chunk);
      }
    }
  }

  /** A <span> for one piece of an attribution's content, cue or source. */
  partElement(packed, index, target) {
    const attr = packed.partAttr[index];
    const role = ROLES[packed.partRole[index]];
    const element = document.createElement('span');
    element.className = `part part-${role}`;
    element.dataset.attr = String(attr);
    element.dataset.role = role;
    element.dataset.kind = packed.kinds[packed.attrKind[attr]];
    if (this.exposeParts) element.setAttribute('part', ROLE_PART[role]);
    target.parts[attr].push(element);
    return element;
  }

  /** The <mark> of one entity; its textContent is exactly the entity text. */
  markElement(packed, index, piece, muted, target) {
    const label = packed.labels[packed.entityLabel[index]];
    const mark = document.createElement('mark');
    mark.dataset.label = label;
    mark.dataset.entity = String(index);
    mark.title = label;
    if (this.exposeParts) mark.setAttribute('part', `mark mark-${label.toLowerCase()}`);
    if (muted) mark.classList.add('muted');
    mark.textContent = piece;
    target.marks[index] = mark;
    return mark;
  }

  /** Switches the highlight of every mark with `label` on or off. */
  setMuted(label, isMuted) {
    for (const marks of [this.marks, this.building?.marks ?? []]) {
      for (const mark of marks) {
        if (mark && mark.dataset.label === label) mark.classList.toggle('muted', isMuted);
      }
    }
  }
}

/** The `part` name of each attribution role (`quote` reads better than `content`). */
export const ROLE_PART = { content: 'quote', cue: 'cue', source: 'source' };

/** Scrolls `elements[0]` into view and flashes every element in `elements`. */
export function flash(elements) {
  const list = elements.filter(Boolean);
  if (list.length === 0) return;
  const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  list[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  for (const el of list) {
    el.classList.remove('flash');
    // Restart the animation when the same span is flashed twice in a row.
    void el.offsetWidth;
    el.classList.add('flash');
    clearTimeout(el.flashTimer);
    el.flashTimer = setTimeout(() => el.classList.remove('flash'), 1600);
  }
}
