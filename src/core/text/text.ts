/**
 * Text plumbing shared by the checks: masking of Markdown regions that are never checked,
 * sentence and block segmentation, and word tokens. All offsets are UTF-16, as in the input.
 */
import { codeSpans } from './codeSpans';
import { lowerBound } from '../search';

/** A word of a sentence: `norm` is lower-cased with possessive endings removed. */
export interface Token {
  text: string;
  norm: string;
  start: number;
  end: number;
}

/** A sentence (or a list item, heading, table row) of the draft. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** For a table row: the header cell above each cell, as [cellStart, cellEnd, headerText]. */
  tableHeaders?: [number, number, string][];
}

/**
 * Returns `text` with every region that must never be checked blanked to spaces (newlines kept,
 * so offsets and lines are unchanged): front matter, fenced code, inline code, HTML comments and
 * tags, link and image targets, reference definitions, URLs and table alignment rows. Plain text
 * (markdown false) only loses URLs and e-mail addresses.
 */
export function maskText(text: string, markdown = true): string {
  return maskSlice(text, maskRanges(text, markdown), 0, text.length);
}

/**
 * The regions {@link maskText} blanks, as sorted, disjoint [start, end, start, end, …] offsets.
 * A check masks paragraph by paragraph from these: a masked copy of a whole long draft is one
 * more large string to allocate and copy on every check.
 */
export function maskRanges(text: string, markdown = true): number[] {
  const ranges: number[] = [];
  const blankRange = (start: number, end: number) => {
    if (end > start) ranges.push(start, end);
  };
  const sweep = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else blankRange(m.index, m.index + m[0].length);
    }
  };
  if (markdown) {
    // YAML front matter at the very top.
    const fm = FRONT_MATTER.exec(text);
    if (fm) blankRange(0, fm[0].length);
    // Fenced code blocks (an unclosed fence runs to the end, as in CommonMark).
    if (text.includes('```') || text.includes('~~~')) {
      const fence = FENCE;
      fence.lastIndex = 0;
      for (let m = fence.exec(text); m; m = fence.exec(text)) {
        const marker = m[1];
        const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
        close.lastIndex = m.index + m[0].length;
        const c = close.exec(text);
        const end = c ? c.index + c[0].length : text.length;
        blankRange(m.index, end);
        fence.lastIndex = end;
      }
    }
    if (text.includes('<!--')) sweep(HTML_COMMENT);
    // Inline code: a run of backticks closed by a run of the same length.
    if (text.includes('`')) for (const [s, e] of codeSpans(text)) blankRange(s, e);
    // Link and image targets: ](target "title")
    if (text.includes('](')) {
      const link = LINK_TARGET;
      link.lastIndex = 0;
      for (let m = link.exec(text); m; m = link.exec(text)) blankRange(m.index + 2, m.index + m[0].length - 1);
    }
    if (text.includes(']:')) sweep(REFERENCE_DEFINITION);
    if (text.includes('<')) {
      sweep(AUTOLINK);
      sweep(HTML_TAG);
    }
    if (text.includes('-')) sweep(TABLE_ALIGNMENT);
  }
  // Bare URLs and e-mail addresses (the e-mail branch can only match where there is an @).
  const url = text.includes('@') ? URL_OR_EMAIL : URL_ONLY;
  url.lastIndex = 0;
  for (let m = url.exec(text); m; m = url.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index && TRAILING_PUNCT.test(text[end - 1])) end--;
    blankRange(m.index, end);
  }
  if (!ranges.length) return ranges;
  // Sort the regions by start and merge overlaps.
  const order: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) order.push(i);
  order.sort((a, b) => ranges[a] - ranges[b]);
  const merged: number[] = [];
  for (const i of order) {
    const s = ranges[i];
    const e = ranges[i + 1];
    if (merged.length && s <= merged[merged.length - 1]) {
      if (e > merged[merged.length - 1]) merged[merged.length - 1] = e;
    } else merged.push(s, e);
  }
  return merged;
}

/** Index in `ranges` (from {@link maskRanges}) of the first region that ends after `from`. */
function firstRegionAfter(ranges: readonly number[], from: number): number {
  return 2 * lowerBound(ranges.length >> 1, (j) => ranges[2 * j + 1] <= from);
}

