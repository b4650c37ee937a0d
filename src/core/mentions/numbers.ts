/**
 * Stage 2, mentions: reads what a draft states out of its text. Receives the masked text of a
 * paragraph (text/) and where patterns may start (wordStarts.ts), and hands the claims and rules
 * stages its figures (`findMentions`: digits, scale words, currencies, percentages, fractions,
 * spelled-out numbers, years, each with its qualifier and the style it was written in); dates.ts
 * and quotes.ts read date phrases and quotations the same way, names.ts the capitalised words.
 */
import { MONTH_OR_ABBREVIATION } from '../language/dateWords';
import { sorted } from '../search';
import { type WordStarts, wordStarts } from './wordStarts';
import { isCurrencyCode } from '../language/countries';
import { isPluralNoun, usually, wordClasses } from '../language/lexicon';
import { figureMatches, SCALE_AFTER, CURRENCY_AFTER, CURRENCY_CODE_BEFORE, PERCENT_AFTER, matchesAt, IN_N_RE, IN_N_STICKY, FRACTION_RE, FRACTION_STICKY, WORDS_STICKY } from './figurePatterns';
import { SCALES, UNITS, FRACTIONS, WORDS_RE, groupsInFallingScale, parseNumberWords } from '../language/numberWords';

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

/** Verbs of passing and of nearing, which bound their object as "more than" and "nearly" do. */
const PASSING = 'tops|topped|topping|exceeds|exceeded|exceeding|surpassed|surpasses';
const NEARING = 'nears|neared|nearing';
/** A qualifier that is a verb of the clause ("tops", "nears"): a fix cannot drop it. */
export const VERB_QUALIFIER = new RegExp(`^(?:${PASSING}|${NEARING})$`, 'i');

const QUALIFIERS: [RegExp, QualifierClass][] = [
  // (A verb of passing or of nearing bounds its object as "more than" or "nearly" do: a toll that
  // "tops 90", "nears 90". Not "passed" nor "approached": "passed 12 laws", "approached 12 firms".)
  [new RegExp(`(?:just |a little |slightly |well )?(?:more than|over|above|upwards of|upward of|in excess of|at least|no fewer than|no less than|north of|${PASSING})$`, 'i'), 'lower'],
  [new RegExp(`(?:nearly|almost|close to|just under|just shy of|approaching|not quite|${NEARING})$`, 'i'), 'approx-below'],
  [/(?:closer to|nearer to|nearer|about|around|roughly|some|approximately|an estimated|estimated|circa|c\.|an approximate|or so|approx\.?)$/i, 'approx'],
  [/(?:just |well |a little |slightly )?(?:fewer than|less than|under|below|up to|as many as|as much as|as high as|no more than|at most|not more than)$/i, 'upper'],
];

