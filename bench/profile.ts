/**
 * Runs check() on one benchmark draft repeatedly, for profiling:
 *   node esbuild.mjs --tests && node --cpu-prof --cpu-prof-dir=.bench/prof out/bench/profile.js [1k|20k|1mb|10mb] [runs] [corpus]
 * The draft is built as `npm run bench` builds it (bench/drafts.ts), from the corpus `dev` (the
 * bundled story, the default) or a practice story's name, and checked against that corpus's sheet.
 */
import path from 'node:path';
import { check } from '../src/core';
import { buildDraft, loadCorpora } from './drafts';

const root = path.resolve(__dirname, '..', '..');
const { corpora, note } = loadCorpora(root);
const size = process.argv[2] ?? '20k';
const runs = Number(process.argv[3] ?? 20);
const name = process.argv[4] ?? 'dev';
const c = corpora.find((x) => x.name === name);
if (!c) throw new Error(`corpus must be one of ${corpora.map((x) => x.name).join(', ')} (got ${name})`);
const opts = { '1k': { words: 1000, seed: 1 }, '20k': { words: 20000, seed: 2 }, '1mb': { bytes: 1 << 20, seed: 3 }, '10mb': { bytes: 10 << 20, seed: 4 } }[size];
if (!opts) throw new Error(`size must be 1k, 20k, 1mb or 10mb (got ${size})`);
const text = buildDraft(c, opts).text;
let n = 0;
const t0 = performance.now();
for (let i = 0; i < runs; i++) n += check(text, c.sheet, { cache: false }).length;
process.stdout.write(`${note}\n${name} ${size}: ${runs} runs, ${((performance.now() - t0) / runs).toFixed(2)} ms per check (${n / runs} findings)\n`);
