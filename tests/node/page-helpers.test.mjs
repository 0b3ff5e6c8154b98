// The page's pure helpers: share-link encoding (www/share.js) and markdown
// to prose (www/text-import.js). HTML to text needs a browser: see
// tests/browser/comforts.test.mjs.

import assert from 'node:assert/strict';
import test from 'node:test';

import { EXAMPLE_ARTICLE } from '../../www/example.js';
import { fromBase64Url, isShareFragment, MAX_SHARED_BYTES, shareFragment, textFromFragment, toBase64Url } from '../../www/share.js';
import { fileKind, markdownToText } from '../../www/text-import.js';

test('base64url round-trips every byte value without + / or =', () => {
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);
  const encoded = toBase64Url(bytes);
  assert.match(encoded, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(fromBase64Url(encoded), bytes);
  for (let n = 0; n < 5; n += 1) assert.deepEqual(fromBase64Url(toBase64Url(bytes.subarray(0, n))), bytes.subarray(0, n));
  assert.throws(() => fromBase64Url('abc+/='), /do not belong/);
});

test('share fragments: compressed, URL-safe, and back to the same text (emoji, CRLF, RTL)', async () => {
  for (const text of ['', 'x', EXAMPLE_ARTICLE, 'Café 👩‍👩‍👧 مرحبا @city_hall\r\n\r\n“Quote,” she said.\u2028end']) {
    const fragment = await shareFragment(text);
    assert.ok(isShareFragment(fragment), fragment.slice(0, 10));
    assert.match(fragment, /^#t=[A-Za-z0-9_-]*$/);
    assert.equal(await textFromFragment(fragment), text);
  }
  const fragment = await shareFragment(EXAMPLE_ARTICLE);
  assert.ok(fragment.length < EXAMPLE_ARTICLE.length, `compressed: ${fragment.length} < ${EXAMPLE_ARTICLE.length}`);
  assert.equal(await textFromFragment(`#u=${toBase64Url(new TextEncoder().encode('plain ✓'))}`), 'plain ✓', 'uncompressed links read too');
});

test('damaged, hostile or oversized share links fail with a reason', async () => {
  const fragment = await shareFragment(EXAMPLE_ARTICLE);
  await assert.rejects(textFromFragment(fragment.slice(0, fragment.length / 2)), /damaged or incomplete/);
  await assert.rejects(textFromFragment('#t=%3Cscript%3E'), /do not belong/);
  // 30 MB of zeros compress to a few kB: unpacking stops at the limit.
  const bomb = new Blob([new Uint8Array(MAX_SHARED_BYTES + 10 * 1024 * 1024)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(bomb).arrayBuffer());
  await assert.rejects(textFromFragment(`#t=${toBase64Url(bytes)}`), /larger than 20 MB/);
  assert.equal(isShareFragment('#section-2'), false);
});

test('markdown becomes prose: headings, emphasis, links, images, quotes and code marks go; handles stay', () => {
  const md = [
    '# Council Approves Budget',
    '',
    '**SACRAMENTO** — The council voted *7-2* on [Tuesday](https://example.org/vote "vote").',
    '',
    '> “We will rebuild,” said Mayor Ana Ruiz.',
    '> > nested',
    '',
    '![A flooded street](img/street.jpg)',
    '',
    'Follow @city_hall and #Budget2025, or write to press@example.org: <https://example.org/budget>.',
    'snake_case_name and 2*3*4 stay; `code` loses its marks.',
    '',
    '---',
    '[ref]: https://example.org/ref',
    'Heading Two',
    '===========',
  ].join('\n');
  assert.equal(markdownToText(md), [
    'Council Approves Budget',
    '',
    'SACRAMENTO — The council voted 7-2 on Tuesday.',
    '',
    '“We will rebuild,” said Mayor Ana Ruiz.',
    'nested',
    '',
    'A flooded street',
    '',
    'Follow @city_hall and #Budget2025, or write to press@example.org: https://example.org/budget.',
    'snake_case_name and 2*3*4 stay; code loses its marks.',
    '',
    'Heading Two',
  ].join('\n'));
});

test('file kinds: by extension or type; anything else is refused', () => {
  const file = (name, type = '') => ({ name, type });
  assert.equal(fileKind(file('story.TXT')), 'text');
  assert.equal(fileKind(file('story.md')), 'markdown');
  assert.equal(fileKind(file('story.htm')), 'html');
  assert.equal(fileKind(file('clip', 'text/html')), 'html');
  assert.equal(fileKind(file('notes', 'text/plain')), 'text');
  assert.equal(fileKind(file('photo.png', 'image/png')), null);
  assert.equal(fileKind(file('archive.zip')), null);
});
