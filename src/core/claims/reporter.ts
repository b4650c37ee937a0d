/**
 * Who says it: the reporter of a span of a sentence (a figure, a quote), read from the sources the
 * sentence names, their cues ("according to", "by", "X said", possessive counts) and distance, or
 * from the previous sentence when a pronoun opens this one. Every check that asks "whose is this?"
 * asks here, through {@link SentenceContext.reporter}.
 */
import type { CompiledSheet } from '../sheet/compile';
import { REPORTING, SOURCE_WORDS } from './speech';
import { countryVoice } from './voices';
import type { SentenceContext } from './context';
import { LINK_WINDOW, phrasesByFirstWord } from './entityPhrases';

/** The words before the thing a figure is compared with ("twice the official figure", "more than the agency's"). */
const COMPARED = new Set(['than', 'twice', 'times', 'double', 'triple', 'treble']);

/** A subject pronoun, contracted or not ("it", "they've"; a token's normal form has no "'s"). */
const SUBJECT_PRONOUN = /^(?:it|he|she|they)(?:'(?:ve|d|ll|re))?$/;

/**
 * Who the sentence says reported the span [from, to): the reporter entity with the
 * strongest link, if it clearly beats the others. A mention after the span counts fully
 * only as "by X", "according to X" or "X said".
 */
export function readReporter(ctx: SentenceContext, sheet: CompiledSheet, from: number, to: number): { id: string; span?: { at: number; len: number } } | undefined {
  const toks = ctx.sentence.tokens;
  const score = new Map<string, number>();
  const where = new Map<string, { at: number; len: number }>();
  let near = ctx.mentions(sheet);
  if (toks.length > 2 * LINK_WINDOW) {
    // A run-on "sentence": only the mentions within LINK_WINDOW words of the figure.
    const all = near; // in order of position
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].at < from - LINK_WINDOW) lo = mid + 1;
      else hi = mid;
    }
    near = [];
    for (let k = lo; k < all.length && all[k].at <= to + LINK_WINDOW; k++) near.push(all[k]);
  }
  // "the government-acknowledged toll of 6,872", "HRANA-verified deaths": a source joined by a
  // hyphen to its verb of reporting is the agent of what follows, as "acknowledged by" is.
  const byFirst = phrasesByFirstWord(sheet);
  let joined: { id: string; at: number; len: number }[] | undefined;
  for (let k = Math.max(0, from - 8); k < from; k++) {
    const t = toks[k];
    const dash = t.text.indexOf('-');
    if (dash <= 0 || !REPORTING.has(t.text.slice(dash + 1).toLowerCase())) continue;
    const head = t.text.slice(0, dash).toLowerCase();
    const id = byFirst.get(head)?.find((p) => p.words.length === 1)?.id;
    if (id && sheet.reporters.has(id)) (joined ??= [...near]).push({ id, at: k, len: 1 });
  }
  if (joined) near = joined;
  // "HRANA has verified 6,872, three times the official figure, and it's documented 50,000":
  // a clause opened by a subject pronoun has its own subject, the sentence's; the names between
  // are not its source.
  const pronounAt = clausePronounBefore(ctx, from);
  // "She counts 212, against 146 confirmed by firefighters": a figure with an agent of reporting
  // of its own is that agent's, named in the sheet or not; no one shown reporting before it
  // reports it (a subject shown doing something else may still be: "The trust borrowed …").
  const ownAgent = !!toks[to] && REPORTING.has(toks[to].norm) && toks[to + 1]?.norm === 'by';
  // "He said the list had shrunk since inspectors visited and that a £14.5 million plan …": the
  // pronoun's person reports what the sentence says; a source named inside it reports only with
  // a cue of its own ("he said HRANA had verified …", "according to HRANA").
  const opener = !ownAgent && openingPronoun(ctx, from) ? pronounReporter(ctx, sheet, from) : undefined;
  // "The government's subsidy rises to €46.5 million, according to the operator": a possessive
  // that is no count's ("Tehran's tally of") says whose the thing is; "according to" says whose
  // the figure is, and outweighs it.
  const owners = new Set<string>();
  const accordingAfter = new Set<string>();
  for (const n of near) {
    if (ownAgent && n.at < to && REPORTING.has(toks[verbAfter(ctx, n.at + n.len)]?.norm ?? '')) continue;
    if (n.at < from && inClosedRelative(ctx, n.at, from)) continue;
    if (pronounAt >= 0 && n.at < pronounAt && n.at > 1) continue;
    if (opener && n.at > 1 && !cued(ctx, n, from)) continue;
    // "Iran acknowledges 6,872": a country that says something speaks through its one reporter
    // named after it ("Iranian authorities").
    // So does its possessive before what it counts or after "by" ("Tehran's own tally of 50,000", "by Tehran's count").
    // (A body speaks so through the one reporter who speaks for it only as the subject of the verb
    // right after it, "The council says …", not in an aside, "Tarn Analytics, forecast …", nor in a
    // relative clause, "whose group says …".)
    const place = sheet.entities.get(n.id)?.type === 'place';
    const says = REPORTING.has(toks[n.at + n.len]?.norm ?? '') && (place || (/^[ \t\u00a0]+$/.test(ctx.masked.slice(toks[n.at + n.len - 1].end, toks[n.at + n.len].start)) && !/^(?:whose|which|who)$/.test(ctx.wordBefore(n.at) ?? '')));
    const m = !sheet.reporters.has(n.id) && (says || (place && countedBy(ctx, n, from))) ? { ...n, id: countryVoice(sheet, n.id) ?? n.id } : n;
    if ((m.at >= from && m.at < to) || !sheet.reporters.has(m.id)) continue;
    // "more than twice the official figure, with over 11,000 …": what a figure is compared with is
    // no source of the figures after it ("twice the official toll of 3,117" is that toll's own).
    // Nor of the figure it is compared with ("3,117 deaths, more than twice the official toll").
    if (COMPARED.has(ctx.wordBefore(m.at) ?? '') && (m.at >= to || ctx.commasBetween(m.at, from) > 0)) continue;
    let w: number;
    // "according to the Iranian authorities", "by the Iranian judiciary": an article and a
    // capitalised modifier do not part the source from its cue.
    let lead = m.at;
    while (lead > 0 && m.at - lead < 2 && (toks[lead - 1].norm === 'the' || /^\p{Lu}\p{Ll}+$/u.test(toks[lead - 1].text)) && /^[ \t\u00a0]+$/.test(ctx.masked.slice(toks[lead - 1].end, toks[lead].start))) lead--;
    const according = lead >= 2 && toks[lead - 2].norm === 'according' && toks[lead - 1].norm === 'to';
    // "5.9 (USGS) / 5.6 (EMSC)", "31 (health ministry)": a source in brackets right after a figure
    // is that figure's outright, and no other's.
    const bracketed = bracketedAfter(ctx, m.at, m.len);
    if (bracketed !== undefined && bracketed !== to) continue;
    const possessive = /['’]s?$/.test(toks[m.at + m.len - 1].text);
    if (bracketed === to) w = 0.9;
    else if (m.at < from) {
      // "the 3,117 acknowledged by the authorities, and … 500,000 arrests": the agent of a
      // participle after another figure reports that figure, not the ones after it.
      if (agentOfEarlierFigure(ctx, m.at, m.len, from)) continue;
      if (possessive && !countedBy(ctx, m, from)) owners.add(m.id);
      w = ctx.weight(m.at + m.len - 1, from);
      // The subject of the clause reports everything in it, however long the clause.
      if (ctx.sameClause(m.at, from)) w = Math.max(w, 0.5 * Math.pow(0.75, ctx.commasBetween(m.at, from)));
      // "according to X, N ..." reads across the comma.
      if (according) w = Math.max(w, ctx.weight(m.at, from) / 0.75);
      // "The minister, Eilidh MacRath, said she …, and promised £600,000": the subject of the
      // sentence's verb of saying reports what follows in its clause, past asides and "and".
      // (Not a possessive, "the authorities' count"; not past another source of the clause,
      // "…, and HRANA's list of 2,986", bar one that is the complement of a noun, "every
      // recommendation of the report".)
      else if (REPORTING.has(toks[verbAfter(ctx, m.at + m.len)]?.norm ?? '') && !possessive && ctx.sameClause(m.at, from) && !near.some((o) => o.at > m.at + m.len && o.at < from && sheet.reporters.has(o.id) && ctx.wordBefore(o.at) !== 'of')) w = Math.max(w, 0.6);
    } else {
      w = ctx.weight(to - 1, m.at);
      let by = false;
      for (let k = Math.max(0, lead - 2); k < lead; k++) if (SOURCE_WORDS.has(toks[k].norm)) by = true;
      const after = toks[m.at + m.len]?.norm;
      // A table row is a record: the source in another of its cells reports its figures.
      const otherCell = !!ctx.sentence.tableHeaders && ctx.headerOf(toks[m.at].start) !== ctx.headerOf(toks[from]?.start ?? -1);
      // (A possessive's noun is no verb: "…, and called the party's estimate of £90,000 …" is the
      // party's count of what follows, not a source of the figure before it.)
      if (!by && !(after && REPORTING.has(after) && !possessive) && !otherCell) w *= 0.3;
      // "…, according to X" names the source of its clause outright: it outweighs a clause subject.
      if (according && ctx.sameClause(to - 1, m.at)) {
        w = Math.max(w, 0.75);
        accordingAfter.add(m.id);
      }
      // "the 6,872 acknowledged by the authorities": the agent of a verb of reporting right after
      // the figure is its source outright, whoever the clause's subject is ("the £42 million
      // borrowed by X" names who borrowed it, not whose figure it is).
      const k = lead - 1;
      if (k === to + 1 && toks[k].norm === 'by' && REPORTING.has(toks[to].norm)) w = Math.max(w, 0.9);
    }
    if (w > (score.get(m.id) ?? -1)) where.set(m.id, { at: m.at, len: m.len });
    score.set(m.id, Math.max(score.get(m.id) ?? 0, w));
  }
  if (accordingAfter.size) for (const id of owners) if (!accordingAfter.has(id)) score.delete(id);
  // The strongest and the runner-up (ties in the order first met, as a stable sort leaves them).
  let top: string | undefined;
  let topW = -Infinity;
  let secondW = -Infinity;
  for (const [id, w] of score) {
    if (w > topW) {
      secondW = topW;
      top = id;
      topW = w;
    } else if (w > secondW) secondW = w;
  }
  if (top === undefined) {
    const id = ownAgent ? undefined : (opener ?? pronounReporter(ctx, sheet, from));
    return id === undefined ? undefined : { id };
  }
  if (topW < 0.25) return undefined;
  if (secondW * 1.3 > topW) return undefined;
  return { id: top, span: where.get(top) };
}

