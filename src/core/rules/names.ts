/**
 * The name rule (`name-mismatch`): misspelt names, near misses of a sheet name (a wrong given
 * name before a known surname among them). Per sentence it also hands titles to titles.ts and
 * the words that introduce a place to places.ts.
 */
import { isCommonWord } from '../language/lexicon';
import type { Pass } from './pass';
import type { CompiledSheet } from '../sheet/compile';
import { matchCase, phraseWords, type Token } from '../text/tokens';
import type { Entity } from '../types';
import { nameIndex, type NameForm, hitsOf } from './nameIndex';
import { isCapitalised, bare, bareLowerOf, lowerOf, MONTHS_DAYS, NOT_NAMES, HONORIFIC, parts, NAME_JOINS } from '../mentions/names';
import { editDistance, nearMiss, SUFFIXES } from '../language/spelling';
import { inflectionStem } from '../language/lemma';
import { checkRoles, checkUnknownTitles } from './titles';
import { checkSettings } from './places';
import { restatedSources } from './restated';

/** The words that join the words of a name, "&" too ("Vermeer & Oost"). */
const isJoin = (w: string) => NAME_JOINS.has(w) || w === '&';
const contentWords = new WeakMap<NameForm, string[]>();
/** A name form's words less its joins and possessive endings ("Journal of Medicine" → journal, medicine), once per form. */
function contentOf(f: NameForm): string[] {
  let c = contentWords.get(f);
  if (!c) contentWords.set(f, (c = f.words.map(unpossessed).filter((w) => !isJoin(w))));
  return c;
}

