// The side lists: entities grouped by label and by identical text ("Karen
// Bass ×3"), and attributions (source → quoted text, with kind). Every item is
// a button that asks the page to show its span. DOM calls only, no HTML.
//
// Both read the packed render plan the worker sends (pkg/plan.js), which
// already groups identical mentions: a long article's tens of thousands of
// mentions cost the page nothing, and only the items shown are built.

import { kindName, labelName, labelRank } from './pkg/labels.js';
import { packedAttribution } from './pkg/plan.js';

/** Items shown per label (or attributions) before a "show all" button. */
const FIRST_ITEMS = 60;

/** Longest content excerpt shown in the attribution list, in characters. */
const EXCERPT = 180;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else node[key] = value;
  }
  node.append(...children);
  return node;
}

/**
 * Entities of a packed plan of `text`, grouped by label (legend order) then
 * by identical text, most mentioned first (ties in order of first mention).
 * Each group's `text` and `indexes` (its mentions, in text order) are made
 * when asked for, so unseen groups cost nothing.
 */
export function groupEntities(plan, text) {
  const { entityLabel, entityStart, entityEnd, groupCount, groupAt, groupMentions } = plan;
  const byLabel = new Map();
  // Group numbers follow first mentions, so this keeps text order.
  for (let g = 0; g < groupCount; g += 1) {
    const first = groupMentions[groupAt[g]];
    const label = plan.labels[entityLabel[first]];
    let groups = byLabel.get(label);
    if (!groups) byLabel.set(label, (groups = []));
    groups.push({
      count: groupAt[g + 1] - groupAt[g],
      get text() {
        return text.slice(entityStart[first], entityEnd[first]);
      },
      get indexes() {
        return Array.from(groupMentions.subarray(groupAt[g], groupAt[g + 1]));
      },
    });
  }
  return [...byLabel.entries()]
    .sort(([a], [b]) => labelRank(a) - labelRank(b) || a.localeCompare(b))
    .map(([label, groups]) => ({
      label,
      mentions: groups.reduce((n, g) => n + g.count, 0),
      // Most mentioned first; ties keep text order (the sort is stable).
      groups: groups.sort((a, b) => b.count - a.count),
    }));
}

/** Appends items to `list`, the first FIRST_ITEMS now and the rest on request. */
function appendCapped(list, count, makeItem, what) {
  const items = (from, to) => Array.from({ length: to - from }, (_, k) => makeItem(from + k));
  list.append(...items(0, Math.min(count, FIRST_ITEMS)));
  if (count > FIRST_ITEMS) {
    const more = el('button', { type: 'button', className: 'more', textContent: `Show all ${count} ${what}` });
    const li = el('li', { className: 'more-item' }, more);
    more.addEventListener('click', () => {
      li.replaceWith(...items(FIRST_ITEMS, count));
    });
    list.append(li);
  }
}

/**
 * Fills `container` with the entity list of a packed plan of `text`.
 * `onShow(indexes, click)` is called when an item is clicked (its mentions'
 * entity indexes, and how many times this item has been clicked, to cycle
 * through the mentions).
 */
export function renderEntityList(container, plan, text, onShow) {
  const sections = groupEntities(plan, text).map(({ label, mentions, groups }) => {
    const heading = el(
      'h3',
      { className: 'group-heading' },
      el('span', { className: 'swatch', dataset: { label } }),
      el('span', { className: 'group-name', textContent: labelName(label) }),
      el('span', { className: 'count', textContent: `${mentions}` }),
    );
    const list = el('ul', { className: 'items' });
    appendCapped(
      list,
      groups.length,
      (g) => {
        const group = groups[g];
        let clicks = 0;
        let indexes = null;
        const button = el(
          'button',
          { type: 'button', className: 'item', dataset: { label } },
          el('span', { className: 'item-text', textContent: group.text }),
        );
        if (group.count > 1) {
          button.append(' ', el('span', { className: 'times', textContent: `×${group.count}` }));
          button.title = `${group.count} mentions: click again for the next one`;
        }
        button.addEventListener('click', () => {
          indexes ??= group.indexes;
          onShow(indexes, clicks++);
        });
        return el('li', {}, button);
      },
      labelName(label).toLowerCase() + ' names',
    );
    return el('section', { className: 'entity-group', dataset: { label } }, heading, list);
  });
  container.replaceChildren(...sections);
  if (sections.length === 0) container.append(el('p', { className: 'empty', textContent: 'No entities found.' }));
}

/** Shortens `text` to about `max` characters, on a code point boundary. */
function excerpt(text, max) {
  // Only the start matters (a quote may run for pages).
  const cutShort = text.length > 4 * max;
  const flat = (cutShort ? text.slice(0, 4 * max) : text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max && !cutShort) return flat;
  let cut = max;
  const c = flat.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
  return flat.slice(0, cut).trimEnd() + '…';
}

/** Fills `list` (an <ol>) with the attributions of a packed plan of `text`; `onShow(index)` on click. */
export function renderAttributionList(list, plan, text, onShow) {
  list.replaceChildren();
  const count = plan.attributionCount;
  appendCapped(
    list,
    count,
    (index) => {
      const a = packedAttribution(plan, text, index);
      const source = a.source
        ? el('span', { className: 'source', textContent: excerpt(a.source.text, 80) })
        : el('span', { className: 'source unknown', textContent: 'no named source' });
      const details = el('span', { className: 'attr-meta' }, el('span', { className: 'kind', dataset: { kind: a.kind }, textContent: kindName(a.kind) }));
      if (a.cue) details.append(el('span', { className: 'cue', textContent: excerpt(a.cue.text, 40) }));
      for (const extra of ['source_type', 'stance']) {
        if (typeof a[extra] === 'string' && a[extra] !== '') {
          details.append(el('span', { className: 'extra', textContent: a[extra].replaceAll('_', ' ') }));
        }
      }
      const button = el(
        'button',
        { type: 'button', className: 'item attribution', dataset: { attr: String(index) } },
        el('span', { className: 'who' }, source, el('span', { className: 'arrow', textContent: ' → ' })),
        el('span', { className: 'content', textContent: excerpt(a.content.text, EXCERPT) }),
        details,
      );
      button.addEventListener('click', () => onShow(index));
      return el('li', {}, button);
    },
    'attributions',
  );
  if (count === 0) list.append(el('li', { className: 'empty', textContent: 'No attributions found.' }));
}
