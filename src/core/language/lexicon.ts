/**
 * Common English words and their parts of speech, from wink-lexicon (13k words, each with its Penn
 * Treebank tags; proper names are not in it). What tells a title or any other English word from
 * a given name ("Judge Kushner" is no slip for Jared). Read on first use.
 */
import compact from 'wink-lexicon/src/lexicon.js';

/**
 * A part of speech a word may have, from its Penn tags: n noun (NN; m in the lexicon's own
 * string for a plural, NNS, which `usually` gives as n too), p proper noun, v verb
 * (VB, VBP, VBZ, VBD), g present participle (VBG), e past participle (VBN), j adjective, r adverb,
 * s superlative (JJS, RBS), i preposition or subordinating conjunction (IN), d determiner, o any other.
 */
export type WordClass = 'n' | 'p' | 'v' | 'g' | 'e' | 'j' | 'r' | 's' | 'i' | 'd' | 'o';

let classes: Record<string, string> | undefined;

/** The parts of speech a lower-case word may have, commonest first ('' when it is no common English word). */
export function wordClasses(norm: string): string {
  classes ??= JSON.parse(compact) as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(classes, norm) ? classes[norm] : '';
}

/** The commonest part of speech of a lower-case word (undefined when it is no common English word). */
export function usually(norm: string): WordClass | undefined {
  const c = wordClasses(norm)[0];
  return c === 'm' ? 'n' : (c as WordClass | undefined) || undefined;
}

/** Whether a lower-case word is commonest as a plural noun ("passengers", "people"; not "wall", "high"). */
export function isPluralNoun(norm: string): boolean {
  return wordClasses(norm)[0] === 'm';
}

/**
 * Whether a lower-case word is mostly of a closed class: a preposition, determiner, particle,
 * pronoun, modal, number word or interjection (IN, DT and wink-lexicon's other tags but nouns,
 * verbs, adjectives and adverbs: "from", "until", "to", "since", "they", "will", "million"), a
 * word that says nothing of a topic.
 */
export function isFunctionWord(norm: string): boolean {
  return /^[ido]$/.test(usually(norm) ?? '');
}

/** Whether a lower-case word is a common English word (of any part of speech but a proper noun). */
export function isCommonWord(norm: string): boolean {
  return /[^p]/.test(wordClasses(norm));
}

/**
 * Whether a lower-case word is a superlative: tagged so in the lexicon ("highest", "worst"), or
 * a regular one of an adjective it holds ("longest" of long, "latest" of late, "biggest" of big,
 * "busiest" of busy), which the lexicon of 13k words does not always list.
 */
export function isSuperlative(norm: string): boolean {
  if (usually(norm) === 's') return true;
  if (!/^\p{Ll}{2,}est$/u.test(norm)) return false;
  const base = norm.slice(0, -3);
  const stems = [base, `${base}e`, base.replace(/(\p{Ll})\1$/u, '$1'), base.replace(/i$/, 'y')];
  return stems.some((w) => w.length >= 2 && usually(w) === 'j');
}
