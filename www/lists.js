// The sidebar: entity cards (one per person, organisation, place … sorted
// by salience, grouped by label) and the sources panel (who said what, with
// the sourcing summary and the hedged claims that name no source). DOM calls
// only, no HTML: every name and excerpt is set as text.
//
// Both draw from what the worker sends: the packed render plan (pkg/plan.js)
// and the sidebar made next to it (pkg/sources.js), so a long article's
// mentions cost the page nothing until a card or statement is shown, and
// only the items shown are built.

import { kindName, labelName, labelRank } from './pkg/labels.js';
import { packedAttribution } from './pkg/plan.js';
import { sourceTypeName, sourcingSummary, statementText } from './pkg/sources.js';

/** Items shown per label (or sources, or statements of a source) before a "show all" button. */
const FIRST_ITEMS = 60;

/** Statements shown per source before a "show all" button. */
const FIRST_STATEMENTS = 12;

/** Longest excerpt of a statement, in characters. */
const EXCERPT = 140;

const numbers = new Intl.NumberFormat('en');
const format = (n) => numbers.format(n);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else node[key] = value;
  }
  node.append(...children);
  return node;
}

/** `n` and `word`, plural unless n is 1. */
function counted(n, word) {
  return `${format(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Appends items to `list`, the first `first` now and the rest on request. */
function appendCapped(list, count, makeItem, what, first = FIRST_ITEMS) {
  const items = (from, to) => Array.from({ length: to - from }, (_, k) => makeItem(from + k));
  list.append(...items(0, Math.min(count, first)));
  if (count > first) {
    const more = el('button', { type: 'button', className: 'more', textContent: `Show all ${format(count)} ${what}` });
    const li = el('li', { className: 'more-item' }, more);
    more.addEventListener('click', () => {
      li.replaceWith(...items(first, count));
    });
    list.append(li);
  }
}

/** Shortens `text` to about `max` characters, on a code point boundary. */
export function excerpt(text, max) {
  // Only the start matters (a quote may run for pages).
  const cutShort = text.length > 4 * max;
  const flat = (cutShort ? text.slice(0, 4 * max) : text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max && !cutShort) return flat;
  let cut = max;
  const c = flat.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
  return flat.slice(0, cut).trimEnd() + '…';
}

/** The last `max` or so characters of `text` (whitespace runs as one space), on a code point boundary. */
export function tail(text, max) {
  const flat = text.slice(-4 * max).replace(/\s+/g, ' ');
  if (flat.length <= max && text.length <= 4 * max) return flat.trimStart();
  let cut = flat.length - max;
  const c = flat.charCodeAt(cut);
  if (c >= 0xdc00 && c <= 0xdfff) cut += 1;
  return '…' + flat.slice(cut).trimStart();
}

// ----- entity cards -----------------------------------------------------------

/** A "label: a, b" line of a card, or null when `values` is empty. */
function fact(name, values, className) {
  if (values.length === 0) return null;
  return el('span', { className: `fact ${className}` }, el('span', { className: 'fact-name', textContent: `${name}: ` }), values.join(', '));
}

/**
 * Fills `container` with the entity cards of `sidebar` (cards grouped by
 * label). `onSelect(card, position)` shows mention `position` of a card and
 * highlights all of them; `onClear()` drops the highlight. Returns
 * `{ select(c), clear() }` for the page (e.g. a click on a source's name).
 */
export function renderCards(container, sidebar, { onSelect, onClear }) {
  let selected = null;
  const views = new Map();

  function show(view, position) {
    const { card, li, counter, steps, button } = view;
    const n = card.mentions.length;
    view.position = ((position % n) + n) % n;
    if (selected !== view) {
      if (selected) {
        selected.li.classList.remove('selected');
        selected.button.setAttribute('aria-pressed', 'false');
        selected.steps.hidden = true;
      }
      selected = view;
      li.classList.add('selected');
      button.setAttribute('aria-pressed', 'true');
      steps.hidden = false;
    }
    counter.textContent = `${format(view.position + 1)} of ${format(n)}`;
    onSelect(card, view.position);
  }

  function clear() {
    if (!selected) return;
    selected.li.classList.remove('selected');
    selected.button.setAttribute('aria-pressed', 'false');
    selected.steps.hidden = true;
    selected = null;
    onClear();
  }

  function makeCard(card, c) {
    const n = card.mentions.length;
    const button = el(
      'button',
      { type: 'button', className: 'item card-select', dataset: { label: card.label } },
      el('span', { className: 'item-text card-name', textContent: card.name }),
    );
    button.setAttribute('aria-pressed', 'false');
    if (n > 1) {
      button.append(' ', el('span', { className: 'times', textContent: `×${format(n)}` }));
      button.title = `${format(n)} mentions: click again for the next one`;
    }
    const facts = [
      fact('also', card.aliases, 'aliases'),
      fact('role', card.roles, 'roles'),
      fact('handle', card.handles, 'handles'),
    ].filter(Boolean);
    const badges = [];
    if (card.statements > 0) badges.push(el('span', { className: 'badge statements', textContent: counted(card.statements, 'statement') }));
    if (card.variants.length > 0) badges.push(el('span', { className: 'badge variant', title: 'Probable misspellings in the article', textContent: `variant: ${card.variants.join(', ')}` }));
    if (card.ambiguous) {
      const could = card.candidates.length ? `: ${card.candidates.join(' or ')}?` : '';
      badges.push(el('span', { className: 'badge ambiguous', title: 'A single name that fits more than one entity', textContent: `ambiguous${could}` }));
    }
    if (card.roleMentions > 0) badges.push(el('span', { className: 'badge', textContent: `${counted(card.roleMentions, 'role mention')}` }));
    const prev = el('button', { type: 'button', className: 'step prev', textContent: '‹', title: 'Previous mention' });
    const next = el('button', { type: 'button', className: 'step next', textContent: '›', title: 'Next mention' });
    prev.setAttribute('aria-label', `Previous mention of ${card.name}`);
    next.setAttribute('aria-label', `Next mention of ${card.name}`);
    const counter = el('span', { className: 'step-count' });
    counter.setAttribute('aria-live', 'polite');
    const steps = el('div', { className: 'card-steps', hidden: true }, prev, counter, next);
    const li = el('li', { className: 'card', dataset: { card: String(c), label: card.label } }, button);
    if (facts.length) li.append(el('p', { className: 'card-facts' }, ...facts));
    if (badges.length) li.append(el('p', { className: 'card-badges' }, ...badges));
    li.append(steps);
    const view = { card, li, button, counter, steps, position: -1 };
    views.set(c, view);
    button.addEventListener('click', () => show(view, selected === view ? view.position + 1 : 0));
    prev.addEventListener('click', () => show(view, view.position - 1));
    next.addEventListener('click', () => show(view, view.position + 1));
    li.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || selected !== view) return;
      if (event.key === 'Escape') {
        clear();
        button.focus();
      } else if (event.key === 'n' || event.key === 'ArrowDown') show(view, view.position + 1);
      else if (event.key === 'p' || event.key === 'ArrowUp') show(view, view.position - 1);
      else return;
      event.preventDefault();
    });
    return li;
  }

  // Cards arrive grouped by label, in legend order.
  const byLabel = new Map();
  sidebar.cards.forEach((card, c) => {
    if (card.mentions.length === 0) return;
    if (!byLabel.has(card.label)) byLabel.set(card.label, []);
    byLabel.get(card.label).push(c);
  });
  const sections = [...byLabel.entries()]
    .sort(([a], [b]) => labelRank(a) - labelRank(b) || a.localeCompare(b))
    .map(([label, indexes]) => {
      const mentions = indexes.reduce((n, c) => n + sidebar.cards[c].mentions.length, 0);
      const heading = el(
        'h3',
        { className: 'group-heading' },
        el('span', { className: 'swatch', dataset: { label } }),
        el('span', { className: 'group-name', textContent: labelName(label) }),
        el('span', { className: 'count', textContent: format(mentions) }),
      );
      const list = el('ul', { className: 'cards' });
      appendCapped(list, indexes.length, (k) => makeCard(sidebar.cards[indexes[k]], indexes[k]), `${labelName(label).toLowerCase()} cards`);
      return el('section', { className: 'entity-group', dataset: { label } }, heading, list);
    });
  container.replaceChildren(...sections);
  if (sections.length === 0) container.append(el('p', { className: 'empty', textContent: 'No entities found.' }));
  return {
    /** Selects card `c` (if it is drawn) at its first mention. */
    select(c) {
      const view = views.get(c);
      if (!view) return false;
      show(view, 0);
      view.button.focus();
      return true;
    },
    clear,
  };
}

// ----- sources ------------------------------------------------------------------

/**
 * Fills the sources panel: `summary` (a <p>) with the sourcing line, `list`
 * (an <ol>) with one entry per source and its statements, `claims` (an <ol>)
 * with the hedged claims that name no source. Handlers:
 * - `onLink(attr, on)`: a statement (or claim, numbered after the
 *   attributions) is hovered or focused (`on`) or no longer is;
 * - `onShow(attr)`: a statement or claim is clicked;
 * - `onCard(c)`: a named source's name is clicked.
 * Returns `highlight(attr, on)`, the reverse link: marks the source of
 * attribution `attr` and its statements (that one most) in the panel.
 */
export function renderSources({ summary, list, claims }, plan, text, sidebar, { onLink, onShow, onCard }) {
  summary.textContent = sourcingSummary(sidebar.summary, format);
  list.replaceChildren();
  const entries = new Map();
  const statementButtons = new Map();

  const linkable = (button, attr) => {
    const on = () => onLink(attr, true);
    const off = () => onLink(attr, false);
    button.addEventListener('mouseenter', on);
    button.addEventListener('mouseleave', off);
    button.addEventListener('focus', on);
    button.addEventListener('blur', off);
    button.addEventListener('click', () => onShow(attr));
  };

  const makeStatement = (attr) => {
    const a = packedAttribution(plan, text, attr);
    const button = el(
      'button',
      { type: 'button', className: 'statement', dataset: { attr: String(attr), kind: a.kind } },
      el('span', { className: 'kind', dataset: { kind: a.kind }, textContent: kindName(a.kind) }),
      ' ',
      el('span', { className: 'excerpt', textContent: excerpt(statementText(a), EXCERPT) }),
    );
    if (a.cue) button.append(' ', el('span', { className: 'cue', textContent: `(${excerpt(a.cue.text, 30)})` }));
    linkable(button, attr);
    statementButtons.set(attr, button);
    return el('li', {}, button);
  };

  const makeSource = (s) => {
    const source = sidebar.sources[s];
    const n = source.statements.length;
    const name =
      source.card >= 0
        ? el('button', { type: 'button', className: 'source-name linkish', textContent: source.name, title: 'Show this entity’s card' })
        : el('span', { className: 'source-name', textContent: source.name });
    if (source.card >= 0) name.addEventListener('click', () => onCard(source.card));
    const stats = [counted(n, 'statement')];
    if (source.quotedWords > 0) stats.push(`${counted(source.quotedWords, 'quoted word')}`);
    const head = el(
      'div',
      { className: 'source-head' },
      name,
      el('span', { className: 'badge source-type', dataset: { type: source.type }, textContent: sourceTypeName(source.type) }),
      el('span', { className: 'source-stats', textContent: stats.join(' · ') }),
    );
    const statements = el('ol', { className: 'statements' });
    appendCapped(statements, n, (k) => makeStatement(source.statements[k]), 'statements', FIRST_STATEMENTS);
    const li = el('li', { className: 'source', dataset: { source: String(s), type: source.type } }, head, statements);
    entries.set(s, li);
    return li;
  };

  appendCapped(list, sidebar.sources.length, makeSource, 'sources');
  if (sidebar.sources.length === 0) list.append(el('li', { className: 'empty', textContent: 'No attributions found.' }));

  // Hedged claims: the claim with its hedge word picked out.
  claims.replaceChildren();
  const claimCount = plan.claimCount ?? 0;
  appendCapped(
    claims,
    claimCount,
    (k) => {
      const attr = plan.attributionCount + k;
      const c = packedAttribution(plan, text, attr);
      const button = el('button', { type: 'button', className: 'statement claim', dataset: { attr: String(attr), kind: c.kind } });
      if (c.cue && c.cue.start >= c.content.start && c.cue.end <= c.content.end) {
        const before = text.slice(c.content.start, c.cue.start);
        const after = text.slice(c.cue.end, c.content.end);
        button.append(
          el('span', { className: 'excerpt', textContent: tail(before, 60) }),
          el('strong', { className: 'hedge', textContent: c.cue.text }),
          /^\s/.test(after) ? ' ' : '',
          el('span', { className: 'excerpt', textContent: excerpt(after, 90) }),
        );
      } else {
        button.append(el('span', { className: 'excerpt', textContent: excerpt(c.content.text, EXCERPT) }));
      }
      linkable(button, attr);
      statementButtons.set(attr, button);
      return el('li', {}, button);
    },
    'hedged claims',
  );
  claims.closest('section, div')?.classList.toggle('has-claims', claimCount > 0);

  let lit = [];
  return function highlight(attr, on) {
    for (const node of lit) node.classList.remove('linked', 'current');
    lit = [];
    if (!on) return;
    const s = attr < plan.attributionCount ? sidebar.attrSource[attr] : -1;
    const entry = entries.get(s);
    if (entry) {
      entry.classList.add('linked');
      lit.push(entry);
      for (const button of entry.querySelectorAll('.statement')) {
        button.classList.add('linked');
        lit.push(button);
      }
    }
    const own = statementButtons.get(attr);
    if (own) {
      own.classList.add('linked', 'current');
      lit.push(own);
    }
    return own ?? entry ?? null;
  };
}
