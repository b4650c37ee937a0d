/**
 * The check of figures of kind `ratio` (a `number-mismatch`): a relative risk ("a relative risk of
 * 0.60", "a 40% lower risk", "a 40% reduction"), a relative change ("down 40%", "12% higher") and a
 * change in percentage points ("up 2.1 points"). A draft's figure is read in one of three forms —
 * the ratio itself, a percentage with a direction, a number of points — tied to a ratio fact of
 * that form by its context and reporter, and compared with it; a share of the sheet never stands
 * for one ("0.60" is no 60%, "40% lower" no 40% share).
 */
import { sameVoice, type CompiledSheet } from '../sheet/compile';
import type { SentenceContext } from '../claims/context';
import type { Mention } from '../mentions/numbers';
import { numberToWords } from '../language/numberWords';
import { agrees } from './figureValues';
import type { Confirmation, Figure, Finding } from '../types';

const EPS = 1e-9;

/** After a percentage: its direction ("40% lower", "a 40% reduction", "12% more"). */
const AFTER = /^\s+(?:(?:\p{Ll}+|[-–])\s+){0,1}?(?:(lower|less|fewer|smaller|reductions?|decreases?|declines?|drops?|falls?|cuts?)|(higher|greater|more|larger|increases?|rises?|jumps?|gains?))\b/u;
/** Before a figure: its direction ("fell 40%", "cut the risk by 40%", "up 2.1 points"); past more than three words, only with "by" ("cut the risk of death or hospital admission by 27%"). */
const BEFORE = /\b(?:(down|fell|falls|fallen|dropped|drops|declined|declines|decreased|decreases|cut|cuts|reduced|reduces|lowered|lowers)|(up|rose|rises|risen|increased|increases|raised|raises|climbed|climbs|grew|grows|jumped|gained))\b(?:(?:\s+\p{Ll}+){0,3}?\s+(?:by\s+)?|(?:\s+\p{Ll}+){4,9}?\s+by\s+)(?:(?:almost|nearly|about|some|around|roughly|just over|more than)\s+)?$/u;
/** After a number: percentage points. */
const POINTS = /^\s*(?:-\s*)?(?:percentage[\s-]+points?|points?|pp|pts?)\b/;

/** How the draft states the figure `m`, if as a ratio at all. */
interface Reading {
  form: 'relative' | 'points' | 'ratio';
  /** -1 lower, +1 higher, 0 unsaid. */
  dir: number;
  /** The end of the phrase (past its direction word after the figure). */
  end: number;
}

function readingOf(m: Mention, text: string): Reading | undefined {
  const after = text.slice(m.end, m.end + 40);
  const before = text.slice(Math.max(0, m.start - 90), m.start);
  const b = BEFORE.exec(before);
  const bDir = b ? (b[1] ? -1 : 1) : 0;
  if (m.kind === 'share' && m.style.percent) {
    const a = AFTER.exec(after);
    if (a) return { form: 'relative', dir: a[1] ? -1 : 1, end: m.end + a[0].length };
    if (b) return { form: 'relative', dir: bDir, end: m.end };
    return undefined;
  }
  if (m.kind !== 'count') return undefined;
  const p = POINTS.exec(after);
  if (p) return { form: 'points', dir: bDir, end: m.end + p[0].length };
  // A bare ratio is a decimal ("0.60", "1.4").
  if (m.style.decimals > 0 && m.value < 20) return { form: 'ratio', dir: 0, end: m.end };
  return undefined;
}

/** The draft's value and direction that the fact gives, in the reading's form. */
function verifiedIn(r: Reading, f: Figure): { value: number; dir: number } | undefined {
  if (r.form === 'points') return f.ratioOf === 'points' ? { value: Math.abs(f.value), dir: Math.sign(f.value) } : undefined;
  if (r.form === 'ratio') return f.ratioOf === 'relative-risk' ? { value: f.value, dir: 0 } : undefined;
  if (f.ratioOf === 'relative-risk') return { value: Math.abs(1 - f.value), dir: Math.sign(f.value - 1) };
  if (f.ratioOf === 'change') return { value: Math.abs(f.value), dir: Math.sign(f.value) };
  return undefined;
}

function agreesWith(m: Mention, r: Reading, v: { value: number; dir: number }, f: Figure): boolean {
  if (r.dir && v.dir && r.dir !== v.dir) return false;
  const d = Math.abs(m.value - v.value);
  if (d <= EPS * Math.max(1, v.value)) return true;
  // Honest rounding under the draft's qualifier, on the size of the change ("almost 12%" for a
  // fall of 11.7%, "just over 6%" for a rise of 6.2%, "about 40%" for 38%), as for any figure.
  return agrees(m, { ...f, value: v.value });
}

