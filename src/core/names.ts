/**
 * The name checks: misspelt names (near misses of a sheet name), titles followed by the wrong
 * person, and events placed at the wrong place, outlet or channel.
 */
import type { CompiledSheet } from './compile';
import type { SentenceContext } from './context';
import { findPhrase, matchCase, phraseWords, tokenize, type Token } from './text';
import type { Confirmation, Entity, Finding } from './types';

const MONTHS_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
const SUFFIXES = ['s', 'i', 'is', 'ian', 'ians', 'n', 'ns', 'an', 'ans', 'ese', 'ite', 'ites', 'er', 'ers'];
/** Capitalised words that start sentences and are not names ("On Sunday, …"). */
const NOT_NAMES = new Set(
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

/** A spelling skeleton that folds transliteration variants: gh/q/kh/ck/c→k, wh→w, ph→f, y→i, doubles. */
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
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Is `cand` a near miss of the verified name word `name` (both lower-case)? */
export function nearMiss(cand: string, name: string): boolean {
  if (cand === name || cand.length < 3) return false;
  for (const s of SUFFIXES) if (cand === name + s || name === cand + s) return false;
  if (name.length >= 4 && skeleton(cand) === skeleton(name)) return true;
  if (cand[0] !== name[0]) return false;
  const d = editDistance(cand, name, 2);
  return (d === 1 && name.length >= 6) || (d === 2 && name.length >= 9);
}

const isCapitalised = (t: string) => /^\p{Lu}/u.test(t);

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
      const spelled = tokenize(f).map((t) => t.text);
      out.push({ entity: e, words: spelled.map((w) => w.toLowerCase()), spelled, person: e.type === 'person' });
    }
  }
  return out;
}

const nameIndexes = new WeakMap<CompiledSheet, { all: NameForm[]; known: Set<string> }>();

/** Name forms of the sheet and every word that is a known name, computed once per sheet. */
function nameIndex(sheet: CompiledSheet): { all: NameForm[]; known: Set<string> } {
  let index = nameIndexes.get(sheet);
  if (!index) {
    const all = forms(sheet);
    const known = new Set<string>(sheet.otherNames);
    for (const f of all) for (const w of f.words) known.add(w);
    index = { all, known };
    nameIndexes.set(sheet, index);
  }
  return index;
}

