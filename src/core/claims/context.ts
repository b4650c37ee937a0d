/**
 * Reads what a span of a sentence is about: how strongly context words and entity mentions
 * nearby tie it to a fact, weighing distance and clause boundaries.
 */
import type { CompiledSheet } from '../sheet/compile';
import { isIrregularVerbForm, lemmaOf } from '../language/lemma';
import { REPORTING, SOURCE_WORDS } from './speech';
import { countryVoice } from './voices';
import { phraseWords, WordMap, WordSieve } from '../text/tokens';
import { type Sentence } from '../text/sentences';
import { lowerBound, sorted } from '../search';
import { HONORIFIC, MONTHS_DAYS } from '../mentions/names';

const STRONG = new Set(['while', 'whereas', 'but', 'though', 'although', 'however', 'meanwhile', 'unlike', 'when']);
/** STRONG and "and": the words countClauses reads (most words are turned away before the look-up, never hashed). */
const CLAUSE_WORDS = new WordSieve([...STRONG, 'and']);

type PhraseIndex = WordMap<{ order: number; words: string[]; id: string }[]>;
const firstWordIndexes = new WeakMap<CompiledSheet, PhraseIndex>();

/** The sheet's entity phrases by their first word, each with its rank in `entityPhrases`. */
function phrasesByFirstWord(sheet: CompiledSheet): PhraseIndex {
  let index = firstWordIndexes.get(sheet);
  if (!index) {
    const byFirst = new Map<string, { order: number; words: string[]; id: string }[]>();
    sheet.entityPhrases.forEach((p, order) => {
      if (!p.words.length) return; // compile() keeps no empty phrases
      const list = byFirst.get(p.words[0]);
      const entry = { order, words: p.words, id: p.id };
      if (list) list.push(entry);
      else byFirst.set(p.words[0], [entry]);
    });
    index = new WordMap(byFirst);
    firstWordIndexes.set(sheet, index);
  }
  return index;
}

/** 0.3 and 0.75 to the powers 0 … POWERS - 1: what each strong clause boundary and each comma between two words costs a link. */
const POWERS = 16;
const STRONG_FACTOR = Float64Array.from({ length: POWERS }, (_, k) => Math.pow(0.3, k));
const COMMA_FACTOR = Float64Array.from({ length: POWERS }, (_, k) => Math.pow(0.75, k));

/** Words that open a noun phrase: the subject of a gapped clause ("and the company €2 million"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'each']);

/** Prepositions that relate a figure to what it is of ("trade with X", "between X and Y", "exports to X"). */
const RELATION = new Set(['with', 'between', 'and', 'to', 'from']);

/** The words before the thing a figure is compared with ("twice the official figure", "more than the agency's"). */
const COMPARED = new Set(['than', 'twice', 'times', 'double', 'triple', 'treble']);

