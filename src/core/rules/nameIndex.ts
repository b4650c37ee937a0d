/**
 * The sheet's names, indexed once per sheet for the name, title and place rules: name forms,
 * known name words, near misses of each word, role titles and the words that introduce a place.
 */
import type { CompiledSheet } from '../sheet/compile';
import { phraseTokens, phraseWords, WordMap, type Token } from '../text/tokens';
import type { Entity, Role, Setting } from '../types';
import { swapped, nearMiss, SUFFIXES, editDistance } from '../language/spelling';
import { bare } from '../mentions/names';
import { inflectionStem } from '../language/lemma';

/** One way the sheet writes a name (its name or an alias), word by word. */
export interface NameForm {
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
  /** The trigger's words as inflection stems. */
  words: string[];
  /** Its first word as the sheet writes it. */
  first: string;
}

/** A near miss of one name form: anywhere (`alone`) or only right before the surname (`given`). */
interface Hit {
  form: NameForm;
  given: boolean;
}

/** What the name, title and place rules look names up in, built once per sheet. */
export interface NameIndex {
  all: NameForm[];
  known: Set<string>;
  /** Multi-word names that are not people, by their first and by their last word. */
  byFirst: WordMap<NameForm[]>;
  byLast: WordMap<NameForm[]>;
  /** Role titles by their first word. */
  roles: WordMap<RoleEntry[]>;
  /** Setting triggers (their words' stems) by their first word's stem. */
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
export function nameIndex(sheet: CompiledSheet): NameIndex {
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
        // By stems: "sentenced" triggers on "sentences", "post" on "posted".
        const forms = phraseWords(t);
        const words = forms.map(inflectionStem);
        if (words.length) push(triggers, words[0], { setting, words, first: forms[0] });
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
export function hitsOf(index: NameIndex, w: string): Hit[] {
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

/** Whether `word` is a sheet name with a deriving ending (`Iranian` from `Iran`). */
export function derivedFromSheetName(word: string, sheet: CompiledSheet): boolean {
  return sheet.sheet.entities.some((e) =>
    [e.name, ...(e.aliases ?? [])].some((n) => {
      const w = n.toLowerCase();
      return SUFFIXES.some((s) => word === w + s);
    }),
  );
}

/** The sheet person whose surname one of the name tokens is, exactly or as a near miss (remembered per word). */
export function personOf(names: Token[], index: NameIndex): Entity | undefined {
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
