/**
 * Benchmark drafts: built from the bundled story's copy (reference/article.txt) and, when present,
 * the labelled dev drafts of ../shared/eval/dev (rendered to plain text). Article sentences are
 * used as written or with one divergence (a figure, a name or a quote changed) at roughly the
 * density of real copy with mistakes; paragraphs are regrouped, and headings and fact-box lists
 * are mixed in, so a long draft is not one paragraph repeated. Deterministic for a given seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FactSheet } from '../src/core';
import { rng } from '../test/helpers/rng';


/** Renders a labelled dev draft to what an editor would see: `[[wrong=>right#kind]]` → `wrong`, `{{x}}` → `x`. */
export function renderLabelled(template: string): string {
  return template.replace(/\[\[([\s\S]*?)\]\]/g, (_, body: string) => {
    const spec = body.slice(0, body.lastIndexOf('#'));
    const arrow = spec.indexOf('=>');
    return arrow >= 0 ? spec.slice(0, arrow) : spec;
  }).replace(/\{\{([\s\S]*?)\}\}/g, '$1');
}

/** The rendered dev drafts of `dir` (empty if the folder is absent), as [name, text, markdown]. */
export function loadDevDrafts(dir: string): { name: string; text: string; markdown: boolean }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(?:md|markdown|txt)$/i.test(f) && f !== 'article.txt')
    .sort()
    .map((f) => ({ name: f, text: renderLabelled(fs.readFileSync(path.join(dir, f), 'utf8')), markdown: !/\.txt$/i.test(f) }));
}

export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

const SENTENCE_END = /(?<=[.!?][”’"]?)\s+(?=[“‘"A-Z])/;

/** Divergent spellings a reporter might type, keyed by the verified spelling. */
const MISSPELL: Record<string, string[]> = {
  Araghchi: ['Araqchi', 'Araghchy', 'Arakchi', 'Aragchi'],
  Witkoff: ['Witkof', 'Whitkoff', 'Witcoff'],
  Kushner: ['Kushnar', 'Kushener'],
  Jared: ['Jarred'],
  Muscat: ['Muskat', 'Muscatt'],
  'Al Jazeera': ['Al Jazera', 'Al Jazeerah'],
  Telegram: ['Telegramm'],
  Abbas: ['Abas'],
};
/** Quote wording that diverges from the verified quote. */
const MISQUOTE: Record<string, string[]> = {
  'never negotiable': ['not negotiable', 'non-negotiable', 'never up for negotiation'],
  'inalienable right': ['unalienable right', 'undeniable right'],
  'reassuring agreement': ['reassuring deal', 'comforting agreement'],
  'a good start': ['a great start', 'a good beginning'],
  'very positive atmosphere': ['positive atmosphere', 'very constructive atmosphere'],
};
/** Correct copy written another way (the checker must read these as the same fact). */
const RESTYLE: [RegExp, string[]][] = [
  [/3,117/g, ['3117', '3 117', 'three thousand one hundred and seventeen']],
  [/6,872/g, ['6872', 'almost 6,900', 'nearly 6,900']],
  [/\$32\.5 billion/g, ['$32.5bn', 'US$32.5 billion', '32.5 billion dollars']],
  [/more than a quarter/g, ['over 25%', 'more than 25 per cent']],
  [/more than 50,000/g, ['over 50,000', '50,000+', 'over 50 thousand']],
];

/** A figure written wrong: two digits swapped, a digit changed, or a zero dropped. */
function wrongFigure(fig: string, r: () => number): string {
  const digits = [...fig].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (digits.length < 2) return fig.replace(/\d/, (d) => String((Number(d) + 1) % 10));
  const k = Math.floor(r() * 3);
  const chars = [...fig];
  if (k === 0) {
    // Swap two different adjacent digits ("3,117" → "3,171").
    const pairs = digits.slice(0, -1).map((a, i) => [a, digits[i + 1]]).filter(([a, b]) => chars[a] !== chars[b]);
    if (pairs.length) {
      const [a, b] = pairs[Math.floor(r() * pairs.length)];
      [chars[a], chars[b]] = [chars[b], chars[a]];
      return chars.join('');
    }
  }
  if (k === 1 && /0/.test(fig)) return fig.replace(/0(?=[^0]*$)/, '');
  const at = digits[1 + Math.floor(r() * (digits.length - 1))];
  chars[at] = String((Number(chars[at]) + 1 + Math.floor(r() * 8)) % 10);
  return chars.join('');
}

