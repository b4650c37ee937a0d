/**
 * The evidence a figure of the draft is weighed with before checkFigure ties it to a fact: whether
 * a fact can be its kind and currency, slips of the finger and of the scale, ages, a dated span,
 * a range's other end; and the findings it makes (a wrong figure, a wrong source).
 */
import { placeIn, yearsIn, type CompiledSheet } from '../sheet/compile';
import type { SentenceContext } from '../claims/context';
import type { Mention } from '../mentions/numbers';
import { agrees, eq } from './figureValues';
import { lemmaOf } from '../language/lemma';
import { usually } from '../language/lexicon';
import { matchCase } from '../text/tokens';
import { MONTHS_DAYS, NOT_NAMES } from '../mentions/names';
import type { Figure, Finding } from '../types';

export const EPS = 1e-9;

const CURRENCIES: [RegExp, string][] = [
  [/^(?:US\$|U\.S\.\$|\$|(?:US |U\.S\. )?dollars?|USD)$/i, 'USD'],
  [/^(?:€|euros?|EUR)$/i, 'EUR'],
  [/^(?:£|pounds?|GBP|p|pence)$/i, 'GBP'],
];

/** ISO code of a draft's currency mark, or undefined when unknown ("A$", "¥"). */
export function currencyOf(mark: string): string | undefined {
  return CURRENCIES.find(([re]) => re.test(mark.trim()))?.[1];
}

/** Whether fact `f` can be the one the draft's figure `m` states: the same kind (an amount without a currency may be a sum of money), and no other currency. */
export function kindsMatch(m: Mention, f: Figure): boolean {
  // An amount in another currency is a conversion, not the verified figure: leave it alone.
  if (m.kind === 'money' && f.kind === 'money' && f.currency && currencyOf(m.currency) !== f.currency) return false;
  if (m.kind === f.kind) return true;
  // "4.2 billion in spending" without a currency still reads as the amount.
  return f.kind === 'money' && m.kind === 'count' && m.style.scale >= 1e6;
}

/** A unit of time followed by the date it runs from: "… years from March 2016", "… months since 2019". */
export const ANCHORED_SPAN = /^\s+(?:years?|months?|weeks?|days?)\s+(?:from|since|starting|beginning)\s+(?:(?:early|mid|late|the end of|the start of)\s+)?(?:\p{Lu}|\d)/u;
const tails = new WeakMap<Figure, string>();
/** The 60 characters after the fact's figure in its own source sentence. */
function tailIn(f: Figure): string {
  let t = tails.get(f);
  if (t === undefined) {
    const { start, end } = placeIn(f);
    t = start >= 0 ? f.source.slice(end, end + 60) : '';
    tails.set(f, t);
  }
  return t;
}
/** Is the fact's figure, in its own source sentence, a span from a date? */
export function anchoredIn(f: Figure): boolean {
  return ANCHORED_SPAN.test(tailIn(f));
}

