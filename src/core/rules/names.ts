/**
 * The name checks: misspelt names (near misses of a sheet name), titles followed by the wrong
 * person, and events placed at the wrong place, outlet or channel.
 */
import type { CompiledSheet } from '../sheet/compile';
import { MONTHS, WEEKDAYS } from '../language/dateWords';
import type { Pass } from './pass';
import type { SentenceContext } from '../claims/context';
import { matchCase, phraseTokens, phraseWords, WordMap, type Token } from '../text/tokens';
import type { Confirmation, Entity, Finding, Role, Setting } from '../types';

/** Month and day names: capitalised, never people or places. */
export const MONTHS_DAYS = new Set([...MONTHS.split('|'), ...WEEKDAYS.split('|')].map((w) => w.toLowerCase()));
/** Pronouns that stand for a person named before. */
const PERSONAL = new Set(['he', 'she', 'his', 'her', 'him']);
/** Honorifics stand before a surname in place of a given name ("Mr Araghchi", "Dr Ruiz"). */
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lord|lady|rev|fr|sen|rep|gov|gen|col|capt|sgt)\.?$/i;
const SUFFIXES = ['s', 'i', 'is', 'ian', 'ians', 'n', 'ns', 'an', 'ans', 'ese', 'ite', 'ites', 'er', 'ers'];
/** Capitalised words that start sentences and are not names ("On Sunday, …"). */
export const NOT_NAMES = new Set(
  'on in at the a an but and or last this next earlier later meanwhile after before since during for from with by as when while however also yet so then today yesterday tomorrow his her their its our my speaking asked'.split(' '),
);
const OTHER_OFFICE = new Set(['former', 'ex', 'deputy', 'acting', 'then', 'late', 'outgoing', 'previous', 'past', 'vice', 'shadow', 'incoming', 'new']);

/** Damerau–Levenshtein distance (optimal string alignment), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length];
}

/** A spelling skeleton that folds transliteration variants: gh/q/kh/ck/c→k, wh→w, ph→f, ee/y→i, doubles. */
export function skeleton(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ch/g, '\u0001')
    .replace(/wh/g, 'w')
    .replace(/ph/g, 'f')
    .replace(/gh|kh|ck|q/g, 'k')
    .replace(/c(?![eiy])/g, 'k')
    .replace(/\u0001/g, 'ch')
    .replace(/ee/g, 'i')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Is `cand` a near miss of the verified name word `name` (both lower-case)? */
export function nearMiss(cand: string, name: string): boolean {
  if (cand === name || cand.length < 3) return false;
  // A derived form ("Omani", "Iranian") is not a misspelling; a doubled or dropped final letter is ("Penn", "Pen").
  for (const s of SUFFIXES) {
    if (cand === name + s && s[0] !== name[name.length - 1]) return false;
    if (name === cand + s && s[0] !== cand[cand.length - 1]) return false;
  }
  if (name.length >= 4 && skeleton(cand) === skeleton(name)) return true;
  if (cand[0] !== name[0]) return false;
  const d = editDistance(cand, name, 2);
  return (d === 1 && name.length >= 6) || (d === 2 && name.length >= 9);
}

/**
 * A token lower-cased: its normal form when that is the same thing (no ’ straightened, no ' or 's
 * dropped from the end), else a new lower-case copy. (Comparing lengths would not do: İ lower-cases
 * to two characters, so "İstanbul'" and its normal form "i̇stanbul" are the same length.)
 */
function lowerOf(t: Token): string {
  const s = t.text;
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  const dropped = last === 0x27 || ((last === 0x73 || last === 0x53) && n > 1 && s.charCodeAt(n - 2) === 0x27); // ' 's 'S
  return dropped || s.indexOf('\u2019') >= 0 ? s.toLowerCase() : t.norm;
}

/** `word`, the token `t` less any possessive (see bare), lower-cased: the token's normal form when nothing was cut. */
function bareLowerOf(t: Token, word: string): string {
  return word.length === t.text.length ? lowerOf(t) : word.toLowerCase();
}

/** Starts with a capital letter (ASCII fast path; the check runs on every word). */
export function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t);
}

interface NameForm {
  entity: Entity;
  words: string[];
  /** Original spelling of each word. */
  spelled: string[];
  /** For a person's full name, the index of the surname. */
  person: boolean;
}

