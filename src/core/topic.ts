/**
 * Is a paragraph about the story at all? A round-up item, a "separately" paragraph or an
 * aside about another case names its own people, places and bodies: capitalised words that the
 * sheet (its names, cited sentences, quotes) never uses, and none of the story's names. Its
 * figures, dates, titles and venues are another story's, and are not compared with this one's.
 */
import type { CompiledSheet } from './compile';
import type { SentenceContext } from './context';
import { MONTHS, WEEKDAYS } from './dateWords';
import { isCapitalised, nearMiss } from './names';
import { phraseTokens } from './text';

const CALENDAR = new Set([...MONTHS.split('|'), ...WEEKDAYS.split('|')].map((w) => w.toLowerCase()));
const properCache = new WeakMap<CompiledSheet, string[]>();

/**
 * The story's proper words: those its sheet (names, cited sentences, quotes) only ever writes
 * capitalised ("Veldmar", "Brekalo"), not those it also writes in lower case ("court", "the").
 */
function properWords(sheet: CompiledSheet): string[] {
  let words = properCache.get(sheet);
  if (!words) {
    const upper = new Set<string>();
    const lower = new Set<string>();
    const read = (s: string | undefined) => {
      if (!s) return;
      const toks = phraseTokens(s);
      toks.forEach((t, i) => {
        // A sentence's first word is capitalised whatever it is.
        if (!isCapitalised(t.text)) lower.add(t.norm);
        else if (i > 0 && !/[.!?:"“‘]\s*$/.test(s.slice(toks[i - 1].end, t.start))) upper.add(t.norm);
      });
    };
    const sh = sheet.sheet;
    for (const e of sh.entities) for (const x of [e.name, ...(e.aliases ?? []), ...(e.mentions ?? []), e.source]) read(x);
    for (const f of [...sh.figures, ...sh.dates, ...sh.quotes, ...sh.settings]) read(f.source);
    for (const q of sh.quotes) read(q.text);
    words = [...upper].filter((w) => !lower.has(w) && w.length >= 3 && !CALENDAR.has(w));
    properCache.set(sheet, words);
  }
  return words;
}

/**
 * True when the paragraph names, capitalised in mid sentence, at least two words the story never
 * uses, and none of the story's proper words, exactly or nearly spelt.
 */
export function offTopic(contexts: readonly SentenceContext[], masked: string, sheet: CompiledSheet): boolean {
  let foreign = 0;
  const proper = properWords(sheet);
  for (const ctx of contexts) {
    const toks = ctx.sentence.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const w = t.norm;
      if (!isCapitalised(t.text) || CALENDAR.has(w)) continue;
      if (proper.includes(w) || proper.some((n) => nearMiss(w, n))) return false;
      // A sentence's first word, and the first after a colon (a round-up's label), is capitalised
      // anyway; an acronym may be any body's.
      if (i === 0 || /:\s*[*_]*\s*$/.test(masked.slice(toks[i - 1].end, t.start)) || t.text === t.text.toUpperCase()) continue;
      if (!sheet.vocabulary.has(w)) foreign++;
    }
  }
  return foreign >= 2;
}
