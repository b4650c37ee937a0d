/**
 * A figure of the draft against the fact it refers to: whether its value and qualifier agree
 * (honest rounding under a qualifier), and the fix of a wrong one in the draft's own style.
 */
import { findMentions, VERB_QUALIFIER, type Mention } from '../mentions/numbers';
import { numberToWords, yearToWords } from '../language/numberWords';
import { renderDigits, renderShare, scaleWordFor } from './renderNumber';
import { matchCase } from '../text/tokens';
import type { Edit, Figure } from '../types';

const EPS = 1e-9;
export const eq = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

const QUALIFIER_WORDS: Record<Figure['qualifier'], string> = {
  exact: '',
  'more-than': 'more than',
  'at-least': 'at least',
  'fewer-than': 'fewer than',
  'up-to': 'up to',
  about: 'about',
  'closer-to': 'closer to',
};

const ownWords = new WeakMap<Figure, string>();
/**
 * The words a fix puts before the verified figure: the article's own for an upper bound or an
 * estimate ("as much as", "closer to"), the qualifier's usual words otherwise.
 */
export function qualifierWords(f: Figure): string {
  if (f.qualifier !== 'up-to' && f.qualifier !== 'closer-to') return QUALIFIER_WORDS[f.qualifier];
  let w = ownWords.get(f);
  if (w === undefined) {
    const m = findMentions(f.text)[0];
    const said = m && m.qualEnd > m.qualStart ? f.text.slice(m.qualStart, m.qualEnd) : '';
    w = /^(?:up to|as (?:much|many|high) as|closer to)$/i.test(said) ? said.toLowerCase() : QUALIFIER_WORDS[f.qualifier];
    ownWords.set(f, w);
  }
  return w;
}

/** Does the draft's value and qualifier agree with the fact? */
export function agrees(m: Mention, f: Figure): boolean {
  const X = m.value;
  const V = f.value;
  const P = m.precision;
  if (f.kind === 'year' || m.kind === 'year') return eq(X, V);
  const sourceLower = f.qualifier === 'more-than' || f.qualifier === 'at-least';
  const sourceUpper = f.qualifier === 'fewer-than' || f.qualifier === 'up-to';
  const round = Math.abs(X - V) <= P / 2 + EPS * V;
  switch (m.qualifier) {
    case 'none':
      // An unqualified round figure is fine if it is the verified one correctly rounded.
      // Two significant digits at least: "1,200" may stand for 1,204, a bare "7,000" for 6,731 may not.
      return eq(X, V) || (P >= 100 && X / P >= 10 && eq(Math.round(V / P) * P, X) && !sourceLower && !sourceUpper);
    case 'lower':
      if (sourceUpper) return false;
      return eq(X, V) || (X < V && V - X < P);
    case 'upper':
      if (sourceLower) return false;
      return eq(X, V) || (X > V && X - V < P);
    case 'approx-below':
      if (sourceLower) return false;
      return eq(X, V) || (X > V && round);
    case 'approx':
      return eq(X, V) || round || withinBound(X, P, f);
  }
}

/**
 * An approximate figure `X` (to `P`, a finer step than the source figure's own) inside the source's
 * bound by no more than that step: "some five and a half hours" for "more than five hours",
 * "about 19,500" for "fewer than 20,000".
 */
export function withinBound(X: number, P: number, f: Figure): boolean {
  const V = f.value;
  // (Only a figure finer than the source's own: "five and a half" for "five", not "about six" nor "about 3%" for "up to 4%".)
  if (!(P < sourceStep(f) - EPS * V)) return false;
  if (f.qualifier === 'more-than' || f.qualifier === 'at-least') return X > V && X - V <= P + EPS * V;
  if (f.qualifier === 'fewer-than' || f.qualifier === 'up-to') return X < V && V - X <= P + EPS * V;
  return false;
}

const steps = new WeakMap<Figure, number>();
/** The place value of the last significant digit of a fact's figure as its text writes it ("five": 1, "20,000": 1,000). */
function sourceStep(f: Figure): number {
  let step = steps.get(f);
  if (step === undefined) {
    const own = findMentions(f.text).find((x) => Math.abs(x.value - f.value) <= EPS * Math.max(1, f.value));
    step = own?.precision ?? 0;
    steps.set(f, step);
  }
  return step;
}

