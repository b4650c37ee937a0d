/**
 * Measures fact-sheet extraction: proposes a sheet from each article and compares it with its
 * hand-curated sheet (definitions in test/helpers/extractScore.ts).
 * Run: node esbuild.mjs --tests && node out/bench/extract.js [--verbose]
 */
import fs from 'node:fs';
import path from 'node:path';
import { check, extractFactSheet, loadFactSheet, validateFactSheet } from '../src/core';
import { CATEGORIES, scoreExtraction } from '../test/helpers/extractScore';

const root = path.resolve(__dirname, '..', '..');
const verbose = process.argv.includes('--verbose');
const stories = [
  { name: 'bundled (reference/)', dir: path.join(root, 'reference') },
  { name: 'council (test/fixtures/cli/)', dir: path.join(root, 'test', 'fixtures', 'cli', 'council') },
  ...fs
    .readdirSync(path.join(root, 'test', 'fixtures', 'stories'))
    .sort()
    .map((n) => ({ name: n, dir: path.join(root, 'test', 'fixtures', 'stories', n) })),
  // Copies of the practice stories of the accuracy evaluation (article and curated sheet).
  ...fs
    .readdirSync(path.join(root, 'test', 'fixtures', 'extract'))
    .sort()
    .map((n) => ({ name: n, dir: path.join(root, 'test', 'fixtures', 'extract', n) })),
];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
let allFound = 0;
let allCurated = 0;
let allExtra = 0;
for (const { name, dir } of stories) {
  const curated = loadFactSheet(fs.readFileSync(path.join(dir, 'facts.json'), 'utf8'));
  const article = fs.readFileSync(path.join(dir, curated.story.article), 'utf8');
  const markdown = /\.(?:md|markdown)$/i.test(curated.story.article);
  const proposed = validateFactSheet(JSON.parse(JSON.stringify(extractFactSheet(article, { articlePath: curated.story.article, markdown }))));
  const own = check(article, proposed, { markdown }).filter((f) => f.ruleId !== 'quote-unverified');
  const s = scoreExtraction(proposed, curated);
  allFound += s.found;
  allCurated += s.curated;
  allExtra += s.extra;
  console.log(`${name}: ${s.found}/${s.curated} curated facts proposed (${pct(s.coverage)}), ${s.extra} proposals not in the curated sheet; reporters agree on ${s.reporters.agree}/${s.reporters.of} matched figures; entities named ${s.named.entities}/${s.byCategory.entities.curated}, right type ${s.named.rightType}/${s.named.entities}; quotes ${s.named.quotes}/${s.byCategory.quotes.curated}, right speaker ${s.named.rightSpeaker}/${s.named.quotes}; own article: ${own.length} findings`);
  if (verbose) for (const f of own) console.log(`    OWN ${f.ruleId} ${JSON.stringify(article.slice(f.start, f.end))}: ${f.message}`);
  for (const c of CATEGORIES) {
    const b = s.byCategory[c];
    console.log(`  ${c.padEnd(9)} ${b.found}/${b.curated}  extra ${b.extra}${b.missed.length ? `  missed: ${b.missed.join(', ')}` : ''}${verbose && b.extras.length ? `  extras: ${b.extras.join(', ')}` : ''}`);
  }
}
console.log(`all: ${allFound}/${allCurated} (${pct(allFound / allCurated)}), ${allExtra} proposals not in the curated sheets`);
