/**
 * Reads what a span of a sentence is about: how strongly context words and entity mentions
 * nearby tie it to a fact, weighing distance and clause boundaries.
 */
import type { CompiledSheet } from '../sheet/compile';
import { isIrregularVerbForm, lemmaOf } from '../language/lemma';
import { REPORTING } from './speech';
import { readReporter } from './reporter';
import { LINK_WINDOW, phrasesByFirstWord, wordsOfEntities } from './entityPhrases';
import { phraseWords, WordSieve, type Token } from '../text/tokens';
import { type Sentence } from '../text/sentences';
import { lowerBound, sorted } from '../search';
import { HONORIFIC, MONTHS_DAYS } from '../mentions/names';
import { isCommonWord, usually } from '../language/lexicon';
import { countryOfCapital } from '../language/countries';
import { derivedFrom } from '../language/spelling';

/**
 * "its emergency department", "St Anne's emergency department": a common noun of an entity's
 * mentions after a noun that no phrase of that entity has, itself after a possessive that names
 * its owner, is another thing of its kind, that owner's. Without a possessive the modifier
 * describes the entity ("the transport union"); the entity's own compounds ("health
 * department") are its phrases, and an adjective changes nothing.
 */
function otherCompound(masked: string, toks: readonly Token[], at: number, id: string, sheet: CompiledSheet): boolean {
  const prev = toks[at - 1];
  if (!prev || !/^\p{Ll}/u.test(toks[at].text) || !/^\p{Ll}+$/u.test(prev.text) || usually(prev.norm) !== 'n') return false;
  if (!/^[ \t\u00a0]+$/.test(masked.slice(prev.end, toks[at].start))) return false;
  if (wordsOfEntities(sheet).get(id)?.has(prev.norm)) return false;
  const owner = toks[at - 2];
  return !!owner && (/^(?:its|their|his|her|our)$/.test(owner.norm) || /['’]s?$/.test(owner.text));
}

/** Is the UTF-16 unit an ASCII digit? */
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const STRONG = new Set(['while', 'whereas', 'but', 'though', 'although', 'however', 'meanwhile', 'unlike', 'when']);
/** STRONG and "and": the words countClauses reads (most words are turned away before the look-up, never hashed). */
const CLAUSE_WORDS = new WordSieve([...STRONG, 'and']);

/** 0.3 and 0.75 to the powers 0 … POWERS - 1: what each strong clause boundary and each comma between two words costs a link. */
const POWERS = 16;
const STRONG_FACTOR = Float64Array.from({ length: POWERS }, (_, k) => Math.pow(0.3, k));
const COMMA_FACTOR = Float64Array.from({ length: POWERS }, (_, k) => Math.pow(0.75, k));

/** Words that open a noun phrase: the subject of a gapped clause ("and the company €2 million"). */
export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'each']);

/** Prepositions that relate a figure to what it is of ("trade with X", "between X and Y", "exports to X"). */
const RELATION = new Set(['with', 'between', 'and', 'to', 'from']);

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
  private stems?: string[];
  /** Where the last {@link reporter} found named the reporter (tokens [at, at + len)). */
  reporterAt?: { at: number; len: number };

  /** The sentence before in the paragraph (whom an opening "they said" stands for), set by check.ts. */
  previous?: SentenceContext;

  constructor(
    readonly sentence: Sentence,
    /** The paragraph's text with code and markup masked, which the sentence's offsets index. */
    readonly masked: string,
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
        // (A comma between digits, "12,000", groups a figure's digits: no comma of the clause.)
        if (ch === 0x2c) commas += i === prevEnd && i === t.start - 1 && isDigit(masked.charCodeAt(i - 1)) && isDigit(masked.charCodeAt(i + 1)) ? 0 : 1;
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

  /** How many commas (and "and"s) stand between tokens `a` and `b`. */
  commasBetween(a: number, b: number): number {
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

  /** The people the sentence names before token `before` (all of them by default), in order. */
  persons(sheet: CompiledSheet, before = Infinity): string[] {
    return this.mentions(sheet)
      .filter((x) => x.at < before && sheet.entities.get(x.id)?.type === 'person')
      .map((x) => x.id);
  }

  /** Entity mentions in the sentence (longest phrase wins where phrases overlap), in order. */
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
        if (otherCompound(this.masked, toks, at, id, sheet)) continue;
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
   * Who the sentence says reported the span [from, to) (see {@link readReporter}); where it names
   * them is left in {@link reporterAt}.
   */
  reporter(sheet: CompiledSheet, from: number, to: number): string | undefined {
    const found = readReporter(this, sheet, from, to);
    this.reporterAt = found?.span;
    return found?.id;
  }

  /** The word before the noun phrase ending in the mention at token `at`, past its article and capitalised modifiers ("of [the Corran Bay] report"). */
  wordBefore(at: number): string | undefined {
    const toks = this.sentence.tokens;
    let k = at;
    while (k > 0 && at - k < 3 && (toks[k - 1].norm === 'the' || /^\p{Lu}/u.test(toks[k - 1].text))) k--;
    return toks[k - 1]?.norm;
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
      // "Ankara said its trade with Iran …": a possessive pronoun relates the figure to the
      // sentence's subject; a name there that the story never uses, and no English word nor the
      // capital of a country of the story (countries-list), is a stranger.
      // (Mid-sentence, any capitalised word; first in the sentence, one that is no English word.)
      if ((t.norm === 'its' || t.norm === 'their') && this.sameClause(k, at)) {
        for (let j = 0; j < k && !out.stranger; j++) {
          const w = toks[j];
          if (!this.sameClause(j, k) || !/^\p{Lu}\p{Ll}/u.test(w.text) || byStart.has(j) || sheet.vocabulary.has(w.norm) || MONTHS_DAYS.has(w.norm) || HONORIFIC.test(w.norm)) continue;
          // A capital speaks for its country ("Beijing said its trade …" is China's, a sheet place's).
          // So does its people's name ("Chinese officials said their trade …").
          const country = countryOfCapital(w.norm);
          if (sheet.entityPhrases.some((p) => sheet.entities.get(p.id)?.type === 'place' && (p.words.join(' ') === country || (p.words.length === 1 && derivedFrom(w.norm, p.words[0]))))) continue;
          if (j > 0 || !isCommonWord(w.norm)) out.stranger = true;
        }
      }
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

  /** Whether the tokens of `span` lie in the table cell holding `offset` (false outside a table or with no span). */
  inCellOf(offset: number, span: { at: number; len: number } | undefined): boolean {
    const cell = this.sentence.tableHeaders?.find(([s, e]) => offset >= s && offset < e);
    const tok = span && this.sentence.tokens[span.at];
    return !!cell && !!tok && tok.start >= cell[0] && tok.start < cell[1];
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
