import { findMentions, isRangeEnd } from '../mentions/numbers';
import { countedWord } from '../mentions/counted';
import { lemmasOf } from '../language/lemma';
import { isFunctionWord, isPluralNoun } from '../language/lexicon';
import { phraseWords, WordSieve } from '../text/tokens';
import type { Entity, FactSheet, Figure, DateFact, Quote, Setting } from '../types';

/** A phrase to look for in a sentence, as normalised words, and what it stands for. */
export interface Phrase {
  words: string[];
  id: string;
}

/** Indexes of a fact sheet, computed once per sheet object and reused by every check. */
export interface CompiledSheet {
  sheet: FactSheet;
  entities: Map<string, Entity>;
  /** Every way the draft can refer to an entity (name, aliases, common-noun mentions, titles). */
  entityPhrases: Phrase[];
  /** Those of entityPhrases that are role titles (joined words): a title names any story's holder. */
  titlePhrases: Set<string>;
  /** Entity ids that report at least one figure. */
  reporters: Set<string>;
  /** The sheet's figures, a `range` as its two ends (each with the range's id, its value and its own words). */
  figures: Figure[];
  /** Figures that are an end of a range: a `range`'s, or one that stands so in its cited sentence ("0.48 to 0.75"). */
  rangeEnds: Set<Figure>;
  /** Figures that are ages in their own sentences ("a 71-year-old man", "aged 71", "71 years old"). */
  ages: Set<string>;
  /** For the first end of a range (a `range`'s, or two figures of one cited sentence), the second end. */
  rangePartners: Map<Figure, Figure>;
  /** The second ends of rangePartners. */
  rangeHighs: Set<Figure>;
  /** Each figure by id (a range by its first end). */
  figureById: Map<string, Figure>;
  /** The figures of kind duration (rules/durations.ts). */
  durationFacts: Figure[];
  /** The years a figure's own words date it to ("share of the crop lost in the 1976 drought"), by fact id. */
  figureYears: Map<string, string[]>;
  /** The figures of kind ratio (rules/ratioKinds.ts). */
  ratioFacts: Figure[];
  /**
   * Durations told as two figures ("seven years and six months", "two hours and 20 minutes"): the
   * first part's fact id, the whole in the first part's unit, that unit, and the cited words of
   * the whole ("six hours and 40 minutes").
   */
  durations: { first: string; total: number; unit: 'years' | 'hours'; text: string }[];
  /** Whom each figure is about: its `about`, else the people its `counts` names, its reporter aside ("years prosecutors sought for Brekalo"). */
  figureAbout: Map<string, string[]>;
  /** Figures of the story's verified texts (the article, its documents) outside the cited sentences of the facts of their kind and value, by kind and value, with the words they count (see sources.ts). */
  unlisted?: Map<string, Set<string>>;
  /** The story's verified texts themselves (the article, the documents), when the check has them. */
  sourceTexts?: readonly string[];
  /** Totals of two counts of one cited sentence ("312 passengers and 41 crew": 353 on board), with the two facts. */
  sums: { value: number; of: [Figure, Figure] }[];
  /** The places each figure's `counts` names ("total Iran–China bilateral trade"): what it is of. */
  figurePlaces: Map<string, string[]>;
  /** Each figure's context phrases, as word stems (see language/lemma.ts). */
  figureContext: Map<string, string[][]>;
  /** Each figure's own words: the stems of the lower-case words of its `counts` and cited sentence ("verified", "protesters"). */
  figureWords: Map<string, Set<string>>;
  /** Per figure, the stems of the words of its text, description and context ("97 weeks the longest wait …"): the units and words it says itself. */
  figureTerms: Map<string, Set<string>>;
  dates: DateFact[];
  /** Each dated event's context phrases, as word stems. */
  dateContext: Map<string, string[][]>;
  /** Each dated event's context phrases in two: those of function words only ("from", "since"; read from the sheet's own words, not their stems), and the rest. */
  dateContextParts: Map<string, { content: string[][]; function: string[][] }>;
  /** The first word of every phrase of figureContext and dateContext (what SentenceContext.phraseWeight looks up). */
  contextWords: WordSieve;
  quotes: Quote[];
  settings: Setting[];
  /** Lower-cased words and names that are never misspellings of a sheet name. */
  otherNames: Set<string>;
  /** For each entity, the entities that speak with its voice (itself, the organisation a person speaks for, and back). */
  voices: Map<string, Set<string>>;
  /** Every word of the sheet (its names, cited sentences, quotes, descriptions), lower-cased: what the story's text can name. */
  vocabulary: Set<string>;
}

