/**
 * Figures: receives the article's masked text, the cited sentences, the compiled entities, the
 * date spans and the quotes with speakers, and proposes every figure with its kind, value, text
 * and qualifier as the sentence reads it ("as much as", "over 25 years"), what it counts, whom
 * it is about, its context words, currency and reporter (a quote's speaker, the sentence's
 * attribution, else none). An age in commas after a name is that person's age.
 */
import type { CompiledSheet } from '../sheet/compile';
import { findMentions, isRangeEnd, type Mention } from '../mentions/numbers';
import type { Sentence } from '../text/sentences';
import type { Figure, Qualifier } from '../types';
import { words, lastWord, isVerbOfSaying, LINKING, AFTER_STOP } from './lexicon';
import { slug, type IdMaker } from './ids';
import type { Src, QuotedSpan } from './model';
import { speaksAt, trailing, lastPersonBefore, lastOrganisationBefore, subjectReporter, decidingSubject } from './speakers';
import { usually } from '../language/lexicon';
import { countsOf, FALLBACK_COUNTS, ageOf, aboutPerson, contextOf, clauseWords } from './figureContext';

const CURRENCIES: Record<string, string> = {
  $: 'USD', US$: 'USD', A$: 'AUD', C$: 'CAD', NZ$: 'NZD', HK$: 'HKD', S$: 'SGD',
  '£': 'GBP', '€': 'EUR', '¥': 'JPY', dollars: 'USD', 'us dollars': 'USD', usd: 'USD',
  euro: 'EUR', euros: 'EUR', eur: 'EUR', pound: 'GBP', pounds: 'GBP', gbp: 'GBP', p: 'GBP', pence: 'GBP',
};

function qualifierOf(m: Mention, text: string): Qualifier {
  const q = text.slice(m.qualStart, m.qualEnd).toLowerCase();
  if (m.qualifier === 'lower') return /least|no fewer|no less|\+/.test(q) || (m.qualStart === m.qualEnd && text[m.end - 1] === '+') ? 'at-least' : 'more-than';
  if (m.qualifier === 'approx' || m.qualifier === 'approx-below') return 'about';
  if (m.qualifier === 'upper') return 'fewer-than';
  return 'exact';
}

/** Units of time: "over 25 years" is a span of time, not "more than 25". */
const TIME_UNITS = words('years year months month days day weeks week hours hour decades decade minutes seconds nights night sessions');

/** Words after a fraction that keep it a share ("a third more", "a quarter of"). */
const FRACTION_GOES_ON = words('of more less fewer higher lower larger smaller bigger up down again as');

/**
 * The figure's wording and qualifier as the sentence reads it, or undefined for a figure that is
 * not one: "over 25 years" and "over €5 million fraud" are exact (a span of time, the amount of a
 * thing), "as much as $5 million" and "up to 40" are upper bounds, "60 and over" is at least 60,
 * "closer to 90" is about 90, and "a third defendant" is an ordinal, no share.
 */
