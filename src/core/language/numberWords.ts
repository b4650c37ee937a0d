/**
 * Number words of English: units, tens and scale words, fractions, the spelled-out number
 * pattern, and reading ("three thousand one hundred and seventeen") and spelling numbers and years.
 */

/** Scale words and abbreviations by their value (`bn`, `billion` → 1e9). */
export const SCALES: Record<string, number> = {
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
export const SCALE_FAMILIES: Record<string, string[]> = {
  long: ['thousand', 'million', 'billion', 'trillion'],
  short: ['k', 'm', 'bn', 'tn'],
  alt: ['k', 'mn', 'bn', 'tn'],
  letters: ['k', 'm', 'b', 't'],
};

/** Number words from zero to nineteen by their value. */
export const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** zero … nineteen, by value. */
export const UNIT_NAMES = Object.keys(UNITS);
/** twenty … ninety, by value. */
export const TEN_NAMES = Object.keys(TENS);

/** Fraction words by their value (`half` → 0.5, `quarters` → 0.25). */
export const FRACTIONS: Record<string, number> = {
  half: 1 / 2, halves: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4, fourth: 1 / 4, fourths: 1 / 4,
  fifth: 1 / 5, fifths: 1 / 5, sixth: 1 / 6, sixths: 1 / 6, eighth: 1 / 8, eighths: 1 / 8, tenth: 1 / 10, tenths: 1 / 10,
};
/** Fractions a share is written in, with their singular and plural words. */
export const FRACTION_WORDS: [number, string, string][] = [
  [1 / 2, 'half', 'halves'],
  [1 / 3, 'third', 'thirds'],
  [1 / 4, 'quarter', 'quarters'],
  [1 / 5, 'fifth', 'fifths'],
  [1 / 10, 'tenth', 'tenths'],
];

/** A digit's word, as said after "point" ("six point eight"). */
const DIGIT = '(?:' + UNIT_NAMES.slice(0, 10).join('|') + ')';
const W = '(?:' + [...UNIT_NAMES, ...TEN_NAMES, 'hundred', 'thousand', 'million', 'billion', 'trillion'].join('|') + ')';
/**
 * A spelled-out number: words joined by spaces, hyphens and "and"; "and a half" ends one
 * ("seven and a half years", "thirty-two and a half billion"), but not before "of" ("two and a
 * half of them" is a fraction of something); "point" and digits end one too ("six point eight",
 * "two point five million").
 */
export const WORDS_RE = new RegExp(
  `(?=[abefhmnostz])\\b(?:a |one )?${W}(?:(?:[ -]|(?<=hundred|thousand|million|billion|trillion)\\s+and\\s+|\\s+and\\s+(?=a half)|(?<=thousand|million|billion|trillion),\\s+)(?:${W}|(?<=and\\s+)a half\\b(?!\\s+(?:of|an?|the)\\b)))*(?:\\s+point(?:\\s+${DIGIT})+(?:\\s+(?:thousand|million|billion|trillion))?)?\\b`,
  'giu',
);

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
    // "eighteen point seven": the digits after "point" are decimals.
    if (w === 'point' && any) {
      let digits = '';
      while (i + 1 < words.length && UNITS[words[i + 1]] !== undefined && UNITS[words[i + 1]] < 10) digits += UNITS[words[++i]];
      if (!digits) return NaN;
      current = Number(`${current}.${digits}`);
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

const SCALE_OF: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** The phrase up to its first comma that is not followed by a smaller group than the scale word before it. */
export function groupsInFallingScale(phrase: string): string {
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
