/**
 * Which article sentences a draft sentence restates: the sources of the figures and dates the
 * rules before have tied it to, with where the tie stands. A later rule reads a date or a place
 * in the light of them: "Firefighters were struggling on Tuesday to hold a fire that has scorched
 * 3,840 hectares" restates the sentence of the 3,840 hectares, which says "by Tuesday".
 */
import type { Pass } from './pass';

/** An article sentence a draft sentence restates, and the draft offset of the figure or date tied to it. */
export interface Restated {
  source: string;
  at: number;
}

/**
 * For each sentence of the pass (by index), the source sentences of the facts tied to it so far:
 * by confirmations only (`confirmedOnly`: a figure the draft gets right), or by findings too (a
 * slip of the figure still restates its sentence).
 */
export function restatedSources(pass: Pass, confirmedOnly = false): (sentence: number) => readonly Restated[] {
  const { contexts, sheet, confirmations, findings } = pass;
  const sourceOf = new Map<string, string>();
  for (const f of sheet.figures) sourceOf.set(f.id, f.source);
  for (const d of sheet.dates) sourceOf.set(d.id, d.source);
  const bySentence = new Map<number, Restated[]>();
  for (const tie of confirmedOnly ? confirmations : [...confirmations, ...findings]) {
    const source = tie.factId ? sourceOf.get(tie.factId) : undefined;
    if (!source) continue;
    // The sentence holding the tie's start (sentences are in text order).
    let lo = 0;
    let hi = contexts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (contexts[mid].sentence.end <= tie.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= contexts.length || contexts[lo].sentence.start > tie.start) continue;
    const list = bySentence.get(lo);
    if (list) list.push({ source, at: tie.start });
    else bySentence.set(lo, [{ source, at: tie.start }]);
  }
  const none: readonly Restated[] = [];
  return (sentence) => bySentence.get(sentence) ?? none;
}

/**
 * Does `source` say `phrase` as words of its own, in its case (a month is no modal: "May" is not
 * "may"), not inside a longer word; after one of `before` (and "the") if given?
 */
export function says(source: string, phrase: string, before?: readonly string[]): boolean {
  const lead = before?.length ? `(?:${before.map(phrasePattern).join('|')})\\s+(?:the\\s+)?` : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${lead}${phrasePattern(phrase)}(?![\\p{L}\\p{N}])`, 'u').test(source);
}

/** A phrase as a regular expression's source: its characters literal, any white space between its words. */
export const phrasePattern = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