/**
 * The end (a token index) of the figure a name stands in brackets right after ("5.6 (EMSC)": the
 * token after 6.1), or undefined when the name is not so bracketed.
 */
export function bracketedAfter(ctx: SentenceContext, at: number, len: number): number | undefined {
  const toks = ctx.sentence.tokens;
  let k = at;
  if (k > 0 && toks[k - 1].norm === 'the') k--;
  if (k === 0 || !/^[ \t\u00a0]*\([ \t\u00a0]*$/.test(ctx.masked.slice(toks[k - 1].end, toks[k].start))) return undefined;
  const last = toks[at + len - 1];
  if (!/^[ \t\u00a0]*\)/.test(ctx.masked.slice(last.end, (toks[at + len]?.start ?? last.end + 4)))) return undefined;
  // The token before the bracket ends a figure ("6.1", "14km", "87", "£2.4m", "4.99%").
  return /\d[\p{L}%]{0,3}$/u.test(toks[k - 1].text) ? k : undefined;
}

/**
 * "The authorities published 2,986 names. They also say 50,000 …": a sentence opened by a
 * subject pronoun and a verb of reporting, or by a possessive one before what it counts ("Its
 * own count of …"), with no source of its own, has the previous sentence's subject as source
 * (a reporter opening it, not in a possessive).
 */
