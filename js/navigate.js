// Keyboard navigation in a highlighted article (the page's and
// <lede-article>'s): the article is one tab stop; inside it
//   → / ↓   next mention        ← / ↑   previous mention
//   ]       next source         [       previous source
//   Home / End  first / last mention, Enter or Space selects, Escape leaves.
// Only the focused highlight gets a tabindex, so long articles stay cheap.

/** What the keys do, for help texts. */
export const NAVIGATION_HELP = 'Arrow keys move between highlighted names, [ and ] between sources; Enter selects.';

/** Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY (numbers: `Node` is not everywhere). */
const AFTER = 4 | 16;

/** True when `node` comes after `from` in reading order (or lies inside it). */
function follows(from, node) {
  if (from === node) return false;
  return (from.compareDocumentPosition(node) & AFTER) !== 0;
}

function usable(el) {
  return Boolean(el && el.isConnected && !el.classList.contains('muted'));
}

/** The first usable element of `list` (in reading order) after `from`, or before it when `backwards`. */
function neighbour(list, from, backwards) {
  // Binary search for the first element after `from`.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const el = list[mid];
    if (el && follows(from, el)) hi = mid;
    else if (el) lo = mid + 1;
    else {
      // A hole (an entity not rendered): decide by the nearest element on its left.
      let k = mid - 1;
      while (k >= lo && !list[k]) k -= 1;
      if (k >= lo && follows(from, list[k])) hi = mid;
      else lo = mid + 1;
    }
  }
  if (backwards) {
    for (let i = lo - 1; i >= 0; i -= 1) if (usable(list[i]) && list[i] !== from) return list[i];
    return null;
  }
  for (let i = lo; i < list.length; i += 1) if (usable(list[i])) return list[i];
  return null;
}

/** The element of each attribution to land on: its source, else its first quoted piece. */
function attributionTargets(pieces) {
  const targets = [];
  for (const elements of pieces) {
    const connected = elements.filter((e) => e && e.isConnected);
    const target = connected.find((e) => e.dataset.role === 'source') ?? connected.find((e) => e.dataset.role === 'content') ?? connected[0];
    if (target) targets.push(target);
  }
  return targets.sort((a, b) => (follows(a, b) ? -1 : follows(b, a) ? 1 : 0));
}

function focusOn(el) {
  if (!el) return false;
  if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus();
  return true;
}

/**
 * Makes `container` keyboard-navigable. `marks()` returns the entity marks in
 * text order; `attributions()` the elements of each attribution;
 * `onSelect(element, event)` runs on Enter or Space on a highlight. Returns a
 * function that removes the handlers.
 */
export function attachNavigation(container, { marks, attributions, onSelect = () => {} }) {
  if (!container.hasAttribute('tabindex')) container.tabIndex = 0;
  const onKey = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const root = container.getRootNode();
    const active = root.activeElement;
    const from = active && container.contains(active) ? active : container;
    const onItem = from !== container;
    let handled = false;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        handled = focusOn(onItem ? neighbour(marks(), from, false) : neighbour(marks(), container, false));
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        if (onItem) handled = focusOn(neighbour(marks(), from, true));
        else {
          const list = marks();
          handled = focusOn([...list].reverse().find(usable));
        }
        break;
      case 'Home':
        if (onItem) handled = focusOn(marks().find(usable));
        break;
      case 'End':
        if (onItem) handled = focusOn([...marks()].reverse().find(usable));
        break;
      case ']':
        handled = focusOn(neighbour(attributionTargets(attributions()), from, false));
        break;
      case '[':
        handled = focusOn(onItem ? neighbour(attributionTargets(attributions()), from, true) : attributionTargets(attributions()).at(-1));
        break;
      case 'Enter':
      case ' ':
        if (onItem) {
          onSelect(from, event);
          handled = true;
        }
        break;
      case 'Escape':
        if (onItem) handled = focusOn(container);
        break;
      default:
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  container.addEventListener('keydown', onKey);
  return () => container.removeEventListener('keydown', onKey);
}
