// Shared by the browser tests: headless Debian Chromium (through
// playwright-core), the page served from www/ by a tiny static server (no
// CSP header, so the page's own <meta> CSP is what is enforced), and a
// per-page log of requests, console errors, page errors and CSP violations.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { ROOT } from '../node/lede.mjs';
import { serve } from './static-server.mjs';

export { analyse } from '../node/lede.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Where screenshots go (git-ignored). */
export const OUTPUT = join(ROOT, 'test-output');

/** Records what the page does, from before its first script runs. */
function recorder() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Long tasks are only observed where supported; the tests that need them check.
  }
  // Long animation frames tell the page's own script time apart from the
  // browser's style, layout and paint in the same frame.
  window.__longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longFrames.push({
          start: e.startTime,
          duration: e.duration,
          scripts: e.scripts.map((s) => ({ duration: s.duration, invoker: s.invoker, source: `${s.sourceURL.split('/').pop()}:${s.sourceFunctionName}` })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // As above.
  }
}

/** Starts the server and a browser; `close()` stops both. */
export async function launch() {
  const server = await serve(join(ROOT, 'www'));
  const profile = mkdtempSync(join(tmpdir(), 'lede-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  const origin = server.url.replace(/\/$/, '');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await context.addInitScript(recorder);
  let log = null;
  context.on('request', (request) => log?.requests.push(request.url()));
  return {
    url: server.url,
    origin,
    context,
    /**
     * Opens a fresh page (`path` under www/, default the Lede page) with its
     * own log; waits until the Lede page's analyser is ready.
     */
    async open({ viewport, ready = true, path = '' } = {}) {
      for (const old of context.pages()) await old.close();
      log = { requests: [], console: [], pageErrors: [], requestsAtLoad: 0 };
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const pageLog = log;
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') pageLog.console.push(`${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => pageLog.pageErrors.push(err.message));
      await page.goto(server.url + path);
      if (ready && path === '') {
        await page.waitForSelector('html[data-lede="ready"]');
      }
      if (ready) pageLog.requestsAtLoad = pageLog.requests.length;
      return { page, log: pageLog };
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Asserts the page stayed clean: every request went to our origin, none at
 * all after load, no console errors or warnings, no page errors, no CSP
 * violations.
 */
export async function assertClean(env, page, log) {
  for (const url of log.requests) assert.ok(url.startsWith(env.origin + '/'), `request left the origin: ${url}`);
  assert.deepEqual(log.requests.slice(log.requestsAtLoad), [], 'no request after load');
  assert.deepEqual(log.console, [], 'no console errors or warnings');
  assert.deepEqual(log.pageErrors, [], 'no page errors');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
}

/** Waits until the latest analysis is rendered; returns the status line. */
export async function waitDone(page) {
  await page.waitForFunction(() => {
    const r = document.getElementById('rendered');
    const a = document.getElementById('article');
    return r.dataset.state === 'done' && r.textContent === a.value;
  });
  return page.textContent('#status');
}

/** Pastes `text` into the article as a person would (clipboard, Ctrl+V). */
export async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#article');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/**
 * The marks in #rendered with their offsets in its textContent, found by
 * walking its text nodes (independent of how the page built them).
 */
export function renderedMarks(page) {
  return page.evaluate(() => {
    const root = document.getElementById('rendered');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const marks = [];
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const mark = node.parentElement.closest('mark');
      if (mark && root.contains(mark)) {
        const last = marks[marks.length - 1];
        if (last && last.element === mark) last.end += node.length;
        else marks.push({ element: mark, label: mark.dataset.label, start: offset, end: offset + node.length });
      }
      offset += node.length;
    }
    return marks.map(({ element, label, start, end }) => ({ start, end, label, text: element.textContent }));
  });
}

/** The textarea's value (the browser normalises line breaks to \n). */
export function articleValue(page) {
  return page.$eval('#article', (a) => a.value);
}

/** Makes the screenshot folder. */
export function outputDir() {
  mkdirSync(OUTPUT, { recursive: true });
  return OUTPUT;
}
