/**
 * The patterns a figure is read with (digits, currencies, scale words, percentages, fractions,
 * `one in four`), and where a figure may start.
 */
import { CodePointClass } from '../text/tokens';
import { UNIT_NAMES, TEN_NAMES, WORDS_RE } from '../language/numberWords';

/**
 * A unit written onto a figure ("14km", "112mm", "21C"): up to three lower-case letters, or C or
 * F, that end the word, which DIGITS_RE lets follow a figure (not a plural "s": "the 1990s").
 */
const GLUED_UNIT_SOURCE = String.raw`(?:(?!s(?![\p{L}\p{N}]))[a-z]{1,3}|[CF])(?![\p{L}\p{N}])`;
export const GLUED_UNIT = new RegExp(`^${GLUED_UNIT_SOURCE}`, 'u');

// Each pattern starts with a look-ahead for its possible first characters: the engine can then
// skip ahead to candidates instead of trying the whole pattern at every position of the text.
// What may stand right before a figure is checked in code (figureMayStartAt), not by a
// look-behind: a Unicode look-behind made this pattern cost a cold run ~3.5 ms to compile.
export const DIGITS_RE = new RegExp(
  String.raw`(?=[ACHNSU$£€¥\d])(?:(US|U\.S\.|A|C|NZ|HK|S)?([$£€¥]))?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d{2,3},\d{2}(?!\d|,\d)|\d+)(?:\.(\d+))?(?!(?!(?:k|K|m|bn|b|tn|mn|mln|p)\b|${GLUED_UNIT_SOURCE})[\p{L}\p{N}]|[.,]\d|:\d)`,
  'gu',
);

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
/** A scale word or abbreviation right after a figure ("4.2bn", "3 million"). */
export const SCALE_AFTER = /^(?:[ \u00a0]?(k|K|m|bn|b|tn|mn|mln)\b|[ \u00a0-](thousand|million|billion|trillion)\b)/;
/** A percent sign or word right after a figure. */
export const PERCENT_AFTER = /^(?:[ \u00a0]?%|[ \u00a0-](?:per ?cent|percent|pc)\b)/i;
/** Three capitals right before a figure: a currency code if ISO 4217 has it ("EUR 410m", "CNY 232 billion"). */
export const CURRENCY_CODE_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{Lu}{3})[ \u00a0]$/u;
/** A currency named after a figure ("300 euros", "5 USD"). */
export const CURRENCY_AFTER = /^[ \u00a0](?:(?:US |U\.S\. )?dollars|USD|euros?|EUR|pounds?|GBP)\b/i;
/** A fraction in words ("two-thirds", "a fifth", "half"). */
export const FRACTION_RE =
  /(?=[afhnost])\b(?:(a|one|two|three|four|five|six|seven|nine)[ -](half|halves|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|sixth|sixths|eighth|eighths|tenth|tenths)|(half))\b/giu;
/** A proportion "n in m" or "n out of m" ("one in four", "9 out of 10"). */
export const IN_N_RE = /(?=[efnost\d])\b(one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out of)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b/giu;

/**
 * The three word patterns above can only match where a whole word (a run of [A-Za-z0-9_], as
 * `\b` sees words) is one of their first words. One scan of the text lists those places, and
 * each pattern is then tried there only (sticky), in order: the same matches as a global search,
 * without trying the pattern at every letter. Under /iu two non-ASCII characters (ſ, K) also
 * count as ASCII letters; a text that has them is searched the ordinary way.
 */
export const WORDS_FIRST = new Set(['a', ...UNIT_NAMES, ...TEN_NAMES, 'hundred', 'thousand', 'million', 'billion', 'trillion']);
/** The first words FRACTION_RE can start with. */
export const FRACTION_FIRST = new Set(['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'nine', 'half']);
/** The first words IN_N_RE can start with. */
export const IN_N_FIRST = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);
// The sticky copies drop the u flag: with it, compiling these case-insensitive patterns costs
// milliseconds (a cold CLI run pays it). They only run on text without ſ and K, where /i and
// /iu match, and \b sees words, the same way.
const sticky = (re: RegExp) => new RegExp(re.source, re.flags.replace('g', '').replace('u', '') + 'y');
/** WORDS_RE tried at one place (see matchesAt). */
export const WORDS_STICKY = sticky(WORDS_RE);
/** FRACTION_RE tried at one place (see matchesAt). */
export const FRACTION_STICKY = sticky(FRACTION_RE);
/** IN_N_RE tried at one place (see matchesAt). */
export const IN_N_STICKY = sticky(IN_N_RE);

/** ASCII classes as \b sees words: 1 a letter, 2 a digit or underscore, 0 no word character. */
export const WORD_CLASS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) WORD_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : (c >= 48 && c <= 57) || c === 95 ? 2 : 0;
/** Whether a code unit is a word character as \b sees it in a pattern without the u flag. */
export const isWordCode = (c: number) => c < 0x80 && WORD_CLASS[c] !== 0;

/** Every match of the global pattern `re` in `text`, tried only at `starts` when given (see above). */
export function matchesAt(text: string, re: RegExp, stickyRe: RegExp, starts: number[] | undefined): RegExpExecArray[] {
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