function pronounReporter(ctx: SentenceContext, sheet: CompiledSheet, from: number): string | undefined {
  const toks = ctx.sentence.tokens;
  if (!toks.length || from < 2) return undefined;
  // "Its own count of 3,117 …": a possessive pronoun before what it counts, as "by its count".
  const possessive = /^(?:its|their)$/.test(toks[0].norm) && (toks[1]?.norm === 'own' ? toks[3] : toks[2])?.norm === 'of';
  if (!possessive && !openingPronoun(ctx, from)) return undefined;
  const prev = ctx.previous;
  if (!prev) return undefined;
  // "He said …", "She told …": the person the sentence before names first, if a reporter.
  if (/^(?:he|she)$/.test(toks[0].norm)) {
    const person = prev.persons(sheet)[0];
    return person && sheet.reporters.has(person) ? person : undefined;
  }
  const subject = prev.mentions(sheet).find((x) => x.at <= 2);
  if (!subject || !sheet.reporters.has(subject.id) || /['’]s?$/.test(prev.sentence.tokens[subject.at + subject.len - 1].text)) return undefined;
  return subject.id;
}

/** Whether the sentence opens with a subject pronoun and a verb of reporting before token `from` ("They say", "He also said"). */
function openingPronoun(ctx: SentenceContext, from: number): boolean {
  const toks = ctx.sentence.tokens;
  if (!toks.length || !SUBJECT_PRONOUN.test(toks[0].norm)) return false;
  const verb = REPORTING.has(toks[1]?.norm ?? '') ? 1 : REPORTING.has(toks[2]?.norm ?? '') ? 2 : -1;
  return verb >= 0 && verb < from;
}

/**
 * Whether a source named in a sentence has a cue of its own for the figure at `from`: a verb of
 * reporting within three words after it ("HRANA had verified"), "by", "according to", or a
 * possessive count ("HRANA's count of").
 */
function cued(ctx: SentenceContext, n: { at: number; len: number }, from: number): boolean {
  const toks = ctx.sentence.tokens;
  const end = n.at + n.len;
  for (let k = end; k < Math.min(toks.length, end + 3); k++) if (REPORTING.has(toks[k].norm)) return true;
  const before = toks[n.at - 1]?.norm ?? '';
  return SOURCE_WORDS.has(before) || accordingTo(ctx, n.at) || countedBy(ctx, n, from);
}

/**
 * Is the mention at token `at` inside a relative clause in commas that closes before the figure at
 * `from` ("HERA, whose teams reached villages that officials have not, counts 290 deaths"): the
 * clause says something of its antecedent, and no one in it reports the figure.
 */
function inClosedRelative(ctx: SentenceContext, at: number, from: number): boolean {
  const toks = ctx.sentence.tokens;
  const comma = (k: number) => k > 0 && /,/.test(ctx.masked.slice(toks[k - 1].end, toks[k].start));
  let s = at;
  while (s > 0 && at - s < 15 && !comma(s)) s--;
  if (!comma(s) || !/^(?:who|whose|which)$/.test(toks[s].norm)) return false;
  for (let k = at + 1; k <= from; k++) if (comma(k)) return true;
  return false;
}

/** Auxiliaries and adverbs that may stand between a subject and its verb ("had published", "has also said"). */
const BEFORE_VERB = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'also', 'later', 'then', 'already', 'previously']);