function qualified(m: Mention, text: string, toks: Sentence['tokens'], to: number, sentenceStart: number): { text: string; qualifier: Qualifier } | undefined {
  const whole = text.slice(m.start, m.end).trim();
  const q = text.slice(m.qualStart, m.qualEnd).toLowerCase().trim();
  const next = toks[to];
  const nextPlain = !!next && /^[ \t]+$/.test(text.slice(m.end, next.start)) && /^\p{Ll}/u.test(next.text);
  if (m.kind === 'share' && /^(?:an? |one )?(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)$/i.test(whole) && nextPlain && !FRACTION_GOES_ON.has(next.norm) && !/(?:er|ly)$/.test(next.norm)) return undefined;
  const bare = text.slice(m.qualEnd, m.end).trim();
  if (q === 'over' && nextPlain && (TIME_UNITS.has(next.norm) || (m.kind === 'money' && !AFTER_STOP.has(next.norm) && !LINKING.has(next.norm) && !isVerbOfSaying(next.norm)))) return { text: bare, qualifier: 'exact' };
  if (m.qualStart === m.qualEnd) {
    const before = text.slice(Math.max(sentenceStart, m.start - 16), m.start);
    const upper = /(?:^|\s)(as (?:much|many|high|large|long) as|up to|at most|no more than)\s+$/i.exec(before);
    if (upper) return { text: text.slice(m.start - upper[0].length + upper[0].indexOf(upper[1]), m.end).trim(), qualifier: 'fewer-than' };
    const closer = /(?:^|\s)(closer to)\s+$/i.exec(before);
    if (closer) return { text: text.slice(m.start - closer[0].length + closer[0].indexOf(closer[1]), m.end).trim(), qualifier: 'about' };
    if (/^[ \t]+(?:and|or) (?:over|above|more|older)\b/i.test(text.slice(m.end, m.end + 14))) return { text: whole, qualifier: 'at-least' };
  }
  return { text: whole, qualifier: qualifierOf(m, text) };
}

