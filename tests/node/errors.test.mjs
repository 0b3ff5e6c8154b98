// Every error that reaches JavaScript is an Error whose message names what
// was wrong and says what to pass instead: bad options to analyse() (each
// option checked by name), a text that is not a string, and an analyser whose
// wasm cannot be loaded.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { analyse, ROOT } from './lede.mjs';

/** The message `fn` throws; fails unless it throws an Error. */
function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof Error, `expected an Error, got ${String(err)}`);
    return err.message;
  }
  assert.fail('expected an exception');
}

test('a wrong option value names the option, what it got and what to pass', () => {
  const cases = [
    [{ labels: 'PERSON' }, /options\.labels must be an array of label names/, /got the string "PERSON"/, /write \["PERSON"\]/],
    [{ labels: ['PER'] }, /options\.labels\[0\] is the string "PER", which is not a label/, /use one of PERSON, ORG, PLACE/],
    [{ labels: ['ORG', 'person'] }, /options\.labels\[1\] is the string "person"/, /upper case: "PERSON"/],
    [{ labels: [7] }, /options\.labels\[0\] is the number 7/],
    [{ labels: 42 }, /options\.labels must be an array/, /got the number 42/],
    [{ attributions: 'yes' }, /options\.attributions must be true or false; got the string "yes"/],
    [{ sentences: 1 }, /options\.sentences must be true or false; got the number 1/],
    [{ tokens: null }, /options\.tokens must be true or false; got null/],
    [{ tokens: {} }, /options\.tokens must be true or false; got object/],
  ];
  for (const [options, ...patterns] of cases) {
    const message = messageOf(() => analyse('Mayor Ann Lee spoke.', options));
    assert.match(message, /^lede\.analyse: invalid options: /, JSON.stringify(options));
    for (const pattern of patterns) assert.match(message, pattern, `${JSON.stringify(options)}: ${message}`);
  }
});

test('valid options still pass the checks, null labels meaning all', () => {
  const text = 'Mayor Ann Lee of Leeds spoke on Monday.';
  const all = analyse(text);
  assert.deepEqual(analyse(text, { labels: null }), all);
  const people = analyse(text, { labels: ['PERSON'], attributions: false, sentences: true, tokens: false });
  assert.ok(people.entities.length > 0);
  assert.ok(people.entities.every((e) => e.label === 'PERSON'), JSON.stringify(people.entities));
  assert.equal(analyse(text, { labels: [] }).entities.length, 0, 'an empty list reports no entities');
});

test('a text that is not a string names its type', () => {
  for (const [value, type] of [[Symbol('s'), 'symbol'], [10n, 'bigint'], [() => 'x', 'function'], [new String('x'), 'object']]) {
    assert.match(messageOf(() => analyse(value)), new RegExp(`^lede\\.analyse: the first argument must be a string \\(the article text\\), got ${type}$`));
  }
});

test('an analyser whose wasm cannot be loaded says where the wasm must be', () => {
  // A fresh process, so that the wasm is not loaded already.
  const dir = join(ROOT, 'target', 'node-errors-consumer');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(join(ROOT, 'www', 'pkg'), join(dir, 'node_modules', 'lede'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'main.js'), `
import { createAnalyser } from 'lede';
const analyser = createAnalyser({ wasmUrl: new URL('file:///nowhere/lede_bg.wasm') });
const message = await analyser.ready.then(() => 'loaded', (err) => (err instanceof Error ? err.message : 'not an Error'));
console.log(JSON.stringify(message));
`);
  const message = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: dir, encoding: 'utf8' }));
  assert.match(message, /^lede: could not load the analyser \(/);
  assert.match(message, /serve lede_bg\.wasm next to the package's worker\.js, or pass its URL as createAnalyser\(\{ wasmUrl \}\)$/);
  rmSync(dir, { recursive: true, force: true });
});
