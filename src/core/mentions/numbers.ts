/**
 * Finds the figures of a draft (digits, scale words, currencies, percentages, fractions,
 * spelled-out numbers, years) with their qualifiers, and renders a verified value back in
 * the draft's own style.
 */
import { DATE_ANCHORS, MONTH_OR_ABBREVIATION } from '../language/dateWords';
import { sorted } from '../search';
import { CodePointClass, isCurrencyCode, letterHash, type WordSink } from '../text/tokens';

export type MentionKind = 'count' | 'money' | 'share' | 'year';
export type QualifierClass = 'none' | 'lower' | 'approx' | 'approx-below' | 'upper';

/** How the number part of a mention was written, to render a replacement in the same style. */
export interface NumberStyle {
  form: 'digits' | 'words' | 'fraction' | 'in-n' | 'year-words';
  /** Thousands separator used (',', ' ', '\u00a0', '\u202f'), or '' for none. */
  sep: string;
  decimals: number;
  /** Scale as written (`billion`, `bn`, `k`), or '' for none. */
  scaleWord: string;
  scale: number;
  /** Percent suffix as written (`%`, ` per cent`), or ''. */
  percent: string;
  /** Digits grouped by a misplaced separator ("68,72", "50,00"): a slip whatever its value. */
  malformed?: boolean;
}

/** One figure of the draft. */
export interface Mention {
  kind: MentionKind;
  value: number;
  /** Place value of the last significant digit as written (for honest rounding). */
  precision: number;
  /** Whole mention, qualifier included. */
  start: number;
  end: number;
  /** The number itself (what a fix replaces): digits or words, without currency or scale. */
  numStart: number;
  numEnd: number;
  /** The scale word, if any. */
  scaleStart: number;
  scaleEnd: number;
  qualifier: QualifierClass;
  qualStart: number;
  qualEnd: number;
  currency: string;
  style: NumberStyle;
}

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  tn: 1e12,
  trillion: 1e12,
};
/** Scale word families, so a fix keeps the draft's register (`bn` → `bn`, `million` → `billion`). */
const SCALE_FAMILIES: Record<string, string[]> = {
  long: ['thousand', 'million', 'billion', 'trillion'],
  short: ['k', 'm', 'bn', 'tn'],
  alt: ['k', 'mn', 'bn', 'tn'],
  letters: ['k', 'm', 'b', 't'],
};

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNIT_NAMES = Object.keys(UNITS);
const TEN_NAMES = Object.keys(TENS);

const FRACTIONS: Record<string, number> = {
  half: 1 / 2, halves: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4, fourth: 1 / 4, fourths: 1 / 4,
  fifth: 1 / 5, fifths: 1 / 5, sixth: 1 / 6, sixths: 1 / 6, eighth: 1 / 8, eighths: 1 / 8, tenth: 1 / 10, tenths: 1 / 10,
};
const FRACTION_WORDS: [number, string, string][] = [
  [1 / 2, 'half', 'halves'],
  [1 / 3, 'third', 'thirds'],
  [1 / 4, 'quarter', 'quarters'],
  [1 / 5, 'fifth', 'fifths'],
  [1 / 10, 'tenth', 'tenths'],
];

const QUALIFIERS: [RegExp, QualifierClass][] = [
  [/(?:just |a little |slightly |well )?(?:more than|over|above|upwards of|upward of|in excess of|at least|no fewer than|no less than|north of)$/i, 'lower'],
  [/(?:nearly|almost|close to|just under|just shy of|approaching|not quite)$/i, 'approx-below'],
  [/(?:about|around|roughly|some|approximately|an estimated|estimated|circa|c\.|an approximate|or so|approx\.?)$/i, 'approx'],
  [/(?:just |well |a little |slightly )?(?:fewer than|less than|under|below|up to|as many as|as much as|as high as|no more than|at most|not more than)$/i, 'upper'],
];

const W = '(?:' + [...UNIT_NAMES, ...TEN_NAMES, 'hundred', 'thousand', 'million', 'billion', 'trillion'].join('|') + ')';
// Spelled-out number: words joined by spaces, hyphens and "and"; "and a half" before a scale.
const WORDS_RE = new RegExp(
  `(?=[abefhmnostz])\\b(?:a |one )?${W}(?:(?:[ -]|(?<=hundred|thousand|million|billion|trillion)\\s+and\\s+|\\s+and\\s+(?=a half)|(?<=thousand|million|billion|trillion),\\s+)(?:${W}|a half(?= (?:hundred|thousand|million|billion|trillion)\\b)))*\\b`,
  'giu',
);
// Each pattern starts with a look-ahead for its possible first characters: the engine can then
// skip ahead to candidates instead of trying the whole pattern at every position of the text.
// What may stand right before a figure is checked in code (figureMayStartAt), not by a
// look-behind: a Unicode look-behind made this pattern cost a cold run ~3.5 ms to compile.
export const DIGITS_RE =
  /(?=[ACHNSU$£€¥\d])(?:(US|U\.S\.|A|C|NZ|HK|S)?([$£€¥]))?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d{2,3},\d{2}(?!\d|,\d)|\d+)(?:\.(\d+))?(?!(?!(?:k|K|m|bn|b|tn|mn|mln)\b)[\p{L}\p{N}]|[.,]\d|:\d)/gu;