function forms(sheet: CompiledSheet): NameForm[] {
  const out: NameForm[] = [];
  for (const e of sheet.sheet.entities) {
    if (e.type === 'body') continue;
    for (const f of [e.name, ...(e.aliases ?? [])]) {
      const spelled = phraseTokens(f).map((t) => t.text);
      out.push({ entity: e, words: spelled.map((w) => w.toLowerCase()), spelled, person: e.type === 'person' });
    }
  }
  return out;
}

interface RoleEntry {
  holder: Entity;
  role: Role;
  title: string[];
  qualifiers: string[][];
}

interface TriggerEntry {
  setting: Setting;
  words: string[];
}

/** A near miss of one name form: anywhere (`alone`) or only right before the surname (`given`). */
interface Hit {
  form: NameForm;
  given: boolean;
}

interface NameIndex {
  all: NameForm[];
  known: Set<string>;
  /** Multi-word names that are not people, by their first and by their last word. */
  byFirst: WordMap<NameForm[]>;
  byLast: WordMap<NameForm[]>;
  /** Role titles by their first word. */
  roles: WordMap<RoleEntry[]>;
  /** Setting triggers by their first word. */
  triggers: WordMap<TriggerEntry[]>;
  /** One-word name forms by their word. */
  single: Map<string, NameForm>;
  /** People's full names by their surname. */
  bySurname: Map<string, NameForm>;
  /** The sheet person each word names or nearly names (surnames), memoised like `hits`. */
  persons: Map<string, Entity | null>;
  /** Per setting: every right name as a phrase; and every sheet name phrase with its entity. */
  rightNames: Map<string, string[]>;
  entityByPhrase: Map<string, Entity>;
  /** Near misses of each word seen so far (words repeat: each is classified once). */
  hits: Map<string, Hit[]>;
}

const nameIndexes = new WeakMap<CompiledSheet, NameIndex>();
const MEMO_LIMIT = 50_000;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Name forms of the sheet, known name words and look-up tables, computed once per sheet. */
function nameIndex(sheet: CompiledSheet): NameIndex {
  let index = nameIndexes.get(sheet);
  if (!index) {
    const all = forms(sheet);
    const known = new Set<string>(sheet.otherNames);
    for (const f of all) for (const w of f.words) known.add(w);
    const byFirst = new Map<string, NameForm[]>();
    const byLast = new Map<string, NameForm[]>();
    for (const f of all) {
      if (f.person || f.words.length < 2) continue;
      push(byFirst, f.words[0], f);
      push(byLast, f.words[f.words.length - 1], f);
    }
    const roles = new Map<string, RoleEntry[]>();
    for (const holder of sheet.sheet.entities) {
      for (const role of holder.roles ?? []) {
        const title = phraseWords(role.title);
        if (title.length) push(roles, title[0], { holder, role, title, qualifiers: (role.qualifiers ?? []).map(phraseWords) });
      }
    }
    const triggers = new Map<string, TriggerEntry[]>();
    for (const setting of sheet.settings) {
      for (const t of setting.triggers) {
        const words = phraseWords(t);
        if (words.length) push(triggers, words[0], { setting, words });
      }
    }
    const bySurname = new Map<string, NameForm>();
    for (const f of all) if (f.person && f.words.length >= 2 && !bySurname.has(f.words[f.words.length - 1])) bySurname.set(f.words[f.words.length - 1], f);
    const single = new Map<string, NameForm>();
    for (const f of all) if (f.words.length === 1 && !single.has(f.words[0])) single.set(f.words[0], f);
    const rightNames = new Map<string, string[]>();
    for (const st of sheet.settings) {
      const names = [st.entity, ...(st.alsoRight ?? [])]
        .map((id) => sheet.entities.get(id)!)
        .flatMap((e) => [e.name, ...(e.aliases ?? [])].map((n) => phraseWords(n).join(' ')));
      rightNames.set(st.id, names);
    }
    const entityByPhrase = new Map<string, Entity>();
    for (const e of sheet.sheet.entities) {
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        const key = phraseWords(n).join(' ');
        if (!entityByPhrase.has(key)) entityByPhrase.set(key, e);
      }
    }
    index = { all, known, byFirst: new WordMap(byFirst), byLast: new WordMap(byLast), roles: new WordMap(roles), triggers: new WordMap(triggers), single, bySurname, persons: new Map(), rightNames, entityByPhrase, hits: new Map() };
    nameIndexes.set(sheet, index);
  }
  return index;
}

