/**
 * The number check: ties each figure of the draft to a fact by what it counts and who reports
 * it, then compares values, allowing honest rounding under an approximate qualifier.
 */
import { isFunctionWord, usually } from '../language/lexicon';
import { NOUN_TO, placeIn, sameVoice, type CompiledSheet } from '../sheet/compile';
import { SentenceContext } from '../claims/context';
import { REPORTING, SOURCE_WORDS } from '../claims/speech';
import { accordingTo, bracketedAfter, verbAfter } from '../claims/reporter';
import { findMentions, isRangeEnd, type Mention } from '../mentions/numbers';
import { durationAt, isDurationTail, TIME_UNITS } from '../mentions/durations';
import { GLUED_UNIT } from '../mentions/figurePatterns';
import { swapped } from '../language/spelling';
import { checkDuration } from './durations';
import { checkRatioKind } from './ratioKinds';
import { unlistedKey } from '../sheet/sources';
import { NOT_COUNTED, countedWord, joinedUnitAfter } from '../mentions/counted';
import { agrees, eq, qualifierOnlyWrong, qualifierWords, render, strictBound } from './figureValues';
import { lemmaOf, lemmasOf } from '../language/lemma';
import { matchCase, phraseWords } from '../text/tokens';
import type { Confirmation, Figure, Finding } from '../types';
import { EPS, AGE_WORDS, ANCHORED_SPAN, CHANGE_GAP, type Candidate, isDifference, placedElsewhere, PRIOR, workedOut, ageOf, anchoredIn, changedFrom, currencyOf, priorIn, differenceIn, digitsOf, kindsMatch, numberFinding, fingerSlipOf, rangeFirstOf, rangePartnerOf, scaleSlipOf, wrongSource } from './figureEvidence';

/**
 * Checks one figure of the draft; pushes a finding or a confirmation. `others` holds the token
 * spans [from, to) of every figure of its sentence: a context word nearer another figure is not
 * this one's. `before` is the figure before it in its sentence, `earlier` the few before it.
 */
