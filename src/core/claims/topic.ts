/**
 * Is a paragraph about the story at all? A round-up item, a "separately" paragraph or an
 * aside about another case names its own people, places and bodies: capitalised words that the
 * sheet (its names, cited sentences, quotes) never uses, and none of the story's names. Its
 * figures, dates, titles and venues are another story's, and are not compared with this one's.
 */
import type { CompiledSheet } from '../sheet/compile';
import { DETERMINERS, type SentenceContext } from './context';
import { MONTH_OR_ABBREVIATION, WEEKDAYS } from '../language/dateWords';
import { isCapitalised } from '../mentions/names';
import { nearMiss, skeleton } from '../language/spelling';
import { phraseTokens } from '../text/tokens';
import { inflectionStem } from '../language/lemma';

const CALENDAR = new Set([...MONTH_OR_ABBREVIATION.split('|'), ...WEEKDAYS.split('|')].map((w) => w.toLowerCase()));
/** The story's proper words, and what each draft word seen so far was found to be (words repeat). */
interface ProperIndex {
  words: Set<string>;
  /** Those of the names of its people, places and bodies ("Ormsby"; not "Tier" of a cited "Tier B rate"). */
  names: Set<string>;
  /** By first letter and by spelling skeleton: a near miss shares one of them (see nearMiss). */
  byFirst: Map<string, string[]>;
  skeletons: Set<string>;
  seen: Map<string, boolean>;
  /** The stems of the settings' trigger words ("talks", "posted"), and their prepositions. */
  triggers: Set<string>;
  prepositions: Set<string>;
}
const properCache = new WeakMap<CompiledSheet, ProperIndex>();
const SEEN_MAX = 50_000;

/**
 * The story's proper words: those its sheet (names, cited sentences, quotes) only ever writes
 * capitalised ("Veldmar", "Brekalo"), not those it also writes in lower case ("court", "the").
 */
function properIndex(sheet: CompiledSheet): ProperIndex {
  let index = properCache.get(sheet);
  if (!index) {
    const upper = new Set<string>();
    const lower = new Set<string>();
    const read = (s: string | undefined) => {
      if (!s) return;
      const toks = phraseTokens(s);
      toks.forEach((t, i) => {
        // A sentence's first word is capitalised whatever it is.
        if (!isCapitalised(t.text)) lower.add(t.norm);
        else if (i > 0 && !/[.!?:"“‘]\s*$/.test(s.slice(toks[i - 1].end, t.start))) upper.add(t.norm);
      });
    };
    const sh = sheet.sheet;
    for (const e of sh.entities) for (const x of [e.name, ...(e.aliases ?? []), ...(e.mentions ?? []), e.source]) read(x);
    const named = new Set(sh.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])].flatMap((x) => phraseTokens(x).map((t) => t.norm))));
    for (const f of [...sh.figures, ...sh.dates, ...sh.quotes, ...sh.settings]) read(f.source);
    for (const q of sh.quotes) read(q.text);
    const words = [...upper].filter((w) => !lower.has(w) && w.length >= 3 && !CALENDAR.has(w));
    const byFirst = new Map<string, string[]>();
    for (const w of words) byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w]);
    const triggers = new Set(sh.settings.flatMap((x) => x.triggers.map((t) => inflectionStem(phraseTokens(t)[0]?.norm ?? ''))));
    const prepositions = new Set(sh.settings.flatMap((x) => x.prepositions.map((p) => p.toLowerCase())));
    index = { words: new Set(words), names: new Set(words.filter((w) => named.has(w))), byFirst, skeletons: new Set(words.filter((w) => w.length >= 4).map(skeleton)), seen: new Map(), triggers, prepositions };
    properCache.set(sheet, index);
  }
  return index;
}

/** Is a draft word (lower case) one of the story's proper words, or a near miss of one? */
function isProper(index: ProperIndex, w: string): boolean {
  let known = index.seen.get(w);
  if (known === undefined) {
    known = index.words.has(w) || index.skeletons.has(skeleton(w)) || (index.byFirst.get(w[0]) ?? []).some((n) => nearMiss(w, n));
    if (index.seen.size >= SEEN_MAX) index.seen.clear();
    index.seen.set(w, known);
  }
  return known;
}

