// Test texts written by the team (no outside text): a few multi-paragraph
// articles, awkward fragments (emoji, scripts, marks, control characters) and
// a seeded generator that mixes them into many varied documents.

/** Short articles in the shapes real copy takes (names and events invented). */
export const ARTICLES = [
  // Straight quotes, CRLF line ends, a dateline and figures.
  [
    'FLOOD FUNDS DELAYED AGAIN IN LEEDS',
    '',
    'LEEDS, England -- The Aire Valley Trust said on Monday that £2.3 million promised in 2023 had still not arrived.',
    '',
    '"We have waited 14 months," said Joan Pell, the trust\'s chair. "Families are still in hotels."',
    '',
    'A council spokesperson said the money would be paid "within weeks", according to an email seen by reporters at 4:15 p.m.',
    'Contact: newsdesk@airevalley-example.org or follow @AireValleyTrust for updates.',
  ].join('\r\n'),

  // Curly quotes, a split quote, an embedded post, emoji and a glued link.
  `Market Traders Protest Rent Rise in Lyon

Traders at the Croix-Rousse market walked out on Friday morning after rents rose by 18%.

“It is not a rise,” said Étienne Marchal, who has sold cheese there for 22 years, “it is an eviction notice.”

The city’s markets office allegedly ignored three letters, officials said.

Nous ne partirons pas 🧀✊ #MarchéCroixRousse #Lyon https://example.org/lyon/marches?id=42&lang=fr merci à tous
— Étienne Marchal (@emarchal_fromage) March 3, 2025

Marchal wrote:
Thanks for the support today 🙏🏽 see you at 6am tomorrowpic.twitter.com/AbC123xYz0
`,

  // Scripts mixed in one article: Arabic, Hebrew, Devanagari, CJK, and marks.
  `Festival Returns to Tel Aviv Port After Two-Year Pause

The Jaffa Light Festival opened on 12 July with 40 installations. Organiser Noa Ben-Ami told reporters: “We wanted every script of this city on the walls.”

Signs read שלום, سلام and नमस्ते; a Tokyo collective showed 光の街 in neon. Entry costs ₪45 (about $12).

Visitors posted with #JaffaLight2025 and tagged @jaffa_light. Enquiries: info@jaffa-light.example.net.

A café owner, Zoë Ha\u0308user, said sales were up 30 per cent: “Ça marche très bien.”
`,
];

/** Awkward fragments: everything that tends to break offset arithmetic. */
export const FRAGMENTS = [
  'The council met on Tuesday.',
  '“We will rebuild,” said Ana Ruiz.',
  '"No comment," he said.',
  'According to the report, 1,200 homes flooded.',
  'Officials said the vote was delayed, allegedly because of a leak.',
  'THE MAYOR SAID NOTHING.',
  'Write to tips@example.com or call.',
  'Follow @city_hall and @NewsDesk_2.',
  '#Budget2025 #Élections',
  'https://example.org/a/b?c=d&e=f#top',
  'www.example.co.uk/path_(one)',
  '🤨', '👩‍👩‍👧', '🇳🇿', '👍🏽', '🏳️‍🌈', '1️⃣',
  'Cafe\u0301', 'e\u0301\u0302\u0303', 'Z̤͔ͧ̑',
  'مرحبا بالعالم', 'שלום עולם', '\u200Fעברית\u200E', 'नमस्ते दुनिया', '東京都庁', '𠮷野家', '𝐁𝐨𝐥𝐝',
  '\u0000', '\t', '\u00A0', '\u200B', '\uFEFF', '\u2028', '…', '—', '–', '$4.5m', '45%', '3:30 p.m.',
  '\r\n', '\r\n\r\n', '\n\n', '\n', '\r',
];

/** A small seeded PRNG (mulberry32), so generated texts are reproducible. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` generated documents of up to `maxPieces` fragments each. */
export function generated(count, seed = 7, maxPieces = 40) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const separators = [' ', ' ', ' ', '', '\n', '\n\n', '\r\n', ', ', '. '];
  const docs = [];
  for (let d = 0; d < count; d += 1) {
    const n = 1 + Math.floor(next() * maxPieces);
    let text = '';
    for (let i = 0; i < n; i += 1) text += pick(FRAGMENTS) + pick(separators);
    docs.push(text);
  }
  return docs;
}

/** The articles, the fragments alone, and generated mixtures. */
export function corpus() {
  return [...ARTICLES, ...FRAGMENTS, ...generated(150)];
}