/** DIGITS_RE tried at one place (see findMentions). */
const DIGITS_STICKY = new RegExp(DIGITS_RE.source, 'uy');

/**
 * The matches of DIGITS_RE that start where a figure may (figureMayStartAt), as a global search
 * skipping the others finds them, but tried only at `starts` (WordStarts.figures): every other
 * place would start with neither a digit, a currency symbol nor a prefix right before one.
 * Each match is handed to `each` in turn, not collected: a text of figures only would hold
 * hundreds of thousands of match arrays at once.
 */
export function figureMatches(text: string, starts: readonly number[], each: (m: RegExpExecArray) => void): void {
  let after = 0;
  for (const at of starts) {
    if (at < after || !figureMayStartAt(text, at)) continue;
    DIGITS_STICKY.lastIndex = at;
    const m = DIGITS_STICKY.exec(text);
    if (!m) continue;
    after = at + m[0].length;
    each(m);
  }
}

/** Letters and numbers of any script. */
const LETTERS_NUMBERS = new CodePointClass(/^[\p{L}\p{N}]$/u);
/** ASCII marks after which a digit run is not a figure of its own (besides letters, digits and _). */
const NOT_BEFORE_FIGURE = '.,/:#-';

/**
 * Whether a figure may start at `p`: not right after a letter or number (of any script) nor
 * after one of _ . , / : # - ("A380", "v2.3", "COVID-19", "#3"). The code point before `p` is
 * read whole, as a /u look-behind would read it.
 */
export function figureMayStartAt(text: string, p: number): boolean {
  if (p === 0) return true;
  const c = text.charCodeAt(p - 1);
  // WORD_CLASS (below): ASCII letters, digits and _.
  if (c < 0x80) return WORD_CLASS[c] === 0 && !NOT_BEFORE_FIGURE.includes(String.fromCharCode(c));
  return !LETTERS_NUMBERS.hasBefore(text, p);
}
const SCALE_AFTER = /^(?:[ \u00a0]?(k|K|m|bn|b|tn|mn|mln)\b|[ \u00a0-](thousand|million|billion|trillion)\b)/;
const PERCENT_AFTER = /^(?:[ \u00a0]?%|[ \u00a0-](?:per ?cent|percent|pc)\b)/i;
const CURRENCY_AFTER = /^[ \u00a0](?:(?:US |U\.S\. )?dollars|USD|euros?|EUR|pounds?|GBP)\b/i;
const FRACTION_RE =
  /(?=[afhnost])\b(?:(a|one|two|three|four|five|six|seven|nine)[ -](half|halves|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|sixth|sixths|eighth|eighths|tenth|tenths)|(half))\b/giu;
const IN_N_RE = /(?=[efnost\d])\b(one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out of)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b/giu;

/**
 * The three word patterns above can only match where a whole word (a run of [A-Za-z0-9_], as
 * `\b` sees words) is one of their first words. One scan of the text lists those places, and
 * each pattern is then tried there only (sticky), in order: the same matches as a global search,
 * without trying the pattern at every letter. Under /iu two non-ASCII characters (ſ, K) also
 * count as ASCII letters; a text that has them is searched the ordinary way.
 */