/** Do two entities speak with one voice: the same entity, or a person and the organisation they speak for? */
export function sameVoice(sheet: CompiledSheet, a: string, b: string): boolean {
  return a === b || !!sheet.voices.get(a)?.has(b);
}

/** The years a text writes in digits ("in 2019", "the 1981 frost"). */
export function yearsIn(text: string): string[] {
  return text.match(/\b(?:1[89]|20)\d\d\b/g) ?? [];
}

/** Where a figure's text stands in its cited sentence (its first occurrence); -1 for both when it does not. */
export function placeIn(f: Figure): { start: number; end: number } {
  const at = f.source.indexOf(f.text);
  return at < 0 ? { start: -1, end: -1 } : { start: at, end: at + f.text.length };
}

/** Whether a figure's text stands as an age in its own sentence ("a 71-year-old man", "aged 71", "71 years old"). */
function isAgeIn(f: Figure): boolean {
  const { start, end } = placeIn(f);
  if (start < 0 || f.kind !== 'count') return false;
  return /^[- \u00a0]years?[- \u00a0]old\b/.test(f.source.slice(end, end + 12)) || /\baged[ \u00a0]$/i.test(f.source.slice(Math.max(0, start - 6), start));
}

/** Between two figures, the noun the first counts and "to": "(41) votes to (30)". */
export const NOUN_TO = /^\s+\p{Ll}+\s+to\s+$/u;

/** Pairs of figures of one cited sentence whose texts stand as "A to B", "A–B" or "between A and B" (or "A votes to B"). */
function rangePartnersOf(figures: Figure[]): Map<Figure, Figure> {
  const out = new Map<Figure, Figure>();
  for (const a of figures) {
    if (a.range) continue;
    const pa = placeIn(a);
    if (pa.start < 0) continue;
    for (const b of figures) {
      if (b === a || b.range || b.source !== a.source) continue;
      const pb = placeIn(b);
      // ("41 votes to 30": the noun the first counts may stand before "to".)
      if (pb.start > pa.end && (/^\s*(?:to|-|–|—|and)\s*$/.test(a.source.slice(pa.end, pb.start)) || NOUN_TO.test(a.source.slice(pa.end, pb.start)))) out.set(a, b);
    }
  }
  return out;
}

/** A range fact as its two ends, each a figure of its own value and words ("$9.4bn" of "between $9.4bn and $9.8bn"). */
function rangeEndsOf(f: Figure): [Figure, Figure] {
  const { low, high } = f.range!;
  const read = findMentions(f.text);
  const words = (v: number) => {
    const m = read.find((x) => Math.abs(x.value - v) <= 1e-9 * Math.max(1, Math.abs(v)));
    return m ? f.text.slice(m.start, m.end) : f.text;
  };
  return [
    { ...f, value: low, text: words(low) },
    { ...f, value: high, text: words(high) },
  ];
}

/** The smaller unit a duration's first part may be followed by, and how many of it make one. */
const SECOND_PART: Record<'years' | 'hours', { unit: RegExp; per: number }> = {
  years: { unit: /^\s+months?\b/, per: 12 },
  hours: { unit: /^\s+minutes?\b/, per: 60 },
};

/**
 * Pairs of figures of one cited sentence that read as one duration in two units: "N years and M
 * months", "N hours and M minutes"; the first a count ("7" of "7 years") or a duration ("two hours").
 */