/** Before a figure: a value it was before a change ("to 5.5% from 6%", "5.5% (was 6%)", "down from 2.2%"). */
export const PRIOR = /(?:\b(?:from|previously|formerly)|\(was)[ \t\u00a0]+$/i;
const priors = new WeakMap<Figure, boolean>();
/** Is the fact's figure, in its own source sentence, a value before a change ("cut from 4%")? */
export function priorIn(f: Figure): boolean {
  let p = priors.get(f);
  if (p === undefined) {
    const { start } = placeIn(f);
    p = start > 0 && PRIOR.test(f.source.slice(Math.max(0, start - 20), start));
    priors.set(f, p);
  }
  return p;
}

/** Between a new value and the value before it, in one clause: "to 1.2%, from 1.7%", "6% in May, up from 5%" (not past ", and …"). */
export const CHANGE_GAP = /^(?![^]*,\s+(?:and|but|while|whereas)\b)[^.;:!?]{0,32}$/;
const changes = new WeakMap<readonly Figure[], Map<Figure, Figure | null>>();
/**
 * The fact whose value fact `f` changed to, in `f`'s own source sentence: "cut its forecast to
 * 1.2%, from 1.7%" (1.7% → 1.2%), "fell from 40 seats to 33".
 */
export function changedFrom(figures: readonly Figure[], f: Figure): Figure | undefined {
  let known = changes.get(figures);
  if (!known) changes.set(figures, (known = new Map()));
  let to = known.get(f);
  if (to === undefined) {
    const at = placeIn(f);
    to =
      figures.find((g) => {
        if (g === f || g.source !== f.source) return false;
        const gAt = placeIn(g);
        if (gAt.start < 0) return false;
        return gAt.start < at.start ? CHANGE_GAP.test(f.source.slice(gAt.end, at.start)) : /^[ \t\u00a0]+(?:\p{Ll}+[ \t\u00a0]+)?to[ \t\u00a0]+$/u.test(f.source.slice(at.end, gAt.start));
      }) ?? null;
    known.set(f, to);
  }
  return to ?? undefined;
}

const DIFFERENCE_RE = /^\s+((?:\p{Ll}+\s+){0,2}?)(?:more|fewer|less|higher|lower|greater|smaller)\b[^.;:!?]{0,40}?\bthan\b|^\s+((?:\p{Ll}+\s+)?)(?:short of|shy of)\b/u;
/**
 * Whether what follows a figure makes it a difference between two: "3,750 more deaths than …",
 * "two (seats) short of". The words before "more" are what it counts, nouns of wink-lexicon:
 * "290 deaths and more than 1,900 injuries", "920 people including more than 100 children" are
 * two figures.
 */
export function isDifference(after: string): boolean {
  const d = DIFFERENCE_RE.exec(after);
  if (!d) return false;
  const words = (d[1] ?? d[2] ?? '').trim().split(/\s+/).filter(Boolean);
  return words.every((w) => usually(w) === 'n' || (usually(w) === undefined && !/(?:ing|ed)$/.test(w)));
}
/**
 * Whether figure `m` is the difference or the sum of two of the `earlier` figures of its sentence,
 * of its kind and currency: "14 knots and the operator 9, a gap of five", "14 and 9 knots, 23 in all".
 */
export function workedOut(m: Mention, earlier: readonly Mention[]): boolean {
  if (m.kind === 'year' || !(m.value > 0)) return false;
  const alike = earlier.filter((a) => a.kind === m.kind && a.currency === m.currency && a.value > 0);
  return alike.some((a, i) => alike.slice(i + 1).some((b) => eq(Math.abs(a.value - b.value), m.value) || eq(a.value + b.value, m.value)));
}

/**
 * Whether fact `f` is of places the sentence does not name and no one reports it: the article's
 * own account of another place ("a repair that cost €19 million" at another bridge), which gives
 * way to a fact the clause's reporter gives.
 */
export function placedElsewhere(f: Figure, ctx: SentenceContext, sheet: CompiledSheet): boolean {
  const places = sheet.figurePlaces.get(f.id)!;
  // (A sentence that names the fact's own year is of it: "the last such repair, in 2019, cost €19 million".)
  return !f.reportedBy && places.length > 0 && !ctx.mentions(sheet).some((x) => places.includes(x.id)) && !yearsIn(f.source).some((y) => ctx.sentence.text.includes(y));
}

/** Is the fact's figure, in its own source sentence, such a difference ("three short of a majority")? */
export function differenceIn(f: Figure): boolean {
  return isDifference(tailIn(f));
}

export interface Candidate {
  fact: Figure;
  counts: number;
  contradicted: boolean;
  reporterMatch: boolean;
  /** +1: the clause names whom the fact is about; -1: it names whom another candidate is about, not this one's. */
  about: number;
}

/** The digits of a value, as rounded to three decimals (0.04 → "004"; strip leading zeros for how many it is written with). */
export function digitsOf(n: number): string {
  return String(Math.round(n * 1000) / 1000).replace(/\D/g, '');
}

/** Is `a` a slip of the finger for `b`: a swap of two digits, one digit changed, added or dropped? */
export function typoOf(a: number, b: number): boolean {
  const x = digitsOf(a);
  const y = digitsOf(b);
  if (x === y) return false;
  if (x.length === y.length) {
    const diff = [...x].map((c, i) => (c !== y[i] ? i : -1)).filter((i) => i >= 0);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]];
  }
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  if (l.length - s.length !== 1) return false;
  for (let i = 0; i < l.length; i++) if (l.slice(0, i) + l.slice(i + 1) === s) return true;
  return false;
}

