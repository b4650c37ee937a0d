/**
 * The pipeline. A draft flows through the stages in folder order:
 *   text/      the draft masked (never-checked Markdown blanked) and split into paragraphs and
 *              sentences of word tokens;
 *   mentions/  the figures, dates, names and quotations it states;
 *   claims/    what each is about, who says it, and whether its paragraph is about the story;
 *   rules/     each compared with the compiled fact sheet (sheet/), one file per rule, writing
 *              findings with their fixes as data;
 *   fixes/     the fixes applied to the draft (applyFixes).
 * `analyze` does it paragraph by paragraph and reuses what it found in a paragraph seen before.
 */
import { compile, type CompiledSheet } from './sheet/compile';
import { withSources } from './sheet/sources';
import { SentenceContext } from './claims/context';
import { checkDates } from './rules/dates';
import { checkFigure } from './rules/figures';
import { checkNames } from './rules/names';
import { findMentions, type Mention } from './mentions/numbers';
import { needsOwnWordScan, wordStarts, WordStartsBuilder } from './mentions/wordStarts';
import type { Pass } from './rules/pass';
import { checkQuotes } from './rules/quotes';
import { printable } from './text/printable';
import { checkRatios } from './rules/ratios';
import { sorted } from './search';
import { offTopic } from './claims/topic';
import { maskRanges, maskSlice, masksAny } from './text/mask';
import { splitSentences } from './text/sentences';
import { DEFAULT_SEVERITY, type CheckOptions, type Confirmation, type FactSheet, type Finding } from './types';

/** Findings plus the spans that agree with the facts. */
export interface Analysis {
  findings: Finding[];
  confirmations: Confirmation[];
}

/** A paragraph's analysis, and the people its last sentence naming any names (undefined: none). */
interface ParagraphAnalysis extends Analysis {
  persons?: readonly string[];
}

/** A personal pronoun: a paragraph with one is read with the people named before it. */
const PRONOUN_WORD = /\b(?:he|she|his|her|him)\b/i;

/**
 * Checks a draft against the fact sheet. Returns findings sorted by position, each with
 * UTF-16 offsets into `text`, a rule id, a message and fixes as data.
 */
export function check(text: string, sheet: FactSheet, options: CheckOptions = {}): Finding[] {
  return analyze(text, sheet, options).findings;
}

/** Paragraph analyses kept per sheet: re-checking after an edit redoes only what changed. */
const PARAGRAPHS_KEPT = 4000;
/** How many figures before one in its sentence may be what it is worked out from (a gap, a total). */
const WORKED_FROM = 4;
/** A cached analysis and the key it is kept under (made from its own copy of the paragraph). */
interface Cached {
  key: string;
  result: ParagraphAnalysis;
}
const paragraphCaches = new WeakMap<CompiledSheet, Map<string, Cached>>();

/**
 * A copy of `s` that does not keep a longer string alive. V8 cuts a string as a view of the
 * string it is cut from, and a cached paragraph analysis (its key, the draft's words in its
 * messages) would keep the whole draft of that moment: one version of a long read per edit.
 * Joined to a space, the paragraph is copied into a string of its own when first read (V8
 * flattens a joined string on a character look-up); cut from that, it holds only the copy.
 */
function detached(s: string): string {
  const joined = ' ' + s;
  joined.charCodeAt(1);
  return joined.slice(1);
}

/** A blank line: every check is local to the paragraphs (and tables) it separates. */
const BLANK_LINE = /\n[ \t]{0,2}\r?\n/g;

/**
 * Calls `out` with where each blank line of the masked draft starts (the offset of the line
 * break before it), in order. A blank line is a line break followed by at most two spaces or tabs, a carriage
 * return and a line break: a pattern that never crosses a line, so it is read from the draft
 * itself except on the lines a masked region touches, which are masked first. Exported for its
 * tests (not part of the core's API in index.ts).
 */