/** The qualifier of a figure starting at `start` ("more than", "nearly", "about", "up to"): its class and where it stands. */
export function qualifierBefore(text: string, start: number): { cls: QualifierClass; start: number; end: number } {
  const none = { cls: 'none' as QualifierClass, start, end: start };
  const before = text.slice(Math.max(0, start - 40), start);
  if (!/[ \u00a0]$/.test(before)) return none;
  const tail = before.replace(/[ \u00a0]+$/, '');
  const base = start - before.length;
  // The longest qualifier: "no more than" is an upper bound, not "more than". (", not more than
  // 5,000" sets one figure against another: its "not" is no part of the bound.)
  let best = none;
  for (const [re, cls] of QUALIFIERS) {
    const q = re.exec(tail);
    // After a space, a bracket, a quote mark, a dash or Markdown emphasis ("**At most 212**").
    if (!q || (q.index > 0 && !/[\s(“"‘'—–*_-]/.test(tail[q.index - 1])) || (best !== none && base + q.index >= best.start)) continue;
    if (/^not\b/i.test(q[0]) && /,\s*$/.test(tail.slice(0, q.index))) continue;
    best = { cls, start: base + q.index, end: base + tail.length };
  }
  // "nobody waited more than 9 days", "no driver had worked longer than …": a bound under
  // a negated subject or verb a few words before is an upper one (", not more than" is a contrast).
  const lead = text.slice(Math.max(0, best.start - 48), best.start);
  if (best.cls === 'lower' && /(?:^|[^\p{L}])(?:nobody|no one|no|never|n['’]t)\s+(?:\p{L}+\s+){0,3}$/iu.test(lead) && !/,\s*not\s+$/i.test(lead)) best.cls = 'upper';
  return best;
}

function precisionOf(digits: string, decimals: string | undefined): number {
  const frac = (decimals ?? '').replace(/0+$/, '');
  if (frac) return Math.pow(10, -frac.length);
  const plain = digits.replace(/\D/g, '');
  return plain === '0' ? 1 : Math.pow(10, /0*$/.exec(plain)![0].length);
}

/**
 * Whether a word after "3.2m" says what is counted, so the "m" is a million: a plural noun
 * ("visitors", "people"; wink-lexicon), or a word the lexicon lacks with a plural's ending
 * ("tonnes", "hectares", "litres"), not "a 5m wall" (metres).
 */
function countsThings(word: string): boolean {
  return isPluralNoun(word) || (wordClasses(word) === '' && /[^su]s$/.test(word));
}

/**
 * Whether the words at `at` say what is counted: a plural noun (`countsThings`), or one after
 * nouns that modify it in a chain joined by "and" (a word the lexicon lacks may be one of them:
 * "1.3m passport and ID numbers"); not after an adjective ("3m tall trees" are metres).
 */
function countsThingsAt(text: string, at: number): boolean {
  const re = /[ \u00a0]+([\p{L}-]+)/uy;
  re.lastIndex = at;
  // ("3m sea swells", "4m flood walls", with no "and", are metres.)
  let joined = false;
  for (let k = 0, w = re.exec(text); k < 4 && w; k++, w = re.exec(text)) {
    const norm = w[1].toLowerCase();
    if (norm === 'and') joined = true;
    if (w[1] === norm && countsThings(norm) && (k === 0 || joined)) return true;
    if (!(norm === 'and' || /^\p{Lu}{2,}$/u.test(w[1]) || (w[1] === norm && (usually(norm) === 'n' || wordClasses(norm) === '')))) return false;
  }
  return false;
}

/** An hour after "a quarter" or "half": "(a quarter) to four", "(half) past 3". */
const CLOCK_AFTER = /^\s+(?:to|past)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|noon|\d{1,2})\b(?![.:]\d)/i;

/** A year in words: "nineteen ninety-eight", "twenty twenty-four". */
const YEAR_WORDS = /^(?:nineteen|twenty)[ -](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)/i;

/** A scale after a fraction in words: "(a quarter) of a million", "(half) a billion". */
const SCALED_FRACTION = /^\s+(?:of\s+)?an?\s+(thousand|million|billion|trillion)\b/i;

function wordsPrecision(value: number): number {
  // "fifty thousand" → 10,000; "three thousand one hundred and seventeen" → 1; "seven and a half" → 0.5.
  if (value === 0) return 1;
  // ("eighteen point seven" → 0.1.)
  if (!Number.isInteger(value)) return (value * 2) % 1 === 0 ? 0.5 : 10 ** -(String(value).split('.')[1] ?? '').length;
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
  /** A figure in words at [s, e), with the percent sign or currency word that follows it. */
  const pushWords = (s: number, e: number, value: number, form: 'words' | 'year-words', precision?: number) => {
    const yearWords = form === 'year-words';
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
      kind, value: v, precision: precision ?? (kind === 'share' ? wordsPrecision(value) / 100 : wordsPrecision(value)), start: q.start, end, numStart: s, numEnd: e,
      scaleStart: e, scaleEnd: e, qualifier: q.cls, qualStart: q.start, qualEnd: q.end, currency,
      style: { form, sep: '', decimals: 0, scaleWord: '', scale: 1, percent },
    });
    taken.add(s, end);
  };

  figureMatches(text, starts.figures, (m) => {
    const [whole, cprefix, csym, digits, decimals] = m;
    // "EUR 410m": a currency code before the figure is part of it.
    const code = csym ? undefined : [CURRENCY_CODE_BEFORE.exec(text.slice(Math.max(0, m.index - 5), m.index))?.[1]].find((c) => !!c && isCurrencyCode(c));
    const start = code ? m.index - code.length - 1 : m.index;
    const numStart = m.index + whole.length - digits.length - (decimals !== undefined ? decimals.length + 1 : 0);
    const numEnd = m.index + whole.length;
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
    let currency = csym ? (cprefix ?? '') + csym : (code ?? '');
    const sc = SCALE_AFTER.exec(rest);
    if (sc) {
      scaleWord = sc[1] ?? sc[2];
      scale = SCALES[scaleWord.toLowerCase()] ?? 1;
      // A bare "m" or "b" is a scale only next to a currency ("$4.2m"), or joined to a figure of a
      // plural noun ("3.2m visitors", "1.6m people"; wink-lexicon), not "5 m" or "a 5m wall" (metres).
      const after = text.slice(numEnd + sc[0].length, numEnd + sc[0].length + 20);
      const counted = sc[0] === scaleWord && /^[ \u00a0]+(\p{Ll}+)/u.test(after);
      if (!currency && /^[mb]$/i.test(scaleWord) && !CURRENCY_AFTER.test(after) && !(counted && countsThingsAt(text, numEnd + sc[0].length))) {
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
    // "318p", "14.2 pence": pence, a hundredth of a pound (a share price, a dividend).
    const pence = !currency && !pc && !scaleWord ? /^(?:p(?![\p{L}\p{N}'’])|[ \u00a0]pence\b)/u.exec(text.slice(end, end + 7)) : null;
    if (pence) {
      currency = pence[0].trim();
      end += pence[0].length;
      scale = 0.01;
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
      // "a quarter to four", "half past three": a time of day, neither a share nor a count.
      const clock = form === 'fraction' && /quarter|half/i.test(m[0]) ? CLOCK_AFTER.exec(text.slice(e, e + 16)) : null;
      if (clock) {
        taken.add(s, e + clock[0].length);
        continue;
      }
      const value = parse(m);
      // "a quarter of a million", "half a billion euros": a count, the fraction of the scale,
      // a round phrase read to a twentieth of its scale ("almost a quarter of a million" for 241,000).
      const scaled = SCALED_FRACTION.exec(text.slice(e, e + 20));
      if (scaled && form === 'fraction' && !overlaps(s, e + scaled[0].length)) {
        const scale = SCALES[scaled[1].toLowerCase()];
        pushWords(s, e + scaled[0].length, value * scale, 'words', scale / 20);
        continue;
      }
      if (!Number.isFinite(value) || value <= 0 || value > 1) continue;
      const q = qualifierBefore(text, s);
      out.push({
        // "a fifth", "nine in ten" are round words, to three points either way ("almost
        // two-thirds" for 64%, "more than a quarter" for 27%), or an eighth of the share itself
        // for small ones ("one in 25" is not 6%). Under a bound the band is wider, to ten points
        // ("less than half" for 44%, "more than a quarter" for 31%), a quarter of the share for small ones.
        kind: 'share', value, precision: q.cls === 'lower' || q.cls === 'upper' ? Math.min(0.1, value / 4) : Math.min(0.06, value / 4), start: q.start, end: e, numStart: s, numEnd: e, scaleStart: e, scaleEnd: e,
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
    // "At one point four countries …": "at one point" is a time, no decimal.
    if (/^one\s+point\b/i.test(phrase) && /\bat\s+$/i.test(text.slice(Math.max(0, s - 4), s))) phrase = phrase.slice(0, 3);
    const e = s + phrase.length;
    if (overlaps(s, e)) continue;
    const value = parseNumberWords(phrase);
    if (!Number.isFinite(value)) continue;
    // A lone "one" is a pronoun more often than a figure.
    if (/^one$/i.test(phrase)) continue;
    pushWords(s, e, value, YEAR_WORDS.test(phrase) && value >= 1900 ? 'year-words' : 'words');
  }
  return sorted(out, (a, b) => a.start - b.start);
}

// ("between £2.5 million and": the first end may have a scale word.)
const RANGE_BEFORE = new RegExp(`(?:\\d\\s*(?:to|-|–|—)|\\bfrom\\s+\\S+\\s+to|\\bbetween\\s+\\S+(?:\\s+(?:${Object.keys(SCALES).join('|')}))?\\s+and)\\s*$`, 'i');
const RANGE_AFTER = /^\s*(?:to|-|–|—)\s*[$£€]?\d/;

/** Is the figure one end of a range ("60 to 84", "0.48–0.75", "between 2017 and 2019")? */
export function isRangeEnd(text: string, m: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, m.start - 36), m.start);
  const after = text.slice(m.end, m.end + 12);
  return RANGE_BEFORE.test(before) || RANGE_AFTER.test(after) || (/\bbetween\s*$/i.test(before) && /^\s+and\s+[$£€]?\d/.test(after));
}
