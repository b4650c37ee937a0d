/**
 * Word tokens: the tokenizer every stage reads a sentence with, normal forms of words, phrase
 * look-ups, and the small word sets and code-point classes the scans share. All offsets are
 * UTF-16, as in the input.
 */
/** A word of a sentence: `norm` is lower-cased with possessive endings removed. */
export interface Token {
  text: string;
  norm: string;
  start: number;
  end: number;
}

/**
 * A quick "maybe" for whether a word is one of a set: by its first character (the low 7 bits)
 * and its length (up to 15). Most words of a draft are turned away here, before a look-up in a
 * Map or Set, which would first hash the word.
 */
export class WordSieve {
  private readonly bits = new Uint8Array(128 * 16);

  constructor(words: Iterable<string>) {
    for (const w of words) this.bits[WordSieve.key(w)] = 1;
  }

  mayHave(w: string): boolean {
    return this.bits[WordSieve.key(w)] === 1;
  }

  private static key(w: string): number {
    return ((w.charCodeAt(0) & 0x7f) << 4) | (w.length > 15 ? 15 : w.length);
  }
}

/** A Map from words behind a {@link WordSieve} of its keys: a word the sieve turns away is never hashed. */
export class WordMap<V> {
  private readonly sieve: WordSieve;

  constructor(private readonly map: ReadonlyMap<string, V>) {
    this.sieve = new WordSieve(map.keys());
  }

  get(w: string): V | undefined {
    return this.sieve.mayHave(w) ? this.map.get(w) : undefined;
  }

  has(w: string): boolean {
    return this.sieve.mayHave(w) && this.map.has(w);
  }
}

/** Lower-cases a word and drops a possessive ending (`Ruiz’s` → `ruiz`, `voters'` → `voters`). */
export function normWord(w: string): string {
  const lower = w.toLowerCase();
  if (lower.indexOf("'") < 0 && lower.indexOf('’') < 0) return lower;
  return lower.replace(/[’]/g, "'").replace(/'s?$/, '');
}

/** The hash of a word's letters, lower-cased, that the word-start scan looks words up by (mentions/wordStarts.ts). */
export const letterHash = (h: number, c: number) => (Math.imul(h, 31) + (c | 0x20)) | 0;

/** The currency symbols a figure may start with (those of DIGITS_RE in mentions/figurePatterns.ts). */
export const isCurrencyCode = (c: number) => c === 0x24 || c === 0xa3 || c === 0xa5 || c === 0x20ac;

/**
 * What the word-start scan (WordStartsBuilder in mentions/wordStarts.ts) takes from a tokenizer that reads
 * the characters anyway: each word as \b sees it, or a token's range to scan when it is more than
 * one such word, and each currency symbol.
 */
export interface WordSink {
  word(text: string, s: number, len: number, h: number, letters: boolean): void;
  scan(text: string, from: number, to: number): void;
  currency(text: string, i: number): void;
}

/**
 * Word tokens of `text` that start between `start` and `end` (the last may run past `end`):
 * what {@link WORD} matches, found by a hand-written scan (no match objects, one look at each
 * character). With a `sink`, the words and currency symbols of [start, end) are also reported
 * to it as \b sees them, in order: a token of ASCII letters and digits alone is one such word,
 * any other token's range is handed over to be scanned. The text must have no character that
 * \b reads as a word character and a token does not (an underscore; see needsOwnWordScan).
 */
export function tokenize(text: string, start = 0, end = text.length, sink?: WordSink): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = start;
  // Like a /u pattern, a start inside a surrogate pair begins with the pair.
  if (i > 0 && i < n && isTrail(text.charCodeAt(i)) && isLead(text.charCodeAt(i - 1))) i--;
  while (i < n) {
    // Skip to the next word character (ASCII inline; other characters through the class cache).
    let c = text.charCodeAt(i);
    let w = c < 0x80 ? ASCII_WORD[c] : wordCharWidth(text, i, c);
    while (w === 0) {
      if (sink !== undefined && i < end && isCurrencyCode(c)) sink.currency(text, i);
      i += isLead(c) && i + 1 < n && isTrail(text.charCodeAt(i + 1)) ? 2 : 1;
      if (i >= n) return tokens;
      c = text.charCodeAt(i);
      w = c < 0x80 ? ASCII_WORD[c] : wordCharWidth(text, i, c);
    }
    if (i >= end) break;
    const s = i;
    // Whether the word needs normWord: anything but lower-case ASCII letters, digits and hyphens.
    let plain = true;
    // For the sink: whether the token is one word as \b sees it (ASCII letters and digits, nothing
    // joined), whether that is letters only, and the hash of its letters.
    let ascii = true;
    let letters = true;
    let h = 0;
    for (;;) {
      // A run of word characters…
      while (i < n) {
        c = text.charCodeAt(i);
        if (c < 0x80) {
          if (ASCII_WORD[c] === 0) break;
          if (c <= 0x39) letters = false;
          else {
            if (c <= 0x5a) plain = false;
            h = letterHash(h, c);
          }
          i++;
        } else {
          w = wordCharWidth(text, i, c);
          if (w === 0) break;
          plain = false;
          ascii = false;
          i += w;
        }
      }
      // …continued after a hyphen or an apostrophe that is followed by one.
      if (i + 1 < n) {
        const sep = text.charCodeAt(i);
        if ((sep === 0x2d || sep === 0x27 || sep === 0x2019) && (w = wordCharWidth(text, i + 1, (c = text.charCodeAt(i + 1)))) > 0) {
          if (sep !== 0x2d || c >= 0x80 || (c >= 0x41 && c <= 0x5a)) plain = false;
          ascii = false;
          i += 1 + w;
          continue;
        }
      }
      break;
    }
    // A closing apostrophe ("protesters'").
    if (i < n) {
      const q = text.charCodeAt(i);
      if (q === 0x27 || q === 0x2019) {
        i++;
        plain = false;
        ascii = false;
      }
    }
    if (sink !== undefined) {
      if (ascii) sink.word(text, s, i - s, h, letters);
      else sink.scan(text, s, i);
    }
    const t = text.slice(s, i);
    tokens.push({ text: t, norm: plain ? t : normOf(t), start: s, end: i });
  }
  return tokens;
}