/** The sheet names that `w` (lower case, not a known name) is a near miss of, in sheet order. */
function hitsOf(index: NameIndex, w: string): Hit[] {
  let hits = index.hits.get(w);
  if (hits) return hits;
  hits = [];
  for (const f of index.all) {
    if (f.words.length === 1 && !f.person) {
      const acronym = f.spelled[0] === f.spelled[0].toUpperCase() && f.spelled[0].length > 1;
      // An acronym is misspelt only by two letters swapped ("HARNA" for HRANA): another letter makes another acronym.
      if (acronym ? w.length >= 4 && swapped(w, f.words[0]) : nearMiss(w, f.words[0])) hits.push({ form: f, given: false });
    } else if (f.person && f.words.length === 1) {
      if (nearMiss(w, f.words[0])) hits.push({ form: f, given: false });
    } else if (f.person) {
      // Before the surname a given name is unambiguous: one slip is enough even in a short name ("Steev", "Jered").
      const given = f.words[0];
      const slip = nearMiss(w, given) || (given.length >= 4 && w[0] === given[0] && !SUFFIXES.some((x) => w === given + x) && editDistance(w, given, 1) === 1);
      if (slip) hits.push({ form: f, given: true });
    }
  }
  if (index.hits.size >= MEMO_LIMIT) index.hits.clear();
  index.hits.set(w, hits);
  return hits;
}

/** Is `a` the word `b` with two neighbouring letters swapped? */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** A word without its possessive ending: `Ruiz’s` → `Ruiz`, `voters'` → `voters`. */
function bare(text: string): string {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  if (last === 0x27 || last === 0x2019) return text.slice(0, -1); // ' ’
  if (last === 0x73 || last === 0x53) {
    // s S
    const before = text.charCodeAt(n - 2);
    if (before === 0x27 || before === 0x2019) return text.slice(0, -2);
  }
  return text;
}

function stripPossessive(t: Token): { text: string; start: number; end: number } {
  const text = bare(t.text);
  return { text, start: t.start, end: t.start + text.length };
}

/** Parts of a token: hyphenated compounds ("Ruiz-led") are checked part by part. */
function parts(t: Token): { text: string; start: number; end: number }[] {
  const base = stripPossessive(t);
  const out: { text: string; start: number; end: number }[] = [];
  let at = base.start;
  for (const p of base.text.split('-')) {
    out.push({ text: p, start: at, end: at + p.length });
    at += p.length + 1;
  }
  return out;
}

/**
 * Whether `words` occur in `toks` from index `at`. A plain loop on purpose: a closure in a
 * per-word loop that captures the loop index makes the engine allocate a scope for every word.
 */
export function wordsAt(toks: Token[], at: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (toks[at + k]?.norm !== words[k]) return false;
  return true;
}

