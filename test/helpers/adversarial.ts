/**
 * Adversarial drafts: inputs built to make a checker quadratic, recurse deeply or trip on odd
 * code units. Shared by test/adversarial.test.ts (correctness) and bench/adversarial.ts (timings).
 * Each builder takes the size in UTF-16 code units (about 1 MB by default) and is deterministic.
 */
import { rng } from './rng';

export const ADVERSARIAL_SIZE = 1 << 20;

/** `unit` repeated until the text has `size` code units (cut at a whole unit). */
export function repeat(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

function random(size: number, seed: number, pick: (r: () => number) => string): string {
  const r = rng(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const p = pick(r);
    parts.push(p);
    n += p.length;
  }
  return parts.join('');
}

export interface AdversarialInput {
  name: string;
  build: (size: number) => string;
}

/**
 * Normal prose of about `size` code units from the reference article's paragraphs: the
 * yardstick the adversarial timings are compared with.
 */
export function prose(article: string, size: number): string {
  const paras = article.split(/\n\s*\n/).filter((p) => p.trim());
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const p = paras[i % paras.length];
    out.push(p);
    n += p.length + 2;
  }
  return out.join('\n\n');
}

export const ADVERSARIAL: AdversarialInput[] = [
  { name: '1 MB of "', build: (n) => repeat('"', n) },
  { name: '1 MB of “', build: (n) => repeat('“', n) },
  { name: "1 MB of ' and ’", build: (n) => repeat("'’", n) },
  { name: '1 MB of digits and commas', build: (n) => random(n, 1, (r) => (r() < 0.3 ? ',' : String(Math.floor(r() * 10)))) },
  { name: '1 MB of digit groups (1,234,567,…)', build: (n) => repeat('123,', n) },
  { name: '1 MB of $1,', build: (n) => repeat('$1,', n) },
  { name: '1 MB of capitalised words', build: (n) => random(n, 2, (r) => String.fromCharCode(65 + Math.floor(r() * 26)) + 'abcdefgh'.slice(0, 1 + Math.floor(r() * 7)) + ' ') },
  { name: '1 MB of near-miss names (Araqchi Witcoff)', build: (n) => repeat('Araqchi Witcoff Muskat ', n) },
  { name: '1 MB of spelled numbers', build: (n) => repeat('three thousand one hundred and seventy one twenty twenty-four ', n) },
  { name: 'a single 1 MB line of prose', build: (n) => repeat('The officials said the talks would resume next week, according to the agency. ', n) },
  { name: '200,000 short lines', build: () => repeat('Ab 1,\n', 6 * 200_000) },
  { name: '1 MB of blank lines', build: (n) => repeat('\n', n) },
  { name: 'deeply nested quotes (100k levels)', build: (n) => repeat('“‘', n / 2) + repeat('’”', n / 2) },
  { name: '100k “ with no closer, then prose', build: (n) => repeat('“', 100_000) + repeat('Officials said the deal was a good start. ', n - 100_000) },
  { name: '1 MB of unpaired surrogates in text', build: (n) => random(n, 3, (r) => (r() < 0.5 ? String.fromCharCode(0xd800 + Math.floor(r() * 0x800)) : 'a 3,117 “x” ')) },
  { name: '1 MB of NUL bytes', build: (n) => repeat('\u0000', n) },
  { name: 'NUL bytes between words and figures', build: (n) => repeat('Iran\u0000said 3,171\u0000deaths “a\u0000good start” ', n) },
  { name: 'a 1 MB Markdown table', build: (n) => '| Source | Deaths | Arrests |\n| --- | ---: | ---: |\n' + repeat('| Authorities | 3,171 | 5,000 |\n', n) },
  { name: '50k nested brackets', build: () => repeat('[', 50_000) + 'x' + repeat(']', 50_000) },
  { name: '1 MB of link syntax [a](', build: (n) => repeat('[a](', n) },
  { name: '1 MB of front-matter fence lines', build: (n) => repeat('---\n', n) },
  { name: '1 MB of code fence lines', build: (n) => repeat('```\n', n) },
  { name: '1 MB of unclosed <!--', build: (n) => repeat('<!-- 3,171 ', n) },
  { name: '1 MB of backticks', build: (n) => repeat('`', n) },
  { name: 'RTL text, RLO and combining marks', build: (n) => repeat('\u202eقالَ الوزيرُ \u0651\u0301e\u0301\u0301\u0301 3,171 “\u05e9\u05dc\u05d5\u05dd” \u200f', n) },
  { name: '1 MB of emoji and ZWJ sequences', build: (n) => repeat('👩‍👩‍👧‍👦 3,171 🇮🇷 ', n) },
  // A masked region on a last line with no line break once re-masked the whole line (quadratic).
  { name: '5000 HTML tags on an unterminated last line', build: () => repeat('<b>x</b> ', 9 * 5000) },
  { name: '10,000 links on an unterminated last line', build: () => repeat('[3,171](http://x.y/a) ', 22 * 10_000) },
  // A pronoun's antecedent was looked for in every sentence before it, and each ratio phrase read
  // every figure of its paragraph (both quadratic in one long paragraph).
  { name: '1 MB of “A good start,” he said.', build: (n) => repeat('“A good start,” he said. ', n) },
  { name: '1 MB of ratios between figures', build: (n) => repeat('HRANA counts 6,872 dead, three times the official toll of 3,117, ', n) },
  // Reviewed shapes: a long run of capitalised words before full names (unknown titles), and
  // rule lines of a plain-text table one after another.
  { name: '1 MB of capitalised words before full names', build: (n) => repeat('Steve Witkoff of the Zed and the Qua ', n) },
  { name: '1 MB of plain-text table rules', build: (n) => repeat('---  ---\n', n) },
  { name: '1 MB of plain-text tables with no blank line', build: (n) => repeat('Name  Role\n----  ----\n', n) },
];

/** Inputs of a fixed size (they do not grow with the size asked for). */
export const FIXED_SIZE = new Set(['50k nested brackets', '200,000 short lines', '5000 HTML tags on an unterminated last line', '10,000 links on an unterminated last line']);
