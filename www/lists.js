// The side lists: entities grouped by label and by identical text ("Karen
// Bass ×3"), and attributions (source → quoted text, with kind). Every item is
// a button that asks the page to show its span. DOM calls only, no HTML.

import { kindName, labelName, labelRank } from './pkg/labels.js';

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

/** Entities grouped by label (legend order) then by identical text. */
export function groupEntities(entities) {
  const byLabel = new Map();
  entities.forEach((entity, index) => {
    let groups = byLabel.get(entity.label);
    if (!groups) byLabel.set(entity.label, (groups = new Map()));
    const group = groups.get(entity.text);
    if (group) group.indexes.push(index);
    else groups.set(entity.text, { text: entity.text, indexes: [index] });
  });
  return [...byLabel.entries()]
    .sort(([a], [b]) => labelRank(a) - labelRank(b) || a.localeCompare(b))
    .map(([label, groups]) => ({
      label,
      mentions: [...groups.values()].reduce((n, g) => n + g.indexes.length, 0),
      // Most mentioned first; ties keep text order (Map keeps insertion order).
      groups: [...groups.values()].sort((a, b) => b.indexes.length - a.indexes.length),
    }));
}

/** Appends items to `list`, the first FIRST_ITEMS now and the rest on request. */
function appendCapped(list, items, makeItem, what) {
  const shown = items.slice(0, FIRST_ITEMS);
  list.append(...shown.map(makeItem));
  if (items.length > FIRST_ITEMS) {
    const more = el('button', { type: 'button', className: 'more', textContent: `Show all ${items.length} ${what}` });
    const li = el('li', { className: 'more-item' }, more);
    more.addEventListener('click', () => {
      li.replaceWith(...items.slice(FIRST_ITEMS).map(makeItem));
    });
    list.append(li);
  }
}

/**
 * Fills `container` with the entity list. `onShow(indexes, click)` is called
 * when an item is clicked (its mentions' entity indexes, and how many times
 * this item has been clicked, to cycle through the mentions).
 */
export function renderEntityList(container, entities, onShow) {
  const sections = groupEntities(entities).map(({ label, mentions, groups }) => {
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
      groups,
      (group) => {
        let clicks = 0;
        const button = el(
          'button',
          { type: 'button', className: 'item', dataset: { label, entities: group.indexes.join(' ') } },
          el('span', { className: 'item-text', textContent: group.text }),
        );
        if (group.indexes.length > 1) {
          button.append(' ', el('span', { className: 'times', textContent: `×${group.indexes.length}` }));
          button.title = `${group.indexes.length} mentions: click again for the next one`;
        }
        button.addEventListener('click', () => onShow(group.indexes, clicks++));
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
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = max;
  const c = flat.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
  return flat.slice(0, cut).trimEnd() + '…';
}

/** Fills `list` (an <ol>) with the attributions; `onShow(index)` on click. */
export function renderAttributionList(list, attributions, onShow) {
  list.replaceChildren();
  appendCapped(
    list,
    attributions.map((a, index) => ({ a, index })),
    ({ a, index }) => {
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
  if (attributions.length === 0) list.append(el('li', { className: 'empty', textContent: 'No attributions found.' }));
}
