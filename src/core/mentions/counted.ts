/**
 * What a figure counts, read from the word after it ("46 lessons", "a two-day inspection"): in
 * the draft, and in each fact's own cited sentence, so a sheet need not list the noun.
 */
import { lemmaOf } from '../language/lemma';
import { isFunctionWord, usually } from '../language/lexicon';

/**
 * Words after a count that do not say what is counted ("1,204 people were laid off", "1,204 in
 * total"), besides the function words (wink-lexicon: "of", "against", "since", "which").
 */
export const NOT_COUNTED = new Set(
  'today yesterday tonight now already alone overall altogether nationwide officially people persons individuals civilians protesters demonstrators men women children citizens more were was have has had are is be been so far total according further other others additional new'.split(' '),
);

/**
 * The lemma of the word right after the figure ending at `end` (past a space or a hyphen:
 * "two-day" → "day", "46 lessons" → "lesson"), unless that word does not say what is counted
 * ("1,204 people were laid off", "11 of them", "1.3% against the dollar") or is a participle ("3,117 verified deaths").
 */
export function countedWord(text: string, end: number): string | undefined {
  const w = /^(?:[ \t\u00a0]+|-)(\p{L}[\p{L}'’]*)/u.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
  if (!w || NOT_COUNTED.has(w) || isFunctionWord(w) || /(?:ed|ing)$/.test(w)) return undefined;
  return lemmaOf(w);
}

/**
 * The unit joined by a hyphen to the figure ending at `end` ("a three-point lead" → "point", "a
 * 9,800-tonne vessel" → "tonne"): a word that is usually a noun (wink-lexicon; an unknown word
 * too), not an age ("-year-old") nor a qualifier ("20-strong", "1,200-plus", "40-odd").
 */
export function joinedUnitAfter(text: string, end: number): string | undefined {
  const m = /^-(\p{Ll}{3,})\b(-old\b)?/u.exec(text.slice(end, end + 28));
  if (!m || m[2]) return undefined;
  const cls = usually(m[1]);
  return cls === undefined || cls === 'n' ? m[1] : undefined;
}
