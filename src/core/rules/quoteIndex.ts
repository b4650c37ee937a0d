/**
 * The sheet's verified quotes as words and stems, and the phrases naming speakers, indexed once
 * per sheet for the quote rules.
 */
import { type CompiledSheet } from '../sheet/compile';
import { phraseTokens, WordMap } from '../text/tokens';
import type { Quote } from '../types';
import { type Speaker, type Speakers, speakerPhrases, silentNames, PRONOUNS, PRONOUN } from '../claims/attribution';
import { toWords, stemsOf, contentStems } from './quoteWords';

interface QuoteIndex {
  verified: { q: Quote; words: string[]; vocabulary: Set<string>; stems: string[]; content: Set<string> }[];
  phrases: Speaker[];
  speakers: Speakers;
  /** The speakers and the personal pronouns that may stand for one ("he said"). */
  speakersOrPronouns: Speakers;
  /** Words of the longest verified quote. */
  longest: number;
}
const quoteIndexes = new WeakMap<CompiledSheet, QuoteIndex>();

/** Verified quotes as words and the phrases naming speakers, computed once per sheet. */
export function quoteIndex(sheet: CompiledSheet): QuoteIndex {
  let index = quoteIndexes.get(sheet);
  if (!index) {
    const phrases = speakerPhrases(sheet);
    const byFirst = new Map<string, Speaker[]>();
    // Longest first, a silent name before the speaker phrase it holds.
    for (const p of [...phrases, ...silentNames(sheet, phrases)].sort((a, b) => b.words.length - a.words.length)) {
      if (!p.words.length) continue;
      const list = byFirst.get(p.words[0]);
      if (list) list.push(p);
      else byFirst.set(p.words[0], [p]);
    }
    const verified = sheet.quotes.map((q) => {
      const words = toWords(phraseTokens(q.text)).map((w) => w.norm);
      return { q, words, vocabulary: new Set(words), stems: stemsOf(words), content: contentStems(words) };
    });
    const withPronouns = new Map(byFirst);
    for (const p of PRONOUNS) withPronouns.set(p, [...(byFirst.get(p) ?? []), { words: [p], id: PRONOUN, name: false }]);
    index = { verified, phrases, speakers: new WordMap(byFirst), speakersOrPronouns: new WordMap(withPronouns), longest: Math.max(0, ...verified.map((v) => v.words.length)) };
    quoteIndexes.set(sheet, index);
  }
  return index;
}

/** Speaker phrases of a sheet by first word, longest first (what {@link attribute} takes). */
export function speakersByFirstWord(sheet: CompiledSheet): Speakers {
  return quoteIndex(sheet).speakers;
}