/**
 * True when the paragraph names, capitalised in mid sentence, at least two words the story never
 * uses, and none of the story's proper words, exactly or nearly spelt.
 */
export function offTopic(contexts: readonly SentenceContext[], masked: string, sheet: CompiledSheet): boolean {
  let foreign = 0;
  let venueForeign = 0;
  const proper = properIndex(sheet);
  const labelled = /^\s*(?:[-*+]\s+)?(\*\*|__)[^*_\n]{1,60}:\s*\1|^\s*(?:[-*+]\s+)?(\*\*|__)[^*_\n]{1,60}\2:/.exec(masked);
  const label = labelled ? labelled.index + labelled[0].length : 0;
  for (const ctx of contexts) {
    const toks = ctx.sentence.tokens;
    // A mention of the story's bodies in words ("the rights group", "state media") is the story's;
    // a title is anyone's ("Its leader, Councillor Ada Frum", "the chief executive").
    const title = (at: number, len: number) => {
      const lead = DETERMINERS.has(toks[at].norm) ? 1 : 0;
      return sheet.titlePhrases.has(toks.slice(at + lead, at + len).map((t) => t.norm).join(' '));
    };
    if (ctx.mentions(sheet).some((x) => x.len >= 2 && !(x.len === 2 && toks[x.at].norm === 'the') && !title(x.at, x.len))) return false;
    // Capitalised words read as runs ("Calloway Health Agency"): a run with a word the story
    // never uses is another name, even if it shares a word with one of the story's ("Health").
    for (let i = 0; i < toks.length; ) {
      if (!isCapitalised(toks[i].text) || CALENDAR.has(toks[i].norm)) {
        i++;
        continue;
      }
      // "The talks were held in Doha, Qatar": a place after the story's own event word is a venue
      // the place check reads, not a sign of another story.
      const venue = i > 0 && proper.prepositions.has(toks[i - 1].norm) && toks.slice(Math.max(0, i - 7), i - 1).some((t) => proper.triggers.has(inflectionStem(t.norm)));
      let j = i + 1;
      while (j < toks.length && isCapitalised(toks[j].text) && !CALENDAR.has(toks[j].norm) && /^[ \t\u00a0]+$/.test(masked.slice(toks[j - 1].end, toks[j].start))) j++;
      let known = false;
      let name = false;
      let unknown = 0;
      for (let k = i; k < j; k++) {
        const t = toks[k];
        if (isProper(proper, t.norm)) {
          known = true;
          if (proper.names.has(t.norm) || !proper.words.has(t.norm)) name = true;
        }
        // A sentence's first word, and the first after a colon (a round-up's label), is
        // capitalised anyway; an acronym may be any body's.
        // (A round-up's bold label, "**Appeals court:**", is a name of its item, not a sentence's first word.)
        else {
          const inLabel = ctx === contexts[0] && t.end <= label;
          const capitalisedAnyway = k === 0 ? !inLabel : /:\s*[*_]*\s*$/.test(masked.slice(toks[k - 1].end, t.start));
          if (!capitalisedAnyway && t.text !== t.text.toUpperCase() && !sheet.vocabulary.has(t.norm)) unknown++;
        }
      }
      // The story's own name (or a near miss of one) says the paragraph is the story's; a word only
      // its cited sentences write capitalised ("a Tier B rate") says nothing either way.
      if (known && !unknown && name) return false;
      if (known && !unknown) {
        i = j;
        continue;
      }
      // (A venue's region after a comma is part of it: "in Doha, Qatar".) It counts only beside
      // another name the story never uses ("Venezuelan officials held talks in Caracas").
      if (venue) {
        venueForeign += unknown;
        i = j;
        if (toks[j] && isCapitalised(toks[j].text) && /^,\s+$/.test(masked.slice(toks[j - 1].end, toks[j].start))) i = j + 1;
        continue;
      }
      foreign += unknown;
      i = j;
    }
  }
  return foreign >= 2 || (foreign >= 1 && foreign + venueForeign >= 2);
}