function durationsOf(sheet: FactSheet): CompiledSheet['durations'] {
  const out: CompiledSheet['durations'] = [];
  for (const y of sheet.figures) {
    const py = placeIn(y);
    if (py.start < 0) continue;
    // The first part's unit: after its number in the sentence, or in a duration's own text.
    const after = /^\s+(year|hour)s?\s+(?:and\s+)?/.exec(y.source.slice(py.end, py.end + 12));
    const own = y.kind === 'duration' && (y.unit === 'years' || y.unit === 'hours') ? /^\s+(?:and\s+)?/.exec(y.source.slice(py.end, py.end + 6)) : null;
    const unit = after ? (`${after[1]}s` as 'years' | 'hours') : own ? (y.unit as 'years' | 'hours') : undefined;
    if (!unit) continue;
    const gap = (after ?? own)![0].length;
    for (const mo of sheet.figures) {
      const pm = placeIn(mo);
      if (mo === y || mo.kind !== 'count' || mo.source !== y.source || pm.start !== py.end + gap) continue;
      const second = SECOND_PART[unit].unit.exec(mo.source.slice(pm.end));
      if (second) out.push({ first: y.id, total: y.value + mo.value / SECOND_PART[unit].per, unit, text: y.source.slice(py.start, pm.end + second[0].length) });
    }
  }
  return out;
}

/**
 * Totals of two counts coordinated in one cited sentence, a noun each ("312 passengers and 41
 * crew": a draft may say "353 on board"); not counts of two clauses ("killed 12 and injured 40").
 */
function sumsOf(figures: Figure[]): { value: number; of: [Figure, Figure] }[] {
  const out: { value: number; of: [Figure, Figure] }[] = [];
  for (let i = 0; i < figures.length; i++) {
    const a = figures[i];
    if (a.kind !== 'count' || a.qualifier !== 'exact') continue;
    const pa = placeIn(a);
    for (let j = i + 1; j < figures.length; j++) {
      const b = figures[j];
      if (b.kind !== 'count' || b.qualifier !== 'exact' || b.source !== a.source) continue;
      const pb = placeIn(b);
      const [x, y] = pa.start < pb.start ? [pa, pb] : [pb, pa];
      if (x.start >= 0 && /^[ \t]+\p{L}+[ \t]+and[ \t]+$/u.test(a.source.slice(x.end, y.start))) out.push({ value: a.value + b.value, of: [a, b] });
    }
  }
  return out;
}

/** The people (or places) a description names, by their names and aliases (a figure's reporter aside, whom it is about). */
function aboutOf(description: string, sheet: FactSheet, type: 'person' | 'place' = 'person'): string[] {
  const words = phraseWords(description);
  const out: string[] = [];
  for (const e of sheet.entities) {
    if (e.type !== type) continue;
    const names = [e.name, ...(e.aliases ?? [])].map(phraseWords).filter((n) => n.length);
    if (names.some((n) => words.some((_, i) => n.every((w, j) => words[i + j] === w)))) out.push(e.id);
  }
  return out;
}

/** The words of every string of the sheet, lower-cased and without possessive endings. */
function vocabularyOf(sheet: FactSheet): Set<string> {
  const out = new Set<string>();
  const add = (s: string | undefined) => {
    if (s) for (const w of phraseWords(s)) out.add(w);
  };
  for (const e of sheet.entities) {
    for (const x of [e.name, ...(e.aliases ?? []), ...(e.mentions ?? []), e.source]) add(x);
    for (const r of e.roles ?? []) for (const x of [r.title, ...(r.qualifiers ?? [])]) add(x);
  }
  for (const f of sheet.figures) for (const x of [f.counts, f.source, ...f.context]) add(x);
  for (const d of sheet.dates) for (const x of [d.event, d.source, d.text]) add(x);
  for (const q of sheet.quotes) for (const x of [q.text, q.source]) add(x);
  for (const st of sheet.settings) add(st.source);
  for (const n of sheet.otherNames ?? []) add(n);
  add(sheet.story.title);
  return out;
}

/**
 * Who speaks for whom: the sheet's `speaksFor`, and a person whose role is qualified by an
 * organisation ("KVR's chief executive", "general secretary of the union"): the role's qualifier,
 * less its possessive, is one of that organisation's names, aliases or mentions.
 */
