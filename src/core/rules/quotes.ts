/**
 * The quote rules (`quote-mismatch`, `quote-unverified`): each quotation of the draft
 * (mentions/quotes.ts) compared word by word with the verified quotes (quoteWords.ts), a
 * misquote fixed to the verified words; who the draft says spoke it is checked by
 * misattribution.ts.
 */
import type { Pass } from './pass';
import { editDistance } from '../language/spelling';
import type { SentenceContext } from '../claims/context';
import { phraseTokens, type Token } from '../text/tokens';
import type { Edit, Finding, Quote } from '../types';
import { lowerBound } from '../search';
import { quoteIndex } from './quoteIndex';
import { findQuotes, type QuoteSpan } from '../mentions/quotes';
import { type Word, wordsOf, toWords, containsRun, alignmentCost, align, stemsOf, contentStems, STOP, NEGATORS } from './quoteWords';
import { misattribution } from './misattribution';
import { attribute, PRONOUN } from '../claims/attribution';
import { sameVoice, type CompiledSheet } from '../sheet/compile';



/** The tokens of all the sentences, in order (a plain loop: `flatMap` here was the hottest line of the quote check). */
function paragraphTokens(contexts: readonly SentenceContext[]): Token[] {
  if (contexts.length === 1) return contexts[0].sentence.tokens;
  const out: Token[] = [];
  for (const c of contexts) for (const t of c.sentence.tokens) out.push(t);
  return out;
}

/** Checks every quotation of the draft. */
export function checkQuotes({ masked, text, contexts, sheet, findings, confirmations, before, aside }: Pass, reportUnverified: boolean): void {
  const { verified, phrases, speakers, speakersOrPronouns, longest } = quoteIndex(sheet);
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
    /** Flags the quote verified as `q` when the sentence gives it to someone else. */
    const wrongMouth = (q: Quote) => ctx && misattribution(span, q, contexts, si, text, sheet, phrases, speakers, findings, before);
    const draft = words.map((w) => w.norm);
    // 1. Verbatim, or a contiguous part of a verified quote.
    const exact = verified.find((v) => containsRun(v.words, draft));
    // A fragment that leaves out the negation before it says the opposite ("negotiable" of
    // "never negotiable"), unless the draft says it just before the quote.
    const negated = exact && droppedNegation(exact.words, draft, all, from);
    if (exact && negated) {
      findings.push(restoreWhole(words, exact.q, text, `Draft quotes “${text.slice(inner.start, inner.end)}” without “${negated}”; verified: “${exact.q.text}”`));
      wrongMouth(exact.q);
      continue;
    }
    if (exact) {
      confirmations.push({ start: span.start, end: span.end, factId: exact.q.id });
      wrongMouth(exact.q);
      continue;
    }
    // 1b. Two verified quotes of one speaker, or parts of them, run together in one pair of marks
    // ("The road is gone. We need boats, not promises"): each is verbatim.
    const joined = joinedQuotes(verified, words, masked, sheet);
    if (joined) {
      for (const q of joined) confirmations.push({ start: span.start, end: span.end, factId: q.id });
      wrongMouth(joined[0]);
      continue;
    }
    // In a paragraph about another story, a few words close to one of the story's quotes are that
    // story's own ("a pleasant surprise" from another official, beside "a costly surprise").
    if (aside && draft.length < ASIDE_MISQUOTE_WORDS) continue;
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
      wrongMouth(best.q);
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
      wrongMouth(rephrased.q);
      continue;
    }
    // 2c. Rephrased more freely, in the verified speaker's own mouth ("he calls the programme “not
    // up for negotiation”" for “never negotiable”): every content word of one quote of theirs
    // (nouns, verbs and adjectives by wink-lexicon, as stems: "up", "for" are none; "for good" is
    // no “a good start”), in any form, and of no other of theirs; restored whole.
    const content = contentStems(draft);
    const near = verified.filter((v) => v.content.size > 0 && draft.length <= 2 * v.words.length + 2 && [...v.content].every((w) => content.has(w)));
    const who = near.length && ctx ? attribute(text, ctx, ctx.tokenAt(span.start), ctx.tokenAt(span.end), speakersOrPronouns) : undefined;
    const theirs = who ? near.filter((v) => spokenBy(who, v.q, sheet, contexts, si)) : [];
    // (One quote's words, perhaps cited twice: in the headline and in the body.)
    if (theirs.length && theirs.every((v) => v.q.text === theirs[0].q.text)) {
      findings.push(restoreWhole(words, theirs[0].q, text, `Draft quotes ${sheet.entities.get(theirs[0].q.speaker)?.name ?? 'the speaker'} as saying “${text.slice(inner.start, inner.end).replace(/\s+/g, ' ')}”; verified: “${theirs[0].q.text}”`));
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

/**
 * Whether the speaker the sentence names for a quote (by name, or by a pronoun whose person the
 * nearest sentence before names) is the verified quote's speaker.
 */
function spokenBy(who: { id: string; at: number }, q: Quote, sheet: CompiledSheet, contexts: readonly SentenceContext[], si: number): boolean {
  if (who.id !== PRONOUN) return sameVoice(sheet, who.id, q.speaker);
  for (let k = si; k >= Math.max(0, si - 3); k--) {
    const ids = contexts[k].persons(sheet, k === si ? who.at : Infinity);
    if (ids.length) return sameVoice(sheet, ids[0], q.speaker);
  }
  return false;
}

/**
 * The two verified quotes of one speaker whose words, or a run of each, the draft's words are,
 * one after the other (undefined: none). A run of a quote that leaves out a negation before it
 * is no such part.
 */
function joinedQuotes(verified: ReturnType<typeof quoteIndex>['verified'], words: readonly Word[], masked: string, sheet: CompiledSheet): [Quote, Quote] | undefined {
  const draft = words.map((w) => w.norm);
  if (draft.length < 4) return undefined;
  const runOf = (part: readonly string[]) => verified.filter((v) => containsRun(v.words, part as string[]) && !droppedNegation(v.words, part, [], 0));
  for (let i = 2; i <= draft.length - 2; i++) {
    const head = runOf(draft.slice(0, i));
    if (!head.length) break;
    // (The quotes meet at a stop or a comma: "We will raise taxes" is no two quotes run together.)
    if (!/[.,;:!?—–]/.test(masked.slice(words[i - 1].end, words[i].start))) continue;
    const tail = runOf(draft.slice(i));
    for (const a of head) for (const b of tail) if (a !== b && sameVoice(sheet, a.q.speaker, b.q.speaker)) return [a.q, b.q];
  }
  return undefined;
}

/** The fewest words of a quote in a paragraph about another story that may still be a misquote of this one's. */
const ASIDE_MISQUOTE_WORDS = 6;

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
  // A last (or first) word of the draft's quote in place of the verified quote's last (first) two
  // ("to rise" for "to go up"): the fix takes both, as a fragment ending there would not. (Not a
  // misspelling of the word it stands for: "a “very postive” mood" quotes no more words.)
  const other = (o: { d: number; q: number }) => o.d >= 0 && o.q >= 0 && editDistance(words[o.d].norm, qWords[o.q], 2) > 2;
  const lastOp = seg[seg.length - 1];
  if (last === ops.length - 1 && lastOp.d === words.length - 1 && lastOp.q === qWords.length - 2 && other(lastOp)) qIdx.push(qWords.length - 1);
  const firstOp = seg[0];
  if (first === 0 && firstOp.d === 0 && firstOp.q === 1 && other(firstOp)) qIdx.unshift(0);
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
