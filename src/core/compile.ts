import { phraseWords, WordSieve } from './text';
import type { Entity, FactSheet, Figure, DateFact, Quote, Setting } from './types';

/** A phrase to look for in a sentence, as normalised words, and what it stands for. */
export interface Phrase {
  words: string[];
  id: string;
}

/** Indexes of a fact sheet, computed once per sheet object and reused by every check. */
export interface CompiledSheet {
  sheet: FactSheet;
  entities: Map<string, Entity>;
  /** Every way the draft can refer to an entity (name, aliases, common-noun mentions). */
  entityPhrases: Phrase[];
  /** Entity ids that report at least one figure. */
  reporters: Set<string>;
  figures: Figure[];
  figureContext: Map<string, string[][]>;
  dates: DateFact[];
  dateContext: Map<string, string[][]>;
  /** The first word of every phrase of figureContext and dateContext (what SentenceContext.phraseWeight looks up). */
  contextWords: WordSieve;
  quotes: Quote[];
  settings: Setting[];
  /** Lower-cased words and names that are never misspellings of a sheet name. */
  otherNames: Set<string>;
}

const cache = new WeakMap<FactSheet, CompiledSheet>();

/** Compiles (or returns the cached compilation of) a fact sheet. */
export function compile(sheet: FactSheet): CompiledSheet {
  const hit = cache.get(sheet);
  if (hit) return hit;
  const entityPhrases: Phrase[] = [];
  for (const e of sheet.entities) {
    for (const p of [e.name, ...(e.aliases ?? []), ...(e.mentions ?? [])]) {
      const words = phraseWords(p);
      if (words.length) entityPhrases.push({ words, id: e.id });
    }
  }
  // Longest phrases first, so "city council press office" wins over "press office".
  entityPhrases.sort((a, b) => b.words.length - a.words.length);
  const figureContext = new Map(sheet.figures.map((f) => [f.id, f.context.map(phraseWords)]));
  const dateContext = new Map(sheet.dates.map((d) => [d.id, d.context.map(phraseWords)]));
  const contextWords = new WordSieve([...figureContext.values(), ...dateContext.values()].flatMap((phrases) => phrases.filter((p) => p.length).map((p) => p[0])));
  const otherNames = new Set<string>();
  for (const n of sheet.otherNames ?? []) for (const w of phraseWords(n)) otherNames.add(w);
  const compiled: CompiledSheet = {
    sheet,
    entities: new Map(sheet.entities.map((e) => [e.id, e])),
    entityPhrases,
    reporters: new Set(sheet.figures.map((f) => f.reportedBy).filter((x): x is string => !!x)),
    figures: sheet.figures,
    figureContext,
    dates: sheet.dates,
    dateContext,
    contextWords,
    quotes: sheet.quotes,
    settings: sheet.settings,
    otherNames,
  };
  cache.set(sheet, compiled);
  return compiled;
}
