/**
 * Runs check() on one generated benchmark draft repeatedly, for profiling:
 *   node esbuild.mjs --tests && node --cpu-prof --cpu-prof-dir=.bench/prof out/bench/profile.js [1k|20k|1mb|10mb] [runs]
 */
import fs from 'node:fs';
import path from 'node:path';
import { check, loadFactSheet } from '../src/core';
import { generateDraft, loadSource } from './drafts';

const root = path.resolve(__dirname, '..', '..');
const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
const source = loadSource(root, sheet, path.resolve(root, '..', 'shared', 'eval', 'dev'));
const size = process.argv[2] ?? '20k';
const runs = Number(process.argv[3] ?? 20);
const opts = { '1k': { words: 1000, seed: 1 }, '20k': { words: 20000, seed: 2 }, '1mb': { bytes: 1 << 20, seed: 3 }, '10mb': { bytes: 10 << 20, seed: 4 } }[size];
if (!opts) throw new Error(`size must be 1k, 20k, 1mb or 10mb (got ${size})`);
const text = generateDraft(source, opts);
let n = 0;
const t0 = performance.now();
for (let i = 0; i < runs; i++) n += check(text, sheet, { cache: false }).length;
process.stdout.write(`${size}: ${runs} runs, ${((performance.now() - t0) / runs).toFixed(2)} ms per check (${n / runs} findings)\n`);