/** Checks names, roles and settings in every sentence. */
export function checkNames({ text, contexts, sheet, findings, confirmations }: Pass): void {
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
      break;
    }
  };

  /**
   * Another given name right before a sheet person's surname ("Jason Kushner" for Jared Kushner,
   * "Evgenia" for Yevgenia): a capitalised word that is no word of the story (titles and
   * nationalities are: "Minister", "Iranian"), no honorific, no other known name.
   */
  const otherPeople = new Set((sheet.sheet.otherNames ?? []).map((n) => phraseWords(n).slice(-2).join(' ')));
  const otherGiven = new Set((sheet.sheet.otherNames ?? []).map((n) => phraseWords(n)).filter((w) => w.length >= 2).map((w) => w[0]));
  const givenNameBefore = (toks: Token[], i: number, person: NameForm) => {
    const prev = toks[i - 1];
    if (flagged.has(prev.start) || !/^[ \t\u00a0]+$/.test(text.slice(prev.end, toks[i].start))) return;
    if (!/^\p{Lu}\p{Ll}+$/u.test(prev.text)) return;
    const g = prev.norm;
    const given = person.words[0];
    if (g === given || MONTHS_DAYS.has(g) || NOT_NAMES.has(g) || HONORIFIC.test(g)) return;
    // A short or long form of the same name ("Steven" for Steve), or another real person of that surname (otherNames: "Ivanka Trump").
    if (g.startsWith(given) || given.startsWith(g) || otherPeople.has(`${g} ${toks[i].norm}`)) return;
    // Another person's given name ("Steve Kushner", "Ali Araghchi") is still the wrong one; a
    // place, body, surname or any other word of the story is not a given name.
    if (index.all.some((f) => (f.person ? f.words[f.words.length - 1] === g : f.words.includes(g)))) return;
    // Only a word known as a given name (another person's of the sheet or of otherNames), or a
    // spelling variant of the verified one ("Evgenia" for Yevgenia): an unknown capitalised word
    // may be a title ("Ambassador"), a relative ("Melania") or any sentence's first word.
    const knownGiven = index.all.some((f) => f.person && f.words.length >= 2 && f.words[0] === g) || otherGiven.has(g);
    if (!knownGiven && !(editDistance(g, given, 2) <= 1 && Math.min(g.length, given.length) >= 4)) return;
    spellFinding(prev.start, prev.end, person.spelled[0], person.entity);
  };

  /** The people the last sentence naming any named (what a pronoun may stand for). */
  let lastPersons: string[] = [];
  // Where role titles and setting triggers may start in the sentence (found in pass 2).
  const roleAt: number[] = [];
  const triggerAt: number[] = [];
  for (const ctx of contexts) {
    const toks = ctx.sentence.tokens;
    roleAt.length = 0;
    triggerAt.length = 0;
    // 1. Multi-word names that are not people.
    for (let i = 0; i < toks.length; i++) {
      if (!isCapitalised(toks[i].text)) continue;
      const lower = lowerOf(toks[i]);
      const byFirst = index.byFirst.get(lower);
      if (byFirst) for (const f of byFirst) phraseAt(toks, f, i, i);
      const byLast = index.byLast.get(bare(lower));
      if (byLast) for (const f of byLast) phraseAt(toks, f, i - f.words.length + 1, i);
    }
    // 2. Single words: people's surnames anywhere, given names before the surname, one-word places.
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (index.roles.has(t.norm)) roleAt.push(i);
      if (index.triggers.has(t.norm)) triggerAt.push(i);
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
      } else if (capitalised && !flagged.has(t.start)) {
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
    if (triggerAt.length) checkSettings(ctx, text, sheet, index, findings, confirmations, flagged, triggerAt, lastPersons);
    const persons = ctx.mentions(sheet).filter((x) => sheet.entities.get(x.id)?.type === 'person').map((x) => x.id);
    if (persons.length) lastPersons = persons;
  }
}

function derivedFromSheetName(word: string, sheet: CompiledSheet): boolean {
  return sheet.sheet.entities.some((e) =>
    [e.name, ...(e.aliases ?? [])].some((n) => {
      const w = n.toLowerCase();
      return SUFFIXES.some((s) => word === w + s);
    }),
  );
}

function describe(e: Entity): string {
  return e.roles?.length ? `${e.roles[0].title}` : e.type;
}