export function findFigures(text: string, masked: string, srcs: Src[], sheet: CompiledSheet, dateSpans: [number, number][], nextId: IdMaker, quoted: QuotedSpan[]): Figure[] {
  const out: Figure[] = [];
  const articleWords = new Set(srcs.flatMap((s) => s.sentence.tokens.map((t) => t.norm)));
  // Each figure with its sentence; the day of a date is not a figure ("on 4 May"), the year of one is.
  const placed: { m: Mention; src: Src }[] = [];
  {
    let si = 0;
    for (const m of findMentions(masked)) {
      while (si < srcs.length && srcs[si].sentence.end <= m.numStart) si++;
      const src = srcs[si];
      if (!src || m.numStart < src.sentence.start) continue;
      if (m.kind !== 'year' && dateSpans.some(([s, e]) => m.numStart >= s && m.numEnd <= e)) continue;
      placed.push({ m, src });
    }
  }
  // Token spans [from, to) of every figure of each sentence (a word nearer another figure is not this one's).
  const spans = new Map<Src, number[]>();
  for (const { m, src } of placed) {
    const a = src.ctx.tokenAt(m.start);
    const list = spans.get(src) ?? [];
    list.push(a, Math.max(a + 1, src.ctx.tokenAt(m.end)));
    spans.set(src, list);
  }
  const spansOf = (src: Src) => spans.get(src) ?? [];
  let last: { src: Src; m: Mention; counts: string; kind: Mention['kind'] } | undefined;
  const headlined: Figure[] = [];
  const lastOfKind = new Map<Mention['kind'], NonNullable<typeof last>>();
  const offsets = new Map<Figure, number>();
  for (const { m, src } of placed) {
    const ctx = src.ctx;
    const from = ctx.tokenAt(m.start);
    const to = Math.max(from + 1, ctx.tokenAt(m.end));
    const toks = src.sentence.tokens;
    const read = qualified(m, text, toks, to, src.sentence.start);
    if (!read) continue;
    const ftext = read.text;
    if (!src.text.includes(ftext)) continue;
    let counts = countsOf(masked, toks, from, to, m);
    const prev = last && last.src === src ? last : undefined;
    // The sentence's previous figure of the same kind (a year may stand between: "12% in May 2020 and 8% …").
    const same = lastOfKind.get(m.kind)?.src === src ? lastOfKind.get(m.kind) : undefined;
    last = { src, m, counts, kind: m.kind };
    // The second end of a range counts what the first does ("aged 60 to 84", "0.48 to 0.75").
    if (prev && prev.kind === m.kind && /^\s*(?:to|-|–|and)\s*$/.test(masked.slice(prev.m.end, m.start)) && (FALLBACK_COUNTS.has(counts) || isRangeEnd(masked, prev.m))) counts = prev.counts;
    // "310 complaints, up from 120 a year earlier": what it is compared with counts the same thing.
    else if (prev && prev.kind === m.kind && /(?:^|[\s,])(?:up|down|rising|falling|rose|fell)\s+from\s*$/i.test(masked.slice(prev.m.end, m.start))) counts = prev.counts;
    // "the oldest was 91 and at least 212 had …": a count with no noun of its own counts the previous figure's.
    else if (prev && m.kind === 'count' && prev.kind === 'count' && FALLBACK_COUNTS.has(counts) && !FALLBACK_COUNTS.has(prev.counts)) counts = lastWord(prev.counts);
    // "Losses rose 12% in May and a further 8% in June": a share or sum with no words of its own, joined to the previous one.
    else if (same && m.kind !== 'count' && FALLBACK_COUNTS.has(counts) && !FALLBACK_COUNTS.has(same.counts) && /\b(?:and|or)\b/.test(masked.slice(same.m.end, m.start))) counts = same.counts;
    last.counts = counts;
    lastOfKind.set(m.kind, last);
    // "Ana Ruiz, 54, said": a person's age, no one's report.
    const age = ageOf(text, src, sheet, m, from);
    if (age) {
      out.push({ id: nextId(`age-${age.id}`), kind: 'count', value: m.value, text: ftext, qualifier: read.qualifier, counts: `age of ${age.name}`, context: ['age', 'aged', 'year-old', 'old'], source: src.text });
      continue;
    }
    // "The Aster, a 31-year-old ferry": an age, of the thing it stands before (what it counts, as in
    // "a 71-year-old man"), given by "year-old", no one's report.
    const aged = m.kind === 'count' ? /^-(?:year|month)s?-old\b(?:[ \t]+(\p{Ll}+))?/u.exec(masked.slice(m.end, m.end + 40)) : null;
    if (aged) {
      const noun = aged[1] && usually(aged[1]) !== 'i' && usually(aged[1]) !== 'o' ? aged[1] : undefined;
      out.push({ id: nextId(noun ? `age-${noun}` : 'age'), kind: 'count', value: m.value, text: ftext, qualifier: read.qualifier, counts: noun ?? 'age', context: ['age', 'aged', 'year-old', 'old', ...(noun ? [noun] : [])], source: src.text });
      continue;
    }
    // A figure inside a quote is its speaker's; a year is no one's report.
    const inQuote = quoted.find((q) => m.start >= q.start && m.end <= q.end);
    // "over the three days": a figure the article already gave, not one the speaker reports.
    const given = m.kind === 'count' && !inQuote && m.qualStart === m.qualEnd && from > 0 && /^(?:the|those|these)$/.test(toks[from - 1].norm);
    let reportedBy = m.kind === 'year' || given ? undefined : inQuote ? inQuote.speaker : trailing(masked, ctx, sheet, from);
    // The checker's reading of the clause, if that reporter is shown speaking in this sentence (not "sentenced Ruiz").
    if (!reportedBy && !inQuote && m.kind !== 'year' && !given) {
      const r = ctx.reporter(sheet, from, to);
      if (r && ctx.mentions(sheet).some((mm) => mm.id === r && speaksAt(text, src, mm))) reportedBy = r;
    }
    // "Ruiz’s office said …": the subject that opens a reporting sentence reports all of its figures.
    if (!reportedBy && !inQuote && m.kind !== 'year' && !given) reportedBy = subjectReporter(text, src, sheet, from);
    // "She said 12 …", "…, he said.": the person last shown speaking.
    const pronounLeads = /^(?:he|she|they)$/.test(toks[0]?.norm ?? '') && isVerbOfSaying(toks[1]?.norm);
    const pronounTrails = toks.length > 2 && /^(?:he|she|they)$/.test(toks[toks.length - 2].norm) && isVerbOfSaying(toks[toks.length - 1].norm) && toks.length - 2 > to && /,\s*$/.test(masked.slice(toks[toks.length - 3].end, toks[toks.length - 2].start));
    if (!reportedBy && !inQuote && m.kind !== 'year' && !given && (pronounLeads || pronounTrails)) reportedBy = lastPersonBefore(text, srcs, src.index, sheet);
    // "…, it said.": the organisation last shown speaking (its report's findings).
    const itTrails = toks.length > 2 && toks[toks.length - 2].norm === 'it' && isVerbOfSaying(toks[toks.length - 1].norm) && toks.length - 2 > to && /,\s*$/.test(masked.slice(toks[toks.length - 3].end, toks[toks.length - 2].start));
    if (!reportedBy && !inQuote && m.kind !== 'year' && !given && itTrails) reportedBy = lastOrganisationBefore(text, srcs, src.index, sheet);
    // "The court sentenced Ruiz to nine years for defrauding 300 investors": the figures of a body's decision or plan are its own.
    if (!reportedBy && !inQuote && !given) reportedBy = decidingSubject(text, src, sheet, from);
    const cur = m.currency.replace(/\./g, '');
    const currency = cur ? (CURRENCIES[cur] ?? CURRENCIES[cur.toLowerCase()]) : undefined;
    const base = m.kind === 'year' ? `year-${slug(counts.replace(/^year(?: of)?\s*/, ''), 3) || m.value}` : slug(counts, 3);
    const context = contextOf(counts, clauseWords(masked, src, from, to, spansOf(src), sheet, m.kind === 'year'), articleWords);
    // Whom the figure is about ("nine years for Ana Ruiz"): named in what it counts, where the checker reads it.
    const about = m.kind === 'year' ? undefined : aboutPerson(text, src, sheet, from, to, reportedBy);
    if (about) counts = `${counts} (${about})`;
    const fig: Figure = {
      id: nextId(reportedBy && m.kind !== 'year' ? `${base}-${reportedBy}` : base),
      kind: m.kind,
      value: m.value,
      text: ftext,
      qualifier: read.qualifier,
      counts,
      ...(reportedBy ? { reportedBy } : {}),
      context,
      ...(m.kind === 'money' && currency ? { currency } : {}),
      source: src.text,
    };
    out.push(fig);
    offsets.set(fig, m.start);
    if (src.headline) headlined.push(fig);
  }
  // "the over-60s", "under-25s": an age group is a lower or upper bound on age. The checker's figures
  // leave the form out (it reads like a decade), so it is proposed here, in its place in the article.
  for (const src of srcs) {
    const body = masked.slice(src.sentence.start, src.sentence.end);
    for (const g of body.matchAll(/(?<![\p{L}\p{N}-])(?:(?<=\bthe )(over|under) |(over|under)-)(\d{1,3})s(?![\p{L}\p{N}])/giu)) {
      const over = (g[1] ?? g[2]).toLowerCase() === 'over';
      const offset = src.sentence.start + g.index!;
      const fig: Figure = {
        id: nextId(`age-${over ? 'over' : 'under'}-${g[3]}s`),
        kind: 'count',
        value: Number(g[3]),
        text: g[3],
        qualifier: over ? 'more-than' : 'fewer-than',
        counts: `age (${g[0]})`,
        context: ['age', 'aged', over ? 'older' : 'younger', over ? 'over' : 'under'],
        source: src.text,
      };
      if (!src.text.includes(g[0])) continue;
      offsets.set(fig, offset);
      out.push(fig);
    }
  }
  out.sort((a, b) => offsets.get(a)! - offsets.get(b)!);
  // A headline's figure that the body gives again takes its reporter there ("… over €5 million fraud"
  // and "the court … for defrauding investors of €5 million"), where every such figure has the same one.
  for (const h of headlined) {
    if (h.reportedBy || h.kind === 'year') continue;
    const again = out.filter((f) => f.source !== h.source && f.kind === h.kind && f.value === h.value);
    const by = new Set(again.map((f) => f.reportedBy));
    const [only] = by;
    if (by.size === 1 && only) h.reportedBy = only;
  }
  return out;
}
