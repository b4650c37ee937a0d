/**
 * The story's verified texts beside its sheet: the article (and the documents) say more than the
 * sheet lists. Receives a compiled sheet and those texts, and hands the rules a sheet that also
 * knows the figures of the texts that no fact lists ("about 25 minutes", "46 lessons"), each with
 * the word it counts: a draft that gives one of them is quoting the verified source, not
 * misstating a fact it happens to resemble.
 */
import type { CompiledSheet } from './compile';
import { findMentions } from '../mentions/numbers';
import { countedWord } from '../mentions/counted';
import { maskText } from '../text/mask';

/** The key of a figure's kind and value in {@link CompiledSheet.unlisted}. */
export function unlistedKey(kind: string, value: number): string {
  return `${kind}|${Math.round(value * 1e6) / 1e6}`;
}

const derived = new WeakMap<CompiledSheet, { sources: readonly string[]; sheet: CompiledSheet }>();

/**
 * `compiled` with the figures of `sources` that no fact of the same kind and value lists. The same
 * object for the same texts (so a re-check reuses its paragraph analyses); `compiled` itself when
 * there are none.
 */
export function withSources(compiled: CompiledSheet, sources: readonly string[] | undefined): CompiledSheet {
  if (!sources?.length) return compiled;
  const hit = derived.get(compiled);
  if (hit && hit.sources.length === sources.length && hit.sources.every((s, i) => s === sources[i])) return hit.sheet;
  const unlisted = new Map<string, Set<string>>();
  for (const source of sources) {
    const masked = maskText(source, true);
    // A fact's own figure, in its cited sentence, is listed ("3,117" of "acknowledged 3,117
    // fatalities"); the same value elsewhere in the text may count something else ("11 minutes").
    const listed: { start: number; end: number; key: string }[] = [];
    for (const f of compiled.figures) {
      for (let at = source.indexOf(f.source); at >= 0 && f.source; at = source.indexOf(f.source, at + 1)) listed.push({ start: at, end: at + f.source.length, key: unlistedKey(f.kind, f.value) });
    }
    for (const m of findMentions(masked)) {
      const key = unlistedKey(m.kind, m.value);
      const word = countedWord(masked, m.end);
      if (!word || listed.some((l) => l.key === key && m.start >= l.start && m.end <= l.end)) continue;
      const words = unlisted.get(key);
      if (words) words.add(word);
      else unlisted.set(key, new Set([word]));
    }
  }
  const sheet: CompiledSheet = { ...compiled, unlisted };
  derived.set(compiled, { sources, sheet });
  return sheet;
}