/**
 * Is the draft's figure `m` a slip for fact `f`'s: a typo of its digits ("seven" for six is one
 * too). A digit added or dropped is a slip only where both are written in digits: "two" is no
 * mistyped 35, nor is "39" a mistyped "three".
 */
export function fingerSlipOf(m: Mention, f: Figure): boolean {
  if (!typoOf(m.value, f.value)) return false;
  return digitsOf(m.value).length === digitsOf(f.value).length || (m.style.form === 'digits' && /\d/.test(f.text));
}

/**
 * Is `a` the figure `b` with the wrong scale: a thousand, a million or a billion times off, to
 * `tolerance` in powers of ten (exactly: "two billion" for two million; 0.05: rounding aside)?
 */
export function scaleSlipOf(a: number, b: number, tolerance = 1e-9): boolean {
  if (a <= 0 || b <= 0 || a === b) return false;
  const k = Math.log10(Math.max(a, b) / Math.min(a, b));
  return [3, 6, 9].some((p) => Math.abs(k - p) < tolerance);
}

/** The lemmas of the words a sheet gives an age by ("age", "aged"). */
export const AGE_WORDS = new Set(['age', 'aged', 'year-old'].map(lemmaOf));

/**
 * "Anton Brekalo, 54, ran …": a whole number a person could be, set off by commas right after a
 * person's name (the sheet's, or two capitalised words), is that person's age ('named'); so is
 * one before "-year-old" or "years old" anywhere ("a 46-year-old headteacher": 'described').
 */