/**
 * The token of the verb after a subject ending before token `k`: past a relative clause in commas
 * ("The trust, which counts only …, had published") and auxiliaries.
 */
export function verbAfter(ctx: SentenceContext, k: number): number {
  const toks = ctx.sentence.tokens;
  if (toks[k] && /^(?:which|who)$/.test(toks[k].norm) && /^\s*,\s*$/.test(ctx.masked.slice(toks[k - 1].end, toks[k].start))) {
    let j = k + 1;
    while (j < toks.length && j - k < 25 && !/,/.test(ctx.masked.slice(toks[j - 1].end, toks[j].start))) j++;
    if (j >= toks.length || j - k >= 25) return k;
    k = j;
  }
  while (toks[k] && BEFORE_VERB.has(toks[k].norm)) k++;
  return k;
}

/**
 * A possessive that says whose count a figure is: after "by" or "according to" ("by Tehran's
 * count"), or before a noun (perhaps "own") and "of" ("Tehran's own tally of 50,000 arrests").
 */
function countedBy(ctx: SentenceContext, n: { at: number; len: number }, from: number): boolean {
  const toks = ctx.sentence.tokens;
  const end = n.at + n.len;
  if (!/['’]s?$/.test(toks[end - 1].text)) return false;
  // (The word right before, too: a sentence's capitalised first word is no modifier, "By Tehran's count".)
  const before = SOURCE_WORDS.has(toks[n.at - 1]?.norm ?? '') ? toks[n.at - 1].norm : ctx.wordBefore(n.at);
  // "by Tehran's count", "according to Tehran's count" ("to Tehran's dismay" is no source).
  if (SOURCE_WORDS.has(before ?? '') || accordingTo(ctx, n.at)) return true;
  // "Tehran's own tally of 50,000 arrests": the noun is a measure of the figure right after "of"
  // ("Tehran's share of the 6,872 deaths" is a part of someone else's figure).
  const k = toks[end]?.norm === 'own' ? end + 1 : end;
  // (Perhaps past a qualifier: "tally of more than 50,000"; not past a determiner.)
  if (!toks[k] || !/^\p{Ll}+$/u.test(toks[k].text) || toks[k + 1]?.norm !== 'of' || from < k + 2 || from - (k + 2) > 3) return false;
  for (let j = k + 2; j < from; j++) if (/^(?:the|a|an|its|their|his|her|this|that|these|those)$/.test(toks[j].norm)) return false;
  return true;
}

/**
 * The subject pronoun ("it", "she", "they've") that opens a coordinated clause ("…, and it has
 * documented", "; she said") before token `from`, or -1: its antecedent is the sentence's subject.
 */
function clausePronounBefore(ctx: SentenceContext, from: number): number {
  const toks = ctx.sentence.tokens;
  for (let p = from - 1; p > 0 && p >= from - 6; p--) {
    if (!SUBJECT_PRONOUN.test(toks[p].norm)) continue;
    return toks[p - 1].norm === 'and' || /[,;]/.test(ctx.masked.slice(toks[p - 1].end, toks[p].start)) ? p : -1;
  }
  return -1;
}

/**
 * Is the mention at token `at` the agent ("by [the] X") of a participle that follows a figure
 * ("3,117 acknowledged by"), and the figure at `from` in a predicate coordinated after it ("…,
 * and documented 500,000 arrests"), whose subject is the clause's own? Not when a relative
 * clause makes the agent a subject again ("by HRANA, which has also documented …").
 */
function agentOfEarlierFigure(ctx: SentenceContext, at: number, len: number, from: number): boolean {
  const toks = ctx.sentence.tokens;
  const next = toks[at + len]?.norm;
  if (next === 'which' || next === 'who') return false;
  let coordinated = false;
  for (let j = at + len; j + 1 < from && !coordinated; j++) coordinated = toks[j].norm === 'and' && (REPORTING.has(toks[j + 1].norm) || /\p{Ll}ed$/u.test(toks[j + 1].norm) || ctx.lemmas[j + 1] !== toks[j + 1].norm);
  if (!coordinated) return false;
  let k = at - 1;
  if (toks[k]?.norm === 'the') k--;
  if (toks[k]?.norm !== 'by' || k < 2) return false;
  const participle = toks[k - 1];
  if (!/\p{Ll}ed$/u.test(participle.norm) && ctx.lemmas[k - 1] === participle.norm) return false;
  return /\d/.test(toks[k - 2].text) || (k >= 3 && /\d/.test(toks[k - 3].text) && /^\p{Ll}+$/u.test(toks[k - 2].norm));
}

/** Whether "according to" stands before the mention at token `at`, perhaps past one article or capitalised modifier ("according to the Iranian authorities"). */
export function accordingTo(ctx: SentenceContext, at: number): boolean {
  const toks = ctx.sentence.tokens;
  const k = toks[at - 1] && (toks[at - 1].norm === 'the' || /^\p{Lu}/u.test(toks[at - 1].text)) && toks[at - 2]?.norm === 'to' ? at - 1 : at;
  return toks[k - 1]?.norm === 'to' && toks[k - 2]?.norm === 'according';
}