function stripPossessive(t: Token): { text: string; start: number; end: number } {
  const m = /^(.*?)(?:['’]s?|['’])$/u.exec(t.text);
  const text = m ? m[1] : t.text;
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

/** Checks names, roles and settings in every sentence. */
export function checkNames(
  text: string,
  contexts: SentenceContext[],
  sheet: CompiledSheet,
  findings: Finding[],
  confirmations: Confirmation[],
): void {
  const { all, known } = nameIndex(sheet);
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

  for (const ctx of contexts) {
    const toks = ctx.sentence.tokens;
    // 1. Multi-word names that are not people: compare the whole phrase ("Al Jazera").
    for (const f of all) {
      if (f.person || f.words.length < 2) continue;
      for (let i = 0; i + f.words.length <= toks.length; i++) {
        const win = toks.slice(i, i + f.words.length);
        if (!win.every((t) => isCapitalised(t.text))) continue;
        const first = win[0].text.toLowerCase() === f.words[0];
        const last = stripPossessive(win[win.length - 1]).text.toLowerCase() === f.words[f.words.length - 1];
        if (!first && !last) continue;
        const start = win[0].start;
        const end = stripPossessive(win[win.length - 1]).end;
        const cand = text.slice(start, end);
        const words = win.map((t, k) => (k === win.length - 1 ? stripPossessive(t).text : t.text).toLowerCase());
        if (words.join(' ') === f.words.join(' ')) {
          confirmations.push({ start, end, factId: f.entity.id });
          continue;
        }
        if (words.every((w) => known.has(w))) continue;
        const d = editDistance(words.join(' '), f.words.join(' '), 3);
        const limit = f.words.join(' ').length >= 15 ? 2 : 1;
        if (d >= 1 && d <= limit && cand.replace(/\s+/g, ' ') !== f.spelled.join(' ')) {
          spellFinding(start, end, f.spelled.join(' '), f.entity);
        }
      }
    }
    // 2. Single words: people's surnames anywhere, given names before the surname, one-word places.
    for (let i = 0; i < toks.length; i++) {
      for (const p of parts(toks[i])) {
        if (!isCapitalised(p.text) || flagged.has(p.start)) continue;
        const w = p.text.toLowerCase();
        if (known.has(w)) {
          const f = all.find((x) => x.words.length === 1 && x.words[0] === w);
          if (f) confirmations.push({ start: p.start, end: p.end, factId: f.entity.id });
          continue;
        }
        if (MONTHS_DAYS.has(w)) continue;
        for (const f of all) {
          if (f.words.length === 1 && !f.person) {
            if (f.spelled[0] === f.spelled[0].toUpperCase() && f.spelled[0].length > 1) continue; // acronyms: exact only
            if (nearMiss(w, f.words[0])) spellFinding(p.start, p.end, f.spelled[0], f.entity);
            continue;
          }
          if (!f.person) continue;
          const surname = f.words[f.words.length - 1];
          if (f.words.length === 1 && nearMiss(w, surname)) {
            spellFinding(p.start, p.end, f.spelled[0], f.entity);
          } else if (f.words.length >= 2) {
            // A given name is a near miss only right before the (possibly misspelt) surname.
            const next = toks[i + 1] ? stripPossessive(toks[i + 1]).text.toLowerCase() : '';
            const given = f.words[0];
            // Before the surname a given name is unambiguous: one slip is enough even in a short name ("Steev", "Jered").
            const slip = nearMiss(w, given) || (given.length >= 4 && w[0] === given[0] && !SUFFIXES.some((x) => w === given + x) && editDistance(w, given, 1) === 1);
            if ((next === surname || nearMiss(next, surname)) && slip) spellFinding(p.start, p.end, f.spelled[0], f.entity);
          }
        }
      }
    }
    checkRoles(ctx, text, sheet, all, known, findings, flagged);
    checkSettings(ctx, text, sheet, findings, confirmations, flagged);
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

function personOf(names: Token[], all: NameForm[]): Entity | undefined {
  const words = names.map((t) => stripPossessive(t).text.toLowerCase());
  for (const f of all) {
    if (!f.person) continue;
    const surname = f.words[f.words.length - 1];
    if (words.some((w) => w === surname || nearMiss(w, surname))) return f.entity;
  }
  return undefined;
}

function checkRoles(
  ctx: SentenceContext,
  text: string,
  sheet: CompiledSheet,
  all: NameForm[],
  known: Set<string>,
  findings: Finding[],
  flagged: Set<number>,
): void {
  const toks = ctx.sentence.tokens;
  const spaces = (a: Token, b: Token) => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
  const commaAfter = (a: Token, b: Token) => /^,[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
  for (const holder of sheet.sheet.entities) {
    for (const role of holder.roles ?? []) {
      const title = phraseWords(role.title);
      const qualifiers = (role.qualifiers ?? []).map(phraseWords);
      for (const at of findPhrase(toks, title)) {
        // The longest qualifier right before the title ("Brazil's", "the mayor's").
        const qualLen = qualifiers.reduce((n, qw) => (qw.length <= at && qw.every((w, k) => toks[at - qw.length + k].norm === w) ? Math.max(n, qw.length) : n), 0);
        const prev = toks[at - 1];
        const prevIsOther = !!prev && spaces(prev, toks[at]) && (OTHER_OFFICE.has(prev.norm) || (isCapitalised(prev.text) && !known.has(prev.norm)));
        if (!qualLen && (role.requireQualifier || prevIsOther)) continue;
        const after = at + title.length;
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
          if (names.length && !names.some((t) => MONTHS_DAYS.has(t.norm) || NOT_NAMES.has(t.norm))) roleFinding(names, holder, role.title, text, all, findings, flagged);
        }
        // Name, then the title in apposition: "Ana Ruiz, the mayor's deputy".
        const head = at - qualLen - (toks[at - qualLen - 1]?.norm === 'the' ? 1 : 0);
        const lead = toks[head - 1];
        if (!qualLen || !lead || !commaAfter(lead, toks[head])) continue;
        let k = head - 1;
        while (k > 0 && isCapitalised(toks[k - 1].text) && spaces(toks[k - 1], toks[k]) && head - k < 3) k--;
        const names = toks.slice(k, head).filter((t) => isCapitalised(t.text) && !NOT_NAMES.has(t.norm) && !MONTHS_DAYS.has(t.norm));
        if (names.length !== head - k) continue;
        const person = personOf(names, all);
        // An unknown name must look like a person's full name; a lone capitalised word may be a place or a day.
        if ((person && person.id !== holder.id) || (!person && names.length >= 2)) roleFinding(names, holder, role.title, text, all, findings, flagged);
      }
    }
  }
}

function roleFinding(
  names: Token[],
  holder: Entity,
  title: string,
  text: string,
  all: NameForm[],
  findings: Finding[],
  flagged: Set<number>,
): void {
  const person = personOf(names, all);
  if (person?.id === holder.id) return;
  if (person === undefined && holder.type !== 'person') return;
  // Only names that look like a person: capitalised words that are not places or outlets of the sheet.
  const words = names.map((t) => stripPossessive(t).text.toLowerCase());
  if (!person && words.some((w) => all.some((f) => !f.person && f.words.includes(w)))) return;
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
    fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }],
  });
}