const WORDS_FIRST = new Set(['a', ...UNIT_NAMES, ...TEN_NAMES, 'hundred', 'thousand', 'million', 'billion', 'trillion']);
const FRACTION_FIRST = new Set(['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'nine', 'half']);
const IN_N_FIRST = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);
// The sticky copies drop the u flag: with it, compiling these case-insensitive patterns costs
// milliseconds (a cold CLI run pays it). They only run on text without ſ and K, where /i and
// /iu match, and \b sees words, the same way.
const sticky = (re: RegExp) => new RegExp(re.source, re.flags.replace('g', '').replace('u', '') + 'y');
const WORDS_STICKY = sticky(WORDS_RE);
const FRACTION_STICKY = sticky(FRACTION_RE);
const IN_N_STICKY = sticky(IN_N_RE);

/**
 * Where the patterns of a text may start, each list ascending: the number-word patterns (above),
 * digit figures (DIGITS_RE) and date phrases (the anchor words of dates.ts).
 */
export interface WordStarts {
  /** Whole words that may start WORDS_RE, FRACTION_RE and IN_N_RE; undefined where ſ or K fold to ASCII letters (see above). */
  words?: number[];
  fractions?: number[];
  inN?: number[];
  /** Words that start with a digit, currency symbols, and the prefixes of DIGITS_RE right before one ("US$"). */
  figures: number[];
  /** Whole words that are date anchors (DATE_ANCHORS), in any case. */
  dateAnchors: number[];
}

/** ASCII classes as \b sees words: 1 a letter, 2 a digit or underscore, 0 no word character. */
const WORD_CLASS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) WORD_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : (c >= 48 && c <= 57) || c === 95 ? 2 : 0;
/** Whether a code unit is a word character as \b sees it in a pattern without the u flag. */
export const isWordCode = (c: number) => c < 0x80 && WORD_CLASS[c] !== 0;

/** The first words by a hash of their letters, with what each can start (1 words, 2 fractions, 4 in-n, 8 a date). */
const FIRST_WORDS = new Map<number, { word: string; kinds: number }[]>();
/** Low bits of those hashes: most words of a draft are turned away here, before the map. */
const FIRST_HASH_BITS = new Uint8Array(1 << 12);
for (const w of new Set([...WORDS_FIRST, ...FRACTION_FIRST, ...IN_N_FIRST, ...DATE_ANCHORS])) {
  if (w === 'a') continue; // one letter: handled on its own in the scan
  if (w.length < 3 || w.length > 9) throw new Error(`word starts: the scan reads words of 3 to 9 letters, not ${w}`);
  let h = 0;
  for (let i = 0; i < w.length; i++) h = letterHash(h, w.charCodeAt(i));
  const kinds = (WORDS_FIRST.has(w) ? 1 : 0) | (FRACTION_FIRST.has(w) ? 2 : 0) | (IN_N_FIRST.has(w) ? 4 : 0) | (DATE_ANCHORS.includes(w) ? 8 : 0);
  const list = FIRST_WORDS.get(h);
  if (list) list.push({ word: w, kinds });
  else FIRST_WORDS.set(h, [{ word: w, kinds }]);
  FIRST_HASH_BITS[h & 0xfff] = 1;
}

