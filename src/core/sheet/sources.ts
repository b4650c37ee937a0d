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
import { escapeRegExp } from '../text/tokens';

/** The key of a figure's kind and value in {@link CompiledSheet.unlisted}. */
export function unlistedKey(kind: string, value: number): string {
  return `${kind}|${Math.round(value * 1e6) / 1e6}`;
}

const derived = new WeakMap<CompiledSheet, { sources: readonly string[]; sheet: CompiledSheet }>();

/**
 * `compiled` with the figures of `sources` found outside the cited sentences of the facts of the
 * same kind and value (`unlisted`: what a draft may quote from the article though no fact lists it). The same
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
    // (Found with its white space as the citation check compares it: an article may be hard-wrapped.)
    // (Each cited sentence is looked for once, however many facts cite it.)
    const spans = new Map<string, { start: number; end: number }[]>();
    const listed: { start: number; end: number; key: string }[] = [];
    for (const f of compiled.figures) {
      let found = spans.get(f.source);
      if (!found) {
        found = [];
        const words = f.source.trim().split(/\s+/).map(escapeRegExp);
        const re = words[0] ? new RegExp(words.join('\\s+'), 'g') : undefined;
        for (let hit = re?.exec(source); hit; hit = re!.exec(source)) found.push({ start: hit.index, end: hit.index + hit[0].length });
        spans.set(f.source, found);
      }
      for (const sp of found) listed.push({ ...sp, key: unlistedKey(f.kind, f.value) });
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
  const sheet: CompiledSheet = { ...compiled, unlisted, sourceTexts: [...sources] };
  derived.set(compiled, { sources: [...sources], sheet });
  return sheet;
}