function checkSettings(
  ctx: SentenceContext,
  text: string,
  sheet: CompiledSheet,
  findings: Finding[],
  confirmations: Confirmation[],
  flagged: Set<number>,
): void {
  const toks = ctx.sentence.tokens;
  for (const s of sheet.settings) {
    const right = sheet.entities.get(s.entity)!;
    const rightNames = [s.entity, ...(s.alsoRight ?? [])]
      .map((id) => sheet.entities.get(id)!)
      .flatMap((e) => [e.name, ...(e.aliases ?? [])].map((n) => phraseWords(n).join(' ')));
    if (s.actor && !ctx.mentions(sheet).some((m) => m.id === s.actor)) continue;
    const triggers = s.triggers.map((t) => phraseWords(t));
    const preps = new Set(s.prepositions.map((p) => p.toLowerCase()));
    for (const tw of triggers) {
      for (const at of findPhrase(toks, tw)) {
        let k = at + tw.length;
        const hasPrep = toks[k] && preps.has(toks[k].norm);
        if (hasPrep) k++;
        // Up to two filler words: "on his official Facebook page", "told the BBC".
        for (let n = 0; n < 2 && toks[k] && !isCapitalised(toks[k].text) && /^(?:the|his|her|its|their|an?|official|own|state)$/.test(toks[k].norm); n++) k++;
        if (!toks[k] || !isCapitalised(toks[k].text)) continue;
        if (!hasPrep && !/^(?:told|interviewed)$/.test(toks[at].norm)) continue;
        const names = nameAt(toks, k, text);
        const words = names.map((t) => stripPossessive(t).text.toLowerCase());
        const phrase = words.join(' ');
        const start = names[0].start;
        const end = stripPossessive(names[names.length - 1]).end;
        if (rightNames.some((r) => ` ${phrase} `.includes(` ${r} `))) {
          confirmations.push({ start, end, factId: s.id });
          continue;
        }
        if (MONTHS_DAYS.has(words[0]) || flagged.has(start)) continue;
        // "the Portuguese capital": a word derived from a sheet name is not a wrong place.
        if (words.length === 1 && derivedFromSheetName(words[0], sheet)) continue;
        // A sheet entity of another kind (a person, a body) is not a wrong place.
        const other = sheet.sheet.entities.find((e) => [e.name, ...(e.aliases ?? [])].some((n) => phraseWords(n).join(' ') === phrase));
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
}
