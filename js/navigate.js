// Keyboard navigation in a highlighted article (the page's and
// <lede-article>'s): the article is one tab stop; inside it
//   → / ↓   next mention        ← / ↑   previous mention
//   ]       next source         [       previous source
//   Home / End  first / last mention, Enter or Space selects, Escape leaves.
// Only the focused highlight gets a tabindex, so long articles stay cheap.
// Where to go is the renderer's business (`ArticleRenderer.step`): it works
// from the plan, so highlights not yet built (far off screen) are reached too.

/** What the keys do, for help texts. */
export const NAVIGATION_HELP = 'Arrow keys move between highlighted names, [ and ] between sources; Enter selects.';

function focusOn(el) {
  if (!el) return false;
  if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus();
  return true;
}

/**
 * Makes `container` keyboard-navigable. `step(from, kind, backwards)` gives
 * the next (or previous) highlight of `kind` ("mention" or "source") after
 * the element `from`, or from the start (end) when `from` is null, or null;
 * `onSelect(element, event)` runs on Enter or Space on a highlight. Returns
 * a function that removes the handlers.
 */
export function attachNavigation(container, { step, onSelect = () => {} }) {
  if (!container.hasAttribute('tabindex')) container.tabIndex = 0;
  const onKey = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const root = container.getRootNode();
    const active = root.activeElement;
    const item = active && active !== container && container.contains(active) ? active : null;
    let handled = false;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        handled = focusOn(step(item, 'mention', false));
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        handled = focusOn(step(item, 'mention', true));
        break;
      case 'Home':
        if (item) handled = focusOn(step(null, 'mention', false));
        break;
      case 'End':
        if (item) handled = focusOn(step(null, 'mention', true));
        break;
      case ']':
        handled = focusOn(step(item, 'source', false));
        break;
      case '[':
        handled = focusOn(step(item, 'source', true));
        break;
      case 'Enter':
      case ' ':
        if (item) {
          onSelect(item, event);
          handled = true;
        }
        break;
      case 'Escape':
        if (item) handled = focusOn(container);
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
