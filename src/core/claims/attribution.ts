/**
 * Stage 3, claims: who says it. Receives a sentence's context (context.ts) and the sheet's
 * speaker phrases, and hands the rules who the sentence says spoke a quote (`attribute`: a speech
 * verb before or after, `according to`, `Name: “…”`, `“…” — Name`) and whom a `he` or `she` stands
 * for. context.ts reads what a figure is about and who reports it; topic.ts whether a paragraph is
 * about the story at all.
 */
import { sameVoice, type CompiledSheet } from '../sheet/compile';
import { wordsAt } from '../mentions/names';
import type { SentenceContext } from './context';
import { phraseWords, WordMap, type Token } from '../text/tokens';
import { SPEECH } from './speech';
import { usually } from '../language/lexicon';
import { lemmaOf } from '../language/lemma';

export { SPEECH };

/** Phrases naming a speaker: entity names, aliases and mentions, and role titles. */
export function speakerPhrases(sheet: CompiledSheet): Speaker[] {
  const out: Speaker[] = [];
  for (const e of sheet.sheet.entities) {
    if (e.type === 'place' || e.type === 'outlet' || e.type === 'channel' || e.type === 'product') continue;
    for (const n of [e.name, ...(e.aliases ?? [])]) out.push({ words: phraseWords(n), id: e.id, name: e.type === 'person' });
    // One-word common nouns ("officials") name no one in particular: "US officials" are not the sheet's.
    for (const n of e.mentions ?? []) if (phraseWords(n).length > 1) out.push({ words: phraseWords(n), id: e.id, name: false });
    for (const r of e.roles ?? []) out.push({ words: phraseWords(r.title), id: e.id, name: false });
  }
  return out.sort((a, b) => b.words.length - a.words.length);
}

/**
 * The names of what never speaks (places, outlets, channels, products) that hold a speaker's
 * shorter phrase at their start: "Dunmore Gazette" is the paper, not Dunmore Rovers.
 */
export function silentNames(sheet: CompiledSheet, speakers: readonly Speaker[]): Speaker[] {
  const out: Speaker[] = [];
  for (const e of sheet.sheet.entities) {
    if (e.type !== 'place' && e.type !== 'outlet' && e.type !== 'channel' && e.type !== 'product') continue;
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const words = phraseWords(n);
      if (speakers.some((p) => p.words.length < words.length && p.words.every((w, i) => words[i] === w))) out.push({ words, id: e.id, name: false, none: true });
    }
  }
  return out;
}

/** The first of `cands` whose words occur in `toks` from `at`. */
function speakerAt(toks: Token[], at: number, cands: Speaker[]): Speaker | undefined {
  for (const x of cands) if (wordsAt(toks, at, x.words)) return x;
  return undefined;
}

/** Who the sentence says spoke the quote in tokens [qa, qb), with the tokens naming them. */
const ATTRIBUTION_WINDOW = 200;

