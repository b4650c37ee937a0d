/**
 * Names as the draft writes them: capitalised words and phrases of a sentence's tokens, with
 * possessives and hyphenated parts read off, and the capitalised words that are never names.
 */
import { MONTH_OR_ABBREVIATION, WEEKDAYS } from '../language/dateWords';
import { type Token } from '../text/tokens';

/** Month and day names: capitalised, never people or places. */
export const MONTHS_DAYS = new Set([...MONTH_OR_ABBREVIATION.split('|'), ...WEEKDAYS.split('|')].map((w) => w.toLowerCase()));
/** The words that join the words of a name or title ("Journal of Medicine", "Secretary of State"). */
export const NAME_JOINS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the']);

/** Pronouns that stand for a person named before. */
export const PERSONAL = new Set(['he', 'she', 'his', 'her', 'him']);
/** Honorifics stand before a surname in place of a given name ("Mr Araghchi", "Dr Ruiz"). */
export const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lord|lady|rev|fr|sen|rep|gov|gen|col|capt|sgt)\.?$/i;
/** Capitalised words that start sentences and are not names ("On Sunday, …"). */
export const NOT_NAMES = new Set(
  'on in at the a an but and or last this next earlier later meanwhile after before since during for from with by as when while however also yet so then today yesterday tomorrow his her their its our my speaking asked'.split(' '),
);

/**
 * A token lower-cased: its normal form when that is the same thing (no ’ straightened, no ' or 's
 * dropped from the end), else a new lower-case copy. (Comparing lengths would not do: İ lower-cases
 * to two characters, so "İstanbul'" and its normal form "i̇stanbul" are the same length.)
 */
export function lowerOf(t: Token): string {
  const s = t.text;
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  const dropped = last === 0x27 || ((last === 0x73 || last === 0x53) && n > 1 && s.charCodeAt(n - 2) === 0x27); // ' 's 'S
  return dropped || s.indexOf('\u2019') >= 0 ? s.toLowerCase() : t.norm;
}

/** `word`, the token `t` less any possessive (see bare), lower-cased: the token's normal form when nothing was cut. */
export function bareLowerOf(t: Token, word: string): string {
  return word.length === t.text.length ? lowerOf(t) : word.toLowerCase();
}

/** Starts with a capital letter (ASCII fast path; the check runs on every word). */
export function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t);
}

/** A word without its possessive ending: `Ruiz’s` → `Ruiz`, `voters'` → `voters`. */
export function bare(text: string): string {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  if (last === 0x27 || last === 0x2019) return text.slice(0, -1); // ' ’
  if (last === 0x73 || last === 0x53) {
    // s S
    const before = text.charCodeAt(n - 2);
    if (before === 0x27 || before === 0x2019) return text.slice(0, -2);
  }
  return text;
}

/** A token without its possessive ending, with its range. */
export function stripPossessive(t: Token): { text: string; start: number; end: number } {
  const text = bare(t.text);
  return { text, start: t.start, end: t.start + text.length };
}

/** Parts of a token: hyphenated compounds ("Ruiz-led") are checked part by part. */
export function parts(t: Token): { text: string; start: number; end: number }[] {
  const base = stripPossessive(t);
  const out: { text: string; start: number; end: number }[] = [];
  let at = base.start;
  for (const p of base.text.split('-')) {
    out.push({ text: p, start: at, end: at + p.length });
    at += p.length + 1;
  }
  return out;
}

/**
 * Whether `words` occur in `toks` from index `at`. A plain loop on purpose: a closure in a
 * per-word loop that captures the loop index makes the engine allocate a scope for every word.
 */
export function wordsAt(toks: Token[], at: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (toks[at + k]?.norm !== words[k]) return false;
  return true;
}

/** The length in words of the longest of `qualifiers` that ends right before token `at` ("Brazil's", "the mayor's" before a title); 0 for none. */
export function qualifierBefore(toks: Token[], at: number, qualifiers: string[][]): number {
  let len = 0;
  for (const q of qualifiers) if (q.length > len && q.length <= at && wordsAt(toks, at - q.length, q)) len = q.length;
  return len;
}

/** Capitalised name tokens starting at token `i` (up to three), possessives allowed on the last. */
export function nameAt(toks: Token[], i: number, text: string): Token[] {
  const out: Token[] = [];
  for (let k = i; k < toks.length && out.length < 3; k++) {
    if (!isCapitalised(toks[k].text)) break;
    if (k > i && !/^[ \t\u00a0]+$/.test(text.slice(toks[k - 1].end, toks[k].start))) break;
    // In capitals or title case, a function word ends the name: "INSTAGRAM AFTER AN APPEARANCE".
    if (k > i && NOT_NAMES.has(toks[k].norm)) break;
    out.push(toks[k]);
    if (/['’]s?$/.test(toks[k].text)) break;
  }
  return out;
}