export function blankLines(text: string, masks: readonly number[], out: (at: number) => void): void {
  // The draft's next blank line at or after the last position read (-1: none left); kept
  // between calls, so the draft is read once however many masked regions interrupt it.
  let next = -2;
  let nextEnd = 0;
  const find = (from: number) => {
    BLANK_LINE.lastIndex = from;
    const m = BLANK_LINE.exec(text);
    next = m ? m.index : -1;
    nextEnd = m ? m.index + m[0].length - 1 : 0;
  };
  /** The draft's blank lines starting in [from, to). */
  const fromDraft = (from: number, to: number) => {
    if (next === -2 || (next >= 0 && next < from)) find(from);
    while (next >= 0 && next < to) {
      out(next);
      find(nextEnd);
    }
  };
  let at = 0;
  for (let k = 0; k < masks.length; ) {
    // The lines the region touches, merged with the next regions' lines where they meet: from
    // the line break before the region to the one after it.
    // The last line, with no line break after it, ends at the end of the draft: every region
    // left is on it and merges (not one masking of that whole line per region).
    const lineEnd = (from: number) => {
      const i = text.indexOf('\n', from);
      return i < 0 ? text.length : i;
    };
    const a = Math.max(0, text.lastIndexOf('\n', masks[k] - 1));
    let b = lineEnd(masks[k + 1]);
    k += 2;
    while (k < masks.length && masks[k] <= b) {
      // Only a region that runs past the line break moves the end (a long line is read once).
      if (masks[k + 1] > b) b = lineEnd(masks[k + 1]);
      k += 2;
    }
    fromDraft(at, a);
    // A blank line starting on the touched lines ends at or before `b`: read their masked copy.
    const region = maskSlice(text, masks, a, Math.min(text.length, b + 1));
    BLANK_LINE.lastIndex = 0;
    for (let m = BLANK_LINE.exec(region); m && m.index < b - a; m = BLANK_LINE.exec(region)) {
      const found = a + m.index;
      BLANK_LINE.lastIndex = m.index + m[0].length - 1;
      out(found);
    }
    at = b;
  }
  fromDraft(at, text.length);
}

/**
 * Like {@link check}, and also returns the spans that match verified facts (for hovers).
 * The draft is split into paragraphs at the blank lines of its masked text, and each paragraph
 * is masked and analysed on its own; a paragraph seen before (same text, same masking, same
 * options) reuses its earlier analysis.
 */
export function analyze(text: string, sheet: FactSheet, options: CheckOptions = {}): Analysis {
  // A byte order mark is not text: a code fence or front matter right after it is still one.
  if (text.charCodeAt(0) === 0xfeff) {
    const inner = analyze(text.slice(1), sheet, options);
    return { findings: inner.findings.map((f) => shift(f, 1)), confirmations: inner.confirmations.map((c) => ({ ...c, start: c.start + 1, end: c.end + 1 })) };
  }
  const compiled = withSources(compile(sheet), options.sources);
  const masks = maskRanges(text, options.markdown ?? true);
  const reportUnverified = options.reportUnverifiedQuotes ?? true;
  const useCache = options.cache ?? true;
  let cache = paragraphCaches.get(compiled);
  if (!cache) paragraphCaches.set(compiled, (cache = new Map()));
  const findings: Finding[] = [];
  const confirmations: Confirmation[] = [];
  /** The people named last in the paragraphs read so far (what a pronoun opening the next may stand for). */
  let persons: readonly string[] = [];
  /**
   * What a paragraph is cached under: the options, the people named before it when it has a
   * pronoun that may stand for them, its masked text when that differs, and its text.
   */
  const keyOf = (original: string, blanked: string, before: readonly string[]) =>
    `${reportUnverified ? 1 : 0}${before.length ? before.join(' ') + '\u0001' : ''}${blanked === original ? '' : blanked + '\u0000'}${original}`;
  const paragraph = (start: number, end: number) => {
    if (end <= start) return;
    const original = text.slice(start, end);
    // The same string when nothing in the paragraph is masked (compared by identity below).
    const blanked = masksAny(masks, start, end) ? maskSlice(text, masks, start, end) : original;
    const before = persons.length && PRONOUN_WORD.test(blanked) ? persons : [];
    let result: ParagraphAnalysis;
    if (useCache) {
      const key = keyOf(original, blanked, before);
      let cached = cache!.get(key);
      if (cached) {
        cache!.delete(key); // most recently used goes last
      } else {
        // Analysed in a copy of its own, so what is cached holds the paragraph, not the draft.
        const own = detached(original);
        const ownBlanked = blanked === original ? own : detached(blanked);
        cached = { key: keyOf(own, ownBlanked, before), result: analyzeParagraph(own, ownBlanked, compiled, reportUnverified, before) };
        if (cache!.size >= PARAGRAPHS_KEPT) cache!.delete(cache!.keys().next().value!);
      }
      cache!.set(cached.key, cached);
      result = cached.result;
    } else result = analyzeParagraph(original, blanked, compiled, reportUnverified, before);
    if (result.persons) persons = result.persons;
    for (const f of result.findings) findings.push(shift(f, start));
    for (const c of result.confirmations) confirmations.push({ ...c, start: c.start + start, end: c.end + start });
  };
  let start = 0;
  blankLines(text, masks, (at) => {
    paragraph(start, at);
    start = text.indexOf('\n', at + 1);
  });
  paragraph(start, text.length);

  const severities = { ...DEFAULT_SEVERITY, ...options.severities };
  // Messages and fix titles quote the draft and the sheet: their control characters and BiDi
  // overrides are written as escapes, so no report or editor view shows them raw.
  return { findings: findings.map((f) => ({ ...f, severity: severities[f.ruleId], message: printable(f.message), fixes: f.fixes.map((x) => ({ ...x, title: printable(x.title) })) })), confirmations };
}