export function ageOf(m: Mention, text: string, ctx: SentenceContext, sheet: CompiledSheet, from: number): 'named' | 'described' | undefined {
  if (m.kind !== 'count' || m.qualStart !== m.qualEnd || !Number.isInteger(m.value) || m.value < 1 || m.value > 120 || m.style.decimals > 0) return undefined;
  // "a 46-year-old former headteacher", "46 years old": an age wherever it stands, whose it is told by its context.
  if (/^[- \u00a0]years?[- \u00a0]old\b/.test(text.slice(m.end, m.end + 12))) {
    // In apposition to a person ("Voss, a 46-year-old teacher"): that person's.
    const toks = ctx.sentence.tokens;
    const article = from >= 2 && /^(?:a|an)$/.test(toks[from - 1].norm) && /,\s*$/.test(text.slice(toks[from - 2].end, toks[from - 1].start));
    return article && ctx.mentions(sheet).some((x) => x.at + x.len === from - 1 && sheet.entities.get(x.id)?.type === 'person') ? 'named' : 'described';
  }
  if (!/,[ \t]*$/.test(text.slice(Math.max(0, m.start - 4), m.start)) || !/^[ \t]*,/.test(text.slice(m.end, m.end + 3))) return undefined;
  // A person of the sheet, or a capitalised name of two words at least ("By March, 41, …" is none).
  if (ctx.mentions(sheet).some((x) => x.at + x.len === from && sheet.entities.get(x.id)?.type === 'person')) return 'named';
  return /\p{Lu}\p{Ll}+[ \t]+\p{Lu}[\p{L}'’-]*,[ \t]*$/u.test(text.slice(Math.max(0, m.start - 40), m.start)) ? 'named' : undefined;
}

/** A number-mismatch on the figure `m` for the fact `f`: its message and its fixes. */
export function numberFinding(m: Mention, f: Figure, message: string, fixes: Finding['fixes']): Finding {
  return { start: m.start, end: m.end, ruleId: 'number-mismatch', severity: 'error', message, factId: f.id, verified: f.text, fixes };
}

/** The verified first end of the range whose second end `second` states, if `first` can be one. */
export function rangeFirstOf(first: Mention, second: Mention, sheet: CompiledSheet): Figure | undefined {
  for (const [lo, hi] of sheet.rangePartners) if (kindsMatch(second, hi) && agrees(second, hi) && kindsMatch(first, lo)) return lo;
  return undefined;
}

/** The verified second end of the range whose first end `first` states, if `second` can be one. */
export function rangePartnerOf(first: Mention, second: Mention, sheet: CompiledSheet): Figure | undefined {
  for (const f of sheet.figures) {
    const p = sheet.rangePartners.get(f);
    if (p && kindsMatch(first, f) && agrees(first, f) && kindsMatch(second, p)) return p;
  }
  return undefined;
}

/** "The government documented more than 50,000 arrests": a figure put in the wrong source's mouth. */
export function wrongSource(m: Mention, f: Figure, said: string, ctx: SentenceContext, sheet: CompiledSheet, text: string, findings: Finding[]): void {
  const who = sheet.entities.get(said)?.name ?? said;
  const rightEntity = f.reportedBy ? sheet.entities.get(f.reportedBy) : undefined;
  const right = rightEntity?.name ?? f.reportedBy ?? 'another source';
  // The finding covers the figure and the source named for it; the fix names the verified source
  // by its one-word short form where it has one (a full name for a person's full name).
  const toks = ctx.sentence.tokens;
  const span = ctx.reporterAt;
  let start = m.start;
  let end = m.end;
  const fixes: Finding['fixes'] = [];
  if (span && toks[span.at]) {
    let s = toks[span.at].start;
    const e = toks[span.at + span.len - 1].end - (/['’]s?$/.exec(toks[span.at + span.len - 1].text)?.[0].length ?? 0);
    start = Math.min(start, s);
    end = Math.max(end, e);
    const saidEntity = sheet.entities.get(said);
    const draftName = text.slice(s, e);
    if (rightEntity) {
      // A one-word short form for any form the draft used ("HRANA" for "Iranian authorities"), else the name.
      const short = rightEntity.aliases?.find((a) => !/\s/.test(a));
      const full = !short || (saidEntity?.type === 'person' && draftName.toLowerCase() === saidEntity.name.toLowerCase());
      // An acronym's capitals are its own, not the draft's style ("HRANA" → "Iranian authorities").
      // (In a line in capitals, the fix is in capitals too.)
      const acronym = /^\p{Lu}{2,6}$/u.test(draftName) && /\p{Ll}/u.test(text.slice(ctx.sentence.start, ctx.sentence.end));
      const replacement = acronym ? (full ? rightEntity.name : short!) : matchCase(draftName, full ? rightEntity.name : short!);
      // The wrong source's own modifier goes with it ("the Iranian judiciary" → "HRANA", not "the
      // Iranian HRANA"), and so does its article before an acronym ("according to HRANA").
      let k = span.at;
      const spaced = (j: number) => /^[ \t\u00a0]+$/.test(text.slice(toks[j - 1].end, toks[j].start));
      while (k > 0 && span.at - k < 2 && toks[k - 1].norm !== 'the' && /^\p{Lu}\p{Ll}+$/u.test(toks[k - 1].text) && !MONTHS_DAYS.has(toks[k - 1].norm) && !NOT_NAMES.has(toks[k - 1].norm) && spaced(k)) k--;
      if (k > 0 && toks[k - 1].norm === 'the' && spaced(k) && /^\p{Lu}{2,}$/u.test(replacement)) k--;
      s = toks[k].start;
      start = Math.min(start, s);
      fixes.push({ title: `Attribute to ${replacement} (verified source)`, edits: [{ start: s, end: e, text: replacement }] });
    }
  }
  findings.push({ ...numberFinding(m, f, `Draft says ${text.slice(m.start, m.end)} ${f.counts} by ${who}; verified: ${f.text} reported by ${right}`, fixes), start, end });
}
