/**
 * Where figures, number words and date phrases may start in a text, found in one scan (or while
 * the tokenizer reads the text anyway), so that each pattern is tried only there.
 */
import { DATE_ANCHORS } from '../language/dateWords';
import { isCurrencyCode, letterHash, type WordSink } from '../text/tokens';
import { WORDS_FIRST, FRACTION_FIRST, IN_N_FIRST, DIGITS_RE, WORD_CLASS } from './figurePatterns';

/**
 * Where the patterns of a text may start, each list ascending: the number-word patterns (above),
 * digit figures (DIGITS_RE) and date phrases (the anchor words of mentions/dates.ts).
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
 * reports each word as \b sees it (see `tokenize` in text/tokens.ts).
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