/** Capitalised name tokens starting at token `i` (up to three), possessives allowed on the last. */
function nameAt(toks: Token[], i: number, text: string): Token[] {
  const out: Token[] = [];
  for (let k = i; k < toks.length && out.length < 3; k++) {
    if (!isCapitalised(toks[k].text)) break;
    if (k > i && !/^[ \t\u00a0]+$/.test(text.slice(toks[k - 1].end, toks[k].start))) break;
    out.push(toks[k]);
    if (/['’]s?$/.test(toks[k].text)) break;
  }
  return out;
}

function personOf(names: Token[], index: NameIndex): Entity | undefined {
  for (const t of names) {
    const w = bare(t.text).toLowerCase();
    let person = index.persons.get(w);
    if (person === undefined) {
      person = index.all.find((f) => f.person && (w === f.words[f.words.length - 1] || nearMiss(w, f.words[f.words.length - 1])))?.entity ?? null;
      if (index.persons.size >= MEMO_LIMIT) index.persons.clear();
      index.persons.set(w, person);
    }
    if (person) return person;
  }
  return undefined;
}

function checkRoles(
  ctx: SentenceContext,
  text: string,
  index: NameIndex,
  findings: Finding[],
  flagged: Set<number>,
  starts: readonly number[],
): void {
  const { known } = index;
  const toks = ctx.sentence.tokens;
  const spaces = (a: Token, b: Token) => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
  const commaAfter = (a: Token, b: Token) => /^,[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
  // Every title bound to a name in the sentence, kept until all are read: a name that two titles
  // give to two different people ("envoy Jared Kushner, Trump's son-in-law") has no safe fix.
  const claims: { names: Token[]; holder: Entity; title: string }[] = [];
  for (const at of starts) {
    const entries = index.roles.get(toks[at].norm);
    if (!entries) continue;
    for (const { holder, role, title, qualifiers } of entries) {
      if (!wordsAt(toks, at, title)) continue;
      // The longest qualifier right before the title ("Brazil's", "the mayor's").
      let qualLen = 0;
      for (const qw of qualifiers) if (qw.length <= at && wordsAt(toks, at - qw.length, qw)) qualLen = Math.max(qualLen, qw.length);
      const prev = toks[at - 1];
      const prevIsOther = !!prev && spaces(prev, toks[at]) && (OTHER_OFFICE.has(prev.norm) || (isCapitalised(prev.text) && !known.has(prev.norm)));
      const after = at + title.length;
      const placeWord = (t: Token | undefined) => !!t && index.all.some((f) => f.entity.type === 'place' && f.words.length === 1 && (t.norm === f.words[0] || SUFFIXES.some((x) => t.norm === f.words[0] + x)));
      // "Abbas Araghchi, Iran's president": a country's office in apposition to a sheet person who does not hold it.
      const nameAfter = !!toks[after] && spaces(toks[after - 1], toks[after]) && isCapitalised(toks[after].text);
      if (!qualLen && !nameAfter && placeWord(prev) && /['’]s?$/.test(prev.text) && toks[at - 2] && commaAfter(toks[at - 2], prev)) {
        const names = appositionNames(toks, at - 1, text);
        const person = names.length && personOf(names, index);
        if (person && person.id !== holder.id && person.roles?.length && !person.roles.some((r) => phraseWords(r.title).join(' ') === title.join(' '))) titleFinding(toks[at].start, toks[after - 1].end, person, text, findings, flagged);
        continue;
      }
      // "Oman's Foreign Minister Badr Albusaidi": another country's office (a sheet place's possessive that is none of the title's qualifiers).
      if (!qualLen && placeWord(prev) && /['’]s?$/.test(prev.text) && spaces(prev, toks[at])) {
        wrongTitle(toks, at, after, holder, text, index, findings, flagged);
        continue;
      }
      if (!qualLen && (role.requireQualifier || prevIsOther)) {
        // "Iranian President Abbas Araghchi": a country's office (its adjective, from a place of the sheet), but not this person's.
        if (prevIsOther && placeWord(prev) && !/['’]s?$/.test(prev.text)) wrongTitle(toks, at, after, holder, text, index, findings, flagged);
        // "deputy foreign minister Abbas Araghchi", "Abbas Araghchi, Iran's deputy foreign minister": another office than the holder's own.
        // ("then deputy foreign minister": a past office, not a wrong one.)
        if (prevIsOther && OTHER_OFFICE.has(prev.norm) && !OTHER_OFFICE.has(toks[at - 2]?.norm ?? '') && toks[at - 2]?.norm !== 'once') otherOfficeOfHolder(toks, at - 1, after, holder, role.title, text, index, findings, flagged);
        continue;
      }
      const last = toks[after - 1];
      // Title then name: "Finance Minister Ana Ruiz", "the city's mayor, Ana Ruiz, said".
      if (toks[after]) {
        let names: Token[] = [];
        if (spaces(last, toks[after])) names = nameAt(toks, after, text);
        else if (commaAfter(last, toks[after])) {
          names = nameAt(toks, after, text);
          const next = toks[after + names.length];
          if (next && !/^\s*,/.test(text.slice(names[names.length - 1]?.end ?? 0, next.start))) names = [];
        }
        if (names.length && !names.some((t) => MONTHS_DAYS.has(t.norm) || NOT_NAMES.has(t.norm))) claims.push({ names, holder, title: role.title });
      }
      // Name, then the title in apposition: "Ana Ruiz, the mayor's deputy", "…, Mr Trump's son-in-law".
      const before = toks[at - qualLen - 1];
      const head = at - qualLen - (before && (before.norm === 'the' || HONORIFIC.test(before.norm)) ? 1 : 0);
      const lead = toks[head - 1];
      if (!qualLen || !lead || !commaAfter(lead, toks[head])) continue;
      let k = head - 1;
      while (k > 0 && isCapitalised(toks[k - 1].text) && spaces(toks[k - 1], toks[k]) && head - k < 3) k--;
      const names = toks.slice(k, head).filter((t) => isCapitalised(t.text) && !NOT_NAMES.has(t.norm) && !MONTHS_DAYS.has(t.norm));
      if (names.length !== head - k) continue;
      const person = personOf(names, index);
      // An unknown name must look like a person's full name; a lone capitalised word may be a place or a day.
      if (person || names.length >= 2) claims.push({ names, holder, title: role.title });
    }
  }
  // Keyed by the name's last word: a name read back from an apposition may take in a title before it.
  const holders = new Map<number, Set<string>>();
  const keyOf = (names: Token[]) => names[names.length - 1].start;
  for (const c of claims) {
    const set = holders.get(keyOf(c.names));
    if (set) set.add(c.holder.id);
    else holders.set(keyOf(c.names), new Set([c.holder.id]));
  }
  for (const c of claims) roleFinding(c.names, c.holder, c.title, text, index, findings, flagged, holders.get(keyOf(c.names))!.size > 1);
}

/**
 * A title right before a sheet person's name that is none of their titles ("Iranian President
 * Abbas Araghchi", where he is the foreign minister): the title is flagged, and the fix gives
 * theirs in the draft's case.
 */
function wrongTitle(toks: Token[], at: number, after: number, holder: Entity, text: string, index: NameIndex, findings: Finding[], flagged: Set<number>): void {
  if (!toks[after] || !/^[ \t\u00a0]+$/.test(text.slice(toks[after - 1].end, toks[after].start))) return;
  const names = nameAt(toks, after, text);
  if (names.length < 2) return;
  const person = personOf(names, index);
  if (!person || person.id === holder.id || !person.roles?.length) return;
  const title = toks.slice(at, after).map((t) => t.norm).join(' ');
  if (person.roles.some((r) => phraseWords(r.title).join(' ') === title)) return;
  titleFinding(toks[at].start, toks[after - 1].end, person, text, findings, flagged);
}

/** The capitalised words before a comma at token `head` ("Abbas Araghchi, …"), at most three. */
function appositionNames(toks: Token[], head: number, text: string): Token[] {
  let k = head - 1;
  // "Abbas Araghchi, …", and a who's-who entry's "**Abbas Araghchi**: …".
  if (k < 0 || !/^[*_]*[,:][ \t\u00a0]+$/.test(text.slice(toks[k].end, toks[head].start))) return [];
  let first = k;
  while (first > 0 && head - first < 3 && isCapitalised(toks[first - 1].text) && /^[ \t\u00a0]+$/.test(text.slice(toks[first - 1].end, toks[first].start))) first--;
  const names = toks.slice(first, k + 1);
  return names.every((t) => isCapitalised(t.text) && !NOT_NAMES.has(t.norm) && !MONTHS_DAYS.has(t.norm)) ? names : [];
}

/**
 * Another office of the holder's title, bound to the holder ("deputy foreign minister Abbas
 * Araghchi" where he is the foreign minister): the qualified title is flagged, the fix drops
 * the qualifier. `q` is the qualifier's token, `after` the token after the title.
 */
function otherOfficeOfHolder(toks: Token[], q: number, after: number, holder: Entity, title: string, text: string, index: NameIndex, findings: Finding[], flagged: Set<number>): void {
  let names: Token[] = [];
  if (toks[after] && /^[ \t\u00a0]+$/.test(text.slice(toks[after - 1].end, toks[after].start))) names = nameAt(toks, after, text);
  if (names.length < 2) {
    // In apposition: "Abbas Araghchi, (Iran's|the) deputy foreign minister".
    let h = q;
    if (toks[h - 1] && (toks[h - 1].norm === 'the' || /['’]s?$/.test(toks[h - 1].text))) h--;
    names = appositionNames(toks, h, text);
  }
  if (!names.length || personOf(names, index)?.id !== holder.id) return;
  // The fix drops the qualifier: "deputy foreign minister" -> "foreign minister".
  titleFinding(toks[q].start, toks[after - 1].end, holder, text, findings, flagged, { right: title, fix: text.slice(toks[q + 1].start, toks[after - 1].end) });
}

/**
 * A role-mismatch on a title at [start, end) given to `person`, fixed with their own first title
 * in the draft's case, or with `given` (the verified title and the fix's text).
 */
function titleFinding(start: number, end: number, person: Entity, text: string, findings: Finding[], flagged: Set<number>, given?: { right: string; fix: string }): void {
  if (flagged.has(start)) return;
  flagged.add(start);
  const draft = text.slice(start, end);
  const right = given?.right ?? person.roles![0].title;
  const fix = given?.fix ?? (/^\p{Lu}/u.test(draft) ? right.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) : right.toLowerCase());
  findings.push({
    start,
    end,
    ruleId: 'role-mismatch',
    severity: 'error',
    message: `Draft calls ${person.name} ${draft}; verified: ${right}`,
    factId: person.id,
    verified: right,
    fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }],
  });
}

function roleFinding(
  names: Token[],
  holder: Entity,
  title: string,
  text: string,
  index: NameIndex,
  findings: Finding[],
  flagged: Set<number>,
  contested: boolean,
): void {
  const person = personOf(names, index);
  if (person?.id === holder.id) return;
  if (person === undefined && holder.type !== 'person') return;
  // Words of the holder's own name or of a title among them ("AForeign Minister Abbas"): no other person's name.
  const holderWords = new Set([holder.name, ...(holder.aliases ?? [])].flatMap((n) => phraseWords(n)));
  const titleWords = new Set((holder.roles ?? []).flatMap((r) => phraseWords(r.title)));
  if (!person && names.some((t) => holderWords.has(bare(t.text).toLowerCase()) || titleWords.has(bare(t.text).toLowerCase()))) return;
  // Only names that look like a person: capitalised words that are not places or outlets of the sheet.
  const words = names.map((t) => stripPossessive(t).text.toLowerCase());
  if (!person && words.some((w) => index.all.some((f) => !f.person && f.words.includes(w)))) return;
  const start = names[0].start;
  const end = stripPossessive(names[names.length - 1]).end;
  if (flagged.has(start)) return;
  flagged.add(start);
  const draft = text.slice(start, end);
  const right = names.length >= 2 ? holder.name : (holder.aliases?.[0] ?? holder.name);
  const fix = matchCase(draft, right);
  findings.push({
    start,
    end,
    ruleId: 'role-mismatch',
    severity: 'error',
    message: `Draft names ${draft} as ${title}; verified: ${holder.name}`,
    factId: holder.id,
    verified: holder.name,
    // Bound to two people by two titles, the name has no fix that would not make the other one wrong.
    fixes: contested ? [] : [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }],
  });
}

function checkSettings(
  ctx: SentenceContext,
  text: string,
  sheet: CompiledSheet,
  index: NameIndex,
  findings: Finding[],
  confirmations: Confirmation[],
  flagged: Set<number>,
  starts: readonly number[],
  lastPersons: readonly string[],
): void {
  const toks = ctx.sentence.tokens;
  for (const at of starts) {
    const entries = index.triggers.get(toks[at].norm);
    if (!entries) continue;
    for (const { setting: s, words: tw } of entries) {
      if (!wordsAt(toks, at, tw)) continue;
      // The actor named in the sentence, or meant by its pronoun ("he wrote on …" after a sentence about them).
      if (s.actor && !ctx.mentions(sheet).some((m) => m.id === s.actor) && !(lastPersons.includes(s.actor) && toks.some((t) => PERSONAL.has(t.norm)))) continue;
      const right = sheet.entities.get(s.entity)!;
      let k = at + tw.length;
      // "the talks, held in Geneva": a participle of the event may stand between it and its place.
      if (toks[k] && /^\p{Ll}+ed$/u.test(toks[k].text) && toks[k + 1] && s.prepositions.some((p) => p.toLowerCase() === toks[k + 1].norm) && /^,?[ \t\u00a0]+$/.test(text.slice(toks[k - 1].end, toks[k].start))) k++;
      const hasPrep = !!toks[k] && s.prepositions.some((p) => p.toLowerCase() === toks[k].norm);
      if (hasPrep) k++;
      // Up to two filler words: "on his official Facebook page", "told the BBC".
      for (let n = 0; n < 2 && toks[k] && !isCapitalised(toks[k].text) && /^(?:the|his|her|its|their|an?|official|own|state)$/.test(toks[k].norm); n++) k++;
      if (!toks[k] || !isCapitalised(toks[k].text)) continue;
      if (!hasPrep && !/^(?:told|tells|telling|interviewed)$/.test(toks[at].norm)) continue;
      let names = nameAt(toks, k, text);
      // An owner before the place ("on Mr Araghchi's official Telegram channel") is not the place.
      if (/['’]s?$/.test(names[names.length - 1].text) && toks[k + names.length] && (personOf(names, index) || HONORIFIC.test(names[0].norm))) {
        k += names.length;
        for (let n = 0; n < 2 && toks[k] && !isCapitalised(toks[k].text) && /^(?:official|own|state|verified|personal)$/.test(toks[k].norm); n++) k++;
        if (!toks[k] || !isCapitalised(toks[k].text)) continue;
        names = nameAt(toks, k, text);
      }
      const words = names.map((t) => stripPossessive(t).text.toLowerCase());
      const phrase = words.join(' ');
      const start = names[0].start;
      const end = stripPossessive(names[names.length - 1]).end;
      // The right name, or its first words as a short form ("the Meridian Journal" of the Meridian Journal of Medicine).
      if (index.rightNames.get(s.id)!.some((r) => ` ${phrase} `.includes(` ${r} `) || (words.length >= 2 && r.startsWith(`${phrase} `)))) {
        confirmations.push({ start, end, factId: s.id });
        // "Muscat, Qatar": the region after the right place must be right too.
        const after = toks[k + names.length];
        const region = sheet.entities.get(s.alsoRight?.[0] ?? '');
        if (after && region && /^,[ \t\u00a0]+$/.test(text.slice(names[names.length - 1].end, after.start)) && isCapitalised(after.text)) {
          const next = nameAt(toks, k + names.length, text);
          const nextPhrase = next.map((t) => stripPossessive(t).text.toLowerCase()).join(' ');
          const nextEntity = index.entityByPhrase.get(nextPhrase);
          const placeLike = nextEntity ? nextEntity.type === region.type : sheet.otherNames.has(nextPhrase) === false && !MONTHS_DAYS.has(nextPhrase);
          if (placeLike && !index.rightNames.get(s.id)!.includes(nextPhrase) && !flagged.has(next[0].start)) {
            const rs = next[0].start;
            const re = stripPossessive(next[next.length - 1]).end;
            flagged.add(rs);
            const fix = matchCase(text.slice(rs, re), region.name);
            findings.push({
              start: rs,
              end: re,
              ruleId: 'place-mismatch',
              severity: 'error',
              message: `Draft says ${text.slice(rs, re)} for ${s.what}; verified: ${right.name}, ${region.name}`,
              factId: s.id,
              verified: region.name,
              fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start: rs, end: re, text: fix }] }],
            });
          }
        }
        continue;
      }
      if (MONTHS_DAYS.has(words[0]) || flagged.has(start)) continue;
      // "the Portuguese capital": a word derived from a sheet name is not a wrong place.
      if (words.length === 1 && derivedFromSheetName(words[0], sheet)) continue;
      // A sheet entity of another kind (a person, a body) is not a wrong place.
      const other = index.entityByPhrase.get(phrase);
      if (other && other.type !== right.type) continue;
      if (!other && sheet.otherNames.has(words[0])) continue;
      flagged.add(start);
      const draft = text.slice(start, end);
      const fix = matchCase(draft, right.name);
      findings.push({
        start,
        end,
        ruleId: 'place-mismatch',
        severity: 'error',
        message: `Draft says ${draft} for ${s.what}; verified: ${right.name}`,
        factId: s.id,
        verified: right.name,
        fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }],
      });
    }
  }
}
