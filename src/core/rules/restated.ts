/**
 * Which article sentences a draft sentence restates: the sources of the figures and dates the
 * rules before have tied it to (confirmed or flagged). A later rule reads a date or a place in
 * the light of them: "Firefighters were struggling on Tuesday to hold a fire that has scorched
 * 3,840 hectares" restates the sentence of the 3,840 hectares, which says "by Tuesday".
 */
import type { Pass } from './pass';

/** For each sentence of the pass (by index), the source sentences of the facts tied to it so far. */
export function restatedSources(pass: Pass): (sentence: number) => readonly string[] {
  const { contexts, sheet, confirmations, findings } = pass;
  const sourceOf = new Map<string, string>();
  for (const f of sheet.figures) sourceOf.set(f.id, f.source);
  for (const d of sheet.dates) sourceOf.set(d.id, d.source);
  const bySentence = new Map<number, Set<string>>();
  for (const tie of [...confirmations, ...findings]) {
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
    let set = bySentence.get(lo);
    if (!set) bySentence.set(lo, (set = new Set()));
    set.add(source);
  }
  const none: readonly string[] = [];
  return (sentence) => {
    const set = bySentence.get(sentence);
    return set ? [...set] : none;
  };
}

/** Does `source` say `phrase` as words of its own (case aside, not inside a longer word), after one of `before` if given? */
export function says(source: string, phrase: string, before?: readonly string[]): boolean {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const lead = before?.length ? `(?:${before.map(esc).join('|')})\\s+(?:the\\s+)?` : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${lead}${esc(phrase)}(?![\\p{L}\\p{N}])`, 'iu').test(source);
}