/** The verified number in the draft's own form: "45%" → "40%", "forty per cent" → "forty per cent", "0.7" → "0.60". */
function numberIn(m: Mention, value: number, r: Reading): string {
  const shown = r.form === 'relative' ? value * 100 : value;
  const rounded = Math.round(shown * 1e6) / 1e6;
  if (m.style.form === 'words' && Number.isInteger(rounded) && rounded < 100) return numberToWords(rounded);
  const decimals = r.form === 'relative' ? Math.max(0, (String(rounded).split('.')[1] ?? '').length) : Math.max(m.style.decimals, (String(rounded).split('.')[1] ?? '').length);
  return rounded.toFixed(decimals);
}

/**
 * Checks the figure `m` against the sheet's ratio facts. Returns whether it was tied to one
 * (confirmed or flagged); if not, the figure is checked as any other.
 */
export function checkRatioKind(m: Mention, ctx: SentenceContext, sheet: CompiledSheet, text: string, findings: Finding[], confirmations: Confirmation[]): boolean {
  const r = readingOf(m, text);
  if (!r) return false;
  const from = ctx.tokenAt(m.numStart);
  const to = Math.max(from + 1, ctx.tokenAt(r.end));
  let reporter = ctx.reporter(sheet, from, to);
  // "Orrin’s share rose 2.1 points": a possessive names whose figure it is, not who reports it.
  const span = ctx.reporterAt;
  if (reporter && span && /['’]s$/.test(ctx.sentence.tokens[span.at + span.len - 1]?.text ?? '')) reporter = undefined;
  const cands = sheet.ratioFacts
    .map((f) => ({ f, v: verifiedIn(r, f), counts: ctx.phraseWeight(sheet.figureContext.get(f.id)!, from, to, undefined, sheet.contextWords), contradicted: !!reporter && !!f.reportedBy && !sameVoice(sheet, f.reportedBy, reporter) }))
    .filter((c): c is typeof c & { v: { value: number; dir: number } } => !!c.v && !c.contradicted && c.counts > 0)
    .sort((a, b) => b.counts - a.counts);
  if (!cands.length) return false;
  const agreeing = cands.find((c) => agreesWith(m, r, c.v, c.f));
  if (agreeing) {
    confirmations.push({ start: m.start, end: m.end, factId: agreeing.f.id });
    return true;
  }
  const top = cands[0];
  if (top.counts < 0.3) return false;
  const { f, v } = top;
  const edits: Finding['fixes'][number]['edits'] = [];
  const number = numberIn(m, v.value, r);
  if (text.slice(m.numStart, m.numEnd) !== number && Math.abs(m.value - v.value) > EPS) edits.push({ start: m.numStart, end: m.numEnd, text: number });
  // The wrong direction ("40% higher" for a risk 40% lower): the direction word after the figure is the fix.
  let end = m.end;
  if (r.dir && v.dir && r.dir !== v.dir && r.form === 'relative' && r.end > m.end) {
    const word = /(\p{L}+)$/u.exec(text.slice(m.end, r.end))!;
    const ws = r.end - word[1].length;
    const opposite = OPPOSITE[word[1].toLowerCase()];
    if (opposite) edits.push({ start: ws, end: r.end, text: word[1][0] === word[1][0].toUpperCase() ? opposite[0].toUpperCase() + opposite.slice(1) : opposite });
    end = r.end;
  }
  const draft = text.slice(m.start, end);
  let fixed = draft;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start - m.start) + e.text + fixed.slice(e.end - m.start);
  findings.push({
    start: m.start,
    end,
    ruleId: 'number-mismatch',
    severity: 'error',
    message: `Draft says ${draft} for ${f.counts}; verified: ${f.text}`,
    factId: f.id,
    verified: f.text,
    fixes: edits.length ? [{ title: `Replace with ${fixed} (verified: ${f.text})`, edits }] : [],
  });
  return true;
}

const OPPOSITE: Record<string, string> = {
  lower: 'higher', higher: 'lower', less: 'more', more: 'less', fewer: 'more', smaller: 'larger', larger: 'smaller', greater: 'smaller',
  reduction: 'increase', increase: 'reduction', decrease: 'increase', decline: 'rise', rise: 'fall', fall: 'rise', drop: 'rise', cut: 'increase', jump: 'drop', gain: 'loss',
};