/** The prefixes DIGITS_RE reads before a currency symbol (its group 1), read from the pattern itself. */
const CURRENCY_PREFIXES = new Set(/\(\?:\(([^()]*)\)\?\(\[/.exec(DIGITS_RE.source)![1].split('|').map((p) => p.replace(/\\/g, '')));
/** Their lengths, longest first: the places before a symbol where one may start, in text order. */
const CURRENCY_PREFIX_LENGTHS = [...new Set([...CURRENCY_PREFIXES].map((p) => p.length))].sort((a, b) => b - a);

/** Adds where a figure may start at the currency symbol at `i`: at a prefix of DIGITS_RE right before it ("US$", "U.S.$") and at the symbol. */
function currencyStarts(text: string, i: number, figures: number[]): void {
  const last = figures.length ? figures[figures.length - 1] : -1;
  for (const len of CURRENCY_PREFIX_LENGTHS) {
    const p = i - len;
    if (p > last && p >= 0 && CURRENCY_PREFIXES.has(text.slice(p, i))) figures.push(p);
  }
  if (i > last) figures.push(i);
}

/**
 * Collects {@link WordStarts} word by word, in text order: from a scan of its own
 * ({@link WordStartsBuilder.scan}), or from a tokenizer that reads the characters anyway and
 * reports each word as \b sees it (see `tokenize` in text.ts).
 */
export class WordStartsBuilder implements WordSink {
  readonly words: number[] = [];
  readonly fractions: number[] = [];
  readonly inN: number[] = [];
  readonly figures: number[] = [];
  readonly dateAnchors: number[] = [];

  /** The word [s, s + len) of `text`, as \b sees words: `letters` if it is letters only, `h` the {@link letterHash} of its letters. */
  word(text: string, s: number, len: number, h: number, letters: boolean): void {
    const c = text.charCodeAt(s);
    const figures = this.figures;
    if (c >= 48 && c <= 57 && (figures.length === 0 || figures[figures.length - 1] < s)) figures.push(s);
    if (len === 1) {
      if (c >= 48 && c <= 57) this.inN.push(s);
      else if (c === 97 || c === 65) {
        this.words.push(s);
        this.fractions.push(s);
      }
    } else if (letters && len >= 3 && len <= 9 && FIRST_HASH_BITS[h & 0xfff] === 1) {
      const list = FIRST_WORDS.get(h);
      if (!list) return;
      for (const { word, kinds } of list) {
        if (word.length !== len) continue;
        let same = true;
        for (let k = 0; k < len && same; k++) same = (text.charCodeAt(s + k) | 0x20) === word.charCodeAt(k);
        if (!same) continue;
        if (kinds & 1) this.words.push(s);
        if (kinds & 2) this.fractions.push(s);
        if (kinds & 4) this.inN.push(s);
        if (kinds & 8) this.dateAnchors.push(s);
      }
    }
  }

  /** The currency symbol at `i`: where a figure may start, at it or at a prefix of DIGITS_RE right before it. */
  currency(text: string, i: number): void {
    currencyStarts(text, i, this.figures);
  }

  /** Every word and currency symbol of text[from, to). */
  scan(text: string, from: number, to: number): void {
    for (let i = from; i < to; ) {
      let c = text.charCodeAt(i);
      let k = c < 0x80 ? WORD_CLASS[c] : 0;
      if (k === 0) {
        if (isCurrencyCode(c)) currencyStarts(text, i, this.figures);
        i++;
        continue;
      }
      // A word as \b sees it; hash its letters (lower-cased) as long as it is letters only.
      const s = i;
      let h = 0;
      let letters = true;
      do {
        if (k === 1) h = letterHash(h, c);
        else letters = false;
        if (++i >= to) break;
        c = text.charCodeAt(i);
        k = c < 0x80 ? WORD_CLASS[c] : 0;
      } while (k !== 0);
      this.word(text, s, i - s, h, letters);
    }
  }

  /** What was collected; without the whole-word lists where ſ or K fold to ASCII letters (see above). */
  result(folds = false): WordStarts {
    const { words, fractions, inN, figures, dateAnchors } = this;
    return folds ? { figures, dateAnchors } : { words, fractions, inN, figures, dateAnchors };
  }
}

/** Whether a word-start scan of `text` must read it alone: \b and the tokenizer see its words differently (an underscore joins words for \b only; ſ and K fold to ASCII letters). */
export function needsOwnWordScan(text: string): boolean {
  return text.includes('_') || hasFoldingLetters(text);
}

/** Whether `text` has ſ or K, which a case-insensitive pattern folds into ASCII letters (see above). */
function hasFoldingLetters(text: string): boolean {
  return text.includes('\u017f') || text.includes('\u212a');
}

/** One scan of `text` for {@link WordStarts}. */
export function wordStarts(text: string): WordStarts {
  const b = new WordStartsBuilder();
  b.scan(text, 0, text.length);
  return b.result(hasFoldingLetters(text));
}

/** Every match of the global pattern `re` in `text`, tried only at `starts` when given (see above). */
function matchesAt(text: string, re: RegExp, stickyRe: RegExp, starts: number[] | undefined): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  if (!starts) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push(m);
    return found;
  }
  let from = 0;
  for (const at of starts) {
    if (at < from) continue;
    stickyRe.lastIndex = at;
    const m = stickyRe.exec(text);
    if (m) {
      found.push(m);
      from = at + m[0].length;
    }
  }
  return found;
}

/** Value of a spelled-out number ("three thousand one hundred and seventeen"), or NaN. */
export function parseNumberWords(phrase: string): number {
  const words = phrase
    .toLowerCase()
    .replace(/[-,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'and');
  // "twenty twenty-four", "nineteen ninety-nine": years read in pairs.
  if (words.length >= 2 && words.length <= 3 && (words[0] === 'nineteen' || words[0] === 'twenty') && TENS[words[1]] !== undefined) {
    const rest = words.slice(1).reduce((a, w) => a + (TENS[w] ?? UNITS[w] ?? NaN), 0);
    if (rest >= 20 && rest < 100) return (words[0] === 'nineteen' ? 1900 : 2000) + rest;
  }
  let total = 0;
  let current = 0;
  let any = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'a' && words[i + 1] === 'half') {
      current += 0.5;
      i++;
      continue;
    }
    if ((w === 'a' || w === 'one') && i === 0 && words.length > 1 && !(UNITS[words[1]] !== undefined || TENS[words[1]] !== undefined)) {
      current = 1;
      any = true;
      continue;
    }
    if (UNITS[w] !== undefined) current += UNITS[w];
    else if (TENS[w] !== undefined) current += TENS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (SCALES[w]) {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else return NaN;
    any = true;
  }
  return any ? total + current : NaN;
}

/** Spells out a whole number in words ("three thousand one hundred and seventeen"). */
export function numberToWords(n: number, british = true): string {
  if (!Number.isFinite(n) || n < 0 || Math.round(n) !== n) return String(n);
  if (n < 20) return UNIT_NAMES[n];
  if (n < 100) return TEN_NAMES[Math.floor(n / 10) - 2] + (n % 10 ? '-' + UNIT_NAMES[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return UNIT_NAMES[Math.floor(n / 100)] + ' hundred' + (rest ? (british ? ' and ' : ' ') + numberToWords(rest, british) : '');
  }
  for (const [word, scale] of [['trillion', 1e12], ['billion', 1e9], ['million', 1e6], ['thousand', 1e3]] as const) {
    if (n >= scale) {
      const head = Math.floor(n / scale);
      const rest = n % scale;
      const tail = rest === 0 ? '' : rest < 100 ? (british ? ' and ' : ' ') + numberToWords(rest, british) : ' ' + numberToWords(rest, british);
      return numberToWords(head, british) + ' ' + word + tail;
    }
  }
  return String(n);
}

/** A year in the spoken style ("twenty twenty-four"). */
export function yearToWords(y: number): string {
  const hi = Math.floor(y / 100);
  const lo = y % 100;
  if (lo === 0) return numberToWords(hi) + ' hundred';
  return numberToWords(hi) + ' ' + (lo < 10 ? 'oh-' + numberToWords(lo) : numberToWords(lo));
}

function qualifierBefore(text: string, start: number): { cls: QualifierClass; start: number; end: number } {
  const none = { cls: 'none' as QualifierClass, start, end: start };
  const before = text.slice(Math.max(0, start - 40), start);
  if (!/[ \u00a0]$/.test(before)) return none;
  const tail = before.replace(/[ \u00a0]+$/, '');
  const base = start - before.length;
  for (const [re, cls] of QUALIFIERS) {
    const q = re.exec(tail);
    // After a space, a bracket, a quote mark, a dash or Markdown emphasis ("**At most 212**").
    if (q && (q.index === 0 || /[\s(“"‘'—–*_-]/.test(tail[q.index - 1]))) return { cls, start: base + q.index, end: base + tail.length };
  }
  return none;
}

function precisionOf(digits: string, decimals: string | undefined): number {
  const frac = (decimals ?? '').replace(/0+$/, '');
  if (frac) return Math.pow(10, -frac.length);
  const plain = digits.replace(/\D/g, '');
  return plain === '0' ? 1 : Math.pow(10, /0*$/.exec(plain)![0].length);
}

function wordsPrecision(value: number): number {
  // "fifty thousand" → 10,000; "three thousand one hundred and seventeen" → 1.
  if (value === 0) return 1;
  let p = 1;
  while (value % (p * 10) === 0) p *= 10;
  return p;
}

function isYear(digits: string, decimals: string | undefined, text: string, end: number): boolean {
  if (decimals || !/^\d{4}$/.test(digits)) return false;
  const v = Number(digits);
  if (v < 1800 || v > 2100) return false;
  return !/^\s?(?:%|per ?cent|percent)/i.test(text.slice(end, end + 10));
}

/**
 * Ranges taken by mentions found so far; tells in O(log n) whether a range overlaps any of them.
 * Ranges are kept sorted by start with the running maximum of their ends: [s, e) overlaps a
 * range [a, b) with a < e and b > s, i.e. iff the largest end among ranges starting before e
 * exceeds s. Ranges added in ascending order of start (as one regular-expression pass finds
 * them) wait in a second sorted list until one out of order arrives, then the lists are merged.
 */
class RangeSet {
  private starts: number[] = [];
  private ends: number[] = [];
  private maxEnds: number[] = [];
  private newStarts: number[] = [];
  private newEnds: number[] = [];
  private newMaxEnds: number[] = [];

  add(s: number, e: number): void {
    const n = this.newStarts.length;
    if (n && s < this.newStarts[n - 1]) this.merge();
    const m = this.newStarts.length;
    this.newStarts.push(s);
    this.newEnds.push(e);
    this.newMaxEnds.push(m ? Math.max(this.newMaxEnds[m - 1], e) : e);
  }

  overlaps(s: number, e: number): boolean {
    return RangeSet.hit(this.starts, this.maxEnds, s, e) || RangeSet.hit(this.newStarts, this.newMaxEnds, s, e);
  }

  private static hit(starts: number[], maxEnds: number[], s: number, e: number): boolean {
    // Number of ranges that start before e.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnds[lo - 1] > s;
  }

  private merge(): void {
    const starts: number[] = [];
    const ends: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.starts.length || j < this.newStarts.length) {
      if (j >= this.newStarts.length || (i < this.starts.length && this.starts[i] <= this.newStarts[j])) {
        starts.push(this.starts[i]);
        ends.push(this.ends[i++]);
      } else {
        starts.push(this.newStarts[j]);
        ends.push(this.newEnds[j++]);
      }
    }
    const maxEnds: number[] = [];
    for (let k = 0; k < ends.length; k++) maxEnds.push(k ? Math.max(maxEnds[k - 1], ends[k]) : ends[k]);
    this.starts = starts;
    this.ends = ends;
    this.maxEnds = maxEnds;
    this.newStarts = [];
    this.newEnds = [];
    this.newMaxEnds = [];
  }
}

const SCALE_OF: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** The phrase up to its first comma that is not followed by a smaller group than the scale word before it. */
function groupsInFallingScale(phrase: string): string {
  if (!phrase.includes(',')) return phrase;
  const parts = phrase.split(/(,\s+)/);
  let out = parts[0];
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const before = /(\p{L}+)$/u.exec(out)?.[1].toLowerCase() ?? '';
    const largest = Math.max(0, ...(parts[i + 1].toLowerCase().match(/\p{L}+/gu) ?? []).map((w) => SCALE_OF[w] ?? 0));
    if (largest >= (SCALE_OF[before] ?? 0)) break;
    out += parts[i] + parts[i + 1];
  }
  return out;
}

/** Month names and abbreviations as a month is written: capitalised or in capitals ("may" and "march" are verbs). */
const MONTH_WORD = MONTH_OR_ABBREVIATION.split('|').flatMap((m) => [m, m.toUpperCase()]).join('|');
/** A day-month date after a day number: " March", "-16 March", " to 16 March", "th of March". */
const MONTH_AFTER_DAY = new RegExp(`^(?:st|nd|rd|th)?(?:\\s*(?:-|–|to|and|until)\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(?:${MONTH_WORD})\\b`);
/** A month-day date before a day number: "March ", "March 14-", "March 14 to ". */
const MONTH_BEFORE_DAY = new RegExp(`\\b(?:${MONTH_WORD})\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?\\s*(?:-|–|to|and|until)\\s*)?$`);

/** Is the integer at [start, end) the day of a date ("14 March", "14-16 March", "March 14")? */
export function isDayOfMonth(text: string, start: number, end: number): boolean {
  const n = Number(text.slice(start, end));
  if (!Number.isInteger(n) || n < 1 || n > 31 || end - start > 2) return false;
  return MONTH_AFTER_DAY.test(text.slice(end, end + 24)) || MONTH_BEFORE_DAY.test(text.slice(Math.max(0, start - 24), start));
}

/**
 * Every figure in `text` (which should already be masked). Ranges of the returned mentions
 * never overlap; times, ordinals and numbers glued to letters are not figures.
 */
export function findMentions(text: string, starts: WordStarts = wordStarts(text)): Mention[] {
  const out: Mention[] = [];
  const taken = new RangeSet();
  const overlaps = (s: number, e: number) => taken.overlaps(s, e);

  figureMatches(text, starts.figures, (m) => {
    const [whole, cprefix, csym, digits, decimals] = m;
    const start = m.index;
    const numStart = start + whole.length - digits.length - (decimals !== undefined ? decimals.length + 1 : 0);
    const numEnd = start + whole.length;
    const rest = text.slice(numEnd, numEnd + 30);
    // Times (10:42, 9.30am) and ordinals are not figures.
    if (/^(?:st|nd|rd|th)\b/i.test(rest) || /^\s?(?:am|pm|a\.m\.|p\.m\.)\b/i.test(rest)) return;
    if (/^:\d/.test(rest)) return;
    // Days of dates are the date check's: "14 to 16 March" counts nothing.
    if (!csym && decimals === undefined && isDayOfMonth(text, numStart, numEnd)) return;
    let value = Number(digits.replace(/\D/g, '') + (decimals !== undefined ? '.' + decimals : ''));
    let precision = precisionOf(digits, decimals);
    let end = numEnd;
    let scale = 1;
    let scaleWord = '';
    let scaleStart = numEnd;
    let scaleEnd = numEnd;
    let percent = '';
    let currency = csym ? (cprefix ?? '') + csym : '';
    const sc = SCALE_AFTER.exec(rest);
    if (sc) {
      scaleWord = sc[1] ?? sc[2];
      scale = SCALES[scaleWord.toLowerCase()] ?? 1;
      // A bare "m" or "b" is a scale only next to a currency ("$4.2m"), not "5 m" (metres).
      if (!currency && /^[mb]$/i.test(scaleWord) && !CURRENCY_AFTER.test(text.slice(numEnd + sc[0].length, numEnd + sc[0].length + 20))) {
        scale = 1;
        scaleWord = '';
      } else {
        scaleStart = numEnd + sc[0].length - scaleWord.length;
        scaleEnd = numEnd + sc[0].length;
        end = scaleEnd;
      }
    }
    const pc = PERCENT_AFTER.exec(text.slice(end, end + 12));
    let kind: MentionKind = 'count';
    if (pc) {
      percent = pc[0];
      end += pc[0].length;
      kind = 'share';
    }
    const cur = CURRENCY_AFTER.exec(text.slice(end, end + 20));
    if (cur && !pc) {
      currency = currency || cur[0].trim();
      end += cur[0].length;
    }
    if (text[end] === '+') end++;
    const plus = text[end - 1] === '+';
    if (currency) kind = 'money';
    else if (!pc && !scaleWord && isYear(digits, decimals, text, numEnd)) kind = 'year';
    value = kind === 'share' ? (value * scale) / 100 : value * scale;
    precision = kind === 'share' ? (precision * scale) / 100 : precision * scale;
    const q = plus ? { cls: 'lower' as QualifierClass, start, end: start } : qualifierBefore(text, start);
    out.push({
      kind,
      value,
      precision,
      start: q.start,
      end,
      numStart,
      numEnd,
      scaleStart,
      scaleEnd,
      qualifier: q.cls,
      qualStart: q.start,
      qualEnd: plus ? q.start : q.end,
      currency,
      style: {
        form: 'digits',
        sep: /,/.test(digits) ? ',' : (/[ \u00a0\u202f]/.exec(digits)?.[0] ?? ''),
        decimals: decimals?.length ?? 0,
        scaleWord,
        scale,
        percent,
        malformed: /^\d{2,3},\d{2}$/.test(digits),
      },
    });
    taken.add(start, end);
  });

  // Fractions and "one in four" shares.
  const shares = (matches: RegExpExecArray[], parse: (m: RegExpExecArray) => number, form: NumberStyle['form']) => {
    for (const m of matches) {
      const s = m.index;
      const e = s + m[0].length;
      if (overlaps(s, e)) continue;
      // "a half" inside "thirty-two and a half billion" belongs to the number, not a share.
      if (/\band\s+$/i.test(text.slice(Math.max(0, s - 6), s)) && form === 'fraction') continue;
      if (/^\s+(?:hundred|thousand|million|billion|trillion|dozen|hour|hours|minute|minutes|day|days|week|weeks|month|months|year|years|century)\b/i.test(text.slice(e, e + 12))) continue;
      const value = parse(m);
      if (!Number.isFinite(value) || value <= 0 || value > 1) continue;
      const q = qualifierBefore(text, s);
      out.push({
        // "a fifth", "nine in ten" are round words: honest for a share within five points (a
        // quarter of the share itself, for small ones: "one in 25" is not 6%).
        kind: 'share', value, precision: Math.min(0.05, value / 4), start: q.start, end: e, numStart: s, numEnd: e, scaleStart: e, scaleEnd: e,
        qualifier: q.cls, qualStart: q.start, qualEnd: q.end, currency: '',
        style: { form, sep: '', decimals: 0, scaleWord: '', scale: 1, percent: '' },
      });
      taken.add(s, e);
    }
  };
  const small = (w: string) => (/^\d+$/.test(w) ? Number(w) : (UNITS[w.toLowerCase()] ?? NaN));
  shares(matchesAt(text, IN_N_RE, IN_N_STICKY, starts.inN), (m) => small(m[1]) / small(m[2]), 'in-n');
  shares(
    matchesAt(text, FRACTION_RE, FRACTION_STICKY, starts.fractions),
    (m) => {
      if (m[3]) return 0.5;
      const n = m[1].toLowerCase() === 'a' ? 1 : small(m[1]);
      return n * FRACTIONS[m[2].toLowerCase()];
    },
    'fraction',
  );

  // Spelled-out numbers.
  for (const m of matchesAt(text, WORDS_RE, WORDS_STICKY, starts.words)) {
    let s = m.index;
    let phrase = m[0];
    if (/^(?:a|one) (?!hundred|thousand|million|billion|trillion)/i.test(phrase) && /^(?:a) /i.test(phrase)) {
      s += 2;
      phrase = phrase.slice(2);
    }
    // A comma joins a number's groups only in falling scale ("three thousand, one hundred"); before
    // a group as large ("ten thousand, five thousand") it separates two numbers of a list.
    phrase = groupsInFallingScale(phrase);
    const e = s + phrase.length;
    if (overlaps(s, e)) continue;
    const value = parseNumberWords(phrase);
    if (!Number.isFinite(value)) continue;
    // A lone "one" is a pronoun more often than a figure.
    if (/^one$/i.test(phrase)) continue;
    const yearWords = /^(?:nineteen|twenty)[ -](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)/i.test(phrase) && value >= 1900;
    let end = e;
    let kind: MentionKind = yearWords ? 'year' : 'count';
    let percent = '';
    const pc = PERCENT_AFTER.exec(text.slice(e, e + 12));
    let v = value;
    if (pc && !yearWords) {
      kind = 'share';
      percent = pc[0];
      end += pc[0].length;
      v = value / 100;
    }
    const cur = CURRENCY_AFTER.exec(text.slice(end, end + 20));
    let currency = '';
    if (cur && kind === 'count') {
      kind = 'money';
      currency = cur[0].trim();
      end += cur[0].length;
    }
    const q = qualifierBefore(text, s);
    out.push({
      kind, value: v, precision: kind === 'share' ? wordsPrecision(value) / 100 : wordsPrecision(value), start: q.start, end, numStart: s, numEnd: e,
      scaleStart: e, scaleEnd: e, qualifier: q.cls, qualStart: q.start, qualEnd: q.end, currency,
      style: { form: yearWords ? 'year-words' : 'words', sep: '', decimals: 0, scaleWord: '', scale: 1, percent },
    });
    taken.add(s, end);
  }
  return sorted(out, (a, b) => a.start - b.start);
}

function withSeparators(n: number, sep: string, decimals: number): string {
  const fixed = n.toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = sep ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : int;
  return frac ? `${grouped}.${frac}` : grouped;
}

function decimalsNeeded(x: number): number {
  for (let d = 0; d <= 3; d++) if (Math.abs(Number(x.toFixed(d)) - x) < 1e-9 * Math.max(1, Math.abs(x))) return d;
  return 3;
}

/** Renders a value for a digit mention, keeping the draft's thousands separator. */
export function renderDigits(value: number, style: NumberStyle): string {
  return withSeparators(value, style.sep, decimalsNeeded(value));
}

/** Picks the scale word of the draft's register for a value (`bn` family stays `bn`). */
export function scaleWordFor(scale: number, like: string): string {
  const lower = like.toLowerCase();
  const family = Object.values(SCALE_FAMILIES).find((f) => f.includes(lower)) ?? SCALE_FAMILIES.long;
  const idx = [1e3, 1e6, 1e9, 1e12].indexOf(scale);
  const word = family[idx] ?? SCALE_FAMILIES.long[idx];
  return like === like.toUpperCase() && like !== like.toLowerCase() ? word.toUpperCase() : word;
}

/** Renders a share in the draft's style: "a quarter", "25%", "25 per cent", "one in four". */
export function renderShare(value: number, style: NumberStyle, model: string): string | undefined {
  if (style.form === 'fraction') {
    for (const [v, one, many] of FRACTION_WORDS) {
      for (let n = 1; n < 10; n++) {
        if (Math.abs(n * v - value) < 1e-9) {
          const article = /^(a|one)\b/i.test(model) && n === 1 ? model.split(/[ -]/)[0] : numberToWords(n);
          return `${article}${model.includes('-') ? '-' : ' '}${n === 1 ? one : many}`;
        }
      }
    }
    return undefined;
  }
  if (style.form === 'in-n') {
    for (let d = 2; d <= 10; d++) {
      const n = Math.round(value * d);
      if (Math.abs(n / d - value) < 1e-9) {
        const digits = /\d/.test(model);
        const sep = /out of/i.test(model) ? ' out of ' : ' in ';
        return digits ? `${n}${sep}${d}` : `${numberToWords(n)}${sep}${numberToWords(d)}`;
      }
    }
    return undefined;
  }
  const pct = value * 100;
  if (style.form === 'words') return numberToWords(Math.round(pct));
  return withSeparators(pct, style.sep, decimalsNeeded(pct));
}

const RANGE_BEFORE = /(?:\d\s*(?:to|-|–|—)|\bfrom\s+\S+\s+to|\bbetween\s+\S+\s+and)\s*$/;
const RANGE_AFTER = /^\s*(?:to|-|–|—)\s*[$£€]?\d/;

/** Is the figure one end of a range ("60 to 84", "0.48–0.75", "between 2017 and 2019")? */
export function isRangeEnd(text: string, m: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, m.start - 24), m.start);
  const after = text.slice(m.end, m.end + 12);
  return RANGE_BEFORE.test(before) || RANGE_AFTER.test(after) || (/\bbetween\s*$/i.test(before) && /^\s+and\s+[$£€]?\d/.test(after));
}