function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
  };
}

/** Every check over one paragraph; offsets relative to it, findings sorted and unique by range. */
function analyzeParagraph(text: string, masked: string, compiled: CompiledSheet, reportUnverified: boolean, before: readonly string[]): ParagraphAnalysis {
  // Where figures, number words and dates may start, collected as the sentences are tokenized
  // (one read of the characters for both), unless the two read the paragraph's words differently.
  const sink = needsOwnWordScan(masked) ? undefined : new WordStartsBuilder();
  const sentences = splitSentences(masked, sink);
  const findings: Finding[] = [];
  const confirmations: Confirmation[] = [];

  const contexts = sentences.map((s) => new SentenceContext(s, masked));
  for (let i = 1; i < contexts.length; i++) contexts[i].previous = contexts[i - 1];
  // Figures grouped by sentence, with the token span of each (what a context word is nearest to).
  const bySentence = new Map<number, Mention[]>();
  let si = 0;
  const starts = sink ? sink.result() : wordStarts(masked);
  for (const m of findMentions(masked, starts)) {
    while (si < sentences.length && sentences[si].end <= m.start) si++;
    if (si >= sentences.length) break;
    if (sentences[si].start > m.start) continue;
    const list = bySentence.get(si);
    if (list) list.push(m);
    else bySentence.set(si, [m]);
  }
  // A paragraph about another story keeps only the checks of the story's own names and quotes.
  const aside = offTopic(contexts, masked, compiled);
  if (aside) bySentence.clear();
  for (const [i, ms] of bySentence) {
    const ctx = contexts[i];
    const spans: number[] = [];
    for (const m of ms) {
      const from = ctx.tokenAt(m.numStart);
      spans.push(from, Math.max(from + 1, ctx.tokenAt(m.end)));
    }
    // Only figures of the same kind compete for a context word: "$4.2 billion in 2024" share "spending".
    // Grouped once per sentence (not filtered per figure: a sentence of 100k figures stays linear).
    const byKind = new Map<string, number[]>();
    ms.forEach((m, k) => {
      const list = byKind.get(m.kind);
      if (list) list.push(spans[2 * k], spans[2 * k + 1]);
      else byKind.set(m.kind, [spans[2 * k], spans[2 * k + 1]]);
    });
    ms.forEach((m, k) => {
      const rivals = byKind.get(m.kind)!;
      checkFigure(m, ctx, compiled, text, findings, confirmations, rivals.length > 2 ? rivals : undefined, k > 0 ? ms[k - 1] : undefined, ms[k + 1], ms.slice(Math.max(0, k - WORKED_FROM), k));
    });
  }
  const pass: Pass = { text, masked, contexts, sheet: compiled, findings, confirmations, wordStarts: starts, before, aside };
  if (!aside) {
    checkRatios(pass);
    checkDates(pass);
  }
  checkNames(pass);
  checkQuotes(pass, reportUnverified);
  if (aside) {
    const kept = findings.filter((f) => f.ruleId === 'name-mismatch' || f.ruleId === 'quote-mismatch' || f.ruleId === 'quote-misattributed');
    findings.length = 0;
    findings.push(...kept);
  }

  const seen = new Set<string>();
  const unique = sorted(findings, (a, b) => a.start - b.start || a.end - b.end).filter((f) => {
    const key = `${f.start}:${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { findings: unique, confirmations: sorted(confirmations, (a, b) => a.start - b.start), persons: personsNamedLast(contexts, compiled) };
}

/** The people named by the last of the sentences that names any; undefined when none does. */
function personsNamedLast(contexts: readonly SentenceContext[], sheet: CompiledSheet): string[] | undefined {
  for (let k = contexts.length - 1; k >= 0; k--) {
    const ids = contexts[k].persons(sheet);
    if (ids.length) return ids;
  }
  return undefined;
}
