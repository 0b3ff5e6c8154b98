// The entity labels of the contract, in legend order, with the words the page
// shows for them. Colours and underline patterns live in style.css, keyed by
// `data-label`; a label the page does not know yet still renders (grey).

/** Labels in legend order: names, then numbers and times, then web things. */
export const LABELS = [
  { label: 'PERSON', name: 'Person', group: 'names' },
  { label: 'ORG', name: 'Organisation', group: 'names' },
  { label: 'PLACE', name: 'Place', group: 'names' },
  { label: 'MISC', name: 'Other name', group: 'names' },
  { label: 'DATE', name: 'Date', group: 'numbers' },
  { label: 'TIME', name: 'Time', group: 'numbers' },
  { label: 'MONEY', name: 'Money', group: 'numbers' },
  { label: 'PERCENT', name: 'Percent', group: 'numbers' },
  { label: 'QUANTITY', name: 'Quantity', group: 'numbers' },
  { label: 'HANDLE', name: 'Handle', group: 'web' },
  { label: 'HASHTAG', name: 'Hashtag', group: 'web' },
  { label: 'URL', name: 'Link', group: 'web' },
  { label: 'EMAIL', name: 'Email', group: 'web' },
];

const BY_LABEL = new Map(LABELS.map((l) => [l.label, l]));

/** The display name of `label` (the label itself when unknown). */
export function labelName(label) {
  return BY_LABEL.get(label)?.name ?? label;
}

/** Sort key: legend order, unknown labels last (alphabetically). */
export function labelRank(label) {
  const i = LABELS.findIndex((l) => l.label === label);
  return i >= 0 ? i : LABELS.length;
}

/** Attribution kinds of the contract, with the words the page shows. */
export const KINDS = {
  direct: 'direct quote',
  indirect: 'indirect',
  mixed: 'mixed',
  according_to: 'according to',
  social_post: 'social post',
};

/** The display name of an attribution `kind`. */
export function kindName(kind) {
  return KINDS[kind] ?? String(kind).replaceAll('_', ' ');
}