export function attribute(
  text: string,
  ctx: SentenceContext,
  qa: number,
  qb: number,
  byFirst: Speakers,
): { id: string; at: number; len: number; name: boolean } | undefined {
  const toks = ctx.sentence.tokens;
  let best: { id: string; at: number; len: number; name: boolean; score: number } | undefined;
  // One scan: at each word, the longest speaker phrase that starts there. In a run-on "sentence"
  // of thousands of words, only the words within ATTRIBUTION_WINDOW of the quote are read.
  const long = toks.length > 2 * ATTRIBUTION_WINDOW;
  const last = long ? Math.min(toks.length, qb + ATTRIBUTION_WINDOW) : toks.length;
  const ends: number[] = [];
  for (let at = long ? Math.max(0, qa - ATTRIBUTION_WINDOW) : 0; at < last; at++) {
    const cands = byFirst.get(toks[at].norm);
    if (!cands) continue;
    const p = speakerAt(toks, at, cands);
    if (!p) continue;
    if (p.none) {
      at += p.words.length - 1;
      continue;
    }
    if (at >= qa && at < qb) continue;
    const end = at + p.words.length;
    // (Where the speaker phrases end: those before this one are what an apposition may follow.)
    ends.push(end);
    // "In Ruiz's words, …", "in the words of Ruiz", "as Ruiz put it": the idioms that name a
    // speaker outright, like "according to", in the quote's sentence.
    const possessive = /['’]s?$/.test(toks[end - 1].text);
    const inWords = (possessive && at >= 1 && toks[at - 1].norm === 'in' && toks[end]?.norm === 'words') || (at >= 4 && toks[at - 1].norm === 'of' && toks[at - 2].norm === 'words' && toks[at - 4].norm === 'in');
    const putIt = at >= 1 && toks[at - 1].norm === 'as' && toks[end]?.norm === 'put' && toks[end + 1]?.norm === 'it';
    // "Witkoff's verdict on Muscat: “a good start”": a possessive before a label that a colon
    // opens the quote after names its speaker, as "Witkoff: “…”" does.
    const labelled = possessive && qa > end && qa - end <= 4 && /:\s*[*_]*\s*$/.test(text.slice(toks[qa - 1].end, toks[qa].start).replace(/[“"‘'«„]/g, '')) && ctx.sameClause(end - 1, qa);
    if (labelled) {
      if (!best || 0.9 > best.score) best = { id: p.id, at, len: p.words.length, name: p.name, score: 0.9 };
      at = end - 1;
      continue;
    }
    // A possessive names whose thing it is, not who speaks ("described the company’s record as “…”").
    if (possessive && !inWords) {
      at = end - 1;
      continue;
    }
    // "Tallmadge, 54, who joined from Orvel in 2021, said": a name in a relative clause that closes
    // before the quote is no subject of the sentence's verb ("…, which Witkoff called “…”" is, and
    // so is "…, which Witkoff called, in a statement, “…”": its verb of saying is the clause's own).
    if (end <= qa && inRelativeClause(text, toks, at) && /,/.test(text.slice(toks[end - 1].end, toks[qa].start)) && !speechBeforeComma(text, toks, end, qa)) {
      at = end - 1;
      continue;
    }
    // "Delacroix-Moss, a former leader of Tarnfield Borough Council, called …": a name inside the
    // apposition of the sentence's subject is no subject of its verb; the name before it is.
    if (end < qa && inApposition(text, toks, at, end, ends)) {
      at = end - 1;
      continue;
    }
    // "nobody from Telmark had told her “…”", "none of the ministers said": a speaker after a
    // negative pronoun says that no one of it spoke.
    if (at >= 2 && /^(?:from|at|of|in)$/.test(toks[at - 1].norm) && /^(?:nobody|none|neither|one)$/.test(toks[at - 2].norm) && (toks[at - 2].norm !== 'one' || toks[at - 3]?.norm === 'no')) {
      at = end - 1;
      continue;
    }
    let score = 0;
    const according = at >= 2 && toks[at - 2].norm === 'according' && toks[at - 1].norm === 'to';
    if (according || inWords || putIt) score = 0.8;
    else if (end <= qa) {
      // "Ruiz called the plan “…”": a speech verb between the speaker and the quote.
      const verb = toks.slice(end, qa).findIndex((t) => SPEECH.has(t.norm)) + end;
      if (qa - end <= 12 && ctx.sameClause(end - 1, qa) && verb >= end && subjectOf(text, toks, at, end, verb)) score = 1 / (1 + (qa - end) / 10);
      // "Ruiz: “…”": a name right before the quote, with a colon or dash between ("called the striker “…”" names the object, not the speaker).
      // (Not whom they were told to: "he told the Harrow Echo: “…”".)
      else if (qa === end && /^\s*[:—–-][\s:—–-]*$/.test(text.slice(toks[end - 1].end, toks[qa]?.start ?? toks[end - 1].end).replace(/[“"‘'«„]/g, '')) && !toldTo(toks, at)) score = 0.9;
    } else if (at >= qb && at - qb <= 3 && !toks.slice(qb, at).some((t) => t.norm === 'and' || t.norm === 'but')) {
      // (Not across "and" or "but": "“…”, and state media spoke of …" opens another clause.)
      // "“…”, said Ruiz" or "“…”, Ruiz said", in the quote's clause.
      const verbBefore = at > 0 && SPEECH.has(toks[at - 1].norm);
      const verbAfter = toks.slice(end, end + 2).some((t) => SPEECH.has(t.norm));
      if ((verbBefore || verbAfter) && ctx.sameClause(qb - 1, at)) score = 1 / (1 + (at - qb) / 10);
      // "“…” — Ruiz": a name right after the quote (the dash is the attribution, not a clause break).
      else if (at === qb && /^[\s,:—–-]*$/.test(text.slice(toks[qb - 1]?.end ?? 0, toks[at].start).replace(/[”"’'»“]/g, ''))) score = 0.9;
    }
    if (score > 0 && (!best || score > best.score)) best = { id: p.id, at, len: p.words.length, name: p.name, score };
    at = end - 1;
  }
  return best;
}

/** Personal pronouns that are a clause's subject. */
const SUBJECT = /^(?:he|she|they|we|i)$/;
/** Words that open a clause within the sentence, whose subject is not the sentence's. */
const SUBORDINATE = /^(?:that|because|if|whether|although|though)$/;

/**
 * Whether the speaker phrase at tokens [at, end) is the subject of the verb of saying at `verb`:
 * not where the verb has a pronoun of its own ("The board, she said, had “…”"), nor where the
 * phrase opens a clause after "that" and the verb follows ", and", which joins it to the
 * sentence's own verb ("said that the clinic would stay, and described the vote as “…”").
 */
function subjectOf(text: string, toks: Token[], at: number, end: number, verb: number): boolean {
  if (verb > end && SUBJECT.test(toks[verb - 1].norm)) return false;
  if (at >= 1 && SUBORDINATE.test(toks[at - 1].norm)) {
    for (let k = end; k < verb; k++) if (toks[k].norm === 'and' && /,/.test(text.slice(toks[k - 1].end, toks[k].start))) return false;
  }
  return true;
}

/** Whether the phrase at token `at` is the listener of a verb of saying before it ("told the Echo", "said to reporters"). */
function toldTo(toks: Token[], at: number): boolean {
  const k = at >= 1 && /^(?:the|a|an)$/.test(toks[at - 1].norm) ? at - 2 : at - 1;
  return k >= 0 && (toks[k].norm === 'to' || lemmaOf(toks[k].norm) === 'tell');
}

/** Whether a verb of saying stands among tokens [from, to) before the first comma after token `from - 1`. */
function speechBeforeComma(text: string, toks: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (/,/.test(text.slice(toks[k - 1].end, toks[k].start))) return false;
    if (SPEECH.has(toks[k].norm)) return true;
  }
  return false;
}

/** A phrase naming a speaker: its normalised words, the entity it names, and whether it is a name (not a title or a common noun). */
/** A phrase naming a speaker; `none` marks the longer name of a place or outlet that holds one ("Dunmore Gazette" past "Dunmore"). */
export type Speaker = { words: string[]; id: string; name: boolean; none?: boolean };

/** Whether token `at` follows "who", "which" or "whose" in its stretch between commas. */
function inRelativeClause(text: string, toks: Token[], at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 8; k--) {
    if (/^(?:who|which|whose)$/.test(toks[k].norm)) return true;
    if (/[,;:()—–]/.test(text.slice(toks[k].end, toks[k + 1].start))) return false;
  }
  return false;
}

/**
 * Whether tokens [at, end) stand inside an apposition in commas that a determiner opens right
 * after a speaker phrase before it, one of those ending at `ends` ("Witkoff, a friend of Araghchi,
 * called …"; not "…, said Araghchi, …", nor "On Sunday, the envoy Witkoff, 68, called …", nor
 * "the envoy, Witkoff, called …", where the name is the apposition).
 */
function inApposition(text: string, toks: Token[], at: number, end: number, ends: readonly number[]): boolean {
  if (!/,/.test(text.slice(toks[end - 1].end, toks[end].start))) return false;
  for (let k = at; k >= 1 && at - k <= 8; k--) {
    const gap = text.slice(toks[k - 1].end, toks[k].start);
    if (/[;:()—–]/.test(gap)) return false;
    if (/,/.test(gap)) return k < at && ends.includes(k) && usually(toks[k].norm) === 'd' && !toks.slice(k, at).some((t) => SPEECH.has(t.norm));
  }
  return false;
}

/** A speaker named by a personal pronoun; whom it stands for is read from the sentences before. */
export const PRONOUN = '\u0000pronoun';
/** The personal pronouns that may stand for a speaker named before ("he said"). */
export const PRONOUNS = ['he', 'she'];
/** Speaker phrases by first word, longest first. */
export type Speakers = WordMap<Speaker[]>;

/**
 * Whom "he" or "she" at token `at` of sentence `si` stands for: the first person the sentence
 * names before it, else the subject (first person named) of the nearest sentence before that
 * names one, else (near the paragraph's start) `before`: the people the paragraphs before last
 * named. Undefined when the verified speaker is named there too (the pronoun may be theirs).
 */
export function antecedent(sheet: CompiledSheet, contexts: readonly SentenceContext[], si: number, at: number, speaker: string, before: readonly string[]): string | undefined {
  // A pronoun reaches back a few sentences at most (a paragraph of quotes stays linear).
  for (let k = si; k >= Math.max(0, si - 3); k--) {
    const ids = contexts[k].persons(sheet, k === si ? at : Infinity);
    if (!ids.length) continue;
    return ids.some((id) => sameVoice(sheet, id, speaker)) ? undefined : ids[0];
  }
  if (si > 3 || !before.length) return undefined;
  return before.some((id) => sameVoice(sheet, id, speaker)) ? undefined : before[0];
}