interface Source {
  /** Article paragraphs, each split into sentences. */
  paragraphs: string[][];
  /** Rendered dev draft blocks (paragraphs, lists, tables), used as written. */
  devBlocks: string[];
  figures: string[];
}

/** Reads the copy the generator draws from. */
export function loadSource(root: string, sheet: FactSheet, devDir: string): Source {
  const article = fs.readFileSync(path.join(root, 'reference', 'article.txt'), 'utf8');
  const paragraphs = article
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(SENTENCE_END));
  const devBlocks = loadDevDrafts(devDir)
    .flatMap((d) => d.text.split(/\n\s*\n/))
    .map((b) => b.trim())
    .filter((b) => b && !/^#/.test(b));
  const figures = sheet.figures.map((f) => f.text).filter((t) => /\d/.test(t));
  return { paragraphs, devBlocks, figures };
}

export interface DraftOptions {
  /** Stop after this many words… */
  words?: number;
  /** …or this many UTF-8 bytes. */
  bytes?: number;
  seed: number;
  /** Share of article sentences that carry one divergence. */
  divergence?: number;
}

/** Mutates one sentence: a figure, a name or a quote diverges (if the sentence has one). */
function diverge(s: string, src: Source, r: () => number): string {
  const options: (() => string)[] = [];
  for (const f of src.figures) {
    const m = /[\d,.]+\d/.exec(f);
    if (m && s.includes(m[0])) options.push(() => s.replace(m[0], wrongFigure(m[0], r)));
  }
  if (s.includes('billion')) options.push(() => s.replace('billion', 'million'));
  for (const [right, wrongs] of Object.entries(MISSPELL)) {
    if (s.includes(right)) options.push(() => s.replace(right, wrongs[Math.floor(r() * wrongs.length)]));
  }
  for (const [right, wrongs] of Object.entries(MISQUOTE)) {
    if (s.includes(right)) options.push(() => s.replace(right, wrongs[Math.floor(r() * wrongs.length)]));
  }
  return options.length ? options[Math.floor(r() * options.length)]() : s;
}

function restyle(s: string, r: () => number): string {
  for (const [re, forms] of RESTYLE) if (re.test(s) && r() < 0.5) s = s.replace(re, forms[Math.floor(r() * forms.length)]);
  return s;
}

/** Generates one Markdown draft of about the requested size. */
export function generateDraft(src: Source, opts: DraftOptions): string {
  const r = rng(opts.seed);
  const p = opts.divergence ?? 0.2;
  const blocks: string[] = [];
  let words = 0;
  let bytes = 0;
  let section = 0;
  const add = (b: string) => {
    blocks.push(b);
    words += countWords(b);
    bytes += Buffer.byteLength(b, 'utf8') + 2;
  };
  const done = () => (opts.words !== undefined && words >= opts.words) || (opts.bytes !== undefined && bytes >= opts.bytes);
  add(`# Iran says missile programme ‘never negotiable’ as talks with US set to resume (${opts.seed})`);
  while (!done()) {
    const roll = r();
    if (roll < 0.06 && blocks.length > 3) {
      add(`## ${['Talks in Oman', 'The crackdown', 'Trade with China', 'What comes next', 'Reaction'][section++ % 5]}`);
    } else if (roll < 0.3 && src.devBlocks.length) {
      add(src.devBlocks[Math.floor(r() * src.devBlocks.length)]);
    } else {
      // Two to five article sentences from one or two paragraphs.
      const para = src.paragraphs[Math.floor(r() * src.paragraphs.length)];
      const n = 2 + Math.floor(r() * 4);
      const at = Math.floor(r() * para.length);
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const s = i < para.length ? para[(at + i) % para.length] : src.paragraphs[Math.floor(r() * src.paragraphs.length)][0];
        const x = r();
        out.push(x < p ? diverge(s, src, r) : x < p + 0.15 ? restyle(s, r) : s);
      }
      add(out.join(' '));
    }
  }
  return blocks.join('\n\n') + '\n';
}