/** The value agrees but the qualifier contradicts the source ("nearly 20,000" for more than 20,000). */
export function qualifierOnlyWrong(m: Mention, f: Figure): boolean {
  if (m.qualifier === 'none' || f.qualifier === 'exact' || f.qualifier === 'about' || f.qualifier === 'closer-to') return false;
  const round = Math.abs(m.value - f.value) <= m.precision / 2 + EPS * f.value;
  return round && !agrees(m, f);
}

/** The figure as it reads after the edits (for the fix title): "$4.2bn", "25%". */
function shownAfter(m: Mention, text: string, edits: Edit[]): string {
  // From after the qualifier, so the currency sign is kept: "$4.2bn".
  const s = Math.min(m.qualEnd > m.start ? m.qualEnd : m.start, ...edits.map((e) => e.start));
  const e = Math.max(m.end, ...edits.map((x) => x.end));
  let out = text.slice(s, e);
  for (const x of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, x.start - s) + x.text + out.slice(x.end - s);
  return out.replace(/\s+(?:US |U\.S\. )?(?:dollars|USD|euros?|EUR|pounds?|GBP)$/i, '').trim();
}

/**
 * A qualifier the verified value itself would make false: "more than", "under", "nearly" (not
 * "at least", "up to", which include it, nor a negated one: "not fewer than").
 */
export function strictBound(m: Mention, text: string): boolean {
  if (m.qualEnd <= m.qualStart || (m.qualifier !== 'lower' && m.qualifier !== 'upper' && m.qualifier !== 'approx-below')) return false;
  const said = text.slice(m.qualStart, m.qualEnd);
  if (m.qualifier !== 'approx-below' && /\b(?:least|most|up to|as (?:many|much|high) as|no (?:fewer|less|more) than|not more than)$/i.test(said)) return false;
  return !/\b(?:not|no)\s+$/i.test(text.slice(Math.max(0, m.qualStart - 4), m.qualStart));
}

/**
 * Is the verified value of a figure the draft writes in words due in digits: "an eight-week
 * review" for the article's 11 weeks (one to nine in words, 10 and over in digits, the newsroom
 * rule), where the article writes it in digits too?
 */