function voicesOf(sheet: FactSheet): Map<string, Set<string>> {
  const byPhrase = new Map<string, string>();
  for (const e of sheet.entities) {
    if (e.type !== 'organisation' && e.type !== 'body') continue;
    for (const p of [e.name, ...(e.aliases ?? []), ...(e.mentions ?? [])]) byPhrase.set(phraseWords(p).join(' '), e.id);
  }
  const voices = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    for (const [x, y] of [[a, b], [b, a]]) {
      const set = voices.get(x) ?? new Set<string>();
      set.add(y);
      voices.set(x, set);
    }
  };
  for (const e of sheet.entities) {
    if (e.speaksFor) link(e.id, e.speaksFor);
    // Whom a person speaks for, where the sheet says, is the one voice they have: the body their
    // title is of ("council opposition leader") is not it.
    if (e.type !== 'person' || e.speaksFor) continue;
    for (const r of e.roles ?? []) {
      for (const q of r.qualifiers ?? []) {
        const words = phraseWords(q.replace(/['’]s?$/, '')).filter((w, i) => !(i === 0 && w === 'the'));
        const org = byPhrase.get(words.join(' '));
        if (org) link(e.id, org);
      }
    }
  }
  return voices;
}

const cache = new WeakMap<FactSheet, CompiledSheet>();

/**
 * The places each figure is of, read from its description ("total Iran–China trade in 2024"); a
 * figure whose description names none ("year of the trade figure") is of the places of a figure
 * of its own sentence that is about the same thing (their context words mostly shared).
 */
function placesOf(sheet: FactSheet): Map<string, string[]> {
  const own = new Map(sheet.figures.map((f) => [f.id, aboutOf(f.counts, sheet, 'place')]));
  for (const f of sheet.figures) {
    if (own.get(f.id)!.length || !f.context?.length) continue;
    const sibling = sheet.figures.find((g) => g !== f && g.source === f.source && own.get(g.id)!.length && f.context!.filter((w) => g.context?.includes(w)).length * 2 > f.context!.length);
    if (sibling) own.set(f.id, own.get(sibling.id)!);
  }
  return own;
}

/** Compiles (or returns the cached compilation of) a fact sheet. */
export function compile(sheet: FactSheet): CompiledSheet {
  const hit = cache.get(sheet);
  if (hit) return hit;
  const entityPhrases: Phrase[] = [];
  const titlePhrases = new Set<string>();
  for (const e of sheet.entities) {
    for (const p of [e.name, ...(e.aliases ?? []), ...(e.mentions ?? [])]) {
      const words = phraseWords(p);
      if (words.length) entityPhrases.push({ words, id: e.id });
    }
    // A title names its holder too ("Brekalo's lawyer says …"); one that needs a qualifier only with it.
    for (const r of e.roles ?? []) {
      const title = phraseWords(r.title);
      if (!title.length) continue;
      if (!r.requireQualifier) entityPhrases.push({ words: title, id: e.id });
      titlePhrases.add(title.join(' '));
      for (const q of r.qualifiers ?? []) {
        const qualifier = phraseWords(q);
        if (qualifier.length) entityPhrases.push({ words: [...qualifier, ...title], id: e.id });
      }
    }
  }
  // Longest phrases first, so "city council press office" wins over "press office".
  entityPhrases.sort((a, b) => b.words.length - a.words.length);
  // A range is checked as its two ends, a pair.
  const figures: Figure[] = [];
  const declaredRanges = new Map<Figure, Figure>();
  for (const f of sheet.figures) {
    if (!f.range) figures.push(f);
    else {
      const [lo, hi] = rangeEndsOf(f);
      figures.push(lo, hi);
      declaredRanges.set(lo, hi);
    }
  }
  const rangePartners = new Map([...rangePartnersOf(figures), ...declaredRanges]);
  const figureAbout = new Map(sheet.figures.map((f) => [f.id, f.about?.length ? f.about : aboutOf(f.counts, sheet).filter((id) => id !== f.reportedBy)]));
  // A fact's context words, and what its own figure counts in its cited sentence ("appeared on
  // each other's radar 11 minutes before": minute), so "11 minutes" in a draft ties to it unlisted.
  const figureContext = new Map(
    sheet.figures.map((f) => {
      const phrases = f.context.map((c) => lemmasOf(phraseWords(c)));
      const at = placeIn(f);
      const unit = at.start >= 0 ? countedWord(f.source, at.end) : undefined;
      if (unit && !phrases.some((p) => p.length === 1 && p[0] === unit)) phrases.push([unit]);
      // ...and the noun its own text counts ("2.3 billion crowns": crown).
      const own = findMentions(f.text)[0];
      const inText = own ? countedWord(f.text, own.end) : undefined;
      if (inText && !phrases.some((p) => p.length === 1 && p[0] === inText)) phrases.push([inText]);
      // ...and the first plural noun its description names ("board members who voted against"):
      // the things its figure counts, where its sentence does not name them ("voted 5-4 for").
      const thing = phraseWords(f.counts).find(isPluralNoun);
      const counted = thing && !phraseWords(f.source).includes(thing) ? lemmasOf([thing])[0] : undefined;
      if (counted && !phrases.some((p) => p.length === 1 && p[0] === counted)) phrases.push([counted]);
      return [f.id, phrases];
    }),
  );
  const figureWords = new Map(sheet.figures.map((f) => [f.id, new Set(lemmasOf(`${f.counts} ${f.source}`.match(/(?<![\p{L}\p{N}])\p{Ll}{4,}(?![\p{L}\p{N}])/gu) ?? []))]));
  const dateContext = new Map(sheet.dates.map((d) => [d.id, d.context.map((c) => lemmasOf(phraseWords(c)))]));
  const dateContextParts = new Map(
    sheet.dates.map((d) => {
      const phrases = dateContext.get(d.id)!;
      const weak = (i: number) => phraseWords(d.context[i]).every(isFunctionWord);
      return [d.id, { content: phrases.filter((_, i) => !weak(i)), function: phrases.filter((_, i) => weak(i)) }];
    }),
  );
  const contextWords = new WordSieve([...figureContext.values(), ...dateContext.values()].flatMap((phrases) => phrases.filter((p) => p.length).map((p) => p[0])));
  const otherNames = new Set<string>();
  for (const n of sheet.otherNames ?? []) for (const w of phraseWords(n)) otherNames.add(w);
  const compiled: CompiledSheet = {
    sheet,
    entities: new Map(sheet.entities.map((e) => [e.id, e])),
    entityPhrases,
    titlePhrases,
    reporters: new Set(sheet.figures.map((f) => f.reportedBy).filter((x): x is string => !!x)),
    figures,
    figureAbout,
    figurePlaces: placesOf(sheet),
    rangeEnds: new Set(figures.filter((f) => f.range || isRangeEnd(f.source, placeIn(f)))),
    ages: new Set(figures.filter((f) => isAgeIn(f)).map((f) => f.id)),
    rangePartners,
    rangeHighs: new Set(rangePartners.values()),
    figureById: new Map([...figures].reverse().map((f) => [f.id, f])),
    durations: durationsOf(sheet),
    sums: sumsOf(figures),
    durationFacts: sheet.figures.filter((f) => f.kind === 'duration'),
    ratioFacts: sheet.figures.filter((f) => f.kind === 'ratio'),
    figureContext,
    figureWords,
    figureYears: new Map(sheet.figures.map((f) => [f.id, [...new Set(yearsIn(`${f.counts} ${(f.context ?? []).join(' ')}`))]])),
    figureTerms: new Map(sheet.figures.map((f) => [f.id, new Set(lemmasOf(phraseWords(`${f.text} ${f.counts} ${(f.context ?? []).join(' ')}`)))])),
    dates: sheet.dates,
    dateContext,
    dateContextParts,
    contextWords,
    quotes: sheet.quotes,
    settings: sheet.settings,
    otherNames,
    voices: voicesOf(sheet),
    vocabulary: vocabularyOf(sheet),
  };
  cache.set(sheet, compiled);
  return compiled;
}
