/**
 * A quote's words, and their alignment with a verified quote's: the word edits a misquote is
 * measured and fixed by.
 */
import { usually } from '../language/lexicon';
import { lemmaOf } from '../language/lemma';
import { tokenize, type Token } from '../text/tokens';

/** Whether `needle` occurs in `hay` as a run of consecutive words. */
export function containsRun(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A quote's words as stems, hyphenated words split: what a rephrased quote is compared in ("non-negotiable", "negotiation"). */
export function stemsOf(words: readonly string[]): string[] {
  return words.flatMap((w) => w.split('-')).filter((w) => w.length).map(lemmaOf);
}

/** A word of a quote: its normal form and range in the draft. */
export interface Word {
  norm: string;
  start: number;
  end: number;
}

/** The quote words of text[start, end). */
export function wordsOf(text: string, start: number, end: number): Word[] {
  return toWords(tokenize(text, start, end));
}

/** Tokens as quote words (a trailing apostrophe read as the closing mark). */
export function toWords(tokens: readonly Token[]): Word[] {
  const out: Word[] = [];
  for (const t of tokens) {
    // A word that is its own normal form has no capital and no apostrophe: it is its own quote word.
    if (t.norm === t.text) {
      out.push({ norm: t.text, start: t.start, end: t.end });
      continue;
    }
    // The word pattern keeps a trailing apostrophe (protesters'); inside a quote it is the closing mark.
    const w = t.text.replace(/['’]$/, '');
    out.push({ norm: w.toLowerCase().replace(/’/g, "'"), start: t.start, end: t.start + w.length });
  }
  return out;
}

/** One cell per pair of word positions: the alignment table of most quotes fits, and is not allocated anew for each verified quote it is aligned with. */
const SCRATCH_CELLS = 1 << 14;
const scratch = new Int32Array(SCRATCH_CELLS);

/**
 * Word-level semi-global alignment of the draft's words against a verified quote: fills `table`
 * (a new one when the pair needs more cells than the scratch table has) so that the cell
 * i * (quote.length + 1) + j is the cost of aligning draft[0..i) ending at quote position j (a
 * free start in the quote). Returns the table and the best end column (ties: align more of the
 * quote, substituting rather than dropping words).
 */
function alignmentTable(draft: readonly string[], quote: readonly string[]): { table: Int32Array; bestJ: number } {
  const n = draft.length;
  const w = quote.length + 1;
  const cells = (n + 1) * w;
  const table = cells <= SCRATCH_CELLS ? scratch : new Int32Array(cells);
  table.fill(0, 0, w);
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const above = row - w;
    const d = draft[i - 1];
    table[row] = i;
    for (let j = 1; j < w; j++) {
      const diagonal = table[above + j - 1] + (d === quote[j - 1] ? 0 : 1);
      const up = table[above + j] + 1;
      const left = table[row + j - 1] + 1;
      table[row + j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
  }
  const last = n * w;
  let bestJ = 0;
  for (let j = 1; j < w; j++) if (table[last + j] <= table[last + bestJ]) bestJ = j;
  return { table, bestJ };
}

/** The cost of the best alignment of the draft's words against a verified quote (see {@link alignmentTable}). */
export function alignmentCost(draft: readonly string[], quote: readonly string[]): number {
  const { table, bestJ } = alignmentTable(draft, quote);
  return table[draft.length * (quote.length + 1) + bestJ];
}

/** The best alignment's cost and its pairs of (draft index, quote index), -1 marking a gap. */
export function align(draft: readonly string[], quote: readonly string[]): { cost: number; ops: { d: number; q: number }[] } {
  const { table, bestJ } = alignmentTable(draft, quote);
  const w = quote.length + 1;
  const at = (i: number, j: number) => table[i * w + j];
  const sub = (a: string, b: string) => (a === b ? 0 : 1);
  // Backtrace, from the last pair to the first.
  const ops: { d: number; q: number }[] = [];
  let i = draft.length;
  let j = bestJ;
  while (i > 0) {
    // Ties: a matching pair first, then a word the draft left out ("a start" for "a good start"
    // drops "good"; it did not turn "a" into "good"), then a changed word, then an added one.
    const diagonal = j > 0 && at(i, j) === at(i - 1, j - 1) + sub(draft[i - 1], quote[j - 1]);
    if (diagonal && draft[i - 1] === quote[j - 1]) {
      ops.push({ d: i - 1, q: j - 1 });
      i--;
      j--;
    } else if (j >= 2 && ops.length && at(i, j) === at(i, j - 1) + 1 && draft[i - 1] === quote[j - 2] && at(i, j - 1) === at(i - 1, j - 2)) {
      ops.push({ d: -1, q: j - 1 });
      j--;
    } else if (diagonal) {
      ops.push({ d: i - 1, q: j - 1 });
      i--;
      j--;
    } else if (at(i, j) === at(i - 1, j) + 1) {
      ops.push({ d: i - 1, q: -1 });
      i--;
    } else if (j > 0 && at(i, j) === at(i, j - 1) + 1 && ops.length) {
      ops.push({ d: -1, q: j - 1 });
      j--;
    } else break;
  }
  return { cost: at(draft.length, bestJ), ops: ops.reverse() };
}

/** Words that turn a statement into its opposite: a fragment quoted without the one before it says the reverse. */
export const NEGATORS = new Set(['never', 'not', 'no', 'nothing', 'none', 'nobody', 'nor', 'neither', 'cannot', 'without', 'non']);

/** Words that carry no content of a quote's own (articles, particles, auxiliaries, some negations). */
export const STOP = new Set('a an the of to in on at and or but is was were be been are it its this that very for with as by from not no never'.split(' '));

/** The stems of a quote's content words: nouns, verbs and adjectives by wink-lexicon (or unknown to it), not STOP words nor NEGATORS. */
export function contentStems(words: readonly string[]): Set<string> {
  return new Set(words.filter((w) => !STOP.has(w) && !NEGATORS.has(w) && /^[njvgeps]?$/.test(usually(w) ?? '')).map((w) => stemsOf([w])[0]));
}
