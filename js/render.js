// Builds the highlighted article from a render plan (see plan.js), with DOM
// calls only (createElement / textContent / append): the article is text, never
// HTML. Used by the page (#rendered) and by <lede-article> (its shadow root).

import { walkRuns } from './plan.js';

/** Main-thread time one slice of rendering may take, in ms. */
const SLICE_MS = 10;

/** Lets input and painting happen before the next slice of work. */
function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Renders plans into one container; a new render cancels the previous one.
 * The new article is built off-document in short slices and swapped in at
 * once: the old one stays readable meanwhile, and the browser lays out only
 * the chunks on screen (`content-visibility: auto` in style.css).
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
  }

  /**
   * Renders `plan` of `text`. `muted(label)` says whether a label's highlight
   * is switched off; `wanted()` whether this result is still the latest one.
   * Resolves to true once the article is in place, false when it was
   * superseded (by a newer render, or by `wanted()` turning false).
   */
  async render(text, plan, muted, wanted = () => true) {
    this.generation += 1;
    const generation = this.generation;
    const target = { marks: new Array(plan.entities.length), parts: plan.attributions.map(() => []) };
    this.building = target;
    const { runs, chunkStarts } = plan;
    const chunks = [];
    let deadline = performance.now() + SLICE_MS;
    for (let c = 0; c < chunkStarts.length; c += 1) {
      const to = c + 1 < chunkStarts.length ? chunkStarts[c + 1] : runs.length;
      chunks.push(this.buildChunk(text, plan, chunkStarts[c], to, muted, target));
      if (performance.now() >= deadline && c + 1 < chunkStarts.length) {
        await yieldToBrowser();
        if (generation !== this.generation || !wanted()) return false;
        deadline = performance.now() + SLICE_MS;
      }
    }
    if (!wanted()) return false;
    // Only a long article (several chunks) skips layout of what is off screen:
    // a short one keeps its real height wherever it is on the page.
    this.container.classList.toggle('lede-chunked', chunks.length > 1);
    this.container.replaceChildren(...chunks);
    this.marks = target.marks;
    this.partElements = target.parts;
    this.building = null;
    return true;
  }

  /** One block of the article: runs [from, to) with their parts nested. */
  buildChunk(text, plan, from, to, muted, target) {
    const chunk = document.createElement('div');
    chunk.className = 'chunk';
    const stack = [chunk];
    const exposeParts = this.exposeParts;
    walkRuns(plan, from, to, {
      open(index) {
        const element = partElement(plan, index, target, exposeParts);
        stack[stack.length - 1].append(element);
        stack.push(element);
      },
      close(count) {
        stack.length -= count;
      },
      run(run) {
        const piece = text.slice(run.start, run.end);
        const parent = stack[stack.length - 1];
        if (run.entity >= 0) parent.append(markElement(plan.entities[run.entity], run.entity, piece, muted, target, exposeParts));
        else parent.append(piece);
      },
    });
    return chunk;
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

/** A <span> for one piece of an attribution's content, cue or source. */
function partElement(plan, index, target, exposeParts) {
  const part = plan.parts[index];
  const element = document.createElement('span');
  element.className = `part part-${part.role}`;
  element.dataset.attr = String(part.attr);
  element.dataset.role = part.role;
  element.dataset.kind = plan.attributions[part.attr].kind;
  if (exposeParts) element.setAttribute('part', ROLE_PART[part.role]);
  target.parts[part.attr].push(element);
  return element;
}

/** The <mark> of one entity; its textContent is exactly the entity text. */
function markElement(entity, index, piece, muted, target, exposeParts) {
  const mark = document.createElement('mark');
  mark.dataset.label = entity.label;
  mark.dataset.entity = String(index);
  mark.title = entity.label;
  if (exposeParts) mark.setAttribute('part', `mark mark-${entity.label.toLowerCase()}`);
  if (muted(entity.label)) mark.classList.add('muted');
  mark.textContent = piece;
  target.marks[index] = mark;
  return mark;
}

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
