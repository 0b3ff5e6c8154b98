// The page's example article: the features it promises, and a clean analysis.

import assert from 'node:assert/strict';
import test from 'node:test';

import { EXAMPLE_ARTICLE } from '../../www/example.js';
import { analyse, assertContract } from './lede.mjs';

const text = EXAMPLE_ARTICLE;

test('the example is a 300–450 word article with a headline', () => {
  const words = text.trim().split(/\s+/u).length;
  assert.ok(words >= 300 && words <= 450, `${words} words`);
  const [headline, blank] = text.split('\n');
  assert.ok(headline.length > 20 && !/[.!?]$/.test(headline), 'first line is a headline');
  assert.equal(blank, '');
});

test('the example has every shape of attribution and figure the page should show', () => {
  const has = (pattern, what) => assert.match(text, pattern, what);
  has(/“[^”]+,” said [A-Z]/u, 'quote then "said X"');
  has(/[A-Z]\w+ said: “/u, '"X said:" before a quote');
  has(/“[^”]+,” said [^“]+, “[^”]+”/u, 'a split quote');
  has(/\b[Aa]ccording to\b/u, '"according to"');
  has(/\bofficials\b[^.]*\bsaid\b/iu, 'an anonymous source');
  has(/\ballegedly\b/u, 'a hedge');
  has(/\$\d+(\.\d+)? million/u, 'money');
  has(/\d+%|\d+ percent/u, 'a percentage');
  has(/\b\d{1,2}:\d{2} [ap]\.m\./u, 'a clock time');
  has(/\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/u, 'a date');
  has(/\b\d{1,3},\d{3}\b/u, 'a number with a thousands separator');
  has(/\p{Extended_Pictographic}/u, 'an emoji in the social post');
  has(/\p{L}pic\.twitter\.com\/\w+/u, 'a pic.twitter.com link glued to the last word');
  has(/^— [^\n(]+ \(@\w+\) [A-Z][a-z]+ \d{1,2}, \d{4}$/mu, 'the post trailer line');
  has(/(^|\s)#\w+/u, 'a hashtag');
  has(/https:\/\/\S+/u, 'a URL');
});

test('the example analyses cleanly and its handle, hashtag, link and email are found', () => {
  const r = analyse(text, { sentences: true, tokens: true });
  assertContract(text, r);
  for (const [label, mention] of [
    ['HANDLE', '@MayorElenaMarsh'],
    ['HASHTAG', '#RebuildRiverside'],
    ['URL', 'https://riverside-plan.example.org/full-text'],
    ['EMAIL', 'comments@riverside-plan.example.org'],
  ]) {
    const start = text.indexOf(mention);
    const found = r.entities.find((e) => e.start === start && e.end === start + mention.length);
    assert.equal(found?.label, label, `${mention} should be a ${label}`);
  }
});
