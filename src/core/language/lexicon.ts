/**
 * Common English words and their parts of speech, from wink-lexicon (13k words, each with its Penn
 * Treebank tags; proper names are not in it). What tells a title or any other English word from
 * a given name ("Judge Kushner" is no slip for Jared). Read on first use.
 */
import compact from 'wink-lexicon/src/lexicon.js';

/**
 * A part of speech a word may have, from its Penn tags: n noun (NN, NNS), p proper noun, v verb
 * (VB, VBP, VBZ, VBD), g present participle (VBG), e past participle (VBN), j adjective, r adverb,
 * i preposition or subordinating conjunction (IN), d determiner, o any other.
 */
export type WordClass = 'n' | 'p' | 'v' | 'g' | 'e' | 'j' | 'r' | 'i' | 'd' | 'o';

let classes: Map<string, string> | undefined;

/** The parts of speech a lower-case word may have, commonest first ('' when it is no common English word). */
export function wordClasses(norm: string): string {
  if (!classes) {
    classes = new Map();
    for (const entry of compact.split(' ')) {
      const colon = entry.lastIndexOf(':');
      classes.set(entry.slice(0, colon), entry.slice(colon + 1));
    }
  }
  return classes.get(norm) ?? '';
}

/** Whether a lower-case word is a common English word that may be `cls` ("judge": a noun and a verb). */
export function mayBe(norm: string, cls: WordClass): boolean {
  return wordClasses(norm).includes(cls);
}

/** The commonest part of speech of a lower-case word (undefined when it is no common English word). */
export function usually(norm: string): WordClass | undefined {
  return (wordClasses(norm)[0] as WordClass | undefined) || undefined;
}

/** Whether a lower-case word is a common English word (of any part of speech but a proper noun). */
export function isCommonWord(norm: string): boolean {
  return /[^p]/.test(wordClasses(norm));
}