/** `text.slice(from, to)` with the regions `ranges` (from {@link maskRanges}) blanked, line breaks kept. */
export function maskSlice(text: string, ranges: readonly number[], from: number, to: number): string {
  if (!masksAny(ranges, from, to)) return text.slice(from, to);
  let k = firstRegionAfter(ranges, from);
  let out = '';
  let at = from;
  for (; k < ranges.length && ranges[k] < to; k += 2) {
    const s = Math.max(ranges[k], from);
    const e = Math.min(ranges[k + 1], to);
    out += text.slice(at, s) + text.slice(s, e).replace(LINE_CONTENT, blanks);
    at = e;
  }
  return out + text.slice(at, to);
}

/** Whether a region of `ranges` (from {@link maskRanges}) overlaps [from, to). */
export function masksAny(ranges: readonly number[], from: number, to: number): boolean {
  const k = firstRegionAfter(ranges, from);
  return k < ranges.length && ranges[k] < to;
}

/** YAML front matter at the very top of a draft; group 1 is its body. */
export const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FENCE = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n/gm; // (?!`): no backtracking into a long run
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const LINK_TARGET = /\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(\s+(?:"[^"]*"|'[^']*'))?\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;
const AUTOLINK = /<(?:https?|mailto|ftp):[^\s>]*>/gi;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const TABLE_ALIGNMENT = /^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$/gm;
const URL_OR_EMAIL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'“”‘’)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const URL_ONLY = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'“”‘’)\]]+/gi;
const TRAILING_PUNCT = /[.,;:!?]/;
/** A run of characters between line breaks, and as many spaces (one replacement per line, not per character). */
const LINE_CONTENT = /[^\n\r]+/g;
const blanks = (run: string) => ' '.repeat(run.length);

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

/** The hash of a word's letters, lower-cased, that the word-start scan looks words up by (numbers.ts). */
export const letterHash = (h: number, c: number) => (Math.imul(h, 31) + (c | 0x20)) | 0;

/** The currency symbols a figure may start with (those of DIGITS_RE in numbers.ts). */
export const isCurrencyCode = (c: number) => c === 0x24 || c === 0xa3 || c === 0xa5 || c === 0x20ac;

/**
 * What the word-start scan (WordStartsBuilder in numbers.ts) takes from a tokenizer that reads
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

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jr|Sr|No|vs|etc|e\.g|i\.e|approx|Inc|Ltd|Co|Corp)|\b[A-Z](?:\.[A-Z])*)\.$/;
const ASCII_LETTER = /[A-Za-z]/;
const BLOCK_START = /^[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|\||>)/;

/**
 * Splits masked text into sentences. Blank lines, headings, list items, table rows and block
 * quotes start new units; inside a paragraph, sentences end at . ! ? followed by a capital or an
 * opening quote. A single newline inside a paragraph does not end a sentence.
 */