/** A subject pronoun, contracted or not ("it", "they've"; a token's normal form has no "'s"). */
const SUBJECT_PRONOUN = /^(?:it|he|she|they)(?:'(?:ve|d|ll|re))?$/;

/** How far (in words) a context word may be from a figure in a run-on sentence of thousands of words. */
const LINK_WINDOW = 200;

/** Words between a phrase at [at, at + len) and a span [from, to) of the sentence. */
function gap(at: number, len: number, from: number, to: number): number {
  return at < from ? from - (at + len - 1) : at - (to - 1);
}

/** A sentence prepared for context look-ups. */
export class SentenceContext {
  /** Strong clause boundaries and commas before each token, counted on first use (many sentences never ask). */
  private clauses?: { strong: number[]; commas: number[] };
  private mentionCache?: { id: string; at: number; len: number }[];
  /** Word positions (see wordPositions) and lists by word (see firstAtOrAfter), with the sieve each was built through. */
  private positions?: { first: Map<string, number>; next: number[]; sieve?: WordSieve };
  private lists?: { byWord: Map<string, number[]>; sieve?: WordSieve };
  private mentionsByPosition?: { id: string; at: number; len: number }[];
  private stems?: string[];
  /** Where the last {@link reporter} found named the reporter (tokens [at, at + len)). */
  reporterAt?: { at: number; len: number };

  /** The sentence before in the paragraph (whom an opening "they said" stands for), set by check.ts. */
  previous?: SentenceContext;

  constructor(
    readonly sentence: Sentence,
    private readonly masked: string,
  ) {}

  /** The stem of each token (what context phrases are compared in). */
  get lemmas(): string[] {
    return (this.stems ??= this.sentence.tokens.map((t) => lemmaOf(t.norm)));
  }

  private get strong(): number[] {
    return (this.clauses ??= this.countClauses()).strong;
  }

  private get commas(): number[] {
    return (this.clauses ??= this.countClauses()).commas;
  }

  private countClauses(): { strong: number[]; commas: number[] } {
    const toks = this.sentence.tokens;
    const masked = this.masked;
    // Plain arrays: a typed array of a sentence's length has its memory outside the heap, which
    // costs more to set up than the counting itself.
    const out = { strong: new Array<number>(toks.length).fill(0), commas: new Array<number>(toks.length).fill(0) };
    let strong = 0;
    let commas = 0;
    let prevEnd = this.sentence.start;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      // The marks counted are single UTF-16 units, so the gap is read unit by unit.
      for (let i = prevEnd; i < t.start; i++) {
        const ch = masked.charCodeAt(i);
        if (ch === 0x2c) commas++; // ,
        // A dash after a label of a few words that opens the sentence ("Late November — Protests
        // break out") joins the label to its line, as a colon does.
        else if ((ch === 0x2014 || ch === 0x2013) && k <= 3) continue;
        else if (ch === 0x3b || ch === 0x2014 || ch === 0x2013 || ch === 0xb7 || ch === 0x2022) strong++; // ; — – · •
      }
      if (CLAUSE_WORDS.mayHave(t.norm)) {
        // "HRANA, when asked, put deaths at …": "when" in a short aside between commas opens no clause of its own.
        if (t.norm === 'when' && k > 0 && /,\s*$/.test(masked.slice(toks[k - 1].end, t.start)) && toks.slice(k + 1, k + 4).some((x, j) => /,/.test(masked.slice(toks[k + j].end, x.start)))) {
          /* an aside */
        } else if (STRONG.has(t.norm)) strong++;
        else if (t.norm === 'and') commas++; // "... and that 15,000 were detained" starts another clause
      }
      out.strong[k] = strong;
      out.commas[k] = commas;
      prevEnd = t.end;
    }
    return out;
  }

  private commasBetween(a: number, b: number): number {
    const n = this.commas.length - 1;
    return Math.abs(this.commas[Math.min(a, n)] - this.commas[Math.min(b, n)]);
  }

  /** Whether neither a clause boundary nor a comma (nor "and") separates tokens `a` and `b`. */
  unbroken(a: number, b: number): boolean {
    return this.sameClause(a, b) && this.commasBetween(a, b) === 0;
  }

  /** Whether no strong clause boundary (; — while, but …) separates tokens `a` and `b`. */
  sameClause(a: number, b: number): boolean {
    const n = this.strong.length - 1;
    if (n < 0) return true;
    return this.strong[Math.min(a, n)] === this.strong[Math.min(b, n)];
  }

  /** Index of the first token at or after `offset`. */
  tokenAt(offset: number): number {
    const toks = this.sentence.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Weight in (0, 1] of a link between tokens `a` and `b`: near and in one clause is strong. */
  weight(a: number, b: number): number {
    const n = this.strong.length;
    const ia = Math.min(a, n - 1);
    const ib = Math.min(b, n - 1);
    if (ia < 0 || ib < 0) return 0;
    const dist = Math.abs(a - b);
    const strong = Math.abs(this.strong[ia] - this.strong[ib]);
    const commas = Math.abs(this.commas[ia] - this.commas[ib]);
    return (1 / (1 + dist / 6)) * (strong < POWERS ? STRONG_FACTOR[strong] : Math.pow(0.3, strong)) * (commas < POWERS ? COMMA_FACTOR[commas] : Math.pow(0.75, commas));
  }

  /**
   * Strength with which any of `phrases` ties to the span of tokens [from, to): the best
   * weight over their occurrences in the sentence, 0 if none occurs. `firstWords`, if given,
   * lets through the first word of each phrase (CompiledSheet.contextWords does for the sheet's
   * context phrases): only the sentence's words it lets through are then indexed and hashed.
   */
  phraseWeight(phrases: string[][], from: number, to: number, others?: readonly number[], firstWords?: WordSieve): number {
    let best = 0;
    const lemmas = this.lemmas;
    for (const words of phrases) {
      // A phrase whose first word the sieve turns away is looked for word by word.
      if (!words.length || (firstWords && !firstWords.mayHave(words[0]))) {
        outer: for (let at = 0; at + words.length <= lemmas.length; at++) {
          for (let j = 0; j < words.length; j++) if (lemmas[at + j] !== words[j]) continue outer;
          best = Math.max(best, this.phraseWeightAt(at, words.length, from, to, others));
        }
        continue;
      }
      // The sentence's words are indexed on the first call: it is asked about many phrases.
      const { first, next } = this.wordPositions(firstWords);
      let at = first.get(words[0]) ?? -1;
      // A run-on "sentence" of thousands of words (a pasted list, a stripped table): only words
      // within LINK_WINDOW of the figure are read, so each figure costs the same however long it is.
      const windowed = lemmas.length > 2 * LINK_WINDOW;
      if (windowed && at >= 0) at = this.firstAtOrAfter(words[0], from - LINK_WINDOW, firstWords);
      outer: for (; at >= 0; at = next[at]) {
        if (windowed && at > to + LINK_WINDOW) break;
        if (at + words.length > lemmas.length) break;
        for (let j = 1; j < words.length; j++) if (lemmas[at + j] !== words[j]) continue outer;
        const w = this.phraseWeightAt(at, words.length, from, to, others);
        if (w > best) best = w;
      }
    }
    return best;
  }

  private phraseWeightAt(at: number, len: number, from: number, to: number, others?: readonly number[]): number {
    if (at >= from && at < to) return 0;
    // A word nearer another figure of the sentence is that figure's ("the 6,872 deaths …, 214 were children").
    if (others) {
      const own = gap(at, len, from, to);
      // Figures are in sentence order and a few words long: in a run-on sentence, only those
      // that start within reach of the word can be nearer to it.
      let i = 0;
      let stop = others.length;
      if (others.length > 2 * LINK_WINDOW) {
        // Pairs [from, to, from, to, …], sorted by from: the first whose from reaches the bound.
        const pairAtLeast = (min: number) => 2 * lowerBound(others.length >> 1, (k) => others[2 * k] < min);
        i = pairAtLeast(at - own - LINK_WINDOW);
        stop = Math.min(others.length, pairAtLeast(at + len + own + 1));
      }
      for (; i < stop; i += 2) {
        if (others[i] === from || gap(at, len, others[i], others[i + 1]) >= own) continue;
        // "Vandaele was fined €120,000 and the company €2 million": the second figure of a gapped
        // clause shares the first's verb, as strongly as the first does.
        if (at + len <= others[i] && this.gapped(others[i + 1], from)) return 0.8 * this.weight(at + len - 1, others[i]);
        return 0;
      }
    }
    // What a figure counts usually follows it ("1,204 jobs"); a word before it ties less.
    return at < from ? 0.8 * this.weight(at + len - 1, from) : this.weight(at, to - 1);
  }

  /**
   * Whether the words between a figure ending before token `end` and the figure at `from` open a
   * gapped clause: "and", then a determiner or a name and at most two more words, with no verb
   * of their own ("… and the company €2 million", "… and Vandaele four").
   */
  private gapped(end: number, from: number): boolean {
    const toks = this.sentence.tokens;
    if (from - end < 2 || from - end > 4 || toks[end].norm !== 'and') return false;
    if (/[,;:]/.test(this.masked.slice(toks[end].end, toks[from].start))) return false;
    const head = toks[end + 1];
    // No verb of their own: "and the company lost €2 million" is a clause, not a gap.
    for (let k = end + 2; k < from; k++) if (/\p{Ll}(?:ed|en)$/u.test(toks[k].norm) || REPORTING.has(toks[k].norm) || isIrregularVerbForm(toks[k].norm)) return false;
    return DETERMINERS.has(head.norm) || (/^\p{Lu}/u.test(head.text) && from - end === 2);
  }

  /** The first position at or after `min` of a word of the sentence (-1: none); for long sentences. `word` must pass `sieve`, if one is given. */
  private firstAtOrAfter(word: string, min: number, sieve?: WordSieve): number {
    if (!this.lists || this.lists.sieve !== sieve) {
      const byWord = new Map<string, number[]>();
      this.lemmas.forEach((w, i) => {
        if (sieve && !sieve.mayHave(w)) return;
        const l = byWord.get(w);
        if (l) l.push(i);
        else byWord.set(w, [i]);
      });
      this.lists = { byWord, sieve };
    }
    const l = this.lists.byWord.get(word);
    if (!l) return -1;
    const k = lowerBound(l.length, (j) => l[j] < min);
    return k < l.length ? l[k] : -1;
  }

  /**
   * Where each normalised word first occurs, and from each position the next of the same word
   * (-1: none). Only the words `sieve` (if given) lets through are indexed: phraseWeight looks
   * up no other word here.
   */
  private wordPositions(sieve?: WordSieve): { first: Map<string, number>; next: number[] } {
    if (this.positions && this.positions.sieve === sieve) return this.positions;
    const lemmas = this.lemmas;
    const first = new Map<string, number>();
    const next: number[] = new Array<number>(lemmas.length).fill(-1); // a plain array: see countClauses
    for (let i = lemmas.length - 1; i >= 0; i--) {
      const w = lemmas[i];
      if (sieve && !sieve.mayHave(w)) continue;
      next[i] = first.get(w) ?? -1;
      first.set(w, i);
    }
    this.positions = { first, next, sieve };
    return this.positions;
  }

  /** Entity mentions in the sentence (longest phrase wins where phrases overlap). */
  /** The people the sentence names before token `before` (all of them by default), in order. */
  persons(sheet: CompiledSheet, before = Infinity): string[] {
    return this.mentions(sheet)
      .filter((x) => x.at < before && sheet.entities.get(x.id)?.type === 'person')
      .map((x) => x.id);
  }

  mentions(sheet: CompiledSheet): { id: string; at: number; len: number }[] {
    if (this.mentionCache) return this.mentionCache;
    const toks = this.sentence.tokens;
    const byFirst = phrasesByFirstWord(sheet);
    // Every occurrence of every phrase, found from the sentence's words…
    const hits: { order: number; at: number; len: number; id: string }[] = [];
    for (let at = 0; at < toks.length; at++) {
      const cands = byFirst.get(toks[at].norm);
      if (!cands) continue;
      outer: for (const { order, words, id } of cands) {
        if (at + words.length > toks.length) continue;
        for (let j = 1; j < words.length; j++) if (toks[at + j].norm !== words[j]) continue outer;
        hits.push({ order, at, len: words.length, id });
      }
    }
    // …then taken in the sheet's phrase order (longest first), skipping any that overlaps one taken.
    sorted(hits, (a, b) => a.order - b.order || a.at - b.at);
    const found: { id: string; at: number; len: number }[] = [];
    // Few hits (the usual case): compare with those taken; many: mark the tokens taken.
    const used = hits.length > 16 ? new Uint8Array(toks.length) : undefined;
    for (const h of hits) {
      if (used) {
        let free = true;
        for (let i = h.at; i < h.at + h.len; i++) if (used[i]) free = false;
        if (!free) continue;
        used.fill(1, h.at, h.at + h.len);
      } else if (found.some((f) => h.at < f.at + f.len && f.at < h.at + h.len)) continue;
      found.push({ id: h.id, at: h.at, len: h.len });
    }
    this.mentionCache = sorted(found, (a, b) => a.at - b.at);
    return this.mentionCache;
  }

  /**
   * Who the sentence says reported the span [from, to): the reporter entity with the
   * strongest link, if it clearly beats the others. A mention after the span counts fully
   * only as "by X", "according to X" or "X said".
   */
  reporter(sheet: CompiledSheet, from: number, to: number): string | undefined {
    const toks = this.sentence.tokens;
    const score = new Map<string, number>();
    const where = new Map<string, { at: number; len: number }>();
    this.reporterAt = undefined;
    let near = this.mentions(sheet);
    if (toks.length > 2 * LINK_WINDOW) {
      // A run-on "sentence": only the mentions within LINK_WINDOW words of the figure.
      this.mentionsByPosition ??= [...near].sort((a, b) => a.at - b.at);
      const all = this.mentionsByPosition;
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
    const pronounAt = this.clausePronounBefore(from);
    for (const n of near) {
      if (pronounAt >= 0 && n.at < pronounAt && n.at > 1) continue;
      // "Iran acknowledges 6,872": a country that says something speaks through its one reporter
      // named after it ("Iranian authorities").
      // So does its possessive before what it counts or after "by" ("Tehran's own tally of 50,000", "by Tehran's count").
      const m = !sheet.reporters.has(n.id) && (REPORTING.has(toks[n.at + n.len]?.norm ?? '') || this.countedBy(n)) ? { ...n, id: countryVoice(sheet, n.id) ?? n.id } : n;
      if ((m.at >= from && m.at < to) || !sheet.reporters.has(m.id)) continue;
      // "more than twice the official figure, with over 11,000 …": what a figure is compared with is
      // no source of the figures after it ("twice the official toll of 3,117" is that toll's own).
      // Nor of the figure it is compared with ("3,117 deaths, more than twice the official toll").
      if (COMPARED.has(this.wordBefore(m.at) ?? '') && (m.at >= to || this.commasBetween(m.at, from) > 0)) continue;
      let w: number;
      // "according to the Iranian authorities", "by the Iranian judiciary": an article and a
      // capitalised modifier do not part the source from its cue.
      let lead = m.at;
      while (lead > 0 && m.at - lead < 2 && (toks[lead - 1].norm === 'the' || /^\p{Lu}\p{Ll}+$/u.test(toks[lead - 1].text)) && /^[ \t\u00a0]+$/.test(this.masked.slice(toks[lead - 1].end, toks[lead].start))) lead--;
      const according = lead >= 2 && toks[lead - 2].norm === 'according' && toks[lead - 1].norm === 'to';
      if (m.at < from) {
        // "the 3,117 acknowledged by the authorities, and … 500,000 arrests": the agent of a
        // participle after another figure reports that figure, not the ones after it.
        if (this.agentOfEarlierFigure(m.at, m.len, from)) continue;
        w = this.weight(m.at + m.len - 1, from);
        // The subject of the clause reports everything in it, however long the clause.
        if (this.strong[Math.min(m.at, this.strong.length - 1)] === this.strong[Math.min(from, this.strong.length - 1)]) w = Math.max(w, 0.5 * Math.pow(0.75, this.commasBetween(m.at, from)));
        // "according to X, N ..." reads across the comma.
        if (according) w = Math.max(w, this.weight(m.at, from) / 0.75);
        // "The minister, Eilidh MacRath, said she …, and promised £600,000": the subject of the
        // sentence's verb of saying reports what follows in its clause, past asides and "and".
        // (Not a possessive, "the authorities' count"; not past another source of the clause,
        // "…, and HRANA's list of 2,986", bar one that is the complement of a noun, "every
        // recommendation of the report".)
        else if (REPORTING.has(toks[m.at + m.len]?.norm ?? '') && !/['’]s?$/.test(toks[m.at + m.len - 1].text) && this.sameClause(m.at, from) && !near.some((o) => o.at > m.at + m.len && o.at < from && sheet.reporters.has(o.id) && this.wordBefore(o.at) !== 'of')) w = Math.max(w, 0.6);
      } else {
        w = this.weight(to - 1, m.at);
        let by = false;
        for (let k = Math.max(0, lead - 2); k < lead; k++) if (SOURCE_WORDS.has(toks[k].norm)) by = true;
        const after = toks[m.at + m.len]?.norm;
        // A table row is a record: the source in another of its cells reports its figures.
        const otherCell = !!this.sentence.tableHeaders && this.headerOf(toks[m.at].start) !== this.headerOf(toks[from]?.start ?? -1);
        if (!by && !(after && REPORTING.has(after)) && !otherCell) w *= 0.3;
        // "…, according to X" names the source of its clause outright: it outweighs a clause subject.
        if (according && this.sameClause(to - 1, m.at)) w = Math.max(w, 0.75);
      }
      if (w > (score.get(m.id) ?? -1)) where.set(m.id, { at: m.at, len: m.len });
      score.set(m.id, Math.max(score.get(m.id) ?? 0, w));
    }
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
    if (top === undefined) return this.pronounReporter(sheet, from);
    if (topW < 0.25) return undefined;
    if (secondW * 1.3 > topW) return undefined;
    this.reporterAt = where.get(top);
    return top;
  }

  /**
   * "The authorities published 2,986 names. They also say 50,000 …": a sentence opened by a
   * subject pronoun and a verb of reporting, or by a possessive one before what it counts ("Its
   * own count of …"), with no source of its own, has the previous sentence's subject as source
   * (a reporter opening it, not in a possessive).
   */
  private pronounReporter(sheet: CompiledSheet, from: number): string | undefined {
    const toks = this.sentence.tokens;
    if (!toks.length || from < 2) return undefined;
    // "Its own count of 3,117 …": a possessive pronoun before what it counts, as "by its count".
    const possessive = /^(?:its|their)$/.test(toks[0].norm) && (toks[1]?.norm === 'own' ? toks[3] : toks[2])?.norm === 'of';
    if (!possessive) {
      if (!SUBJECT_PRONOUN.test(toks[0].norm)) return undefined;
      const verb = REPORTING.has(toks[1]?.norm ?? '') ? 1 : REPORTING.has(toks[2]?.norm ?? '') ? 2 : -1;
      if (verb < 0 || verb >= from) return undefined;
    }
    const prev = this.previous;
    const subject = prev?.mentions(sheet).find((x) => x.at <= 2);
    if (!prev || !subject || !sheet.reporters.has(subject.id) || /['’]s?$/.test(prev.sentence.tokens[subject.at + subject.len - 1].text)) return undefined;
    return subject.id;
  }

  /**
   * A possessive that says whose count a figure is: after "by" or "according to" ("by Tehran's
   * count"), or before a noun (perhaps "own") and "of" ("Tehran's own tally of 50,000 arrests").
   */
  private countedBy(n: { at: number; len: number }): boolean {
    const toks = this.sentence.tokens;
    const end = n.at + n.len;
    if (!/['’]s?$/.test(toks[end - 1].text)) return false;
    if (SOURCE_WORDS.has(this.wordBefore(n.at) ?? '') || this.wordBefore(n.at) === 'to') return true;
    const k = toks[end]?.norm === 'own' ? end + 1 : end;
    return !!toks[k] && /^\p{Ll}+$/u.test(toks[k].text) && toks[k + 1]?.norm === 'of';
  }

  /** The word before the noun phrase ending in the mention at token `at`, past its article and capitalised modifiers ("of [the Corran Bay] report"). */
  private wordBefore(at: number): string | undefined {
    const toks = this.sentence.tokens;
    let k = at;
    while (k > 0 && at - k < 3 && (toks[k - 1].norm === 'the' || /^\p{Lu}/u.test(toks[k - 1].text))) k--;
    return toks[k - 1]?.norm;
  }

  /**
   * The subject pronoun ("it", "she", "they've") that opens a coordinated clause ("…, and it has
   * documented", "; she said") before token `from`, or -1: its antecedent is the sentence's subject.
   */
  private clausePronounBefore(from: number): number {
    const toks = this.sentence.tokens;
    for (let p = from - 1; p > 0 && p >= from - 6; p--) {
      if (!SUBJECT_PRONOUN.test(toks[p].norm)) continue;
      return toks[p - 1].norm === 'and' || /[,;]/.test(this.masked.slice(toks[p - 1].end, toks[p].start)) ? p : -1;
    }
    return -1;
  }

  /**
   * Is the mention at token `at` the agent ("by [the] X") of a participle that follows a figure
   * ("3,117 acknowledged by"), and the figure at `from` in a predicate coordinated after it ("…,
   * and documented 500,000 arrests"), whose subject is the clause's own? Not when a relative
   * clause makes the agent a subject again ("by HRANA, which has also documented …").
   */
  private agentOfEarlierFigure(at: number, len: number, from: number): boolean {
    const toks = this.sentence.tokens;
    const next = toks[at + len]?.norm;
    if (next === 'which' || next === 'who') return false;
    let coordinated = false;
    for (let j = at + len; j + 1 < from && !coordinated; j++) coordinated = toks[j].norm === 'and' && (REPORTING.has(toks[j + 1].norm) || /\p{Ll}ed$/u.test(toks[j + 1].norm) || this.lemmas[j + 1] !== toks[j + 1].norm);
    if (!coordinated) return false;
    let k = at - 1;
    if (toks[k]?.norm === 'the') k--;
    if (toks[k]?.norm !== 'by' || k < 2) return false;
    const participle = toks[k - 1];
    if (!/\p{Ll}ed$/u.test(participle.norm) && this.lemmas[k - 1] === participle.norm) return false;
    return /\d/.test(toks[k - 2].text) || (k >= 3 && /\d/.test(toks[k - 3].text) && /^\p{Ll}+$/u.test(toks[k - 2].norm));
  }

  private clauseNames?: Map<number, Set<string>>;

  /** The entities named in the clause of token `at` (computed once per sentence, by clause). */
  namedInClause(sheet: CompiledSheet, at: number): Set<string> | undefined {
    if (!this.clauseNames) {
      this.clauseNames = new Map();
      const n = this.strong.length - 1;
      for (const x of this.mentions(sheet)) {
        const k = n < 0 ? 0 : this.strong[Math.min(x.at, n)];
        const set = this.clauseNames.get(k) ?? new Set<string>();
        set.add(x.id);
        this.clauseNames.set(k, set);
      }
    }
    const n = this.strong.length - 1;
    return this.clauseNames.get(n < 0 ? 0 : this.strong[Math.min(at, n)]);
  }

  /**
   * What the clause of token `at` relates its figures to, as a place: the sheet's places named by
   * a possessive ("Turkey's trade") or as the object of a preposition of relation ("trade with
   * Turkey", "between Iran and Turkey"), and whether a capitalised word the sheet never uses
   * stands there. Not a place of where ("in London"), a source ("according to Reuters") nor a
   * person ("a letter to Mr Smith").
   */
  relatedPlaces(sheet: CompiledSheet, at: number, text: string): { places: Set<string>; stranger: boolean } {
    const toks = this.sentence.tokens;
    const byStart = new Map(this.mentions(sheet).map((m) => [m.at, m]));
    const out = { places: new Set<string>(), stranger: false };
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!this.sameClause(k, at) || !/^\p{Lu}/u.test(t.text)) continue;
      const prev = toks[k - 1];
      if (!(/['’]s?$/.test(t.text) || (prev && RELATION.has(prev.norm)))) continue;
      if (prev && (HONORIFIC.test(prev.norm) || (prev.norm === 'to' && toks[k - 2]?.norm === 'according'))) continue;
      const m = byStart.get(k);
      if (m) {
        if (sheet.entities.get(m.id)?.type === 'place') out.places.add(m.id);
        continue;
      }
      // A word the sheet never uses, capitalised in mid sentence (not a month, not after a colon or an opening quote).
      // (A sentence's first word is capitalised anyway, unless it is a possessive: "Turkey's trade".)
      const first = k === 0 || /[:“"‘(\[]\s*$/.test(text.slice(toks[k - 1].end, t.start));
      if ((!first || /['’]s?$/.test(t.text)) && /^\p{Lu}\p{Ll}/u.test(t.text) && !sheet.vocabulary.has(t.norm) && !MONTHS_DAYS.has(t.norm)) out.stranger = true;
    }
    return out;
  }

  /** For a table cell: the label of its row (the row's first cell), unless it is that cell. */
  rowLabelOf(offset: number): string | undefined {
    const first = this.sentence.tableHeaders?.[0];
    if (!first || (offset >= first[0] && offset < first[1])) return undefined;
    return this.masked.slice(first[0], first[1]);
  }

  /** For a table cell: the reporter its column header names ("| Operator (KVR) |"), if one. */
  headerReporter(sheet: CompiledSheet, offset: number): string | undefined {
    const header = this.headerOf(offset);
    if (!header) return undefined;
    const words = phraseWords(header);
    const byFirst = phrasesByFirstWord(sheet);
    for (let i = 0; i < words.length; i++) {
      for (const p of byFirst.get(words[i]) ?? []) {
        if (sheet.reporters.has(p.id) && p.words.every((w, j) => words[i + j] === w)) return p.id;
      }
    }
    return undefined;
  }

  /** Extra context for a table cell: the header text of its column. */
  headerOf(offset: number): string | undefined {
    return this.sentence.tableHeaders?.find(([s, e]) => offset >= s && offset < e)?.[2];
  }
}
