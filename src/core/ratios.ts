/**
 * The ratio check: "more than twice the official toll", "three times the government's figure".
 * A ratio between two of the story's figures, one confirmed just before it and the other named
 * after it (by its figure or by its reporter), is computed from the facts and compared with the
 * draft's words; a ratio the facts contradict is flagged, with the ratio they give as the fix.
 */
import type { CompiledSheet } from './compile';
import type { Pass } from './pass';
import { matchCase } from './text';
import type { Figure } from './types';

const RATIO = /\b(?:(more than|over|nearly|almost|about|roughly|around|at least|well over|just over|some)\s+)?(twice|double|triple|treble|(two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+times)\b/giu;
const SMALL: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const TIMES_WORD = ['', '', 'twice', 'three times', 'four times', 'five times', 'six times', 'seven times', 'eight times', 'nine times', 'ten times'];

/** Does the verified ratio `r` bear out the draft's `claimed` ratio under its qualifier? */
function bearsOut(r: number, claimed: number, qualifier: string | undefined): boolean {
  switch ((qualifier ?? '').toLowerCase()) {
    case 'more than':
    case 'over':
    case 'at least':
    case 'well over':
    case 'just over':
      return r >= claimed;
    case 'nearly':
    case 'almost':
      return r < claimed && r >= claimed * 0.85;
    default:
      return Math.abs(r - claimed) <= claimed * 0.15;
  }
}

/** The draft's words for a ratio the facts give: "twice", "more than twice", "nearly three times". */
function describe(r: number): string | undefined {
  const n = Math.floor(r);
  const up = Math.ceil(r);
  if (n < 2 || up > 10) return undefined;
  if (r - n <= n * 0.05) return TIMES_WORD[n];
  if (up - r <= up * 0.1) return `nearly ${TIMES_WORD[up]}`;
  return `more than ${TIMES_WORD[n]}`;
}

/** The fact a reporter gives for the same thing as `subject` (context shared), if one. */
function sameThingBy(sheet: CompiledSheet, reporter: string, subject: Figure): Figure | undefined {
  const ctx = new Set(sheet.figureContext.get(subject.id)!.map((p) => p.join(' ')));
  return sheet.figures.find((f) => f.id !== subject.id && f.reportedBy === reporter && f.kind === subject.kind && sheet.figureContext.get(f.id)!.some((p) => ctx.has(p.join(' '))));
}

/** Checks every ratio phrase of the paragraph (after the figure check, whose confirmations it reads). */
export function checkRatios({ masked, text, contexts, sheet, findings, confirmations }: Pass): void {
  if (!/times\b|twice|double|triple|treble/i.test(masked)) return;
  RATIO.lastIndex = 0;
  for (let m = RATIO.exec(masked); m; m = RATIO.exec(masked)) {
    const start = m.index;
    const end = start + m[0].length;
    const ctx = contexts.find((c) => c.sentence.start <= start && start < c.sentence.end);
    if (!ctx) continue;
    const claimed = m[2].toLowerCase() === 'twice' || m[2].toLowerCase() === 'double' ? 2 : /^t(?:riple|reble)$/i.test(m[2]) ? 3 : (SMALL[m[3]?.toLowerCase() ?? ''] ?? Number(m[3]));
    if (!Number.isFinite(claimed)) continue;
    // The subject: the story's figure confirmed last before the ratio in its sentence.
    const before = confirmations.filter((c) => c.start >= ctx.sentence.start && c.end <= start && sheet.figureById.has(c.factId)).pop();
    if (!before) continue;
    const subject = sheet.figureById.get(before.factId)!;
    // The base: "twice as many" looks back to the figure before the subject; otherwise a figure
    // confirmed after it in its clause, or the same thing by the reporter named after it ("the official figure").
    let base: Figure | undefined;
    if (/^\s+as\s+(?:many|much|high|large|big)\b/i.test(masked.slice(end, end + 16))) {
      const prior = confirmations.filter((c) => c.end <= before.start && sheet.figureById.has(c.factId) && c.factId !== subject.id).pop();
      base = prior && sheet.figureById.get(prior.factId);
      if (!base) continue;
    }
    const at = ctx.tokenAt(end);
    const after = base ? undefined : confirmations.find((c) => c.start >= end && c.end <= ctx.sentence.end && sheet.figureById.has(c.factId) && c.factId !== subject.id && ctx.sameClause(at, ctx.tokenAt(c.start)) && ctx.tokenAt(c.start) - at <= 8);
    if (after) base = sheet.figureById.get(after.factId);
    if (!base) {
      const named = ctx.mentions(sheet).find((x) => x.at >= at && x.at <= at + 4 && sheet.reporters.has(x.id));
      if (named) base = sameThingBy(sheet, named.id, subject);
    }
    if (!base || !base.value) continue;
    const r = subject.value / base.value;
    if (bearsOut(r, claimed, m[1])) continue;
    const right = describe(r);
    const draft = text.slice(start, end);
    findings.push({
      start,
      end,
      ruleId: 'number-mismatch',
      severity: 'error',
      message: `Draft says ${draft} ${base.text}; verified: ${subject.text} is ${r.toFixed(1)} times ${base.text}`,
      factId: subject.id,
      verified: right ?? `${r.toFixed(1)} times`,
      fixes: right ? [{ title: `Replace with ${right} (verified)`, edits: [{ start, end, text: matchCase(draft, right) }] }] : [],
    });
  }
}