export function splitSentences(masked: string, sink?: WordSink): Sentence[] {
  const sentences: Sentence[] = [];
  // Group lines into blocks.
  const lines: [number, number][] = [];
  for (let s = 0; s <= masked.length; ) {
    let e = masked.indexOf('\n', s);
    if (e < 0) e = masked.length;
    lines.push([s, e]);
    s = e + 1;
  }
  // [start, end, isTable, startsNewTable]
  const blocks: [number, number, boolean, boolean][] = [];
  let cur: [number, number, boolean, boolean] | null = null;
  let prevSingle = false;
  let prevLength = 0;
  let prevListLike = false;
  let afterBlank = true;
  for (const [s, e] of lines) {
    const line = masked.slice(s, e);
    if (!line.trim()) {
      if (cur) blocks.push(cur);
      cur = null;
      // A truly empty line ends a table; a line of spaces is a masked alignment row inside one.
      if (!/^[ \t]{3,}\r?$/.test(line)) afterBlank = true;
      continue;
    }
    const isTable = /^[ \t]*\|/.test(line) || (/\|/.test(line) && /^[ \t]*\S.*\|.*\S/.test(line) && /\|[ \t]*$/.test(line));
    // A short line followed by a capitalised one is a line of its own (fact boxes, headlines),
    // not a paragraph wrapped at the margin.
    const ownLine = prevLength > 0 && prevLength < 50 && prevListLike && /^[ \t]*["“‘'(*]?\p{Lu}/u.test(line);
    const starts = BLOCK_START.test(line) || isTable || ownLine;
    if (cur && !starts && !prevSingle) {
      cur[1] = e;
    } else {
      if (cur) blocks.push(cur);
      cur = [s, e, isTable, isTable && afterBlank];
    }
    afterBlank = false;
    prevLength = line.trim().length;
    // "Jobs cut: 1,204", "BY THE NUMBERS": a label, a figure or a headline, not prose cut at the margin.
    prevListLike = endsListLike(line) || line.includes(':') || (!/[a-z]/.test(line) && /\p{Lu}/u.test(line) && line === line.toUpperCase());
    // A heading or table row is one line long; a list item may wrap onto following lines.
    prevSingle = isTable || /^[ \t]*#{1,6}\s/.test(line);
  }
  if (cur) blocks.push(cur);

  // Candidate sentence ends of the whole text, found in one pass: a match never spans a line
  // break, so the matches inside a block are the ones a scan of the block alone would find.
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(masked); m; m = SENTENCE_END.exec(masked)) ends.push(m.index, m.index + m[0].length);
  let next = 0;

  let header: { cells: [number, number][]; text: string } | null = null;
  for (const [bs, be, isTable, newTable] of blocks) {
    while (next < ends.length && ends[next] < bs) next += 2;
    if (newTable) header = null;
    if (isTable) {
      const row = masked.slice(bs, be);
      const cells = tableCells(row, bs);
      if (!cells.length) continue;
      const rowHeaders: [number, number, string][] = [];
      if (header && cells.length) {
        cells.forEach(([cs, ce], i) => {
          const h = header!.cells[i];
          if (h) rowHeaders.push([cs, ce, header!.text.slice(h[0], h[1])]);
        });
      }
      sentences.push({ start: bs, end: be, text: row, tokens: tokenize(masked, bs, be, sink), tableHeaders: header ? rowHeaders : undefined });
      if (!header) header = { cells, text: masked };
      continue;
    }
    header = null;
    next = splitBlock(masked, bs, be, ends, next, sentences, sink);
  }
  return sentences;
}

/** Whether the line's last character before trailing white space is a digit or one of . ! ? : % ) (what /[\d.!?:%)]\s*$/ tests, read from the end; exported for its test). */
export function endsListLike(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && WHITE_SPACE.test(line[i])) i--;
  if (i < 0) return false;
  const c = line.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x25 || c === 0x29;
}
const WHITE_SPACE = /\s/;

function tableCells(row: string, base: number): [number, number][] {
  const cells: [number, number][] = [];
  let s = row.indexOf('|') === row.search(/\S/) ? row.indexOf('|') + 1 : 0;
  for (let i = s; i <= row.length; i++) {
    if (i === row.length || (row[i] === '|' && row[i - 1] !== '\\')) {
      if (i > s && (i < row.length || row.slice(s).trim())) cells.push([base + s, base + i]);
      s = i + 1;
    }
  }
  return cells;
}

const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}*#_])/gu;

/** Splits block [bs, be) at the candidate ends from `ends[next]` on; returns the next unused candidate. */
function splitBlock(masked: string, bs: number, be: number, ends: number[], next: number, out: Sentence[], sink: WordSink | undefined): number {
  let s = bs;
  for (; next < ends.length && ends[next] < be; next += 2) {
    const index = ends[next];
    const end = ends[next + 1];
    if (end > be) break;
    // Every abbreviation ends in a letter right before its full stop.
    if (end - index === 1 && masked[index] === '.' && index > s && ASCII_LETTER.test(masked[index - 1]) && ABBREV.test(masked.slice(Math.max(s, index - 12), index + 1))) continue;
    push(masked, s, end, out, sink);
    s = end;
  }
  push(masked, s, be, out, sink);
  return next;
}

function push(masked: string, s: number, e: number, out: Sentence[], sink: WordSink | undefined): void {
  while (s < e && /\s/.test(masked[s])) s++;
  while (e > s && /\s/.test(masked[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e, text: masked.slice(s, e), tokens: tokenize(masked, s, e, sink) });
}

/** Matches `case` of `model` onto `text`: all caps, capitalised first letter, or as is. */
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
