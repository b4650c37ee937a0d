/**
 * The quote check: finds quotations in every style (telling apostrophes apart), compares
 * them word by word with the verified quotes, and reads who the draft says spoke them.
 */
import { sameVoice, type CompiledSheet } from '../sheet/compile';
import type { Pass } from '../rules/pass';
import { editDistance } from '../language/spelling';
import { wordsAt } from './names';
import type { SentenceContext } from '../claims/context';
import { lemmaOf } from '../language/lemma';
import { CodePointClass, findPhrase, phraseTokens, phraseWords, tokenize, WordMap, type Token } from '../text/tokens';
import type { Edit, Finding, Quote } from '../types';
import { lowerBound, sorted } from '../search';

/** A quotation of the draft: `start`/`end` delimit the words inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Whether another quotation sits inside this one. */
  nested: boolean;
}

/** Letters and numbers, spaces, and what may stand right before an opening straight quote, by UTF-16 code unit. */
const LETTERS = new CodePointClass(/^[\p{L}\p{N}]$/u);
const SPACE = new CodePointClass(/^\s$/);
const OPENING = new CodePointClass(/^[\s([{—–\-/:>*_“‘«„]$/);
const isLetter = (c: number) => c >= 0 && LETTERS.has(c);
/** Drops the stack positions from `k` on. */
const popFrom = (l: number[], k: number) => {
  while (l.length && l[l.length - 1] >= k) l.pop();
};
const ELISION = /^(?:n['’]|tis\b|twas\b|em\b|cause\b|til\b|till\b|bout\b|round\b|\d0s\b|\d\ds\b)/i;

type Kind = 'double' | 'single';
interface Open {
  kind: Kind;
  at: number;
  children: number;
}

/**
 * Every quotation in `masked`. Paragraph breaks close nothing: an unclosed mark is dropped.
 * Apostrophes (Ruiz’s, protesters’, ’Twas, rock ’n’ roll, didn’t, the ’90s) are not marks.
 */
export function findQuotes(masked: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const stack: Open[] = [];
  // Stack positions of the open marks by kind and by mark, so a look-up is O(1) however deep
  // the nesting (a run of 100k opening marks stays linear).
  const byKind: Record<Kind, number[]> = { double: [], single: [] };
  const straight: number[] = [];
  const lowOpen: number[] = [];
  const truncate = (k: number) => {
    // Quotes dropped unclosed still held closed quotes: their parent is nested all the same.
    let inner = false;
    for (let j = k; j < stack.length; j++) if (stack[j].children > 0) inner = true;
    stack.length = k;
    popFrom(byKind.double, k);
    popFrom(byKind.single, k);
    popFrom(straight, k);
    popFrom(lowOpen, k);
    return inner;
  };
  const close = (kind: Kind, at: number, onlyStraight = false): boolean => {
    const l = onlyStraight ? straight : byKind[kind];
    if (!l.length) return false;
    const k = l[l.length - 1];
    const o = stack[k];
    const nested = truncate(k + 1) || o.children > 0;
    if (at > o.at + 1) {
      out.push({ start: o.at + 1, end: at, nested });
      if (k > 0) stack[k - 1].children++;
    } else if (nested && k > 0) stack[k - 1].children++;
    truncate(k);
    return true;
  };
  /** Opens a quote at `at`; `mark` is the opening mark's UTF-16 code unit. */
  const open = (kind: Kind, at: number, mark: number) => {
    byKind[kind].push(stack.length);
    if (mark === 0x22) straight.push(stack.length); // "
    if (mark === 0x201e) lowOpen.push(stack.length); // „
    stack.push({ kind, at, children: 0 });
  };
  const hasOpen = (kind: Kind) => byKind[kind].length > 0;

  // Jump from one mark (or line break) to the next instead of visiting every character; test(),
  // not exec(): the mark is one character, so where it is needs no match object. The marks and
  // their neighbours are read as UTF-16 code units (-1 past either end), not one-letter strings.
  const marks = /["'“”‘’«»„‚\n]/g;
  while (marks.test(masked)) {
    const i = marks.lastIndex - 1;
    const c = masked.charCodeAt(i);
    if (c === 0x0a && /^\s*\n/.test(masked.slice(i + 1, i + 80))) {
      truncate(0); // a blank line ends the paragraph
      continue;
    }
    const prev = i > 0 ? masked.charCodeAt(i - 1) : -1;
    const next = i + 1 < masked.length ? masked.charCodeAt(i + 1) : -1;
    switch (c) {
      case 0x201c: // “
        if (lowOpen.length) close('double', i);
        else open('double', i, c);
        break;
      case 0x201d: // ”
        close('double', i);
        break;
      case 0x201e: // „
      case 0xab: // «
        open('double', i, c);
        break;
      case 0xbb: // »
        close('double', i);
        break;
      case 0x22: {
        // "
        const canClose = straight.length > 0;
        const opening = (prev < 0 || OPENING.has(prev)) && next >= 0 && !SPACE.has(next);
        if (canClose && !opening) close('double', i, true);
        else if (opening) open('double', i, c);
        else if (canClose) close('double', i, true);
        break;
      }
      case 0x2018: // ‘
      case 0x201a: // ‚
        if (!isLetter(prev) && !ELISION.test(masked.slice(i + 1, i + 6)) && next >= 0 && !SPACE.has(next)) open('single', i, c);
        break;
      case 0x2019: // ’
      case 0x27: // '
        if (isLetter(prev) && isLetter(next)) break; // didn't, Ruiz's
        if (!isLetter(prev) && next >= 0 && !SPACE.has(next)) {
          // Looks like an opening mark, unless it is an elision ('Twas, 'n', '90s).
          if (c === 0x27 && !ELISION.test(masked.slice(i + 1, i + 6))) open('single', i, c);
          break;
        }
        // A closing mark needs an open single quote; otherwise it is a plural possessive (protesters').
        if (hasOpen('single') && !isLetter(next)) close('single', i);
        break;
    }
  }
  return sorted(out, (a, b) => a.start - b.start);
}

function containsRun(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A quote's words as stems, hyphenated words split: what a rephrased quote is compared in ("non-negotiable", "negotiation"). */
function stemsOf(words: readonly string[]): string[] {
  return words.flatMap((w) => w.split('-')).filter((w) => w.length).map(lemmaOf);
}

/** Words that turn a statement into its opposite: a fragment quoted without the one before it says the reverse. */
const NEGATORS = new Set(['never', 'not', 'no', 'nothing', 'none', 'nobody', 'nor', 'neither', 'cannot', 'without', 'non']);

const STOP = new Set('a an the of to in on at and or but is was were be been are it its this that very for with as by from not no never'.split(' '));

interface Word {
  norm: string;
  start: number;
  end: number;
}

function wordsOf(text: string, start: number, end: number): Word[] {
  return toWords(tokenize(text, start, end));
}

function toWords(tokens: readonly Token[]): Word[] {
  const out: Word[] = [];
  for (const t of tokens) {
    // A word that is its own normal form has no capital and no apostrophe: it is its own quote word.
    if (t.norm === t.text) {
      out.push({ norm: t.text, start: t.start, end: t.end });
      continue;
    }
    // The word pattern keeps a trailing apostrophe (protesters'); inside a quote it is the closing mark.
    const w = t.text.replace(/['’]$/, '');
    out.push({ norm: w.toLowerCase().replace(/’/g, "'"), start: t.start, end: t.start + w.length });
  }
  return out;
}

/** One cell per pair of word positions: the alignment table of most quotes fits, and is not allocated anew for each verified quote it is aligned with. */
const SCRATCH_CELLS = 1 << 14;
const scratch = new Int32Array(SCRATCH_CELLS);

/**
 * Word-level semi-global alignment of the draft's words against a verified quote: fills `table`
 * (a new one when the pair needs more cells than the scratch table has) so that the cell
 * i * (quote.length + 1) + j is the cost of aligning draft[0..i) ending at quote position j (a
 * free start in the quote). Returns the table and the best end column (ties: align more of the
 * quote, substituting rather than dropping words).
 */
function alignmentTable(draft: readonly string[], quote: readonly string[]): { table: Int32Array; bestJ: number } {
  const n = draft.length;
  const w = quote.length + 1;
  const cells = (n + 1) * w;
  const table = cells <= SCRATCH_CELLS ? scratch : new Int32Array(cells);
  table.fill(0, 0, w);
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const above = row - w;
    const d = draft[i - 1];
    table[row] = i;
    for (let j = 1; j < w; j++) {
      const diagonal = table[above + j - 1] + (d === quote[j - 1] ? 0 : 1);
      const up = table[above + j] + 1;
      const left = table[row + j - 1] + 1;
      table[row + j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
  }
  const last = n * w;
  let bestJ = 0;
  for (let j = 1; j < w; j++) if (table[last + j] <= table[last + bestJ]) bestJ = j;
  return { table, bestJ };
}

/** The cost of the best alignment of the draft's words against a verified quote (see {@link alignmentTable}). */
function alignmentCost(draft: readonly string[], quote: readonly string[]): number {
  const { table, bestJ } = alignmentTable(draft, quote);
  return table[draft.length * (quote.length + 1) + bestJ];
}

/** The best alignment's cost and its pairs of (draft index, quote index), -1 marking a gap. */
function align(draft: readonly string[], quote: readonly string[]): { cost: number; ops: { d: number; q: number }[] } {
  const { table, bestJ } = alignmentTable(draft, quote);
  const w = quote.length + 1;
  const at = (i: number, j: number) => table[i * w + j];
  const sub = (a: string, b: string) => (a === b ? 0 : 1);
  // Backtrace, from the last pair to the first.
  const ops: { d: number; q: number }[] = [];
  let i = draft.length;
  let j = bestJ;
  while (i > 0) {
    // Ties: a matching pair first, then a word the draft left out ("a start" for "a good start"
    // drops "good"; it did not turn "a" into "good"), then a changed word, then an added one.
    const diagonal = j > 0 && at(i, j) === at(i - 1, j - 1) + sub(draft[i - 1], quote[j - 1]);
    if (diagonal && draft[i - 1] === quote[j - 1]) {
      ops.push({ d: i - 1, q: j - 1 });
      i--;
      j--;
    } else if (j >= 2 && ops.length && at(i, j) === at(i, j - 1) + 1 && draft[i - 1] === quote[j - 2] && at(i, j - 1) === at(i - 1, j - 2)) {
      ops.push({ d: -1, q: j - 1 });
      j--;
    } else if (diagonal) {
      ops.push({ d: i - 1, q: j - 1 });
      i--;
      j--;
    } else if (at(i, j) === at(i - 1, j) + 1) {
      ops.push({ d: i - 1, q: -1 });
      i--;
    } else if (j > 0 && at(i, j) === at(i, j - 1) + 1 && ops.length) {
      ops.push({ d: -1, q: j - 1 });
      j--;
    } else break;
  }
  return { cost: at(draft.length, bestJ), ops: ops.reverse() };
}

export const SPEECH = new Set(
  'said says say told tells called calls described describes warned warns added adds insisted insists declared declares wrote writes posted posts stated states noted notes argued argues claimed claims characterised characterized spoke speaks dubbed labelled labeled termed hailed branded promised vowed'.split(
    ' ',
  ),
);

/** Phrases naming a speaker: entity names, aliases and mentions, and role titles. */
function speakerPhrases(sheet: CompiledSheet): Speaker[] {
  const out: Speaker[] = [];
  for (const e of sheet.sheet.entities) {
    if (e.type === 'place' || e.type === 'outlet' || e.type === 'channel') continue;
    for (const n of [e.name, ...(e.aliases ?? [])]) out.push({ words: phraseWords(n), id: e.id, name: e.type === 'person' });
    // One-word common nouns ("officials") name no one in particular: "US officials" are not the sheet's.
    for (const n of e.mentions ?? []) if (phraseWords(n).length > 1) out.push({ words: phraseWords(n), id: e.id, name: false });
    for (const r of e.roles ?? []) out.push({ words: phraseWords(r.title), id: e.id, name: false });
  }
  return out.sort((a, b) => b.words.length - a.words.length);
}

/** The first of `cands` whose words occur in `toks` from `at`. */
function speakerAt(toks: Token[], at: number, cands: Speaker[]): Speaker | undefined {
  for (const x of cands) if (wordsAt(toks, at, x.words)) return x;
  return undefined;
}

/** Who the sentence says spoke the quote in tokens [qa, qb), with the tokens naming them. */
const ATTRIBUTION_WINDOW = 200;

export function attribute(
  text: string,
  ctx: SentenceContext,
  qa: number,
  qb: number,
  byFirst: Speakers,
): { id: string; at: number; len: number; name: boolean } | undefined {
  const toks = ctx.sentence.tokens;
  let best: { id: string; at: number; len: number; name: boolean; score: number } | undefined;
  // One scan: at each word, the longest speaker phrase that starts there. In a run-on "sentence"
  // of thousands of words, only the words within ATTRIBUTION_WINDOW of the quote are read.
  const long = toks.length > 2 * ATTRIBUTION_WINDOW;
  const last = long ? Math.min(toks.length, qb + ATTRIBUTION_WINDOW) : toks.length;
  for (let at = long ? Math.max(0, qa - ATTRIBUTION_WINDOW) : 0; at < last; at++) {
    const cands = byFirst.get(toks[at].norm);
    if (!cands) continue;
    const p = speakerAt(toks, at, cands);
    if (!p) continue;
    if (at >= qa && at < qb) continue;
    const end = at + p.words.length;
    // A possessive names whose thing it is, not who speaks ("described the company’s record as “…”").
    if (/['’]s?$/.test(toks[end - 1].text)) {
      at = end - 1;
      continue;
    }
    let score = 0;
    const according = at >= 2 && toks[at - 2].norm === 'according' && toks[at - 1].norm === 'to';
    if (according) score = 0.8;
    else if (end <= qa) {
      // "Ruiz called the plan “…”": a speech verb between the speaker and the quote.
      const between = toks.slice(end, qa);
      if (qa - end <= 12 && ctx.sameClause(end - 1, qa) && between.some((t) => SPEECH.has(t.norm))) score = 1 / (1 + (qa - end) / 10);
      // "Ruiz: “…”": a name right before the quote, with a colon or dash between ("called the striker “…”" names the object, not the speaker).
      else if (qa === end && /^\s*[:—–-][\s:—–-]*$/.test(text.slice(toks[end - 1].end, toks[qa]?.start ?? toks[end - 1].end).replace(/[“"‘'«„]/g, ''))) score = 0.9;
    } else if (at >= qb && at - qb <= 3) {
      // "“…”, said Ruiz" or "“…”, Ruiz said", in the quote's clause.
      const verbBefore = at > 0 && SPEECH.has(toks[at - 1].norm);
      const verbAfter = toks.slice(end, end + 2).some((t) => SPEECH.has(t.norm));
      if ((verbBefore || verbAfter) && ctx.sameClause(qb - 1, at)) score = 1 / (1 + (at - qb) / 10);
      // "“…” — Ruiz": a name right after the quote (the dash is the attribution, not a clause break).
      else if (at === qb && /^[\s,:—–-]*$/.test(text.slice(toks[qb - 1]?.end ?? 0, toks[at].start).replace(/[”"’'»“]/g, ''))) score = 0.9;
    }
    if (score > 0 && (!best || score > best.score)) best = { id: p.id, at, len: p.words.length, name: p.name, score };
    at = end - 1;
  }
  return best;
}

export type Speaker = { words: string[]; id: string; name: boolean };
/** A speaker named by a personal pronoun; whom it stands for is read from the sentences before. */
const PRONOUN = '\u0000pronoun';
const PRONOUNS = ['he', 'she'];
/** Speaker phrases by first word, longest first. */
export type Speakers = WordMap<Speaker[]>;
interface QuoteIndex {
  verified: { q: Quote; words: string[]; vocabulary: Set<string>; stems: string[] }[];
  phrases: Speaker[];
  speakers: Speakers;
  /** The speakers and the personal pronouns that may stand for one ("he said"). */
  speakersOrPronouns: Speakers;
  /** Words of the longest verified quote. */
  longest: number;
}
const quoteIndexes = new WeakMap<CompiledSheet, QuoteIndex>();

/** Verified quotes as words and the phrases naming speakers, computed once per sheet. */
function quoteIndex(sheet: CompiledSheet): QuoteIndex {
  let index = quoteIndexes.get(sheet);
  if (!index) {
    const phrases = speakerPhrases(sheet);
    const byFirst = new Map<string, Speaker[]>();
    for (const p of phrases) {
      if (!p.words.length) continue;
      const list = byFirst.get(p.words[0]);
      if (list) list.push(p);
      else byFirst.set(p.words[0], [p]);
    }
    const verified = sheet.quotes.map((q) => {
      const words = toWords(phraseTokens(q.text)).map((w) => w.norm);
      return { q, words, vocabulary: new Set(words), stems: stemsOf(words) };
    });
    const withPronouns = new Map(byFirst);
    for (const p of PRONOUNS) withPronouns.set(p, [...(byFirst.get(p) ?? []), { words: [p], id: PRONOUN, name: false }]);
    index = { verified, phrases, speakers: new WordMap(byFirst), speakersOrPronouns: new WordMap(withPronouns), longest: Math.max(0, ...verified.map((v) => v.words.length)) };
    quoteIndexes.set(sheet, index);
  }
  return index;
}

/** Speaker phrases of a sheet by first word, longest first (what {@link attribute} takes). */
export function speakersByFirstWord(sheet: CompiledSheet): Speakers {
  return quoteIndex(sheet).speakers;
}

/** The tokens of all the sentences, in order (a plain loop: `flatMap` here was the hottest line of the quote check). */
function paragraphTokens(contexts: readonly SentenceContext[]): Token[] {
  if (contexts.length === 1) return contexts[0].sentence.tokens;
  const out: Token[] = [];
  for (const c of contexts) for (const t of c.sentence.tokens) out.push(t);
  return out;
}

/** Checks every quotation of the draft. */
export function checkQuotes({ masked, text, contexts, sheet, findings, confirmations }: Pass, reportUnverified: boolean): void {
  const { verified, phrases, speakers, longest } = quoteIndex(sheet);
  // The paragraph's words, taken once: quotes nest, and tokenizing each span anew would read
  // a deeply nested text once per level.
  let all: Token[] | undefined;
  const firstFrom = (offset: number) => lowerBound(all!.length, (k) => all![k].start < offset);
  let si = 0;
  for (const span of findQuotes(masked)) {
    // The sentences' tokens, in order, are the paragraph's (sentences split at spaces and line
    // breaks, never inside a word): no second tokenization of the paragraph.
    all ??= paragraphTokens(contexts);
    const from = firstFrom(span.start);
    let words: Word[];
    if (from > 0 && all[from - 1].end > span.start) words = wordsOf(masked, span.start, span.end); // a word runs into the span: read it alone
    else {
      const to = firstFrom(span.end);
      // A quote holding other quotes is only compared with the verified ones (never reported as
      // unverified): one of more than twice the words of the longest cannot be close to any.
      if (span.nested && to - from > 2 * longest) continue;
      words = toWords(all.slice(from, to));
    }
    if (!words.length) continue;
    // Findings cover the quoted words, not punctuation inside the marks ("We are ready,").
    const inner = { start: words[0].start, end: words[words.length - 1].end };
    while (si < contexts.length && contexts[si].sentence.end <= span.start) si++;
    const ctx = contexts[si];
    const draft = words.map((w) => w.norm);
    // 1. Verbatim, or a contiguous part of a verified quote.
    const exact = verified.find((v) => containsRun(v.words, draft));
    // A fragment that leaves out the negation before it says the opposite ("negotiable" of
    // "never negotiable"), unless the draft says it just before the quote.
    const negated = exact && droppedNegation(exact.words, draft, all, from);
    if (exact && negated) {
      findings.push(restoreWhole(words, exact.q, text, `Draft quotes “${text.slice(inner.start, inner.end)}” without “${negated}”; verified: “${exact.q.text}”`));
      if (ctx) misattribution(span, exact.q, contexts, si, text, sheet, phrases, speakers, findings);
      continue;
    }
    if (exact) {
      confirmations.push({ start: span.start, end: span.end, factId: exact.q.id });
      if (ctx) misattribution(span, exact.q, contexts, si, text, sheet, phrases, speakers, findings);
      continue;
    }
    // 2. Close to a verified quote: align word by word and restore the verified words.
    // Every draft word absent from a verified quote costs the alignment at least one edit: a quote
    // missing more than close() allows can never be the one restored, and is not aligned at all.
    // Only the costs are compared; the word pairs are traced for the closest quote alone.
    const allowed = editsAllowed(draft.length);
    let best: (typeof verified)[number] | undefined;
    let bestCost = Infinity;
    for (const v of verified) {
      let absent = 0;
      for (const w of draft) if (!v.vocabulary.has(w) && ++absent > allowed) break;
      if (absent > allowed) continue;
      const cost = alignmentCost(draft, v.words);
      if (cost < bestCost) {
        best = v;
        bestCost = cost;
      }
    }
    const a = best && bestCost > 0 && bestCost <= allowed ? align(draft, best.words) : undefined; // close() would turn any other cost away
    if (best && a && close(draft, best.words, a.cost, a.ops)) {
      // The part quoted follows a negation the draft left out ("non-negotiable" for "never negotiable"): restore it all.
      const qFirst = a.ops.find((o) => o.q >= 0)?.q ?? 0;
      const negation = qFirst > 0 && NEGATORS.has(best.words[qFirst - 1]) && !draft.includes(best.words[qFirst - 1]) && !NEGATORS.has(all[from - 1]?.norm ?? '');
      findings.push(negation ? restoreWhole(words, best.q, text, `Draft quotes “${text.slice(inner.start, inner.end)}”; verified: “${best.q.text}”`) : mismatch(span, words, best.q, best.words, a.ops, text));
      // A misquote can also be in the wrong mouth: flag both, so one round of fixes settles it.
      if (ctx) misattribution(span, best.q, contexts, si, text, sheet, phrases, speakers, findings);
      continue;
    }
    // 2b. The verified words in other forms, or rephrased around them ("never negotiated",
    // "non-negotiable", "never open to negotiation"): compared as stems, restored whole.
    const stems = stemsOf(draft);
    let rephrased: (typeof verified)[number] | undefined;
    let rephrasedCost = Infinity;
    for (const v of verified) {
      const cost = alignmentCost(stems, v.stems);
      if (cost < rephrasedCost && cost <= editsAllowed(stems.length) && stems.some((w) => !STOP.has(w) && v.stems.includes(w))) {
        rephrased = v;
        rephrasedCost = cost;
      }
    }
    if (rephrased) {
      findings.push(restoreWhole(words, rephrased.q, text, `Draft quotes “${text.slice(inner.start, inner.end).replace(/\s+/g, ' ')}”; verified: “${rephrased.q.text}”`));
      if (ctx) misattribution(span, rephrased.q, contexts, si, text, sheet, phrases, speakers, findings);
      continue;
    }
    // 3. Not in the verified facts: short unattributed scare quotes are left alone.
    if (!reportUnverified || span.nested) continue;
    // One or two words: a scare quote, unless the sentence puts them in a named speaker's mouth.
    if (draft.length < 3 && !(ctx && attribute(text, ctx, ctx.tokenAt(span.start), ctx.tokenAt(span.end), speakers))) continue;
    findings.push({
      start: inner.start,
      end: inner.end,
      ruleId: 'quote-unverified',
      severity: 'warning',
      message: `Quote “${text.slice(inner.start, inner.end).replace(/\s+/g, ' ')}” is not in the verified facts; confirm it from another source`,
      factId: '',
      verified: '',
      fixes: [],
    });
  }
}

/** How many word edits a misquote of `words` words may be from the verified quote. */
const editsAllowed = (words: number) => Math.max(1, Math.floor(words / 2));

/** Close enough to be a misquote: few word edits, and a content word (or a near spelling) in common. */
function close(draft: string[], quote: string[], cost: number, ops: { d: number; q: number }[]): boolean {
  if (cost === 0 || cost > editsAllowed(draft.length)) return false;
  const matched = ops.filter((o) => o.d >= 0 && o.q >= 0 && draft[o.d] === quote[o.q]);
  if (matched.some((o) => !STOP.has(draft[o.d]))) return true;
  // A single-word quote or all-function-word overlap: accept a close spelling ("unalienable").
  return ops.some((o) => o.d >= 0 && o.q >= 0 && draft[o.d] !== quote[o.q] && similar(draft[o.d], quote[o.q]));
}

/** A misspelling or a variant of the same word: "negociable", "unalienable". */
function similar(a: string, b: string): boolean {
  const n = Math.max(a.length, b.length);
  if (n >= 5 && editDistance(a, b, 2) <= (n >= 8 ? 2 : 1)) return true;
  let same = 0;
  while (same < Math.min(a.length, b.length) && a[a.length - 1 - same] === b[b.length - 1 - same]) same++;
  return n >= 6 && same / n >= 0.6;
}

function styled(model: string, words: string[], capitalise: boolean): string {
  const letters = model.replace(/[^\p{L}]/gu, '');
  const upper = letters.length > 1 && letters === letters.toUpperCase();
  const out = words.join(' ');
  if (upper) return out.toUpperCase();
  return capitalise ? out[0].toUpperCase() + out.slice(1) : out;
}

function mismatch(span: QuoteSpan, words: Word[], q: Quote, qWords: string[], ops: { d: number; q: number }[], text: string): Finding {
  // Replace from the first differing word to the last, with the verified words in between.
  const diff = ops.map((o, k) => ({ o, k })).filter(({ o }) => o.d < 0 || o.q < 0 || words[o.d].norm !== qWords[o.q]);
  const first = diff[0].k;
  const last = diff[diff.length - 1].k;
  const seg = ops.slice(first, last + 1);
  const dIdx = seg.filter((o) => o.d >= 0).map((o) => o.d);
  const qIdx = seg.filter((o) => o.q >= 0).map((o) => o.q);
  const original = phraseTokens(q.text).map((t) => t.text);
  let edit: Edit;
  const model = text.slice(span.start, span.end);
  if (dIdx.length) {
    const s = words[dIdx[0]].start;
    const e = words[dIdx[dIdx.length - 1]].end;
    const cap = dIdx[0] === 0 && /^\p{Lu}/u.test(text.slice(s, s + 1));
    edit = { start: s, end: e, text: qIdx.length ? styled(model, qIdx.map((i) => original[i]), cap) : '' };
    // Dropping words: take one adjacent space with them.
    if (!qIdx.length) {
      if (/\s/.test(text[edit.end] ?? '') && edit.end < span.end) edit.end++;
      else if (/\s/.test(text[edit.start - 1] ?? '') && edit.start > span.start) edit.start--;
    }
  } else {
    const after = ops.slice(0, first).filter((o) => o.d >= 0).pop();
    const at = after ? words[after.d].end : words[0].start;
    edit = { start: at, end: at, text: (after ? ' ' : '') + styled(model, qIdx.map((i) => original[i]), false) + (after ? '' : ' ') };
  }
  const fixed = text.slice(span.start - 1, edit.start) + edit.text + text.slice(edit.end, span.end + 1);
  return {
    start: words[0].start,
    end: words[words.length - 1].end,
    ruleId: 'quote-mismatch',
    severity: 'error',
    message: `Draft quotes “${model.replace(/\s+/g, ' ')}”; verified: “${q.text}”`,
    factId: q.id,
    verified: q.text,
    fixes: [{ title: `Replace with ${fixed} (verified)`, edits: [edit] }],
  };
}

/** The negation before the verified words a fragment quotes, when the draft does not say it just before the quote (undefined: none dropped). */
function droppedNegation(quote: readonly string[], draft: readonly string[], all: readonly Token[], from: number): string | undefined {
  for (let i = 0; i + draft.length <= quote.length; i++) {
    let run = true;
    for (let j = 0; run && j < draft.length; j++) run = quote[i + j] === draft[j];
    if (!run) continue;
    if (i === 0 || !NEGATORS.has(quote[i - 1]) || NEGATORS.has(draft[0])) return undefined;
    const before = all[from - 1]?.norm;
    return before && NEGATORS.has(before) ? undefined : quote[i - 1];
  }
  return undefined;
}

/** A quote-mismatch whose fix puts the whole verified quote in the draft's marks and case. */
function restoreWhole(words: Word[], q: Quote, text: string, message: string): Finding {
  const start = words[0].start;
  const end = words[words.length - 1].end;
  const model = text.slice(start, end);
  const original = phraseTokens(q.text).map((t) => t.text);
  const fix = styled(model, original, /^\p{Lu}/u.test(model));
  return {
    start,
    end,
    ruleId: 'quote-mismatch',
    severity: 'error',
    message,
    factId: q.id,
    verified: q.text,
    fixes: [{ title: `Replace with “${fix}” (verified)`, edits: [{ start, end, text: fix }] }],
  };
}

/**
 * Whom "he" or "she" at token `at` of sentence `si` stands for: the first person the sentence
 * names before it, else the subject (first person named) of the nearest sentence before that
 * names one. Undefined when the verified speaker is named there too (the pronoun may be theirs).
 */
function antecedent(sheet: CompiledSheet, contexts: readonly SentenceContext[], si: number, at: number, speaker: string): string | undefined {
  const persons = (ctx: SentenceContext, before: number) => ctx.mentions(sheet).filter((x) => x.at < before && sheet.entities.get(x.id)?.type === 'person').map((x) => x.id);
  // A pronoun reaches back a few sentences at most (a paragraph of quotes stays linear).
  for (let k = si; k >= Math.max(0, si - 3); k--) {
    const ids = persons(contexts[k], k === si ? at : Infinity);
    if (!ids.length) continue;
    return ids.some((id) => sameVoice(sheet, id, speaker)) ? undefined : ids[0];
  }
  return undefined;
}

function misattribution(
  span: QuoteSpan,
  q: Quote,
  contexts: readonly SentenceContext[],
  si: number,
  text: string,
  sheet: CompiledSheet,
  phrases: Speaker[],
  speakers: Speakers,
  findings: Finding[],
): void {
  const ctx = contexts[si];
  const qa = ctx.tokenAt(span.start);
  const qb = ctx.tokenAt(span.end);
  let who = attribute(text, ctx, qa, qb, speakers);
  // "…,” he said": the pronoun's antecedent is the speaker.
  if (!who) {
    const pronoun = attribute(text, ctx, qa, qb, quoteIndex(sheet).speakersOrPronouns);
    const id = pronoun?.id === PRONOUN ? antecedent(sheet, contexts, si, pronoun.at, q.speaker) : undefined;
    if (pronoun && id) who = { ...pronoun, id, name: true };
  }
  if (!who || sameVoice(sheet, who.id, q.speaker)) return;
  const said = sheet.entities.get(who.id);
  const right = sheet.entities.get(q.speaker);
  if (!said || !right) return;
  const toks = ctx.sentence.tokens;
  const nameStart = toks[who.at].start;
  const draftName = text.slice(nameStart, toks[who.at + who.len - 1].end).replace(/['’]s?$/, '');
  const fixes = [];
  // Swap the name only where it stands alone (no title of the wrong speaker beside it).
  const titled = who.at > 0 && phrases.some((p) => !p.name && p.id === who.id && findPhrase(toks.slice(Math.max(0, who.at - p.words.length), who.at), p.words).length);
  if (who.name && right.type === 'person' && !titled) {
    const replacement = who.len >= 2 ? right.name : (right.aliases?.[0] ?? right.name);
    // A pronoun gives way to the name: "he said" → "Araghchi said".
    fixes.push({ title: `Attribute to ${replacement} (verified speaker)`, edits: [{ start: nameStart, end: nameStart + draftName.length, text: replacement }] });
  }
  // The finding covers the speaker and the quote, whichever comes first.
  findings.push({
    start: Math.min(span.start, nameStart),
    end: Math.max(span.end, toks[who.at + who.len - 1].end),
    ruleId: 'quote-misattributed',
    severity: 'error',
    message: `Draft attributes “${q.text}” to ${said.name}; verified speaker: ${right.name}`,
    factId: q.id,
    verified: right.name,
    fixes,
  });
}
