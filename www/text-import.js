// Text in from elsewhere: dropped or opened files (.txt, .md, .html) and
// pastes copied from web pages. Only the words come through: paragraphs are
// kept as blank lines, markup is dropped, nothing in it runs or loads.
//
// HTML is parsed by the browser (it decodes every entity correctly), inside
// an inert <template> (no script runs, nothing is fetched), after every
// attribute has been stripped (no handler, style or URL survives to be
// reported by the CSP). The Trusted Types policy "lede-inert-html" is that
// stripping step and is used for nothing else.

/** Largest file the page opens, in bytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A start tag with its attributes (quoted values may contain `>`). */
const START_TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>/g;

let inertPolicy = null;

/** `html` with every attribute removed, as TrustedHTML where Trusted Types exist. */
function inertHtml(html) {
  const strip = (input) => input.replace(START_TAG, '<$1>');
  const tt = globalThis.trustedTypes;
  if (!tt?.createPolicy) return strip(html);
  inertPolicy ??= tt.createPolicy('lede-inert-html', { createHTML: strip });
  return inertPolicy.createHTML(html);
}

/** Elements whose content is not article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'svg', 'math',
  'iframe', 'object', 'embed', 'canvas', 'select', 'button', 'input', 'textarea', 'audio', 'video',
]);

/** Elements that stand as paragraphs: a blank line around them. */
const PARAGRAPH = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure', 'figcaption', 'table',
  'ul', 'ol', 'dl', 'hr',
]);

/** Other blocks: a line break around them. */
const LINE = new Set([
  'div', 'li', 'tr', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav',
  'address', 'details', 'summary', 'form', 'fieldset', 'caption', 'legend', 'body', 'html',
]);

/** Builds text with paragraph breaks that never pile up. */
class TextBuilder {
  constructor() {
    this.out = '';
    this.pending = 0;
  }

  /** Asks for `count` line breaks before the next text (the most asked for wins). */
  lineBreaks(count) {
    this.pending = Math.max(this.pending, count);
  }

  /** A forced line break (`<br>`). */
  br() {
    this.flush();
    this.out = this.out.replace(/[ \t]+$/, '') + '\n';
  }

  flush() {
    if (this.pending === 0 || this.out === '') {
      this.pending = 0;
      return;
    }
    this.out = this.out.replace(/[ \t]+$/, '');
    const have = this.out.length - this.out.replace(/\n+$/, '').length;
    this.out += '\n'.repeat(Math.max(0, this.pending - have));
    this.pending = 0;
  }

  text(value, preformatted) {
    let s = preformatted ? value : value.replace(/[ \t\n\r\f]+/g, ' ');
    if (s === '') return;
    this.flush();
    if (!preformatted && (this.out === '' || /[ \n]$/.test(this.out))) s = s.replace(/^ +/, '');
    this.out += s;
  }

  result() {
    return this.out.replace(/[ \t]+$/gm, '').replace(/^\n+|\s+$/g, '');
  }
}

function walk(node, builder, preformatted) {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      builder.text(child.data, preformatted);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = child.localName;
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      builder.br();
      continue;
    }
    const breaks = PARAGRAPH.has(tag) ? 2 : LINE.has(tag) ? 1 : 0;
    if (breaks) builder.lineBreaks(breaks);
    if (tag === 'td' || tag === 'th') {
      if (child.previousElementSibling) builder.text('\t', true);
    }
    walk(child, builder, preformatted || tag === 'pre');
    if (breaks) builder.lineBreaks(breaks);
  }
}

/** The text of an HTML document or fragment: paragraphs as blank lines, no markup. */
export function htmlToText(html) {
  const template = document.createElement('template');
  template.innerHTML = inertHtml(html);
  const builder = new TextBuilder();
  walk(template.content, builder, false);
  return builder.result();
}

/** Markdown as plain prose: headings, emphasis, links, images, quotes and code marks removed. */
export function markdownToText(markdown) {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^ {0,3}(```|~~~).*$/gm, '')
    .replace(/^ {0,3}\[[^\]\n]+\]:[ \t]+\S.*$/gm, '')
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '$1')
    .replace(/^ {0,3}(?:=+|-{2,}|\*{3,}|_{3,})[ \t]*$/gm, '')
    .replace(/^((?: {0,3}>[ \t]?)+)/gm, '')
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1')
    .replace(/\[([^\]\n]+)\]\[[^\]\n]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** What kind of text a file holds, from its name and type; null when it is not one we read. */
export function fileKind(file) {
  const name = file.name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || file.type === 'text/html' || file.type === 'application/xhtml+xml') return 'html';
  if (/\.(md|markdown)$/.test(name) || file.type === 'text/markdown') return 'markdown';
  if (/\.txt$/.test(name) || file.type.startsWith('text/')) return 'text';
  return null;
}

/** The article text of a dropped or opened file; throws an `Error` saying why not. */
export async function readTextFile(file) {
  const kind = fileKind(file);
  if (!kind) throw new Error(`“${file.name}” is not a text file: open a .txt, .md or .html file`);
  if (file.size > MAX_FILE_BYTES) throw new Error(`“${file.name}” is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const raw = (await file.text()).replace(/^\uFEFF/, '');
  if (kind === 'html') return htmlToText(raw);
  if (kind === 'markdown') return markdownToText(raw);
  return raw;
}