/** A lower-case word without its possessive ending, its apostrophes straightened: "passengers'", "aldric’s" → "passengers", "aldric". */
const unpossessed = (w: string) => w.replace(/['’]s?$/, '').replace(/’/g, "'");

/** Two forms of one word: the same first four letters or more, over 60% of the shorter ("medical", "medicine"). */
function sharedStem(a: string, b: string): boolean {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 4 && k >= 0.6 * Math.min(a.length, b.length);
}

const otherNameSets = new WeakMap<CompiledSheet, { otherPeople: Set<string>; otherGiven: Set<string> }>();
/** The sheet's otherNames as last two words and as given names (once per sheet, not per paragraph). */
function otherNamesOf(sheet: CompiledSheet): { otherPeople: Set<string>; otherGiven: Set<string> } {
  let sets = otherNameSets.get(sheet);
  if (!sets) {
    const names = (sheet.sheet.otherNames ?? []).map((n) => phraseWords(n));
    sets = { otherPeople: new Set(names.map((w) => w.slice(-2).join(' '))), otherGiven: new Set(names.filter((w) => w.length >= 2).map((w) => w[0])) };
    otherNameSets.set(sheet, sets);
  }
  return sets;
}

/** Checks names, roles and settings in every sentence. */
export function checkNames(pass: Pass): void {
  const { text, contexts, sheet, findings, confirmations, before } = pass;
  const index = nameIndex(sheet);
  const { known } = index;
  const flagged = new Set<number>();

  const spellFinding = (start: number, end: number, right: string, e: Entity) => {
    if (flagged.has(start)) return;
    flagged.add(start);
    const draft = text.slice(start, end);
    const fix = matchCase(draft, right);
    findings.push({
      start,
      end,
      ruleId: 'name-mismatch',
      severity: 'error',
      message: `Draft spells ${draft}; verified: ${right} (${describe(e)})`,
      factId: e.id,
      verified: e.name,
      fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }],
    });
  };

  /**
   * "the Brennock Museum of Art (BMMA)" for the BMOA: capitals in brackets right after a sheet
   * name are its acronym, so letters that are none of its own but near one (a letter or two off)
   * are misspelt. Whether it flagged the token.
   */
  const bracketedAcronym = (t: Token): boolean => {
    if (!/^\p{Lu}{2,8}$/u.test(t.text) || text[t.start - 1] !== '(' || text[t.end] !== ')') return false;
    const before = text.slice(Math.max(0, t.start - 120), t.start - 1).trimEnd().toLowerCase();
    const e = sheet.sheet.entities.find((x) => before.endsWith(x.name.toLowerCase()));
    const own = (e?.aliases ?? []).filter((a) => /^\p{Lu}{2,8}$/u.test(a));
    if (!e || !own.length || own.includes(t.text)) return false;
    const near = own.find((a) => Math.abs(a.length - t.text.length) <= 1 && editDistance(a, t.text, 2) <= (a.length >= 5 ? 2 : 1));
    if (!near) return false;
    spellFinding(t.start, t.end, near, e);
    return true;
  };

  /** A multi-word name form `f` read at token `at` of `toks` (found from token `i`): the whole phrase is compared ("Al Jazera"). */
  const phraseAt = (toks: Token[], f: NameForm, at: number, i: number) => {
    const n = f.words.length;
    if (at < 0 || at + n > toks.length) return;
    for (let k = at; k < at + n; k++) if (!isCapitalised(toks[k].text)) return;
    const lastTok = toks[at + n - 1];
    const start = toks[at].start;
    const lastWord = bare(lastTok.text);
    const end = lastTok.start + lastWord.length;
    // Most often the name as verified: compared word by word, with no phrase built.
    let same = bareLowerOf(lastTok, lastWord) === f.words[n - 1];
    for (let k = 0; same && k < n - 1; k++) same = lowerOf(toks[at + k]) === f.words[k];
    if (same) {
      if (at === i) confirmations.push({ start, end, factId: f.entity.id });
      return;
    }
    const words: string[] = [];
    for (let k = at; k < at + n - 1; k++) words.push(lowerOf(toks[k]));
    words.push(bareLowerOf(lastTok, lastWord));
    if (words.every((w) => known.has(w))) return;
    const verified = f.words.join(' ');
    const d = editDistance(words.join(' '), verified, 3);
    if (d >= 1 && d <= (verified.length >= 15 ? 2 : 1)) spellFinding(start, end, f.spelled.join(' '), f.entity);
  };

  /**
   * A multi-word name reworded from token `i` ("Meridian Medical Journal" for the Meridian Journal
   * of Medicine): as many content words as the name, each the same word or another form of one of
   * its words (a shared stem of four letters or more), at least one changed. A reordering or a
   * short form alone is left alone ("Eastholm University").
   */
  const rewordedAt = (toks: Token[], f: NameForm, i: number) => {
    const nameContent = contentOf(f);
    if (nameContent.length < 2 || flagged.has(toks[i].start)) return;
    let end = i;
    while (end < toks.length && end - i < f.words.length + 1 && (isCapitalised(toks[end].text) || (isJoin(toks[end].norm) && toks[end + 1] && isCapitalised(toks[end + 1].text))) && (end === i || /^[ \t\u00a0]+$/.test(text.slice(toks[end - 1].end, toks[end].start)))) end++;
    const run = toks.slice(i, end).map((t) => unpossessed(t.text.toLowerCase()));
    const content = run.filter((w) => !isJoin(w));
    if (content.length !== nameContent.length) return;
    if (index.all.some((g) => g.entity === f.entity && g.words.map(unpossessed).join(' ') === run.join(' '))) return;
    const left = [...nameContent];
    let changed = 0;
    for (const w of content) {
      let k = left.indexOf(w);
      if (k < 0) {
        k = left.findIndex((x) => sharedStem(w, x));
        changed++;
      }
      if (k < 0) return;
      left.splice(k, 1);
    }
    if (changed) spellFinding(toks[i].start, toks[end - 1].start + bare(toks[end - 1].text).length, f.entity.name, f.entity);
  };

  /** A capitalised word, or part of a hyphenated one, at [start, end) in token `i`; `w` is it in lower case. */
  const wordAt = (toks: Token[], i: number, start: number, end: number, w: string) => {
    if (known.has(w)) {
      const f = index.single.get(w);
      if (f) confirmations.push({ start, end, factId: f.entity.id });
      return;
    }
    if (MONTHS_DAYS.has(w)) return;
    for (const { form: f, given } of hitsOf(index, w)) {
      if (given) {
        // A given name is a near miss only right before the (possibly misspelt) surname.
        const next = toks[i + 1] ? bare(toks[i + 1].text).toLowerCase() : '';
        const surname = f.words[f.words.length - 1];
        if (next !== surname && !nearMiss(next, surname)) continue;
      }
      spellFinding(start, end, f.spelled[0], f.entity);
      return;
    }
    // After the verified given name, one slip is enough even in a short surname ("Nkechi Obuyah"
    // for Nkechi Obuya), as before it in a given name; not a common word nor a derived form.
    const prev = toks[i - 1];
    if (!prev || start !== toks[i].start || !/^[ \t\u00a0]+$/.test(text.slice(prev.end, toks[i].start))) return;
    const g = lowerOf(prev);
    if (isCommonWord(w)) return;
    for (const f of index.all) {
      if (!f.person || f.words.length < 2 || f.words[0] !== g) continue;
      const surname = f.words[f.words.length - 1];
      // (A plural is no form of a person's name after their given name: "Helena Vargas" is a slip.
      // A long surname may be two letters off: "Milan Oreshkin" for Oreshkov.)
      const d = editDistance(w, surname, 2);
      if (surname.length < 4 || w[0] !== surname[0] || SUFFIXES.some((x) => x !== 's' && w === surname + x) || !(d === 1 || (d === 2 && surname.length >= 7 && w.length >= 7))) continue;
      spellFinding(start, end, f.spelled[f.spelled.length - 1], f.entity);
      return;
    }
  };

  /**
   * Another given name right before a sheet person's surname ("Jason Kushner" for Jared Kushner,
   * "Evgenia" for Yevgenia): a capitalised word that is no word of the story (titles and
   * nationalities are: "Minister", "Iranian"), no honorific, no other known name.
   */
  const { otherPeople, otherGiven } = otherNamesOf(sheet);
  const givenNameBefore = (toks: Token[], i: number, person: NameForm) => {
    const prev = toks[i - 1];
    if (flagged.has(prev.start) || !/^[ \t\u00a0]+$/.test(text.slice(prev.end, toks[i].start))) return;
    if (!/^\p{Lu}\p{Ll}+$/u.test(prev.text)) return;
    const g = prev.norm;
    const given = person.words[0];
    if (g === given || MONTHS_DAYS.has(g) || NOT_NAMES.has(g) || HONORIFIC.test(g)) return;
    // A short or long form of the same name ("Steven" for Steve), or another real person of that surname (otherNames: "Ivanka Trump").
    if (g.startsWith(given) || given.startsWith(g) || otherPeople.has(`${g} ${toks[i].norm}`)) return;
    // A word of the person's own surname of several words ("Ní Bhraonáin", "Mac Giolla").
    if (index.all.some((f) => f.entity === person.entity && f.words.length >= 2 && f.words[f.words.length - 2] === g)) return;
    // Another person's given name ("Steve Kushner", "Ali Araghchi") is still the wrong one; a
    // place, body, surname or any other word of the story is not a given name.
    if (index.all.some((f) => (f.person ? f.words[f.words.length - 1] === g : f.words.includes(g)))) return;
    // Only a word known as a given name (another person's of the sheet or of otherNames), or a
    // spelling variant of the verified one ("Evgenia" for Yevgenia): an unknown capitalised word
    // may be a title ("Ambassador"), a relative ("Melania") or any sentence's first word.
    const knownGiven = index.all.some((f) => f.person && f.words.length >= 2 && f.words[0] === g) || otherGiven.has(g);
    // Or a given name of its shape: the verified one's initial and nearly its length ("Jason" for
    // Jared), not a word the sheet uses nor a common English word ("Judge Kushner").
    const sameShape = g[0] === given[0] && g.length >= 4 && Math.abs(g.length - given.length) <= 1 && !sheet.vocabulary.has(g) && !isCommonWord(g);
    // Or a spelling two letters off a long one ("Esther" for Hester), no common word either.
    const d = editDistance(g, given, 2);
    const near = (d <= 1 && Math.min(g.length, given.length) >= 4) || (d === 2 && Math.min(g.length, given.length) >= 6 && !sheet.vocabulary.has(g) && !isCommonWord(g));
    if (!knownGiven && !sameShape && !near) return;
    spellFinding(prev.start, prev.end, person.spelled[0], person.entity);
  };

  /** The people the last sentence naming any named (what a pronoun may stand for). */
  let lastPersons: readonly string[] = before;
  // Where role titles and setting triggers may start in the sentence (found in pass 2).
  const roleAt: number[] = [];
  const triggerAt: number[] = [];
  // (Confirmed ties only: a place is not excused by a figure the draft gets wrong.)
  const restated = restatedSources(pass, true);
  contexts.forEach((ctx, si) => {
    const toks = ctx.sentence.tokens;
    roleAt.length = 0;
    triggerAt.length = 0;
    // 1. Multi-word names that are not people.
    for (let i = 0; i < toks.length; i++) {
      if (!isCapitalised(toks[i].text)) continue;
      const lower = lowerOf(toks[i]);
      const byFirst = index.byFirst.get(lower);
      if (byFirst) for (const f of byFirst) phraseAt(toks, f, i, i);
      if (byFirst) for (const f of byFirst) if (!f.person) rewordedAt(toks, f, i);
      const byLast = index.byLast.get(bare(lower));
      if (byLast) for (const f of byLast) phraseAt(toks, f, i - f.words.length + 1, i);
    }
    // 2. Single words: people's surnames anywhere, given names before the surname, one-word places.
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (index.roles.has(t.norm)) roleAt.push(i);
      if (index.triggers.has(inflectionStem(t.norm))) triggerAt.push(i);
      const capitalised = isCapitalised(t.text);
      // A lower-case word is read only for its hyphenated parts ("pro-Ruiz"), and only if it has
      // a capital letter: a word that is its own normal form has none (bar the few capitals
      // without a lower case, such as ℝ, which no name is spelt with).
      const hyphen = (capitalised || (t.text.length > 2 && t.norm !== t.text)) && t.text.includes('-');
      if (hyphen) {
        // A hyphenated name ("Asante-Whitlock") is one word of the sheet: the whole token is
        // compared with it first; other compounds ("Ruiz-led") part by part.
        const word = bare(t.text);
        const whole = word.toLowerCase();
        if (capitalised && (known.has(whole) || hitsOf(index, whole).some((h) => h.form.words.some((w) => w.includes('-'))))) {
          if (!flagged.has(t.start)) wordAt(toks, i, t.start, t.start + word.length, whole);
          // "Priya Pryce-Hartigan" for Gwenllian Pryce-Hartigan: a hyphenated surname has a given name too.
          const person = i > 0 ? index.bySurname.get(whole) : undefined;
          if (person) givenNameBefore(toks, i, person);
          continue;
        }
        // "al-Jazera": a multi-word name written with hyphens is compared as that name.
        const joined = parts(t).map((p) => p.text.toLowerCase());
        const asPhrase = index.byFirst.get(joined[0])?.find((f) => f.words.length === joined.length && f.words.join(' ') !== joined.join(' ') && editDistance(joined.join(' '), f.words.join(' '), 2) <= (f.words.join(' ').length >= 15 ? 2 : 1));
        if (asPhrase && !flagged.has(t.start)) {
          spellFinding(t.start, t.start + word.length, asPhrase.spelled.join(' '), asPhrase.entity);
          continue;
        }
        for (const p of parts(t)) if (isCapitalised(p.text) && !flagged.has(p.start)) wordAt(toks, i, p.start, p.end, p.text.toLowerCase());
      } else if (capitalised && !flagged.has(t.start) && !bracketedAcronym(t)) {
        // The word less any possessive: its normal form when it has no apostrophe at all (most
        // names), no new lower-case copy.
        const word = bare(t.text);
        const w = bareLowerOf(t, word);
        wordAt(toks, i, t.start, t.start + word.length, w);
        const person = i > 0 ? index.bySurname.get(w) : undefined;
        if (person) givenNameBefore(toks, i, person);
      }
    }
    if (roleAt.length) checkRoles(ctx, text, index, findings, flagged, roleAt);
    checkUnknownTitles(ctx, text, sheet, index, findings, flagged);
    if (triggerAt.length) checkSettings(ctx, text, sheet, index, findings, confirmations, flagged, triggerAt, lastPersons, restated(si));
    const persons = ctx.persons(sheet);
    if (persons.length) lastPersons = persons;
  });
}

function describe(e: Entity): string {
  return e.roles?.length ? `${e.roles[0].title}` : e.type;
}
