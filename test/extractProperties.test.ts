/**
 * Property-based tests of the extractor (fast-check): random mutations of real articles (the
 * bundled one and copies of the practice stories). Whatever the article, `extract` proposes a
 * sheet that loads (validator and citations), and checking the article against its own proposal
 * finds nothing. Seeds are fixed so a failure replays.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { check, checkCitations, extractFacts, validateFactSheet } from '../src/core';
import { applyEdit, type TextEdit } from './helpers/edits';

const root = path.resolve(__dirname, '..', '..');
const extractDir = path.join(root, 'test', 'fixtures', 'extract');
const articles: { text: string; markdown: boolean }[] = [
  { text: fs.readFileSync(path.join(root, 'reference', 'article.txt'), 'utf8'), markdown: false },
  ...fs
    .readdirSync(extractDir)
    .sort()
    .map((n) => ({ text: fs.readFileSync(path.join(extractDir, n, 'article.md'), 'utf8'), markdown: true })),
];

const SCALE = Number(process.env.PROPERTY_SCALE) || 1;
const SEED_OFFSET = Number(process.env.PROPERTY_SEED) || 0;

/** Pieces that exercise the extractor: names, titles, speech, figures, dates, quote marks, markup. */
const SPICE = [
  '“', '”', '‘', '’', '"', "'", '«', '»', '(', ')', '&', ' & ', '-', '—', ',', '.', ' ', '\n', '\n\n', '\r\n', '\t',
  '\u00a0', '\ufeff', '\u0000', '😀', 'e\u0301', '# ', '- ', '> ', '`', '*', '|', '0', '1', '7', '3,117', '2022',
  ' said ', ' she said', ' told ', ' according to ', ' Chief executive ', ' chief executive ', ' spokeswoman ',
  ' Ana Ruiz', ' Ruiz', ' Ruiz & Bloom', ' Bank', ' Council', ' Radio', ' in Northgate', ' on Telegram',
  ' February 2022', ' 14 to 16 March', ' Monday', ' over 25 years', ' as much as $150 million', ' up to 40%',
  ' a third ', ' more than ', ' about ', ' per cent', ' million', ' bn',
];

type Mutation =
  | TextEdit
  | { kind: 'case'; at: number; length: number; upper: boolean }
  | { kind: 'crlf' };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at, text: fc.oneof(fc.constantFrom(...SPICE), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('replace' as const), at, length: fc.integer({ min: 1, max: 8 }), text: fc.constantFrom(...SPICE) }),
  // A repeated passage: the same names, figures and quotes twice (ids must stay unique).
  fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('case' as const), at, length: fc.integer({ min: 1, max: 60 }), upper: fc.boolean() }),
  fc.constant({ kind: 'crlf' as const }),
);

function mutate(text: string, m: Mutation): string {
  const i = 'at' in m ? Math.floor(m.at * (text.length + 1)) : 0;
  switch (m.kind) {
    case 'insert':
    case 'delete':
    case 'replace':
    case 'duplicate':
      return applyEdit(text, m);
    case 'case': {
      const part = text.slice(i, i + m.length);
      return text.slice(0, i) + (m.upper ? part.toUpperCase() : part.toLowerCase()) + text.slice(i + m.length);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
  }
}

const mutatedArticle = fc
  .record({
    article: fc.integer({ min: 0, max: articles.length - 1 }),
    from: at,
    span: fc.oneof(fc.constant(Infinity), fc.integer({ min: 40, max: 2500 })),
    mutations: fc.array(mutation, { maxLength: 8 }),
  })
  .map(({ article, from, span, mutations }) => {
    const a = articles[article];
    const start = span === Infinity ? 0 : Math.floor(from * a.text.length);
    return { text: mutations.reduce(mutate, a.text.slice(start, start + span)), markdown: a.markdown };
  });

/** The proposal for `text`: valid as JSON would load it, every citation in the article. */
function propose(text: string, markdown: boolean) {
  const { sheet } = extractFacts(text, { articlePath: 'article.md', markdown });
  const loaded = validateFactSheet(JSON.parse(JSON.stringify(sheet)));
  assert.deepEqual(checkCitations(loaded, text), []);
  return loaded;
}

/** Findings on the article itself, other than quotes the sheet does not hold. */
const ownFindings = (text: string, markdown: boolean) =>
  check(text, propose(text, markdown), { markdown })
    .filter((f) => f.ruleId !== 'quote-unverified')
    .map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.start, f.end))}: ${f.message}`);

describe('properties of extract (fast-check)', () => {
  it('each unmutated article gives a valid proposal that its own article passes', () => {
    for (const a of articles) assert.deepEqual(ownFindings(a.text, a.markdown), []);
  });

  it(`mutated articles: the proposal always validates (${Math.round(150 * SCALE)} cases)`, function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(mutatedArticle, ({ text, markdown }) => void propose(text, markdown)),
      { numRuns: Math.round(150 * SCALE), seed: 11 + SEED_OFFSET, endOnFailure: false },
    );
  });

  it(`mutated articles: checking the article against its own proposal finds nothing (${Math.round(100 * SCALE)} cases)`, function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(mutatedArticle, ({ text, markdown }) => assert.deepEqual(ownFindings(text, markdown), [])),
      { numRuns: Math.round(100 * SCALE), seed: 12 + SEED_OFFSET, endOnFailure: false },
    );
  });
});
