/**
 * Coverage of a draft by its fact sheet: which verified facts the draft uses and where, which it
 * contradicts, which it leaves out, and which figures, names and quotes of the draft the sheet
 * does not hold at all. A view for the editor's facts tree and the CLI's `--coverage` summary,
 * never findings: correct copy that goes beyond the sheet is not a divergence.
 */
import { analyze } from '../check';
import { allFacts } from '../sheet/describe';
import { MONTHS_DAYS, NOT_NAMES, isCapitalised } from '../mentions/names';
import { findMentions } from '../mentions/numbers';
import { findQuotes } from '../mentions/quotes';
import { maskText } from '../text/mask';
import { phraseWords, type Token } from '../text/tokens';
import { splitSentences } from '../text/sentences';
import type { CheckOptions, FactSheet, RuleId } from '../types';

/** A span of the draft, in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A figure, name or quote of the draft that no fact of the sheet covers. */
export interface UnknownItem extends Span {
  kind: 'figure' | 'name' | 'quote';
  text: string;
}

/** What {@link coverage} returns; every list is in draft (or, for `unused`, sheet) order. */
export interface CoverageReport {
  /** Facts the draft states as verified, with every place it does. */
  used: { factId: string; ranges: Span[] }[];
  /** Facts the draft diverges from, per rule, with every place it does. */
  contradicted: { factId: string; ranges: Span[]; ruleId: RuleId }[];
  /** Facts of the sheet the draft neither uses nor contradicts. */
  unused: string[];
  /** Figures, names and quotes of the draft that are not in the sheet. */
  unknown: UnknownItem[];
}

/** Quotes shorter than this are scare quotes, as for `quote-unverified`. */
const MIN_QUOTE_WORDS = 3;

const overlaps = (spans: readonly Span[], s: Span) => spans.some((x) => x.start < s.end && s.start < x.end);

/**
 * The coverage of `text` by `sheet`, with the same options (and so the same findings) as
 * {@link analyze}. Conservative about unknown names: sentence-initial single words, month and
 * day names, common sentence openers and Title Case headlines are not taken for names.
 */
export function coverage(text: string, sheet: FactSheet, options: CheckOptions = {}): CoverageReport {
  const { findings, confirmations } = analyze(text, sheet, options);

  const used = new Map<string, Span[]>();
  for (const c of confirmations) {
    const list = used.get(c.factId) ?? [];
    if (!list.some((s) => s.start === c.start && s.end === c.end)) list.push({ start: c.start, end: c.end });
    used.set(c.factId, list);
  }
  const contradicted = new Map<string, { factId: string; ranges: Span[]; ruleId: RuleId }>();
  for (const f of findings) {
    if (!f.factId) continue; // quote-unverified: listed as an unknown quote below
    const key = `${f.factId}\u0000${f.ruleId}`;
    const entry = contradicted.get(key) ?? { factId: f.factId, ranges: [], ruleId: f.ruleId };
    entry.ranges.push({ start: f.start, end: f.end });
    contradicted.set(key, entry);
  }
  const mentioned = new Set([...used.keys(), ...[...contradicted.values()].map((c) => c.factId)]);
  const unused = allFacts(sheet)
    .map((f) => f.id)
    .filter((id) => !mentioned.has(id));

  // Spans the sheet accounts for, either way; an unverified quote accounts for nothing.
  const covered: Span[] = [...confirmations, ...findings.filter((f) => f.factId)];
  const masked = maskText(text, options.markdown ?? true);
  const unknown: UnknownItem[] = [];
  const add = (kind: UnknownItem['kind'], s: Span) => unknown.push({ kind, start: s.start, end: s.end, text: text.slice(s.start, s.end) });

  const quotes = findQuotes(masked).filter((q) => !q.nested);
  for (const q of quotes) {
    if (phraseWords(text.slice(q.start, q.end)).length >= MIN_QUOTE_WORDS && !overlaps(covered, q)) add('quote', q);
  }
  for (const m of findMentions(masked)) if (!overlaps(covered, m)) add('figure', m);
  for (const name of unknownNames(masked, sheet)) if (!overlaps(covered, name) && !overlaps(quotes, name)) add('name', name);
  unknown.sort((a, b) => a.start - b.start || a.end - b.end);

  const byFirst = (a: { ranges: Span[] }, b: { ranges: Span[] }) => a.ranges[0].start - b.ranges[0].start;
  return {
    used: [...used].map(([factId, ranges]) => ({ factId, ranges: ranges.sort((a, b) => a.start - b.start) })).sort(byFirst),
    contradicted: [...contradicted.values()].sort(byFirst),
    unused,
    unknown,
  };
}

/** Runs of capitalised words that are not words of the sheet's names or titles. */
function unknownNames(masked: string, sheet: FactSheet): Span[] {
  const sheetWords = new Set<string>();
  for (const e of sheet.entities) {
    for (const n of [e.name, ...(e.aliases ?? []), ...(e.roles ?? []).flatMap((r) => [r.title, ...(r.qualifiers ?? [])])]) {
      for (const w of phraseWords(n)) sheetWords.add(w);
    }
  }
  const out: Span[] = [];
  for (const sentence of splitSentences(masked)) {
    const toks = sentence.tokens;
    const capitalised = toks.filter((t) => isCapitalised(t.text)).length;
    // A Title Case or upper-case headline capitalises every word: nothing to tell names by.
    if (toks.length >= 3 && capitalised / toks.length > 0.6) continue;
    let run: Token[] = [];
    const flush = () => {
      const words = run;
      run = [];
      if (!words.length) return;
      // One capitalised word opening the sentence may be any word.
      if (words.length === 1 && words[0] === toks[0]) return;
      if (words.every((t) => sheetWords.has(t.norm))) return;
      const last = words[words.length - 1];
      out.push({ start: words[0].start, end: last.start + nameLength(last.text) });
    };
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const isName = t.text.length > 1 && isCapitalised(t.text) && !NOT_NAMES.has(t.norm) && !MONTHS_DAYS.has(t.norm);
      // Names run on only across spaces: a comma or a full stop ends one.
      const joined = run.length > 0 && /^[ \t]+$/.test(masked.slice(run[run.length - 1].end, t.start));
      if (!isName || (run.length && !joined)) flush();
      if (isName) run.push(t);
      // A possessive or a hyphenated compound ("Ruiz's", "Ruiz-led") ends the name.
      if (isName && nameLength(t.text) < t.text.length) flush();
    }
    flush();
  }
  return out;
}

/** Length of a token's name part: without a possessive ending or a hyphenated suffix. */
function nameLength(text: string): number {
  const bare = text.replace(/['’][sS]?$/, '');
  const hyphen = bare.indexOf('-');
  return hyphen > 0 ? hyphen : bare.length;
}
