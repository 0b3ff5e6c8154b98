// Builds the highlighted article from a render plan (see plan.js), with DOM
// calls only (createElement / textContent / append): the article is text, never
// HTML.

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
  /** @param {HTMLElement} container the `#rendered` element */
  constructor(container) {
    this.container = container;
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
    const open = []; // [{ part, element }], outermost first
    for (let r = from; r < to; r += 1) {
      const run = plan.runs[r];
      let keep = 0;
      while (keep < open.length && keep < run.parts.length && open[keep].part === run.parts[keep]) keep += 1;
      open.length = keep;
      for (let k = keep; k < run.parts.length; k += 1) {
        const element = partElement(plan, run.parts[k], target);
        (open.length ? open[open.length - 1].element : chunk).append(element);
        open.push({ part: run.parts[k], element });
      }
      const parent = open.length ? open[open.length - 1].element : chunk;
      const piece = text.slice(run.start, run.end);
      if (run.entity >= 0) parent.append(markElement(plan.entities[run.entity], run.entity, piece, muted, target));
      else parent.append(piece);
    }
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

/** A <span> for one piece of an attribution's content, cue or source. */
function partElement(plan, index, target) {
  const part = plan.parts[index];
  const element = document.createElement('span');
  element.className = `part part-${part.role}`;
  element.dataset.attr = String(part.attr);
  element.dataset.role = part.role;
  element.dataset.kind = plan.attributions[part.attr].kind;
  target.parts[part.attr].push(element);
  return element;
}

/** The <mark> of one entity; its textContent is exactly the entity text. */
function markElement(entity, index, piece, muted, target) {
  const mark = document.createElement('mark');
  mark.dataset.label = entity.label;
  mark.dataset.entity = String(index);
  mark.title = entity.label;
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
