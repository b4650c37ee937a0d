import type { Pass } from './pass';
import { matchCase } from './text';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE_RE = new RegExp(
  `\\b(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)[ -])?(?:${MONTHS})\\b|\\b(?:last|this|next|the previous|the past|earlier this|late last|early last|the same) (?:year|month|week|spring|summer|autumn|fall|winter)\\b|\\b(?:a|one|two|three|four|five|several) (?:years?|months?|weeks?) (?:ago|earlier)\\b`,
  'gi',
);

const MONTH = new RegExp(`(?:${MONTHS})`, 'i');
const PART = /\b(?:early|mid|late|end|beginning|start|middle|first|second)\b/i;
const isMonthPhrase = (s: string) => MONTH.test(s);
const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();

/**
 * The date check: a date phrase in a sentence about a dated event ("the protests began in
 * early March") must be the verified phrase ("late March").
 */
export function checkDates({ masked, text, contexts, sheet, findings, confirmations }: Pass): void {
  if (!sheet.dates.length) return;
  // One pass over the text; each date phrase is then read in its sentence.
  let si = 0;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(masked); m; m = DATE_RE.exec(masked)) {
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
      .map((d) => ({ d, w: ctx.phraseWeight(sheet.dateContext.get(d.id)!, from, to) }))
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