export function checkFigure(
  m: Mention,
  ctx: SentenceContext,
  sheet: CompiledSheet,
  text: string,
  findings: Finding[],
  confirmations: Confirmation[],
  others?: readonly number[],
  before?: Mention,
  after?: Mention,
  earlier: readonly Mention[] = [],
): void {
  // "2/" numbers a post in a thread; "12/25" is a date; "1/2" is written out elsewhere.
  if (text[m.numEnd] === '/' || text[m.start - 1] === '/') return;
  // "4  Trump signs …": a small number that opens a line and is set off by a tab or two spaces
  // numbers the line, as a list's "4." does.
  if (/^\d{1,2}$/.test(text.slice(m.numStart, m.numEnd)) && /(?:^|\n)[ \t]{0,8}$/.test(text.slice(Math.max(0, m.start - 9), m.start)) && /^(?:\t| {2,})\S/.test(text.slice(m.end, m.end + 4))) return;
  // "**Post 1:**", "Update 3." : a small number after a label word that opens a line numbers its item.
  // ("Killed 15:" is a count: a participle is no item's name.)
  const label = /(?:^|\n)[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(\p{Lu}\p{Ll}+)[ \t]+$/u.exec(text.slice(Math.max(0, m.start - 24), m.start));
  if (label && /^\d{1,2}$/.test(text.slice(m.numStart, m.numEnd)) && m.qualStart === m.qualEnd && /^(?:\*\*|__)?[:.)]/.test(text.slice(m.end, m.end + 3)) && !/ed$/.test(label[1])) return;
  // "a third round of talks" is an ordinal, not a share: fractions stand before "of" or alone.
  // "Half" is no ordinal: "cut strokes by almost half in over-60s".
  if (m.kind === 'share' && m.style.form === 'fraction' && !/half|halves/i.test(text.slice(m.numStart, m.numEnd)) && !/^\s*(?:of\b|the\b|[.,;:!?)\]—–-]|$)/.test(text.slice(m.numEnd, m.numEnd + 6))) return;
  // "a 40% lower risk than …", "up 2.1 points": a relative risk, change or points, where the sheet
  // has such figures (before the differences below: "40% lower … than" is a relative change).
  // (The ends of a range with one end verified are that range's: "0.64 to 0.84" of an interval is no ratio.)
  const ofRange = (a: Mention, b: Mention) => b.start - a.end < 8 && !!(rangePartnerOf(a, b, sheet) || rangeFirstOf(a, b, sheet));
  const verifiedEnds = isRangeEnd(text, m) && ((!!before && ofRange(before, m)) || (!!after && ofRange(m, after)));
  if (sheet.ratioFacts.length && !verifiedEnds && checkRatioKind(m, ctx, sheet, text, findings, confirmations)) return;
  // "a quarter of a percentage point", "a half-point rise": a fraction of a point is a change, no share.
  if (m.kind === 'share' && m.style.form === 'fraction' && /^(?:\s+of\s+an?|[\s-])\s*(?:percentage[\s-]+)?points?\b/i.test(text.slice(m.numEnd, m.numEnd + 32))) return;
  // "+18", "−8": a signed figure is a change, which only a sheet's changes (read above) can be.
  // (In prose, "won +72 seats", the sign is emphasis: only a cell, an aligned column, a line's
  // start, a bracket or a comma's aside ("27 seats, +5 on 2019") holds a change.)
  if (/(?:^|\n|\||\t| {2}|\(|,)[ \t]*[+\u2212-]$/.test(text.slice(Math.max(0, m.numStart - 4), m.numStart)) && m.qualStart === m.qualEnd) return;
  // "closer to 520 jobs, not 410": a figure set aside for another is checked only as that other's.
  if (/(?:,\s*not|\brather than|\binstead of)[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/i.test(text.slice(Math.max(0, m.qualStart - 20), m.qualStart)) && sheet.figures.some((f) => kindsMatch(m, f) && agrees(m, f))) return;
  // "3,750 more deaths than the official tally", "131 short of": a difference between two
  // figures, never one of them. It is left alone (confirmed when two of the story's figures of one
  // kind differ by it).
  // (Where the sheet states such a difference itself, a figure in its place is compared with it,
  // and only with a difference: "26 more seats than in 2019" is no count of seats.)
  const difference = isDifference(text.slice(m.end, m.end + 60));
  if (difference && !sheet.figures.some((f) => kindsMatch(m, f) && differenceIn(f))) {
    const pair = sheet.figures.find((a) => a.kind === m.kind && sheet.figures.some((b) => b !== a && b.kind === a.kind && b.value < a.value && agrees({ ...m }, { ...a, value: a.value - b.value, qualifier: 'exact' })));
    if (pair) confirmations.push({ start: m.start, end: m.end, factId: pair.id });
    return;
  }
  // "the branch says 14 knots and the operator 9, a gap of five": the difference or the sum of two
  // figures of its kind before it in its sentence, in an apposition, is the draft's own arithmetic, left alone
  // (unless a fact of the sheet agrees with it, which reads it as usual).
  // (Only in a noun phrase set off after them that says it is such a figure: "…, a gap of five",
  // "…, a total of 23"; "with eleven abstentions" after "41 votes to 30" is the sheet's own count, misstated.)
  if (workedOut(m, earlier) && WORKED_OUT_AFTER.test(text.slice(Math.max(0, m.qualStart - 40), m.qualStart)) && !sheet.figures.some((f) => kindsMatch(m, f) && agrees(m, f))) return;
  // "seven years and six months": one duration, read from its first figure, where the sheet has durations.
  if (sheet.durationFacts.length) {
    if (isDurationTail(text, m)) return;
    const d = durationAt(text, m);
    if (d && checkDuration(m, d, ctx, sheet, text, findings, confirmations)) return;
  }
  // "for more than five years from March 2016": the span of a dated period, not a figure of the
  // sheet unless one of its figures is itself a span from a date.
  if (ANCHORED_SPAN.test(text.slice(m.end, m.end + 40)) && !sheet.figures.some((f) => anchoredIn(f))) return;
  // Distances are measured from the number itself, not its qualifier ("at least").
  const from = ctx.tokenAt(m.numStart);
  const to = Math.max(from + 1, ctx.tokenAt(m.end));
  // In a table, the column header and the row label say what a cell counts, and a header may
  // name who reports it ("| Operator (KVR) |").
  // A unit written onto the figure ("14km", "112mm", "21C") says what it measures as one after a space does.
  const glued = m.end === m.numEnd ? GLUED_UNIT.exec(text.slice(m.numEnd, m.numEnd + 4))?.[0] : undefined;
  const labels = [ctx.headerOf(m.start), ctx.rowLabelOf(m.start), glued].filter((x): x is string => !!x).map((x) => ` ${lemmasOf(phraseWords(x)).join(' ')} `);
  // (A source its column header names outweighs one named in another cell of the row: "| Firefighters | 412 | up to 600 |" under "| | Fire Service | Emergency Agency |".)
  let reporter = ctx.reporter(sheet, from, to);
  const column = ctx.headerReporter(sheet, m.start);
  if (column && (!reporter || !ctx.inCellOf(m.start, ctx.reporterAt))) {
    reporter = column;
    ctx.reporterAt = undefined;
  }
  // "reckons Carrock holds about 15%", "the buyer will take on the £12 million": a subject
  // shown doing something other than reporting may be whom the figure is about, or what it does;
  // a fact about it, or of the figure's own value, reported by another is not contradicted.
  const at = ctx.reporterAt;
  /** Whether the description names entity `id` ("Carrock's share of the market, according to Prys"). */
  const names = (description: string, id: string) => {
    const e = sheet.entities.get(id);
    const words = ` ${phraseWords(description).join(' ')} `;
    return !!e && [e.name, ...(e.aliases ?? [])].some((n) => words.includes(` ${phraseWords(n).join(' ')} `));
  };
  const shownReporting = !at || shownAsSource(ctx, at.at, at.len, from, to);
  /** Whether entity `id`, the agent after "by" of a verb other than one of reporting, is named in fact `f`'s own sentence and reports none of its figures. */
  const actorOf = (f: Figure, id: string) => {
    const toks = ctx.sentence.tokens;
    const by = at ? at.at - (toks[at.at - 1]?.norm === 'the' ? 2 : 1) : -1;
    return by > 0 && toks[by].norm === 'by' && !REPORTING.has(toks[by - 1].norm) && names(f.source, id) && !sheet.figures.some((g) => g.source === f.source && g.reportedBy === id);
  };
  // A person's age in apposition can only be one of the sheet's ages (a figure given by "age" or "aged").
  const age = ageOf(m, text, ctx, sheet, from);
  // "€40m" for the lender's $40m: the verified amount in another currency is no conversion (that
  // would change the number) but the wrong currency, where the clause or its source ties it there.
  if (m.kind === 'money' && currencyOf(m.currency) && !sheet.figures.some((f) => f.kind === 'money' && kindsMatch(m, f) && agrees(m, f))) {
    const f = sheet.figures.find((g) => g.kind === 'money' && !!g.currency && g.currency !== currencyOf(m.currency) && eq(m.value, g.value) && ((!!reporter && !!g.reportedBy && sameVoice(sheet, g.reportedBy, reporter)) || ctx.phraseWeight(sheet.figureContext.get(g.id)!, from, to, others, sheet.contextWords) >= 0.3));
    // The verified text's own mark and figure, past its qualifier ("about $25m": "$", "$25m").
    const own = f && findMentions(f.text)[0];
    const mark = own ? f.text.slice(own.qualEnd, own.numStart).trim() : '';
    if (f && own && mark) {
      // The mark before the number is swapped ("about €25m"); a figure with its currency after
      // the number ("25 million euros") is rewritten as the verified figure, after its qualifier.
      const lead = (a: number, b: number) => a + /^\s*/.exec(text.slice(a, b))![0].length;
      const before = /\S/.test(text.slice(m.qualEnd, m.numStart));
      const edit = before ? { start: lead(m.qualEnd, m.numStart), end: m.numStart, text: mark } : { start: lead(m.qualEnd, m.end), end: m.end, text: f.text.slice(own.qualEnd).trim() };
      findings.push(numberFinding(m, f, `Draft says ${text.slice(m.start, m.end)} for ${f.counts}; verified: ${f.text} (${f.currency}, not ${currencyOf(m.currency)})`, [{ title: `Replace with ${f.text} (verified)`, edits: [edit] }]));
      return;
    }
  }
  let cands: Candidate[] = [];
  // "a three-point lead", "a 12-seat majority": the unit joined to a count by a hyphen is what it
  // counts; only a fact that says that unit itself ("three points") can be the one.
  // (So is one written onto it, "14km", "112mm": "flat 4C" and "5kg of belongings" are no count of the sheet's.)
  const joinedUnit = m.kind === 'count' && !age ? (joinedUnitAfter(text, m.end) ?? glued) : undefined;
  // "at least five raiders" is no count of minutes: a count of a unit of time and one of anything
  // else, each as the noun after its figure says, are not the same fact.
  const counted = m.kind === 'count' ? countedNoun(text, m.end) : undefined;
  for (const f of sheet.figures) {
    if (!kindsMatch(m, f) || (difference && !differenceIn(f))) continue;
    const terms = sheet.figureTerms.get(f.id)!;
    if (joinedUnit && !terms.has(lemmaOf(joinedUnit)) && !(joinedUnit === glued && [...terms].some((w) => abbreviates(joinedUnit, w)))) continue;
    const own = counted ? countedIn(f) : undefined;
    if (counted && own && isTimeUnit(own) !== isTimeUnit(counted)) continue;
    // (A year is tied by what happened then: a preposition of its context, "since", says nothing.
    // Of any other figure, a preposition says something only where it governs it: "from four",
    // "to two", not the "to" after "Four" in "Four to two".)
    const { content: phrases, function: prepositions } = phrasesOf(f, sheet);
    // An age's fact is one in its own sentence, or gives it by "age", "aged" or "-year-old" in its context or description.
    if (age && !sheet.ages.has(f.id) && ![...AGE_WORDS].some((w) => terms.has(w))) continue;
    let counts = age === 'named' ? 1 : ctx.phraseWeight(phrases, from, to, others, sheet.contextWords);
    if (m.kind !== 'year' && age !== 'named') {
      // (Weak evidence, that ties a figure nothing else does: "from 5%" is a value before a change
      // of any of the story's things, and no more the benchmark rate's for its fact's "from".)
      for (const p of prepositions) if (governs(ctx.lemmas, p, ctx.tokenAt(m.qualStart)) || standsAlone(ctx, p, to)) counts = Math.max(counts, Math.min(FUNCTION_WORD_WEIGHT, ctx.phraseWeight([p], from, to, others, sheet.contextWords)));
    }
    if (labels.some((l) => phrases.some((p) => p.length && l.includes(` ${p.join(' ')} `)))) counts = Math.max(counts, 0.8);
    const reporterMatch = !!reporter && !!f.reportedBy && sameVoice(sheet, f.reportedBy, reporter);
    // (Nor is the verified value given "by X" where the fact's own sentence names X but gives it no
    // figure: "$15 million, demanded by the hackers" restates "… said the hackers had demanded
    // $15 million"; X did what the figure tells, the fact's reporter told it.)
    const contradicted = !!reporter && !!f.reportedBy && !reporterMatch && (shownReporting || (!names(f.counts, reporter) && !agrees(m, f))) && !(agrees(m, f) && actorOf(f, reporter));
    cands.push({ fact: f, counts, contradicted, reporterMatch, about: 0 });
  }
  // The second end of a range whose first end is a verified range's first end is that range's
  // second end ("0.48 to 0.57" for the interval 0.48 to 0.75), whatever its own context says.
  const rangeEnd = isRangeEnd(text, m);
  // (The figure right before the second end of a range, "0.48 to 0.57", is its first end.)
  // ("by 41 votes to 30": so is the figure after the noun the one before counts and "to".)
  const pairedTo = !!before && NOUN_TO.test(text.slice(before.end, m.qualStart));
  const partner = before && ((rangeEnd && m.start - before.end < 8) || pairedTo) ? rangePartnerOf(before, m, sheet) : undefined;
  // And back: the first end of a range whose second end is a verified range's second end is that
  // range's first end ("between £1.8bn and £2.05bn" for between £1.9bn and £2.05bn).
  const firstOf = !partner && after && rangeEnd && after.start - m.end < 8 ? rangeFirstOf(m, after, sheet) : undefined;
  if (partner || firstOf) {
    cands = cands.filter((c) => c.fact === (partner ?? firstOf));
    for (const c of cands) c.counts = Math.max(c.counts, 1);
  }
  // Whom the figure is about, read from the people and bodies its clause names.
  const named = ctx.namedInClause(sheet, from);
  // "Iran's trade with Turkey was $15 billion": a clause that leaves out a place the fact is of
  // ("Iran–China trade") and names another place, or a name the story never uses, is of that.
  let related: { places: Set<string>; stranger: boolean } | undefined;
  const elsewhere = (f: Figure) => {
    const places = sheet.figurePlaces.get(f.id)!;
    if (!places.length || places.every((id) => named?.has(id))) return false;
    related ??= ctx.relatedPlaces(sheet, from, text);
    return related.stranger || [...related.places].some((id) => !places.includes(id));
  };
  cands = cands.filter((c) => !elsewhere(c.fact));
  // "80% of the crop was lost" in a story of this year's drought: a fact whose own words date it to
  // a year ("lost in the 1976 drought") is not the one where the sentence names no such year and
  // another fact, undated, fits as well.
  if (m.kind !== 'year') {
    const unnamedYear = (f: Figure) => (sheet.figureYears.get(f.id) ?? []).some((y) => !ctx.sentence.text.includes(y));
    // (Only one the figure agrees with: "about 210,000 customers" in "a previous breach" is a slip of that breach's 120,000.)
    /** Drops the candidates the figure agrees with that are `aside`, where another, not aside and `better`, fits as well. */
    const giveWay = (aside: (f: Figure) => boolean, better: (o: Candidate) => boolean) => {
      const set = cands.filter((c) => aside(c.fact) && agrees(m, c.fact));
      if (set.length) cands = cands.filter((c) => !set.includes(c) || !cands.some((o) => !set.includes(o) && better(o) && o.counts >= c.counts && o.counts > 0));
    };
    giveWay(unnamedYear, () => true);
    // "Repairs will cost €19 million, the agency said", where €19 million is the cost of a repair
    // at another place: a fact of places the sentence does not name, that no one reports, gives
    // way where the figure agrees with it to one the clause's reporter gives, that fits as well.
    giveWay((f) => placedElsewhere(f, ctx, sheet), (o) => o.reporterMatch);
  }
  if (named?.size) {
    const aboutNamed = (c: Candidate) => sheet.figureAbout.get(c.fact.id)!.some((id) => named.has(id));
    const someoneNamed = cands.some(aboutNamed);
    for (const c of cands) if (sheet.figureAbout.get(c.fact.id)!.length) c.about = aboutNamed(c) ? 1 : someoneNamed ? -1 : 0;
  }
  // "runs the school and eight others": a count of others beside the one named is one short of
  // the total; it agrees with a total it ties to, and is no one's figure otherwise.
  if (m.kind === 'count' && /^\s+others?\b/.test(text.slice(m.end, m.end + 10)) && /\band\s+$/.test(text.slice(Math.max(0, m.start - 6), m.start))) {
    const tiedTotals = cands.filter((c) => !c.contradicted && c.counts >= 0.3);
    const total = tiedTotals.find((c) => agrees({ ...m, value: m.value + 1 }, c.fact));
    if (total) confirmations.push({ start: m.start, end: m.end, factId: total.fact.id });
    // One total it ties to, that it misses: flagged (no fix: the draft's count is of the others).
    else if (tiedTotals.length === 1 && Number.isInteger(tiedTotals[0].fact.value)) {
      const f = tiedTotals[0].fact;
      findings.push(numberFinding(m, f, `Draft says ${text.slice(m.start, m.end)} others (${m.value + 1} in all) for ${f.counts}; verified: ${f.text} in all (${f.value - 1} others)`, []));
    }
    return;
  }
  // An age is the named person's own: another person's age is not a slip for it.
  if (age) cands = cands.filter((c) => c.about === 1 || !sheet.figureAbout.get(c.fact.id)!.length);
  if (!cands.length) return;
  // "5.5% (was 6%)", "from 2.6% in May": a value before a change is one of the facts the
  // article gives as such before any other.
  // ("Four to two", "44 crew to 36": a value followed by a lower one after "to" is one before a fall.)
  const toNext = /^[ \t\u00a0]+(?:\p{Ll}+[ \t\u00a0]+)?to[ \t\u00a0]+/u.exec(text.slice(m.end, m.end + 30));
  const next = toNext ? findMentions(text.slice(m.end + toNext[0].length, m.end + toNext[0].length + 30))[0] : undefined;
  const prior = PRIOR.test(text.slice(Math.max(0, m.qualStart - 20), m.qualStart)) || (!!next && next.start === 0 && next.kind === m.kind && next.value < m.value);
  // "to 1.2%, from 2.6%": the value before a change is of the thing its new value is; a fact that
  // was the value before the new one's fact is its likeliest.
  const changed = prior && before && CHANGE_GAP.test(text.slice(before.end, m.qualStart)) ? before : undefined;
  // (Where the sheet has such values, a fact of a value after a change is the less likely.)
  const priors = prior && cands.some((c) => priorIn(c.fact));
  const priorScore = (f: Figure) => {
    if (!priors) return 0;
    if (!priorIn(f)) return -0.3;
    const next = changed && changedFrom(sheet.figures, f);
    return next && kindsMatch(changed!, next) && agrees(changed!, next) ? 0.8 : 0.4;
  };
  const score = (c: Candidate) => c.counts + (c.reporterMatch ? 0.5 : 0) + 0.3 * c.about + priorScore(c.fact);
  // The first best-scoring candidate not contradicted, and the strongest evidence: one pass, no
  // sorted copies (this runs for every figure of the draft).
  let best: Candidate | undefined;
  let strongest = 0;
  let strongestScore = 0;
  for (const c of cands) {
    if (c.contradicted) continue;
    if (!best || score(c) > score(best)) best = c;
    if (c.counts > strongest) strongest = c.counts;
    if (score(c) > strongestScore) strongestScore = score(c);
  }

  // "7.5 years" for a sentence of seven years and six months: the whole duration, in one figure.
  const unitAfter = /^\s*(year|hour)s?\b/.exec(text.slice(m.end, m.end + 8))?.[1];
  const duration = m.kind === 'count' && (!Number.isInteger(m.value) || m.qualifier !== 'none') && unitAfter ? sheet.durations.find((d) => d.unit === `${unitAfter}s` && Math.abs(d.total - m.value) <= m.precision / 2 + EPS && cands.some((c) => c.fact.id === d.first && c.counts > 0)) : undefined;
  if (duration) {
    confirmations.push({ start: m.start, end: m.end, factId: duration.first });
    return;
  }
  // Agrees with a fact it can refer to: confirm it.
  const agreeing = cands.filter((c) => !c.contradicted && agrees(m, c.fact));
  // ...unless the evidence points clearly at another fact: what the sentence says is counted
  // ("1,204 names"), or whom it is about ("nine years for Vandaele" is not Brekalo's nine).
  // The value itself is evidence when it is exact and distinctive: three significant digits
  // ("€31.2 million", "6,872"), or two with a decimal point ("4.5%").
  const significant = digitsOf(m.value).replace(/^0+|0+$/g, '').length;
  const distinctive = significant >= 3 || (significant >= 2 && m.style.decimals > 0);
  // "a trial of 4,268 people" for the 4,286 patients: two digits of a figure of three significant
  // digits or more swapped is a slip of the one fact it swaps with, where the clause says a word
  // of that fact's own ("trial"), whatever its context words (and it outranks another's context).
  // (Not a value before a change, "rose to $32.5bn from $23.5bn": that one is another year's.)
  const transposed = (f: Figure) => !prior && significant >= 3 && digitsOf(m.value).length === digitsOf(f.value).length && swapped(digitsOf(m.value), digitsOf(f.value));
  const valueWeight = (c: Candidate) => (distinctive && eq(m.value, c.fact.value) ? 0.4 : 0);
  const outweighed = (c: Candidate) => score(c) + valueWeight(c) < strongestScore - 0.3 && ((strongest >= 0.5 && c.counts < strongest - 0.3) || c.about < 0);
  // (A fact of the figure's own value is evidence enough against one its reporter alone ties it to.)
  // (Nor one about the person its clause names: "Delacroix-Moss finished on just over 14,500", his
  // 14,544 votes, though "finished" is the word of another candidate's count.)
  const ok = agreeing.find((c) => (c.counts > 0 || c.reporterMatch || c.about > 0 || !best || score(best) < 0.45 || best === c || (best.counts === 0 && best.about <= 0)) && (!outweighed(c) || (prior && priorIn(c.fact))));
  if (ok && m.style.malformed) {
    // The right value with its separator out of place ("68,72"): restore the verified grouping.
    const fix = render(m, ok.fact, text);
    findings.push(numberFinding(m, ok.fact, `Draft writes ${text.slice(m.numStart, m.numEnd)} for ${ok.fact.counts}; verified: ${ok.fact.text}`, fix ? [{ title: `Replace with ${fix.shown} (verified)`, edits: fix.edits }] : []));
    return;
  }
  // "more than 400" where the article says "about 400" (or exactly 400): a strict bound
  // at the verified value itself says what the source does not; the fix gives its own words.
  // (A comparison, "more than", "fewer than": "over" and "under" may be prepositions, "jailed
  // over a £2 million fraud", "over 12 days of hearings".)
  const said = text.slice(m.qualStart, m.qualEnd);
  // (Not a comparison with a figure before it in the clause: "3,117 deaths, fewer than 6,872 verified by …".)
  const compared = !!before && /^[^.;:!?]{0,40}$/.test(text.slice(before.end, m.qualStart));
  if (ok && !compared && eq(m.value, ok.fact.value) && (m.qualifier === 'lower' || m.qualifier === 'upper') && (ok.fact.qualifier === 'exact' || ok.fact.qualifier === 'about' || ok.fact.qualifier === 'closer-to') && /\bthan$/i.test(said) && strictBound(m, text)) {
    const q = qualifierWords(ok.fact);
    const edit = q ? { start: m.qualStart, end: m.qualEnd, text: matchCase(said, q) } : { start: m.qualStart, end: m.qualEnd + /^\s*/.exec(text.slice(m.qualEnd))![0].length, text: '' };
    findings.push(numberFinding(m, ok.fact, `Draft says ${text.slice(m.start, m.end)} for ${ok.fact.counts}; verified: ${ok.fact.text}`, [{ title: q ? `Replace with ${edit.text} (verified: ${ok.fact.text})` : `Remove “${said}” (verified: ${ok.fact.text})`, edits: [edit] }]));
    return;
  }
  if (ok) {
    confirmations.push({ start: m.start, end: m.end, factId: ok.fact.id });
    return;
  }
  // "353 people on board" for 312 passengers and 41 crew: the total of two counts of one sentence,
  // where the draft's clause ties to one of them.
  const tiedPart = (x: { of: [Figure, Figure] }) => cands.find((c) => x.of.includes(c.fact) && c.counts > 0);
  const total = m.kind === 'count' ? sheet.sums.find((x) => agrees(m, { ...x.of[0], value: x.value }) && tiedPart(x)) : undefined;
  if (total) {
    confirmations.push({ start: m.start, end: m.end, factId: tiedPart(total)!.fact.id });
    return;
  }
  // "Of those, 410 are at the plant, leaving 230 in offices": the rest of a verified count once the
  // sentence's figure before it is taken away, a difference the draft works out, not a slip.
  if (m.kind === 'count' && before && before.kind === 'count' && ctx.sentence.start <= before.start && Number.isInteger(m.value) && REMAINDER.test(text.slice(before.end, m.start))) {
    const part = sheet.figures.find((f) => f.kind === 'count' && f.qualifier === 'exact' && eq(before.value, f.value));
    const whole = part && sheet.figures.find((f) => f !== part && f.kind === 'count' && f.qualifier === 'exact' && eq(f.value - part.value, m.value) && (f.reportedBy ?? '') === (part.reportedBy ?? ''));
    if (whole) {
      confirmations.push({ start: m.start, end: m.end, factId: whole.id });
      return;
    }
  }
  // Otherwise, which fact does it stand for? Context must say so (what it counts), or its
  // reporter must, with a digit slip or another source's figure for the same kind of thing.
  const moved = cands.find((x) => x.contradicted && agrees(m, x.fact));
  /** The stems of the figure's table row and of the words of its clause, less those naming a source ("Iranian authorities"); read once, when asked. */
  let near: Set<string> | undefined;
  const nearWords = () => {
    if (near) return near;
    near = new Set(labels.flatMap((l) => l.trim().split(' ')));
    const named = new Set(ctx.mentions(sheet).flatMap((x) => Array.from({ length: x.len }, (_, k) => x.at + k)));
    ctx.lemmas.forEach((w, i) => {
      if ((i < from || i >= to) && !named.has(i) && ctx.weight(i, from) >= 0.3) near!.add(w);
    });
    return near;
  };
  /** How many words of the figure's clause or table row are words of fact `a`'s own and not of `b`'s. */
  const ownWords = (a: Figure, b: Figure) => {
    const mine = sheet.figureWords.get(a.id)!;
    const theirs = sheet.figureWords.get(b.id)!;
    let n = 0;
    for (const w of nearWords()) if (mine.has(w) && !theirs.has(w)) n++;
    return n;
  };
  const sameThing = (c: Candidate) => !!moved && c.fact.context.some((w) => moved.fact.context.includes(w));
  // The two highest ranked, ties in the sheet's order (as a stable sort would leave them).
  let top: { c: Candidate; s: number } | undefined;
  let second: { c: Candidate; s: number } | undefined;
  // An end of a range ("aged 60 to 84", "0.48 to 0.57") can only be a slip for a fact that is
  // itself an end of a range: the other end of "60 to 84" is not the trial's 12,480 patients.
  // The first end of a range of the draft is a slip for a first end before a second one, and back.
  const firstEnd = rangeEnd && /^\s*(?:to|-|–|—|and)\s*[$£€]?\d/.test(text.slice(m.end, m.end + 12));
  const wrongEnd = (f: Figure) => rangeEnd && (firstEnd ? sheet.rangeHighs.has(f) : sheet.rangePartners.has(f));
  // Whom the clause names rules out the figures of others as the one a figure is a slip for
  // ("The Farmers and Workers Party … fell from 30 seats to 21" is no slip for the League's 27).
  const someoneNamed = cands.some((x) => x.about === 1);
  const ranked: { c: Candidate; s: number }[] = [];
  for (const x of cands) {
    if (x.contradicted || (rangeEnd && !sheet.rangeEnds.has(x.fact)) || wrongEnd(x.fact) || (someoneNamed && x.about < 0)) continue;
    // The value is evidence: a slip of the finger for a fact's figure, or its figure under a contradicting qualifier.
    // A decimal for a decimal: "2.5" is a slip for 5.2 before it is one for 5.
    const sameForm = m.kind === 'count' && m.style.decimals > 0 === !Number.isInteger(x.fact.value) ? 0.1 : 0;
    const slip = fingerSlipOf(m, x.fact) || scaleSlipOf(m.value, x.fact.value);
    // (Its digits whole under another scale, "£2.47 million" for £2.47 billion, weigh as two swapped do.)
    const rescaled = significant >= 3 && scaleSlipOf(m.value, x.fact.value);
    const r = { c: x, s: score(x) + (transposed(x.fact) || rescaled ? 1 : slip || qualifierOnlyWrong(m, x.fact) ? 0.4 + sameForm : 0) + (sameThing(x) ? 0.3 : 0) };
    ranked.push(r);
    if (!top || r.s > top.s) {
      second = top;
      top = r;
    } else if (!second || r.s > second.s) second = r;
  }
  // Level on the strongest evidence ("three of the eight members of its monetary policy
  // committee": members of the committee, of the chamber, the dissenters), the fact more of whose
  // words the clause says is the one (committee and members).
  // (Not where some fact of the sheet has the figure's value: it may be that one, outweighed.)
  if (top && second && second.s > top.s - 0.05 && !sheet.figures.some((f) => kindsMatch(m, f) && agrees(m, f))) {
    const level = ranked.filter((r) => r.s > top!.s - 0.05);
    const hits = (f: Figure) => sheet.figureContext.get(f.id)!.filter((p) => ctx.phraseWeight([p], from, to, others, sheet.contextWords) >= 0.3).length;
    const counted = level.map((r) => ({ r, n: hits(r.c.fact) })).sort((a, b) => b.n - a.n);
    if (counted[0].n > counted[1].n) {
      // The one with most words is the one; the runner-up is whichever of the rest scores
      // highest, only if it outscores it (a level one is no longer a tie).
      const chosen = counted[0].r;
      const rest = ranked.filter((r) => r !== chosen).sort((a, b) => b.s - a.s)[0];
      top = chosen;
      second = rest && rest.s > chosen.s ? rest : undefined;
    }
  }
  // Level with a fact of the same value (the article gives one price twice), the one its clause
  // says more of stands for both.
  if (top && second && second.s > top.s - 0.05 && second.c.fact.value === top.c.fact.value && second.c.counts > top.c.counts) [top, second] = [second, top];
  const c = top?.c;
  // The fact the evidence ranks first is one the figure is true of ("fallen to just over 81%" for
  // 81.3%, tied by the change it reports rather than a context word): it is that fact, no slip of it.
  if (c && agreeing.includes(c)) {
    confirmations.push({ start: m.start, end: m.end, factId: c.fact.id });
    return;
  }
  // (A noun of the fact's own words, "trial", not "said" or "that" — wink-lexicon; among the
  // clause's words near the figure, a dozen on each side: a run-on sentence stays linear.)
  const saysOwnWord = (f: Figure) => {
    const own = sheet.figureWords.get(f.id)!;
    for (let k = Math.max(0, from - 12); k < Math.min(ctx.lemmas.length, to + 12); k++) if ((k < from || k >= to) && own.has(ctx.lemmas[k]) && usually(ctx.lemmas[k]) === 'n' && ctx.weight(k, from) >= 0.3) return true;
    return false;
  };
  const transposedOf = (f: Figure) => transposed(f) && !ranked.some((r) => r.c.fact !== f && transposed(r.c.fact)) && saysOwnWord(f);
  const tied =
    !!c &&
    // (The reporter and a slip of a digit tie a figure to nothing else said of it only in a longer
    // figure: any one-digit figure is one change from any other; a share of 4% is one digit, not "004".)
    // (A value before a change ties to a fact of one by a slip of its digits, or by its new value.)
    (c.counts >= 0.3 || priorScore(c.fact) >= 0.8 || (priorScore(c.fact) > 0 && fingerSlipOf(m, c.fact)) || (c.reporterMatch && ((fingerSlipOf(m, c.fact) && digitsOf(m.value).replace(/^0+/, '').length >= 2) || sameThing(c))) || (c.fact.kind !== 'count' && c.counts >= 0.15) || transposedOf(c.fact));
  if (!tied) {
    // Another source's figure, and the named source has none like it: the attribution is wrong.
    if (moved && moved.counts >= 0.3 && reporter) wrongSource(m, moved.fact, reporter, ctx, sheet, text, findings);
    return;
  }
  // "5000 rows", "14 vessels": the noun right after a count says what it counts; if that is
  // none of the sheet's things, the figure is about something else.
  if (m.kind === 'count') {
    // ...or after a hyphen: "three-hour talks", "a five-year plan".
    const next = /^(?:\s+|-)(\p{Ll}+)/u.exec(text.slice(m.end, m.end + 40))?.[1];
    // A participle ("6,872 acknowledged by", "3,117 verified deaths") says what happened, not what
    // is counted; nor does a word that is usually no noun ("48,132 last month"; wink-lexicon).
    const nounLike = !next || usually(next) === undefined || usually(next) === 'n';
    // (A unit joined by a hyphen has already kept only the facts that say it.)
    if (next && next !== joinedUnit && nounLike && !NOT_COUNTED.has(next) && !/(?:ed|ing)$/.test(next) && !cands.some((x) => sheet.figureContext.get(x.fact.id)!.some((p) => p[0] === lemmaOf(next)))) return;
  }
  // Level between the two ends of one verified range, a figure that is no end of a range of its
  // own stands for the range: inside it, it says no more than the range does; outside, the range
  // is the fix ("will cost €19 million" for between €38 million and €46 million).
  // (Only one the range's reporter is shown giving: "The first phase will cost €20 million" and
  // "the agency has spent €20 million" are parts of it.)
  const rangeFact = second && second.s > top!.s - 0.05 && second.c.fact.id === c.fact.id && c.reporterMatch && shownReporting && !rangeEnd ? sheet.sheet.figures.find((g) => g.id === c.fact.id && g.range) : undefined;
  if (rangeFact?.range) {
    // (Not another source's figure, nor one far off both ends, nor a rounding true of another fact: those are of something else.)
    const { low, high } = rangeFact.range;
    const far = Math.min(m.value, low) * 12 <= Math.max(m.value, high) && !fingerSlipOf(m, c.fact) && !fingerSlipOf(m, second!.c.fact);
    if (moved || far || agreeing.length || (m.value >= low - EPS * low && m.value <= high + EPS * high)) return;
    findings.push(numberFinding(m, rangeFact, `Draft says ${text.slice(m.start, m.end)} for ${rangeFact.counts}; verified: ${rangeFact.text}`, [{ title: `Replace with ${rangeFact.text} (verified)`, edits: [{ start: m.start, end: m.end, text: rangeFact.text }] }]));
    return;
  }
  if (second && second.s > top!.s - 0.05 && second.c.fact.value !== c.fact.value) return;
  // Another source's exact figure, and the sentence's words say its thing more than the named
  // source's ("Verified deaths, mainly protesters | 6,872 | Iranian authorities"): the source is wrong, not the figure.
  if (moved && reporter && moved.counts >= 0.3 && !fingerSlipOf(m, c.fact) && (moved.counts > c.counts + 0.2 || (ownWords(moved.fact, c.fact) >= 2 && ownWords(c.fact, moved.fact) === 0))) {
    wrongSource(m, moved.fact, reporter, ctx, sheet, text, findings);
    return;
  }
  const f = c.fact;
  // Twelve times off or more, and no slip of a digit or of the scale word (about a thousand,
  // million or billion times off, rounding aside): a figure of something else ("four people were
  // arrested" beside 50,000 arrests).
  const ratio = Math.max(m.value, f.value) / Math.max(EPS, Math.min(m.value, f.value));
  if (ratio >= 12 && !fingerSlipOf(m, f) && !scaleSlipOf(m.value, f.value, 0.05)) return;
  // "runs nearly 1,500 trains a day" beside a cut of 212 trains: a rounded figure true of another
  // fact of its kind, and no slip of this one's digits or scale, is that other one, honestly rounded.
  if ((m.qualifier === 'approx' || m.qualifier === 'approx-below') && agreeing.length && !fingerSlipOf(m, f) && !scaleSlipOf(m.value, f.value, 0.05)) return;
  const draft = text.slice(m.start, m.end);
  const who = f.reportedBy ? sheet.entities.get(f.reportedBy)?.name : undefined;
  const what = `${f.counts}${who ? ` by ${who}` : ''}`;
  const otherWho = moved?.fact.reportedBy ? sheet.entities.get(moved.fact.reportedBy)?.name : undefined;
  const note = moved && otherWho ? ` (${text.slice(m.numStart, m.numEnd)} is the figure of ${otherWho})` : '';
  // A figure of the article that no fact lists ("about 25 minutes in fog"): the draft gives the
  // source's own figure, unless more than the noun it counts ties it to this fact ("how long the alarm was off").
  const unit = countedWord(text, m.end);
  // (Not a figure another source gives, nor one its reporter ties to this fact.)
  if (unit && !moved && !c.reporterMatch && sheet.unlisted?.get(unlistedKey(m.kind, m.value))?.has(unit)) {
    const phrases = sheet.figureContext.get(f.id)!.filter((p) => !(p.length === 1 && p[0] === unit));
    if (ctx.phraseWeight(phrases, from, to, others, sheet.contextWords) < 0.3) return;
  }
  if (qualifierOnlyWrong(m, f)) {
    const q = matchCase(text.slice(m.qualStart, m.qualEnd), qualifierWords(f));
    findings.push(numberFinding(m, f, `Draft says ${draft} ${what}; verified: ${f.text}`, [{ title: `Replace with ${q} (verified: ${f.text})`, edits: [{ start: m.qualStart, end: m.qualEnd, text: q }] }]));
    return;
  }
  const fix = render(m, f, text);
  findings.push(numberFinding(m, f, `Draft says ${draft} ${what}; verified: ${f.text}${note}`, fix ? [{ title: `Replace with ${fix.shown} (verified${fix.rounded ? `: ${f.text}` : ''})`, edits: fix.edits }] : []));
}

/** Whether `short` ("km") may abbreviate `word` ("kilometr"): its first letter, and its letters in order within a longer word. */
function abbreviates(short: string, word: string): boolean {
  if (word.length < short.length + 2 || word[0] !== short[0].toLowerCase()) return false;
  let k = 0;
  for (const c of word) if (k < short.length && c === short[k].toLowerCase()) k++;
  return k === short.length;
}

const countedWords = new WeakMap<Figure, string | undefined>();
/** The noun after a fact's figure in its own sentence ("seven minutes inside": minute), once per fact. */
function countedIn(f: Figure): string | undefined {
  if (countedWords.has(f)) return countedWords.get(f);
  const at = placeIn(f);
  const w = at.start >= 0 ? countedNoun(f.source, at.end) : undefined;
  countedWords.set(f, w);
  return w;
}

/** What a count counts, past up to two adjectives ("five full minutes": minutes; wink-lexicon). */
function countedNoun(text: string, end: number): string | undefined {
  let at = end;
  for (let k = 0; k < 2; k++) {
    const adj = /^[ \t\u00a0]+(\p{Ll}+)/u.exec(text.slice(at, at + 30));
    if (!adj || usually(adj[1]) !== 'j') break;
    at += adj[0].length;
  }
  return countedWord(text, at);
}

/** The stems of the units of time, as countedWord gives a counted noun ("minutes" → its stem). */
const TIME_STEMS = new Set(Object.keys(TIME_UNITS).map((u) => lemmaOf(u)));
/** Whether a counted noun (its stem) is a unit of time ("minutes", "years"). */
const isTimeUnit = (w: string) => TIME_STEMS.has(w);

/**
 * Is the source named at tokens [at, at + len) shown giving the figure at token `from`, not only
 * doing something else ("the buyer will take on £12m of debt", "the consortium of five")?
 * A verb of reporting after it ("HRANA has verified"), "by" or "according to" before it ("by the
 * authorities", "according to Iranian officials"), a possessive ("HRANA's count"), or another
 * cell of the figure's table row.
 */
function shownAsSource(ctx: SentenceContext, at: number, len: number, from: number, to: number): boolean {
  const toks = ctx.sentence.tokens;
  if (REPORTING.has(toks[verbAfter(ctx, at + len)]?.norm ?? '') || /['’]s?$/.test(toks[at + len - 1].text)) return true;
  // Its verb of reporting past an aside in commas ("HRANA, when asked, put deaths at 3,117"), or
  // joined to it by a hyphen ("the government-acknowledged toll"); a bracket right after the
  // figure ("6.4 (NSS)").
  const end = at + len;
  if (toks[end] && /,/.test(ctx.masked.slice(toks[end - 1].end, toks[end].start))) {
    for (let k = end + 1; k < Math.min(from, end + 8); k++) {
      if (/,/.test(ctx.masked.slice(toks[k - 1].end, toks[k].start))) {
        if (REPORTING.has(toks[verbAfter(ctx, k)]?.norm ?? '')) return true;
        break;
      }
    }
  }
  const lastWord = toks[at + len - 1].text;
  const dash = lastWord.indexOf('-');
  if (dash > 0 && REPORTING.has(lastWord.slice(dash + 1).toLowerCase())) return true;
  if (bracketedAfter(ctx, at, len) === to) return true;
  let lead = at;
  while (lead > 0 && at - lead < 2 && !SOURCE_WORDS.has(toks[lead - 1].norm) && (toks[lead - 1].norm === 'the' || /^\p{Lu}\p{Ll}+$/u.test(toks[lead - 1].text))) lead--;
  const before = toks[lead - 1]?.norm ?? '';
  // ("according to the operator", not "the subsidy to the operator".)
  if (SOURCE_WORDS.has(before) || accordingTo(ctx, at)) return true;
  return !!ctx.sentence.tableHeaders && ctx.headerOf(toks[at].start) !== ctx.headerOf(toks[from]?.start ?? -1);
}

/** An apposition that opens on a figure worked out from those before it: ", a gap of", ", the difference of". */
const WORKED_OUT_AFTER = /,\s+(?:a|an|the)\s+\p{Ll}+\s+of\s+$/u;

/** Words that say a figure is what remains of another ("leaving 230", "the other 230", "the rest, 230"). */
const REMAINDER = /\b(?:leaving|leaves|remaining|the rest|the remainder|the other|the others)\b/i;

/** The most a function word of a fact's context ("from", "against") weighs: enough to tie a figure, not to outweigh a content word. */
const FUNCTION_WORD_WEIGHT = 0.3;

/** Does `phrase` end right before token `at`, or one word before it ("to just two")? */
function governs(lemmas: readonly string[], phrase: readonly string[], at: number): boolean {
  for (const end of [at, at - 1]) {
    const start = end - phrase.length;
    if (start >= 0 && phrase.every((w, i) => lemmas[start + i] === w)) return true;
  }
  return false;
}

/**
 * Does `phrase` follow the figure (token `at` on) as a word of its own, before a comma, a
 * conjunction or the clause's end: the "for" and "against" of "60% for, 30% against", "29 against
 * and four abstentions"? (Not "to" in "Four to two":
 * a preposition before a noun or a figure governs that.)
 */
function standsAlone(ctx: SentenceContext, phrase: readonly string[], at: number): boolean {
  if (!phrase.every((w, i) => ctx.lemmas[at + i] === w)) return false;
  const last = ctx.sentence.tokens[at + phrase.length - 1];
  return /^\s*(?:[,;:.!?)\]|]|$|(?:and|or|but)\b)/.test(ctx.sentence.text.slice(last.end - ctx.sentence.start));
}

const phraseCache = new WeakMap<Figure, { content: string[][]; function: string[][] }>();
/**
 * A fact's compiled context phrases in two: those that keep a noun, verb, adjective or adverb, or
 * a word wink-lexicon does not hold (with the phrases after the listed context, the nouns its
 * figure counts), and those of function words only ("since", "from", "up to"). Once per fact.
 */
function phrasesOf(f: Figure, sheet: CompiledSheet): { content: string[][]; function: string[][] } {
  let out = phraseCache.get(f);
  if (!out) {
    out = { content: [], function: [] };
    sheet.figureContext.get(f.id)!.forEach((p, i) => (i >= f.context.length || !phraseWords(f.context[i]).every(isFunctionWord) ? out!.content : out!.function).push(p));
    phraseCache.set(f, out);
  }
  return out;
}
