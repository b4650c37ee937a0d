/**
 * The duration check (a `number-mismatch`): a duration of the draft ("7.5 years", "seven and a
 * half years", "seven years and six months", "90 months") tied to a figure of kind `duration` by
 * its context, reporter and whom it is about, compared in the fact's unit.
 */
import { sameVoice, type CompiledSheet } from '../sheet/compile';
import type { SentenceContext } from '../claims/context';
import { saysSheetValue, TIME_UNITS, type Duration } from '../mentions/durations';
import type { Mention } from '../mentions/numbers';
import { numberToWords } from '../language/numberWords';
import { inDigits, withinBound } from './figureValues';
import { matchCase } from '../text/tokens';
import type { Confirmation, Figure, Finding } from '../types';
import { isSuperlative, usually } from '../language/lexicon';
import { placedElsewhere } from './figureEvidence';

const EPS = 1e-9;

/** Does the draft's duration, `value` in the fact's unit to `precision`, agree with the fact under both qualifiers? */
function durationAgrees(m: Mention, value: number, precision: number, f: Figure): boolean {
  const sourceLower = f.qualifier === 'more-than' || f.qualifier === 'at-least';
  const sourceUpper = f.qualifier === 'fewer-than' || f.qualifier === 'up-to';
  // A bound that contradicts the article's ("more than" where it says "up to") is wrong at any value.
  if ((m.qualifier === 'lower' && sourceUpper) || ((m.qualifier === 'upper' || m.qualifier === 'approx-below') && sourceLower)) return false;
  if (saysSheetValue(value, f.value)) return true;
  const round = Math.abs(value - f.value) <= precision / 2 + EPS;
  switch (m.qualifier) {
    case 'approx':
      return round || withinBound(value, precision, f);
    case 'approx-below':
      return value > f.value && round;
    case 'lower':
      return value < f.value && f.value - value < precision;
    case 'upper':
      return value > f.value && value - f.value < precision;
    default:
      return false;
  }
}

/** The verified duration in the draft's own form, or the article's wording when the draft's form cannot say it. */
function fixFor(text: string, m: Mention, d: Duration, f: Figure): { start: number; end: number; text: string } {
  if (d.parts === 1 && d.unit === f.unit) {
    const model = text.slice(m.numStart, m.numEnd);
    const v = f.value;
    const words = inDigits(m, v, f, text) ? v.toLocaleString('en-US') : m.style.form === 'words' ? (Number.isInteger(v) ? numberToWords(v) : Number.isInteger(v * 2) ? `${numberToWords(Math.floor(v))} and a half` : undefined) : String(Math.round(v * 1000) / 1000);
    if (words) return { start: m.numStart, end: m.numEnd, text: matchCase(model, words) };
  }
  return { start: m.numStart, end: d.end, text: matchCase(text.slice(m.numStart, d.end), f.text) };
}

/**
 * Whether the duration is the period a record is measured over, not a length of anything: "the
 * longest waits in ten years", "for the first time in a decade" (a superlative heading the noun
 * phrase before "in", "over" or "for", or "the first time"), "waits at a 10-year high" (an
 * "N-year" before a word that is usually an adjective, standing as a noun). Parts of speech from wink-lexicon.
 */
function periodOfRecord(ctx: SentenceContext, text: string, from: number, d: Duration): boolean {
  const toks = ctx.sentence.tokens;
  let k = from - 1;
  if (k >= 1 && /^(?:past|last)$/.test(toks[k].norm) && toks[k - 1].norm === 'the') k -= 2;
  if (k >= 0 && /^(?:in|over|for)$/.test(toks[k].norm)) {
    // The superlative heads the noun phrase the preposition follows ("the longest waits in", "the
    // worst in"), or "for the first time in"; one further off is of something else ("Most of the
    // defendants are banned for twelve years").
    for (let j = k - 1; j >= 0 && j >= k - 2; j--) if (isSuperlative(toks[j].norm) && toks[j].norm !== 'most' && ctx.unbroken(j, k)) return true;
    if (k >= 3 && toks[k - 1].norm === 'time' && toks[k - 2].norm === 'first' && toks[k - 3].norm === 'the') return true;
  }
  const next = ctx.tokenAt(d.end);
  const head = toks[next];
  if (head && /-/.test(text.slice(toks[from].start, d.end)) && /^(?:[js])$/.test(usually(head.norm) ?? '')) {
    const after = toks[next + 1];
    return !after || !/^[np]$/.test(usually(after.norm) ?? '') || /[,.;:]/.test(text.slice(head.end, after.start));
  }
  return false;
}

/** "… 12 minutes later", "12 minutes after the siren": a duration that dates one event from another. */
const INTERVAL_AFTER = /^\s+(?:later|after)\b/i;

/**
 * Whether the duration dates one event from another ("arrived 12 minutes later") and is the gap
 * between two times of the story's dates (4.05am and 4.17am): the draft's own arithmetic on them,
 * no length of anything the sheet measures.
 */
function gapOfTimes(text: string, d: Duration, sheet: CompiledSheet): boolean {
  // (Not a length: "burned for 12 minutes after crews arrived".)
  if (!INTERVAL_AFTER.test(text.slice(d.end, d.end + 8)) || /\bfor\s+(?:\S+\s+)?$/i.test(text.slice(Math.max(0, d.start - 16), d.start))) return false;
  const minutes = sheet.sheet.dates.flatMap((x) => (x.time ? [Number(x.time.slice(0, 2)) * 60 + Number(x.time.slice(3, 5))] : []));
  // (Within the duration's own rounding: "about 10 minutes later" for 12 minutes apart.)
  const gap = d.days * 1440;
  const slack = (d.precisionDays * 1440) / 2 + 1e-6;
  return minutes.some((a, i) => minutes.slice(i + 1).some((b) => Math.abs(Math.abs(a - b) - gap) <= slack));
}

