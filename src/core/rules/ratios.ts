/**
 * The ratio check: "more than twice the official toll", "three times the government's figure".
 * A ratio between two of the story's figures, one confirmed just before it and the other named
 * after it (by its figure or by its reporter), is computed from the facts and compared with the
 * draft's words; a ratio the facts contradict is flagged, with the ratio they give as the fix.
 */
import type { CompiledSheet } from '../sheet/compile';
import type { Pass } from './pass';
import { lowerBound } from '../search';
import { matchCase } from '../text/tokens';
import type { Figure } from '../types';

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

/**
 * Do two figures count the same thing (a context phrase in common)? Not by a year or a name they
 * share: "1979" and "Brenik" say which quake, not that a magnitude counts deaths.
 */
function sharesContext(sheet: CompiledSheet, a: Figure, b: Figure): boolean {
  const counting = (p: string[]) => !p.some((w) => /\d/.test(w)) && !sheet.entityPhrases.some((e) => e.words.join(' ') === p.join(' '));
  const ctx = new Set(sheet.figureContext.get(a.id)!.filter(counting).map((p) => p.join(' ')));
  return sheet.figureContext.get(b.id)!.some((p) => ctx.has(p.join(' ')));
}

/** The fact a reporter gives for the same thing as `subject`, if one. */
function sameThingBy(sheet: CompiledSheet, reporter: string, subject: Figure): Figure | undefined {
  return sheet.figures.find((f) => f.id !== subject.id && f.reportedBy === reporter && f.kind === subject.kind && sharesContext(sheet, subject, f));
}

/** Checks every ratio phrase of the paragraph (after the figure check, whose confirmations it reads). */
export function checkRatios({ masked, text, contexts, sheet, findings, confirmations }: Pass): void {
  if (!/times\b|twice|double|triple|treble/i.test(masked)) return;
  const figures = confirmations.filter((c) => sheet.figureById.has(c.factId)).sort((a, b) => a.start - b.start);
  /** Index of the first figure confirmed at or after `offset` (binary search). */
  const firstFrom = (offset: number) => lowerBound(figures.length, (k) => figures[k].start < offset);
  /** The last figure confirmed before `offset` (ending there) and from `min` on, other than `except`. */
  const lastBefore = (offset: number, min: number, except?: string) => {
    for (let k = firstFrom(offset) - 1; k >= 0 && figures[k].start >= min; k--) if (figures[k].end <= offset && figures[k].factId !== except) return figures[k];
    return undefined;
  };
  let si = 0;
  RATIO.lastIndex = 0;
  for (let m = RATIO.exec(masked); m; m = RATIO.exec(masked)) {
    const start = m.index;
    const end = start + m[0].length;
    while (si < contexts.length && contexts[si].sentence.end <= start) si++;
    const ctx = contexts[si];
    if (!ctx || ctx.sentence.start > start) continue;
    /** Flags the ratio as not borne out: `subject` is `r` times `base`. */
    const flagRatio = (r: number, subject: Figure, base: Figure) => {
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
    };
    const claimed = m[2].toLowerCase() === 'twice' || m[2].toLowerCase() === 'double' ? 2 : /^t(?:riple|reble)$/i.test(m[2]) ? 3 : (SMALL[m[3]?.toLowerCase() ?? ''] ?? Number(m[3]));
    if (!Number.isFinite(claimed)) continue;
    // A ratio compares with what follows ("three times the official toll", "twice as many", "twice
    // that of"); "challenged twice", "met five times" say how often.
    if (!/^\s+(?:the|as|that|what|those|its|their)\b|^\s+\p{Lu}\S*['’]s?\s/u.test(masked.slice(end, end + 24))) continue;
    // The subject: the story's figure confirmed last before the ratio in its sentence.
    const before = lastBefore(start, ctx.sentence.start);
    if (!before) continue;
    const subject = sheet.figureById.get(before.factId)!;
    // "Iran acknowledges 3,117 deaths; HRANA says its toll is three times that": "that" is the
    // figure before, and the subject is the same thing by the source of the ratio's own clause.
    if (/^\s+that\b(?!\s+of\b)/i.test(masked.slice(end, end + 12))) {
      const from = ctx.tokenAt(start);
      const reporter = ctx.reporter(sheet, from, from + 1);
      const other = reporter && reporter !== subject.reportedBy ? sameThingBy(sheet, reporter, subject) : undefined;
      if (other) {
        const r = other.value / subject.value;
        if (r >= 1 && !bearsOut(r, claimed, m[1])) flagRatio(r, other, subject);
        continue;
      }
    }
    // The base: "twice as many" looks back to the figure before the subject; otherwise a figure
    // confirmed after it in its clause, or the same thing by the reporter named after it ("the official figure").
    let base: Figure | undefined;
    const at = ctx.tokenAt(end);
    if (/^\s+as\s+(?:many|much|high|large|big)\b/i.test(masked.slice(end, end + 16))) {
      // "… as many as the official toll": the same thing by the reporter it names; else the figure before the subject.
      const named = ctx.mentions(sheet).find((x) => x.at >= at + 3 && x.at <= at + 6 && sheet.reporters.has(x.id));
      const prior = named ? undefined : lastBefore(before.start, 0, subject.id);
      base = named ? sameThingBy(sheet, named.id, subject) : prior && sheet.figureById.get(prior.factId);
      if (!base) continue;
    }
    let after: (typeof figures)[number] | undefined;
    // The first figure after the phrase, within eight words of it and in its phrase ("three times
    // the official toll of 3,117"; not the figure of a clause coordinated after it: "…, and it has
    // documented 50,000 arrests").
    for (let k = firstFrom(end); !base && k < figures.length && figures[k].start < ctx.sentence.end && ctx.tokenAt(figures[k].start) - at <= 8; k++) {
      if (/[,;]|\band\b/i.test(masked.slice(end, figures[k].start))) break;
      if (figures[k].factId !== subject.id && ctx.sameClause(at, ctx.tokenAt(figures[k].start))) {
        after = figures[k];
        break;
      }
    }
    if (after) base = sheet.figureById.get(after.factId);
    if (!base) {
      const named = ctx.mentions(sheet).find((x) => x.at >= at && x.at <= at + 4 && sheet.reporters.has(x.id));
      if (named) base = sameThingBy(sheet, named.id, subject);
    }
    // Only two figures of one thing compare (deaths with deaths, not arrests with deaths), the larger first.
    if (!base || !base.value || base.kind !== subject.kind || !sharesContext(sheet, subject, base)) continue;
    const r = subject.value / base.value;
    if (r < 1) continue;
    if (bearsOut(r, claimed, m[1])) continue;
    flagRatio(r, subject, base);
  }
}
