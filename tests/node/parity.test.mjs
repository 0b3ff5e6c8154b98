// The native CLI and the wasm build give identical results for the same
// text (both are thin shells over one core; this catches drift at either
// boundary). Lone surrogates are left out: they cannot be written as UTF-8.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { EXAMPLE_ARTICLE } from '../../www/example.js';
import { ARTICLES, corpus } from './corpus.mjs';
import { analyse, ROOT } from './lede.mjs';

const CLI = process.env.LEDE_CLI ?? join(ROOT, 'target', 'release', 'lede');

function cli(args, input) {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`make build\` first`);
  const run = spawnSync(CLI, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, `lede ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

const hasLoneSurrogate = (text) => !text.isWellFormed();

test('one document: CLI JSON equals the wasm result', () => {
  const texts = [EXAMPLE_ARTICLE, ...ARTICLES, '', 'a\u0000@bob 🤨 #x\r\n', '👩‍👩‍👧 @maria_k Cafe\u0301 https://example.org/a?b=1'];
  for (const text of texts) {
    const native = JSON.parse(cli(['--offsets', 'utf16'], text));
    assert.deepEqual(native, analyse(text), `text ${JSON.stringify(text.slice(0, 40))}`);
  }
});

test('one document with options: labels, no attributions, sentences, tokens', () => {
  const text = EXAMPLE_ARTICLE;
  const native = JSON.parse(cli(['--offsets', 'utf16', '--labels', 'URL,HANDLE', '--no-attributions', '--sentences', '--tokens'], text));
  const wasm = analyse(text, { labels: ['URL', 'HANDLE'], attributions: false, sentences: true, tokens: true });
  assert.deepEqual(native, wasm);
});

test('the whole corpus through --jsonl equals the wasm results', () => {
  const texts = corpus().filter((t) => !hasLoneSurrogate(t));
  const input = texts.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n';
  const lines = cli(['--jsonl', '--offsets', 'utf16'], input).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, texts.length);
  lines.forEach((line, i) => {
    assert.equal(line.id, i);
    const wasm = analyse(texts[i]);
    assert.deepEqual({ entities: line.entities, attributions: line.attributions },
      { entities: wasm.entities, attributions: wasm.attributions }, `document ${i}`);
  });
});