/**
 * Checks the duration `d` that the figure `m` opens against the sheet's duration facts. Returns
 * whether it was tied to one (confirmed or flagged), or is a period of a record (nothing to
 * check); if not, the figure is checked as a count.
 */
export function checkDuration(m: Mention, d: Duration, ctx: SentenceContext, sheet: CompiledSheet, text: string, findings: Finding[], confirmations: Confirmation[]): boolean {
  const from = ctx.tokenAt(m.numStart);
  const to = Math.max(from + 1, ctx.tokenAt(m.end));
  if (periodOfRecord(ctx, text, from, d)) return true;
  if (gapOfTimes(text, d, sheet) && !sheet.durationFacts.some((f) => durationAgrees(m, d.days / TIME_UNITS[f.unit!], d.precisionDays / TIME_UNITS[f.unit!], f))) return true;
  const reporter = ctx.reporter(sheet, from, to);
  const named = ctx.namedInClause(sheet, from);
  // How many of a fact's context phrases the clause says ("had granted a lease": lease and granted).
  const hitsOf = (f: Figure) => sheet.figureContext.get(f.id)!.filter((p) => ctx.phraseWeight([p], from, to, undefined, sheet.contextWords) >= 0.3).length;
  const base = sheet.durationFacts.map((f) => {
    const counts = ctx.phraseWeight(sheet.figureContext.get(f.id)!, from, to, undefined, sheet.contextWords);
    const about = sheet.figureAbout.get(f.id)!;
    const aboutNamed = !!named?.size && about.some((id) => named.has(id));
    const reporterMatch = !!reporter && !!f.reportedBy && sameVoice(sheet, f.reportedBy, reporter);
    const contradicted = !!reporter && !!f.reportedBy && !reporterMatch;
    return { f, contradicted, reporterMatch, aboutNamed, about: about.length > 0, counts, hits: counts > 0 ? hitsOf(f) : 0 };
  });
  const mostHits = Math.max(0, ...base.map((c) => c.hits));
  // Weighed as a figure's candidates are: the clause's reporter outweighs a context word they
  // share ("Quarne said the firm had offered a 25-year lease"), not more of another's words
  // ("Quarne said the council had granted a 90-year lease" is the council's lease).
  const scored = base.map((c) => ({ ...c, score: c.counts + 0.05 * c.hits + (c.aboutNamed ? 0.3 : 0) + (c.reporterMatch && c.counts > 0 && c.hits >= mostHits ? 0.5 : 0) }));
  // Whom the clause names rules out the durations of others ("Oduya … seven years" is not Lanser's).
  const someoneNamed = scored.some((c) => c.aboutNamed);
  const cands = scored.filter((c) => !c.contradicted && c.counts > 0 && !(someoneNamed && c.about && !c.aboutNamed)).sort((a, b) => b.score - a.score);
  if (!cands.length) return false;
  const valueIn = (f: Figure) => d.days / TIME_UNITS[f.unit!];
  // A duration the sheet tells in two figures ("two hours" and "20 minutes") is their whole.
  const whole = (f: Figure) => {
    const pair = sheet.durations.find((x) => x.first === f.id && x.unit === f.unit);
    return pair ? { ...f, value: pair.total, text: pair.text } : f;
  };
  // (A fact of another place, that no one reports, gives way to one the clause's reporter gives: "Marr says
  // the closure could last closer to 20 months" is no rounding of another weir's 22 months.)
  const givesWay = (c: (typeof cands)[number]) => placedElsewhere(c.f, ctx, sheet) && cands.some((o) => o.reporterMatch && o.counts >= c.counts && o.counts > 0 && !placedElsewhere(o.f, ctx, sheet));
  const agreeing = cands.find((c) => durationAgrees(m, valueIn(c.f), d.precisionDays / TIME_UNITS[c.f.unit!], whole(c.f)) && !givesWay(c));
  if (agreeing) {
    confirmations.push({ start: m.start, end: d.end, factId: agreeing.f.id });
    return true;
  }
  const top = cands[0];
  if (top.score < 0.3) return false;
  const f = whole(top.f);
  // Twelve times longer or shorter, in another number ("a two-day visit" beside monitoring visits
  // every six months): a span of something else, left to the count check.
  // ("ten months" for ten years is a slip of the unit, and flagged.)
  const factDays = f.value * TIME_UNITS[f.unit!];
  if (Math.max(d.days, factDays) / Math.max(EPS, Math.min(d.days, factDays)) >= 12 && m.value !== f.value) return false;
  const draft = text.slice(m.start, d.end);
  const edit = fixFor(text, m, d, f);
  const shown = (text.slice(m.start, edit.start) + edit.text + text.slice(edit.end, d.end)).trim();
  findings.push({
    start: m.start,
    end: d.end,
    ruleId: 'number-mismatch',
    severity: 'error',
    message: `Draft says ${draft} for ${f.counts}; verified: ${f.text}`,
    factId: f.id,
    verified: f.text,
    fixes: [{ title: `Replace with ${shown} (verified)`, edits: [edit] }],
  });
  return true;
}
