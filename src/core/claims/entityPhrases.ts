/**
 * The sheet's entity phrases indexed by their first word, and the reach of a link in a run-on
 * sentence: what the context reader and the reporter reader both look names up in.
 */
import type { CompiledSheet } from '../sheet/compile';
import { WordMap } from '../text/tokens';

/** How far (in words) a context word may be from a figure in a run-on sentence of thousands of words. */
export const LINK_WINDOW = 200;

type PhraseIndex = WordMap<{ order: number; words: string[]; id: string }[]>;
const firstWordIndexes = new WeakMap<CompiledSheet, PhraseIndex>();

/** The sheet's entity phrases by their first word, each with its rank in `entityPhrases`. */
export function phrasesByFirstWord(sheet: CompiledSheet): PhraseIndex {
  let index = firstWordIndexes.get(sheet);
  if (!index) {
    const byFirst = new Map<string, { order: number; words: string[]; id: string }[]>();
    sheet.entityPhrases.forEach((p, order) => {
      if (!p.words.length) return; // compile() keeps no empty phrases
      const list = byFirst.get(p.words[0]);
      const entry = { order, words: p.words, id: p.id };
      if (list) list.push(entry);
      else byFirst.set(p.words[0], [entry]);
    });
    index = new WordMap(byFirst);
    firstWordIndexes.set(sheet, index);
  }
  return index;
}

const wordIndexes = new WeakMap<CompiledSheet, Map<string, Set<string>>>();

/** Every word of each entity's phrases (names, aliases, mentions, titles), by entity id. */
export function wordsOfEntities(sheet: CompiledSheet): Map<string, Set<string>> {
  let index = wordIndexes.get(sheet);
  if (!index) {
    index = new Map();
    for (const p of sheet.entityPhrases) {
      let set = index.get(p.id);
      if (!set) index.set(p.id, (set = new Set()));
      for (const w of p.words) set.add(w);
    }
    wordIndexes.set(sheet, index);
  }
  return index;
}
