import type { Pass } from './pass';
import { isWordCode } from './numbers';
import { matchCase } from './text';
import { DATE_LEAD, MONTH_PARTS, MONTHS, PERIODS, RELATIVE, SPAN_COUNTS } from './dateWords';

/**
 * A date phrase, tried only where one can start (sticky, see dateStarts): a global search
 * would try it at every word of every paragraph.
 */
export const DATE_RE = new RegExp(
  `\\b(?:(?:${MONTH_PARTS.join('|')})[ -])?(?:${MONTHS})\\b|\\b(?:${RELATIVE.join('|')}) (?:${PERIODS.join('|')})\\b|\\b(?:${SPAN_COUNTS.join('|')}) (?:years?|months?|weeks?) (?:ago|earlier)\\b`,
  'iy',
);

/**
 * Where a date phrase may start, ascending: the word starts at most DATE_LEAD characters before
 * each anchor word (at `anchors`, ascending). Tried there in order, the sticky pattern finds the
 * same phrases as a global search of the whole text.
 */
export function dateStarts(text: string, anchors: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (const a of anchors) {
    for (let q = Math.max(next, a - DATE_LEAD); q <= a; q++) {
      if (isWordCode(text.charCodeAt(q)) && (q === 0 || !isWordCode(text.charCodeAt(q - 1)))) out.push(q);
    }
    next = a + 1;
  }
  return out;
}

/** The matches of DATE_RE in `text`, as a global search finds them, tried only at the dateStarts of `anchors`. */
export function datePhrases(text: string, anchors: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let after = 0;
  for (const at of dateStarts(text, anchors)) {
    if (at < after) continue;
    DATE_RE.lastIndex = at;
    const m = DATE_RE.exec(text);
    if (!m) continue;
    found.push(m);
    after = at + m[0].length;
  }
  return found;
}

const MONTH = new RegExp(`(?:${MONTHS})`, 'i');
const PART = /\b(?:early|mid|late|end|beginning|start|middle|first|second)\b/i;
const isMonthPhrase = (s: string) => MONTH.test(s);
const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();

/**
 * The date check: a date phrase in a sentence about a dated event ("the protests began in
 * early March") must be the verified phrase ("late March").
 */
export function checkDates({ masked, text, contexts, sheet, findings, confirmations, wordStarts: starts }: Pass): void {
  if (!sheet.dates.length) return;
  // The phrases in text order; each is then read in its sentence.
  let si = 0;
  for (const m of datePhrases(masked, starts.dateAnchors)) {
    while (si < contexts.length && contexts[si].sentence.end <= m.index) si++;
    if (si >= contexts.length) break;
    const ctx = contexts[si];
    if (ctx.sentence.start > m.index) continue;
    const start = m.index;
    const end = start + m[0].length;
    const phrase = norm(m[0]);
    const same = sheet.dates.filter((d) => isMonthPhrase(d.text) === isMonthPhrase(m![0]));
    if (!same.length) continue;
    const from = ctx.tokenAt(start);
    const to = Math.max(from + 1, ctx.tokenAt(end));
    const ranked = same
      .map((d) => ({ d, w: ctx.phraseWeight(sheet.dateContext.get(d.id)!, from, to, undefined, sheet.contextWords) }))
      .sort((a, b) => b.w - a.w);
    const exact = ranked.find((r) => norm(r.d.text) === phrase && r.w > 0);
    if (exact) {
      confirmations.push({ start, end, factId: exact.d.id });
      continue;
    }
    const top = ranked[0];
    if (top.w < 0.35 || norm(top.d.text) === phrase) continue;
    // Only a phrase about the same month or period can be a slip for the verified one.
    const vm = MONTH.exec(top.d.text)?.[0].toLowerCase();
    const dm = MONTH.exec(m[0])?.[0].toLowerCase();
    if (isMonthPhrase(top.d.text) && vm !== dm && !PART.test(m[0])) continue;
    // "March" for "late March" is less precise, not wrong.
    if (isMonthPhrase(top.d.text) && vm === dm && !PART.test(m[0])) {
      confirmations.push({ start, end, factId: top.d.id });
      continue;
    }
    const draft = text.slice(start, end);
    // Month names are capitalised anyway; only a sentence-initial or upper-case phrase changes case.
    const fix = /^\p{Lu}/u.test(draft) && !isMonthPhrase(draft.split(/[ -]/)[0]) ? matchCase(draft, top.d.text) : draft === draft.toUpperCase() && draft.length > 4 ? top.d.text.toUpperCase() : top.d.text;
    findings.push({
      start,
      end,
      ruleId: 'date-mismatch',
      severity: 'error',
      message: `Draft says ${draft} for when ${top.d.event}; verified: ${top.d.text}`,
      factId: top.d.id,
      verified: top.d.text,
      fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }],
    });
  }
}