/** Normal forms of the words seen lately (a word's normal form is asked for at each occurrence). */
const NORMS_MAX = 1 << 16;
let norms = new Map<string, string>();

function normOf(word: string): string {
  let norm = norms.get(word);
  if (norm === undefined) {
    norm = normWord(word);
    if (norms.size >= NORMS_MAX) norms = new Map();
    norms.set(word, norm);
  }
  return norm;
}

/** The word pattern {@link tokenize} implements; {@link phraseTokens} reads the fact sheet's strings with it. */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*['’]?/gu;

/**
 * The word tokens of a fact sheet string (a name, a phrase, a quote): what {@link tokenize} gives,
 * read with {@link WORD} instead, so that the draft's tokenizer only ever reads draft text. Once
 * that tokenizer had also read the sheet's strings (parsed from JSON, when the name and quote
 * indexes were built), V8 ran every later read of a draft more slowly: the check of a
 * 20,000-word draft took a fifth longer (measured; the engine's reason was not pinned down).
 */
export function phraseTokens(phrase: string): Token[] {
  const tokens: Token[] = [];
  for (const m of phrase.matchAll(WORD)) tokens.push({ text: m[0], norm: normWord(m[0]), start: m.index, end: m.index + m[0].length });
  return tokens;
}

const isLead = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isTrail = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/**
 * Membership of code points in a Unicode class (a one-character /u pattern such as
 * `/^[\p{L}\p{N}]$/u`), each answer remembered: the pattern runs once per distinct character.
 */
export class CodePointClass {
  /** BMP code points: 0 not yet known, 1 in the class, 2 not. */
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, boolean>();

  constructor(private readonly re: RegExp) {}

  has(cp: number): boolean {
    if (cp < 0x10000) {
      let k = this.bmp[cp];
      if (k === 0) k = this.bmp[cp] = this.re.test(String.fromCharCode(cp)) ? 1 : 2;
      return k === 1;
    }
    let yes = this.astral.get(cp);
    if (yes === undefined) {
      yes = this.re.test(String.fromCodePoint(cp));
      if (this.astral.size < 65536) this.astral.set(cp, yes);
    }
    return yes;
  }

  /** Whether the code point that ends just before `p` (a surrogate pair read whole) is in the class. */
  hasBefore(text: string, p: number): boolean {
    const c = text.charCodeAt(p - 1);
    if (isTrail(c) && p >= 2 && isLead(text.charCodeAt(p - 2))) return this.has((text.charCodeAt(p - 2) - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000);
    return this.has(c);
  }
}

/** Letters, marks and numbers: what words are made of. */
const WORD_CHARS = new CodePointClass(/^[\p{L}\p{M}\p{N}]$/u);
/** Width (1) of an ASCII letter or digit, 0 for any other ASCII character. */
const ASCII_WORD = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) ASCII_WORD[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;

/** UTF-16 length of the letter, mark or number at `i` (code unit `c`), or 0 if there is none. */
function wordCharWidth(text: string, i: number, c: number): number {
  if (isLead(c) && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (isTrail(d)) return WORD_CHARS.has((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return WORD_CHARS.has(c) ? 1 : 0;
}

/** Matches `case` of `model` onto `text`: all caps, capitalised first letter, or as is. */
/** `s` as a regular expression that matches it literally. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function matchCase(model: string, text: string): string {
  const letters = model.replace(/[^\p{L}]/gu, '');
  // Upper-case copy ("ARAQCHI SAYS"), but not a short acronym standing in for a name ("CNN").
  const acronym = letters.length <= 4 && !/\s/.test(model.trim());
  if (letters.length > 1 && !acronym && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return text.toUpperCase();
  if (/^\p{Lu}/u.test(model) && /^\p{Ll}/u.test(text)) return text[0].toUpperCase() + text.slice(1);
  if (/^\p{Ll}/u.test(model) && /^\p{Lu}\p{Ll}/u.test(text) && !/\p{Lu}/u.test(text.slice(1))) return text[0].toLowerCase() + text.slice(1);
  return text;
}

/** Splits a phrase into normalised words (for matching context and mention phrases). */
export function phraseWords(phrase: string): string[] {
  // Phrases come from the fact sheet and are asked for again and again (per sentence, per
  // check): remember them, and hand out copies so a caller can never change the cached words.
  let words = phraseCache.get(phrase);
  if (!words) {
    words = phraseTokens(phrase).map((t) => t.norm);
    if (phraseCache.size >= PHRASE_CACHE_MAX) phraseCache.clear();
    phraseCache.set(phrase, words);
  }
  return words.slice();
}
const phraseCache = new Map<string, string[]>();
const PHRASE_CACHE_MAX = 4096;

/** Token positions by normalised word, built on the first phrase look-up in a token array. */
const phraseIndexes = new WeakMap<Token[], Map<string, number[]>>();
/** Shorter arrays are scanned directly: an index would cost more than it saves. */
const INDEX_MIN_TOKENS = 64;

/**
 * Positions (token indexes, ascending) where the phrase `words` occurs in `tokens`. The index of
 * a token array is kept with the array, so the array must not change after the first look-up.
 */
export function findPhrase(tokens: Token[], words: string[]): number[] {
  const hits: number[] = [];
  const n = words.length;
  if (n === 0 || tokens.length < INDEX_MIN_TOKENS) {
    outer: for (let i = 0; i + n <= tokens.length; i++) {
      for (let j = 0; j < n; j++) if (tokens[i + j].norm !== words[j]) continue outer;
      hits.push(i);
    }
    return hits;
  }
  let index = phraseIndexes.get(tokens);
  if (!index) {
    index = new Map();
    for (let i = 0; i < tokens.length; i++) {
      const at = index.get(tokens[i].norm);
      if (at) at.push(i);
      else index.set(tokens[i].norm, [i]);
    }
    phraseIndexes.set(tokens, index);
  }
  const starts = index.get(words[0]);
  if (!starts) return hits;
  outer: for (const i of starts) {
    if (i + n > tokens.length) break;
    for (let j = 1; j < n; j++) if (tokens[i + j].norm !== words[j]) continue outer;
    hits.push(i);
  }
  return hits;
}
