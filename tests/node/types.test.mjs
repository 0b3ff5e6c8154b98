// The package's TypeScript declarations: consumer examples in tests/types
// type-check (strict) against www/pkg through its exports map, as a page
// (node and bundler resolution) and as a worker; and they would fail on a
// wrong type (a copy with a deliberate mistake must not type-check).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import test from 'node:test';

import { ROOT } from './lede.mjs';

const TYPES = join(ROOT, 'tests', 'types');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

/** tests/types/node_modules/lede → www/pkg (git-ignored), as a consumer would have it. */
function linkPackage(dir) {
  const link = join(dir, 'node_modules', 'lede');
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  if (existsSync(link) || lstatSync(link, { throwIfNoEntry: false })) rmSync(link, { force: true, recursive: true });
  symlinkSync(relative(join(dir, 'node_modules'), join(ROOT, 'www', 'pkg')), link, 'dir');
}

function tsc(project) {
  const run = spawnSync(TSC, ['--noEmit', '-p', project], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

test('typescript is installed (an exact dev dependency)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.match(pkg.devDependencies.typescript, /^\d+\.\d+\.\d+$/);
  assert.ok(existsSync(TSC), `${TSC} (run make setup)`);
});

for (const config of ['tsconfig.json', 'tsconfig.bundler.json', 'tsconfig.worker.json']) {
  test(`tsc --noEmit -p tests/types/${config}`, () => {
    linkPackage(TYPES);
    const { status, output } = tsc(join(TYPES, config));
    assert.equal(status, 0, output);
  });
}

test('the checks have teeth: a consumer that misuses the API does not type-check', () => {
  const dir = join(ROOT, 'test-output', 'types-negative');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(TYPES, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}\n');
  linkPackage(dir);
  writeFileSync(join(dir, 'page-consumer.ts'), `
import { analyse, toCSV } from 'lede';
const analysis = analyse('text');
const wrong: number = analysis.entities[0]!.label;
toCSV('text', analysis, { bom: 'yes' });
export { wrong };
`);
  writeFileSync(join(dir, 'core-compat.ts'), 'export {};\n');
  const { status, output } = tsc(join(dir, 'tsconfig.json'));
  assert.notEqual(status, 0);
  assert.match(output, /page-consumer\.ts\(4,7\): error TS2322/);
  assert.match(output, /page-consumer\.ts\(5,27\): error TS2322/);
});
