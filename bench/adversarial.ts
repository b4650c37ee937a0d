/**
 * Adversarial benchmark (`node esbuild.mjs --tests && node out/bench/adversarial.js`): times
 * check() on each adversarial input of test/helpers/adversarial.ts against normal prose of the
 * same size, prints a table and writes bench/adversarial.json. Each input is also timed at a
 * half of the size, so the table shows how time grows (2.0x for linear; a quarter proved too
 * small: at 256 KB a collection or a tier-up can take as long as the check).
 *
 * Options: --size BYTES (default 1 MiB), --no-write (print only), --only TEXT (inputs whose name has TEXT).
 */
import fs from 'node:fs';
import path from 'node:path';
import { check, loadFactSheet } from '../src/core';
import { ADVERSARIAL, ADVERSARIAL_SIZE, prose } from '../test/helpers/adversarial';

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const size = Number(opt('--size') ?? ADVERSARIAL_SIZE);
const only = opt('--only');

const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
const article = fs.readFileSync(path.join(root, 'reference', 'article.txt'), 'utf8');

/** Median CPU milliseconds of `runs` first checks (no paragraph cache), after two warm-ups. */
function time(text: string, runs = 5): { ms: number; findings: number } {
  check(text, sheet, { cache: false });
  let findings = check(text, sheet, { cache: false }).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    findings = check(text, sheet, { cache: false }).length;
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { ms: times[runs >> 1], findings };
}

function main(): void {
  const base = time(prose(article, size));
  const baseHalf = time(prose(article, size / 2));
  const rows: { input: string; chars: number; ms: number; ratioToProse: number; growth2x: number; findings: number }[] = [];
  rows.push({ input: 'normal prose (yardstick)', chars: prose(article, size).length, ms: base.ms, ratioToProse: 1, growth2x: base.ms / Math.max(baseHalf.ms, 0.01), findings: base.findings });
  for (const a of ADVERSARIAL) {
    if (only && !a.name.includes(only)) continue;
    const text = a.build(size);
    const full = time(text);
    const half = time(a.build(size / 2));
    // Inputs of a fixed size (FIXED_SIZE: 200,000 lines, 50k brackets, the unterminated lines) do not shrink: their growth is 1.
    rows.push({ input: a.name, chars: text.length, ms: full.ms, ratioToProse: full.ms / base.ms, growth2x: full.ms / Math.max(half.ms, 0.01), findings: full.findings });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
  const lines = [
    `${pad('input', 44)} ${lpad('chars', 9)} ${lpad('ms (CPU)', 9)} ${lpad('× prose', 8)} ${lpad('×2 size', 8)} ${lpad('findings', 8)}`,
    ...rows.map((r) => `${pad(r.input, 44)} ${lpad(r.chars.toLocaleString('en-US'), 9)} ${lpad(r.ms.toFixed(1), 9)} ${lpad(r.ratioToProse.toFixed(2), 8)} ${lpad(r.growth2x.toFixed(1), 8)} ${lpad(String(r.findings), 8)}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (args.includes('--no-write') || only) return;
  const out = { date: new Date().toISOString(), size, node: process.version, note: 'ms: median CPU time of 5 first checks (cache off); × prose: ratio to normal prose of the same size; ×2 size: time at full size / time at half of it (2 is linear)', rows };
  fs.writeFileSync(path.join(root, 'bench', 'adversarial.json'), JSON.stringify(out, null, 2) + '\n');
  process.stdout.write('wrote bench/adversarial.json\n');
}

main();