export function inDigits(m: Mention, V: number, f: Figure, text: string): boolean {
  // (Never to open a sentence: "Eight weeks is how long …" stays in words.)
  const opens = /(?:^|[.!?]["'”’)]*\s+|\n\s*)[*_]*$/.test(text.slice(Math.max(0, m.numStart - 8), m.numStart));
  return m.style.form === 'words' && !opens && m.value < 10 && V >= 10 && V < 1e6 && Number.isInteger(V) && /\d/.test(f.text);
}

/**
 * The fix of a wrong value, with the qualifier too when it would contradict the source once the
 * value is right ("fewer than 53,000" for more than 50,000 → "more than 50,000"): one edit, so a
 * fix never leaves a second one to make.
 */
export function render(m: Mention, f: Figure, text: string): { edits: Edit[]; shown: string; rounded?: boolean } | undefined {
  // A bound or "nearly" before an exact figure is only true of a round value: "nearly 2,000"
  // for 2,986 becomes "nearly 3,000" (the draft's precision), "more than 7,000" for 6,872
  // becomes "6,872" (no round value makes it true).
  if (f.qualifier === 'exact' && strictBound(m, text)) {
    const rounded = Math.round(f.value / m.precision) * m.precision;
    const honest = m.precision > 1 && !eq(rounded, f.value) && rounded > 0 && agrees({ ...m, value: rounded }, f);
    const r = renderEdits(m, honest ? { ...f, value: rounded } : f, text);
    if (!r) return undefined;
    if (honest) return { edits: r, shown: `${text.slice(m.qualStart, m.qualEnd)} ${shownAfter(m, text, r)}`, rounded: true };
    if (r.some((e) => e.start < m.qualEnd)) return { edits: r, shown: shownAfter(m, text, r) };
    // ("tops 90" for 87: the verb of the clause cannot go, and no value makes it true.)
    if (VERB_QUALIFIER.test(text.slice(m.qualStart, m.qualEnd))) return undefined;
    // One edit from the qualifier on: the qualifier goes, what stands between it and the number ("$") stays.
    const end = Math.max(...r.map((e) => e.end));
    let out = text.slice(m.qualEnd, end);
    for (const e of [...r].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start - m.qualEnd) + e.text + out.slice(e.end - m.qualEnd);
    const edits = [{ start: m.qualStart, end, text: out.trimStart() }];
    return { edits, shown: shownAfter(m, text, edits) };
  }
  const r = renderEdits(m, f, text);
  if (!r) return undefined;
  const edits = m.qualifier !== 'none' && m.qualEnd > m.qualStart && !agrees({ ...m, value: f.value }, f) && qualifierWords(f) && r.every((e) => e.start >= m.qualEnd)
    ? [{ start: m.qualStart, end: m.qualEnd, text: matchCase(text.slice(m.qualStart, m.qualEnd), qualifierWords(f)) }, ...r]
    : r;
  return { edits, shown: shownAfter(m, text, edits) };
}

function renderEdits(m: Mention, f: Figure, text: string): Edit[] | undefined {
  const model = text.slice(m.numStart, m.numEnd);
  const V = f.value;
  if (f.kind === 'share') {
    let s = renderShare(V, m.style, model);
    // A fraction of everyday prose ("a fifth", "two thirds") keeps the draft's form; any other
    // ("two fifths", or none for 37%) gives way to the verified text.
    if (m.style.form === 'fraction' && (!s || !/^(?:a|one)\b|\b(?:halves|thirds|quarters)$/i.test(s))) s = f.text;
    if (!s) return undefined;
    const out = matchCase(model, s);
    return [{ start: m.numStart, end: m.numEnd, text: out }];
  }
  if (m.style.form === 'year-words') {
    const out = matchCase(model, yearToWords(V));
    return [{ start: m.numStart, end: m.numEnd, text: out }];
  }
  const scale = m.style.scale;
  if (m.style.form === 'words') {
    if (f.kind === 'money' || V >= 1e6) {
      // Spelled-out amounts: mantissa in words with the fact's scale word.
      const s = [1e12, 1e9, 1e6].find((x) => V >= x) ?? 1;
      const mant = V / s;
      const words = Number.isInteger(mant) ? numberToWords(mant) : Number.isInteger(mant * 2) ? `${numberToWords(Math.floor(mant))} and a half` : undefined;
      if (!words) return undefined;
      const out = matchCase(model, s > 1 ? `${words} ${scaleWordFor(s, 'million')}` : words);
      return [{ start: m.numStart, end: m.numEnd, text: out }];
    }
    if (inDigits(m, V, f, text)) return [{ start: m.numStart, end: m.numEnd, text: V.toLocaleString('en-US') }];
    // British "one hundred and seventeen" unless the draft writes "one hundred seventeen"; a
    // comma after the scale word if the draft has one ("three thousand, one hundred …").
    let words = numberToWords(V, !/\bhundred (?!and\b)\p{L}/iu.test(model));
    if (/\b(?:thousand|million|billion),/i.test(model)) words = words.replace(/\b(thousand|million|billion) (?!and\b)/g, '$1, ');
    const out = matchCase(model, words);
    return [{ start: m.numStart, end: m.numEnd, text: out }];
  }
  const mant = V / scale;
  const nice = (x: number) => x >= 1 && Math.abs(Number(x.toFixed(3)) - x) < EPS * Math.max(1, x);
  if (scale > 1 || (f.kind === 'money' && V >= 1e6)) {
    const scales = [1e3, 1e6, 1e9, 1e12];
    // The scale word alone is wrong: "$4.2 million" for $4.2 billion.
    for (const s of scales) {
      if (s !== scale && eq(m.value / scale, V / s) && m.style.scaleWord) {
        const word = scaleWordFor(s, m.style.scaleWord);
        return [{ start: m.scaleStart, end: m.scaleEnd, text: word }];
      }
    }
    if (nice(mant) && mant < 1e6) {
      const out = renderDigits(mant, m.style);
      return [{ start: m.numStart, end: m.numEnd, text: out }];
    }
  }
  // Pence for pence: "12.4p" → "14.2p".
  if (scale < 1) return [{ start: m.numStart, end: m.numEnd, text: renderDigits(Number((V / scale).toFixed(6)), m.style) }];
  if (scale === 1 && !(f.kind === 'money' && V >= 1e6)) {
    const out = renderDigits(V, m.style);
    return [{ start: m.numStart, end: m.numEnd, text: out }];
  }
  return undefined;
}

