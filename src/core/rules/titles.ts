/**
 * The title rule (`role-mismatch`): a title (`Foreign Minister …`) followed or preceded by a
 * person other than its holder on the sheet, fixed to the holder's name.
 */
import { DETERMINERS, type SentenceContext } from '../claims/context';
import type { CompiledSheet } from '../sheet/compile';
import { matchCase, phraseWords, type Token } from '../text/tokens';
import type { Entity, Finding, Role } from '../types';
import { type NameIndex, personOf } from './nameIndex';
import { wordsAt, qualifierBefore, isCapitalised, nameAt, MONTHS_DAYS, NOT_NAMES, HONORIFIC, bare, stripPossessive, NAME_JOINS } from '../mentions/names';
import { SUFFIXES } from '../language/spelling';
import { REPORTING } from '../claims/speech';
import { usually } from '../language/lexicon';

/** Prepositions of place: what follows them is a place, not a title ("landing in New York Jared Kushner"). */
const LOCATIVES = new Set(['in', 'at', 'near', 'from', 'outside', 'inside', 'across', 'around', 'over']);
const roleWordSets = new WeakMap<NameIndex, Set<string>>();

/**
 * A title the sheet does not know, right before a sheet person's full name ("Secretary of State
 * Steve Witkoff", where he is the Middle East envoy): two or more capitalised words that are no
 * name of the story and share no word with any of its titles. Known titles are read by
 * checkRoles; a line in title case ("Big Win For Steve Witkoff") is left alone.
 */
export function checkUnknownTitles(ctx: SentenceContext, text: string, sheet: CompiledSheet, index: NameIndex, findings: Finding[], flagged: Set<number>): void {
  const toks = ctx.sentence.tokens;
  let capitals = 0;
  for (const t of toks) if (isCapitalised(t.text)) capitals++;
  if (capitals > 0.6 * toks.length) return;
  let roleWords = roleWordSets.get(index);
  if (!roleWords) {
    roleWords = new Set(index.all.flatMap((f) => (f.person ? (f.entity.roles ?? []).flatMap((r) => phraseWords(r.title)) : [])));
    roleWordSets.set(index, roleWords);
  }
  for (const m of ctx.mentions(sheet)) {
    const person = sheet.entities.get(m.id);
    if (person?.type !== 'person' || !person.roles?.length || m.len < 2 || m.at < 2) continue;
    const full = phraseWords(person.name);
    if (full.length !== m.len || full.some((w, k) => toks[m.at + k].norm !== w)) continue;
    // The capitalised words (and the function words between them) right before the name.
    // (A title is a few words: the walk back stops after six.)
    const words: Token[] = [];
    let j = m.at;
    for (; j > 0 && words.length < 6; j--) {
      const t = toks[j - 1];
      if (!/^[ \t\u00a0]+$/.test(text.slice(t.end, toks[j].start)) || /['’]s?$/.test(t.text)) break;
      if (isCapitalised(t.text) || (NAME_JOINS.has(t.norm) && words.length)) words.push(t);
      else break;
    }
    words.reverse();
    // "in New York Jared Kushner", "at Camp David Steve Witkoff": a place after a preposition, no title.
    if (j > 0 && words.length && LOCATIVES.has(toks[j - 1].norm)) continue;
    while (words.length && NAME_JOINS.has(words[0].norm)) words.shift();
    if (words.some((t) => roleWords!.has(t.norm) || NOT_NAMES.has(t.norm) || MONTHS_DAYS.has(t.norm) || HONORIFIC.test(t.norm))) continue;
    // A name of the story before the title qualifies it ("US Secretary of State"); none inside it.
    while (words.length && index.known.has(words[0].norm)) words.shift();
    if (words.filter((t) => isCapitalised(t.text)).length < 2 || words.some((t) => index.known.has(t.norm))) continue;
    const right = person.roles[0].title;
    titleFinding(words[0].start, words[words.length - 1].end, person, text, findings, flagged, { right, fix: right });
  }
  for (const m of ctx.mentions(sheet)) ownedTitleAfter(toks, m, sheet, index, text, roleWords, findings, flagged);
}

/**
 * A title the sheet does not know in apposition after a sheet person, owned by the organisation
 * of their own role ("Siobhan Kettleby, HIF's chief executive," or "…, chief executive of HIF,"
 * where she is HIF's spokeswoman): one to three lower-case words, the last a noun, after one of
 * their title's possessive qualifiers or a possessive name of their organisation, or before "of",
 * "at" or "for" and its name; closing the apposition, and not their own title. Fixed to their own
 * title.
 */
function ownedTitleAfter(toks: Token[], m: { id: string; at: number; len: number }, sheet: CompiledSheet, index: NameIndex, text: string, roleWords: ReadonlySet<string>, findings: Finding[], flagged: Set<number>): void {
  const person = sheet.entities.get(m.id);
  if (person?.type !== 'person' || !person.roles?.length) return;
  const k = m.at + m.len;
  if (!toks[k] || !/^(?:[*_]{1,3})?,[ \t\u00a0]+$/.test(text.slice(toks[k - 1].end, toks[k].start))) return;
  const spaced = (e: number) => /^[ \t\u00a0]+$/.test(text.slice(toks[e - 1].end, toks[e].start));
  /** Up to three lower-case words from `first`, not a verb of saying ("…, HIF's press chief said."); before `link`, not "of", "at" or "for". */
  const titleWords = (first: number, link: boolean) => {
    let e = first;
    while (e < toks.length && e - first < 3 && /^\p{Ll}+$/u.test(toks[e].text) && !REPORTING.has(toks[e].norm) && !(link && OWNER_LINKS.has(toks[e].norm)) && (e === first || spaced(e))) e++;
    return e;
  };
  const closes = (e: number) => !toks[e] || /^\s*,/.test(text.slice(toks[e - 1].end, toks[e].start));
  /** The length of a name of one of `owners` at token `at` ("the Orrin Trust", "the trust"), possessive or not. */
  const ownerAt = (at: number, owners: readonly Entity[], possessive: boolean): number => {
    let best = 0;
    for (const o of owners) {
      for (const n of [o.name, ...(o.aliases ?? []), ...(o.mentions ?? [])]) {
        const w = phraseWords(n);
        const lead = toks[at]?.norm === 'the' && w[0] !== 'the' ? 1 : 0;
        if (w.length && w.every((x, j) => toks[at + lead + j]?.norm === x) && /['’]s?$/.test(toks[at + lead + w.length - 1].text) === possessive) best = Math.max(best, lead + w.length);
      }
    }
    return best;
  };
  const owners = ownersOf(person, sheet, index);
  let role = person.roles[0];
  let first = -1;
  let end = -1;
  for (const r of person.roles) {
    for (const q of r.qualifiers ?? []) {
      if (!/['’]s?$/.test(q)) continue;
      const qw = phraseWords(q);
      if (!qw.every((w, j) => toks[k + j]?.norm === w)) continue;
      // Owned by an organisation: a person's or a country's ("Trump's senior adviser", "Iran's
      // lead negotiator") may be a true description the sheet does not hold.
      const ownerType = index.entityByPhrase.get(qw.filter((w) => w !== 'the').join(' '))?.type;
      if (ownerType === 'person' || ownerType === 'place') return;
      if (first < 0 || k + qw.length > first) [role, first] = [r, k + qw.length];
    }
  }
  if (first < 0) {
    const n = ownerAt(k, owners, true);
    if (n) first = k + n;
  }
  if (first >= 0) {
    end = titleWords(first, false);
    if (end === first || !closes(end)) return;
  } else {
    // "…, chief executive of the Orrin Trust,": the title before "of", "at" or "for" and the owner.
    // ("a member of the trust", "a spokesman for the trust": one of many, no office of its own.)
    if (toks[k].norm === 'a' || toks[k].norm === 'an') return;
    first = k + (toks[k].norm === 'the' ? 1 : 0);
    end = titleWords(first, true);
    if (end === first || !OWNER_LINKS.has(toks[end]?.norm ?? '')) return;
    const n = ownerAt(end + 1, owners, false);
    if (!n || !closes(end + 1 + n)) return;
  }
  const words = toks.slice(first, end);
  // A title is a noun phrase: it ends in a noun, or a word the lexicon does not hold ("envoy").
  const last = usually(words[words.length - 1].norm);
  if (last && last !== 'n') return;
  // A title of the story is read by checkRoles (its holder is another person, or this one).
  const phrase = words.map((t) => t.norm).join(' ');
  // (A word of another's title, "chair" of a "deputy chair", is read here when it is a word of their own.)
  const ownWords = new Set(person.roles.flatMap((r) => phraseWords(r.title)));
  // (Unless no holder of it is of the person's organisation: "Anand Subramanyam, the hospital's
  // chief executive," where the story's chief executive is the water company's.)
  const heldAtOwners = () => [...sheet.entities.values()].some((e) => e !== person && e.roles?.some((r) => phraseWords(r.title).join(' ') === phrase) && ownersOf(e, sheet, index).some((o) => owners.includes(o)));
  if ((sheet.titlePhrases.has(phrase) && (!owners.length || heldAtOwners())) || (words.length === 1 && roleWords.has(phrase) && !ownWords.has(phrase))) return;
  // Their own title, with a word of time or office more ("former finance director"), or in part
  // without a word of office ("operating chief"), is theirs; "chair" for a deputy chair is not.
  const draftWords = new Set(words.map((t) => t.norm));
  const theirs = person.roles.some((r) => {
    const own = phraseWords(r.title);
    return own.every((w) => draftWords.has(w)) || ([...draftWords].every((w) => own.includes(w)) && !own.some((w) => !draftWords.has(w) && OTHER_OFFICE.has(w)));
  });
  if (theirs) return;
  titleFinding(words[0].start, words[words.length - 1].end, person, text, findings, flagged, { right: role.title, fix: role.title });
}

/** The organisations a person's roles are of: whom they speak for, and what their qualifiers name. */
function ownersOf(person: Entity, sheet: CompiledSheet, index: NameIndex): Entity[] {
  return [person.speaksFor, ...(person.roles ?? []).flatMap((r) => (r.qualifiers ?? []).map((q) => index.entityByPhrase.get(phraseWords(q).filter((w) => w !== 'the').join(' '))?.id))]
    .map((id) => (id ? sheet.entities.get(id) : undefined))
    .filter((e): e is Entity => !!e && e.type !== 'person' && e.type !== 'place');
}

/** Words that tie a title to its organisation after it ("chief executive of the trust"). */
const OWNER_LINKS = new Set(['of', 'at', 'for']);

/** Words that make a title one its holder no longer holds ("former finance director"). */
export const PAST_OFFICE = new Set(['former', 'ex', 'then', 'late', 'previous', 'past']);
const OTHER_OFFICE = new Set([...PAST_OFFICE, 'deputy', 'acting', 'outgoing', 'vice', 'shadow', 'incoming', 'new']);

/** Checks the role titles at token positions `starts` of one sentence against their holders. */
export function checkRoles(
  ctx: SentenceContext,
  text: string,
  index: NameIndex,
  findings: Finding[],
  flagged: Set<number>,
  starts: readonly number[],
): void {
  const { known } = index;
  const toks = ctx.sentence.tokens;
  // Markdown emphasis around a name or a title ("**Ana Ruiz**, the mayor's deputy") does not part them.
  const spaces = (a: Token, b: Token) => /^(?:[*_]{1,3})?[ \t\u00a0]+(?:[*_]{1,3})?$/.test(text.slice(a.end, b.start));
  const commaAfter = (a: Token, b: Token) => /^(?:[*_]{1,3})?,[ \t\u00a0]+(?:[*_]{1,3})?$/.test(text.slice(a.end, b.start));
  // Every title bound to a name in the sentence, kept until all are read: a name that two titles
  // give to two different people ("envoy Jared Kushner, Trump's son-in-law") has no safe fix.
  // `span`: where the title stands after the name, in apposition (what a second fix may replace).
  const claims: { names: Token[]; holder: Entity; title: string; span?: [number, number]; qualifier?: string }[] = [];
  // "the opposition leader, Ada Penrose": a title inside a longer title of another holder
  // that starts before it ("leader" of "opposition leader") is part of that one, not a title of its own.
  let coveredTo = -1;
  let coveredBy = new Set<Entity>();
  for (const at of starts) {
    const entries = index.roles.get(toks[at].norm);
    if (!entries) continue;
    const covering = at < coveredTo ? coveredBy : undefined;
    // (The longest title starting here, and its holders, cover what follows it.)
    let end = -1;
    for (const { title } of entries) if (wordsAt(toks, at, title)) end = Math.max(end, at + title.length);
    if (end > coveredTo) {
      coveredTo = end;
      coveredBy = new Set(entries.filter((e) => at + e.title.length === end && wordsAt(toks, at, e.title)).map((e) => e.holder));
    }
    for (const { holder, role, title, qualifiers } of entries) {
      if (!wordsAt(toks, at, title)) continue;
      if (covering && !covering.has(holder)) continue;
      // The longest qualifier right before the title ("Brazil's", "the mayor's").
      const qualLen = qualifierBefore(toks, at, qualifiers);
      const prev = toks[at - 1];
      const prevIsOther = !!prev && spaces(prev, toks[at]) && (OTHER_OFFICE.has(prev.norm) || (isCapitalised(prev.text) && !known.has(prev.norm)));
      const after = at + title.length;
      // "Oriel Vance, the education minister," or "Education Minister Oriel Vance", where she is
      // the health minister: a noun before her own title that is none of its qualifiers.
      if (!qualLen && prev && spaces(prev, toks[at]) && !OTHER_OFFICE.has(prev.norm)) {
        const before = prev.norm === 'the' ? undefined : at - 1 - (toks[at - 2]?.norm === 'the' ? 1 : 0);
        const named = before === undefined ? [] : toks[after] && spaces(toks[after - 1], toks[after]) ? nameAt(toks, after, text) : appositionNames(toks, before, text);
        if (named.length && personOf(named, index)?.id === holder.id && wrongModifier(prev, holder, role, text, findings, flagged)) continue;
      }
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
      // The span a second fix replaces: the title, with a qualifier that is no possessive ("US envoy",
      // "Middle East envoy"; not "the trust's").
      const titleFrom = qualLen && !/['’]s?$/.test(toks[at - 1].text) ? at - qualLen : at;
      // Title then name: "Finance Minister Ana Ruiz", "the city's mayor, Ana Ruiz, said".
      // (A title that introduces a name in commas is that name's, not an apposition to a name
      // before it: "… for Ana Ruiz, the returning officer, Bo Lind, announced".)
      let introduces = false;
      if (toks[after]) {
        let names: Token[] = [];
        if (spaces(last, toks[after])) names = nameAt(toks, after, text);
        else if (commaAfter(last, toks[after])) {
          names = nameAt(toks, after, text);
          const next = toks[after + names.length];
          if (next && !/^\s*,/.test(text.slice(names[names.length - 1]?.end ?? 0, next.start))) names = [];
          // (Not in a list of names each with its title: "Ana Ruiz, the finance minister, Bo Lind, the governor, …".)
          if (next && /^(?:the|a|an)$/.test(next.norm)) names = [];
          introduces = names.length > 0;
        }
        const qualifier = qualLen ? toks.slice(at - qualLen, at).map((t) => t.norm).join(' ') : undefined;
        if (names.length && !names.some((t) => MONTHS_DAYS.has(t.norm) || NOT_NAMES.has(t.norm))) claims.push({ names, holder, title: role.title, span: [toks[titleFrom].start, last.end], qualifier });
      }
      // Name, then the title in apposition: "Ana Ruiz, the mayor's deputy", "…, Mr Trump's son-in-law".
      const before = toks[at - qualLen - 1];
      const head = at - qualLen - (before && (before.norm === 'the' || HONORIFIC.test(before.norm)) ? 1 : 0);
      const lead = toks[head - 1];
      if (!qualLen || !lead || !commaAfter(lead, toks[head]) || introduces) continue;
      let k = head - 1;
      while (k > 0 && isCapitalised(toks[k - 1].text) && spaces(toks[k - 1], toks[k]) && head - k < 3) k--;
      const names = toks.slice(k, head).filter((t) => isCapitalised(t.text) && !NOT_NAMES.has(t.norm) && !MONTHS_DAYS.has(t.norm));
      if (names.length !== head - k) continue;
      const person = personOf(names, index);
      // An unknown name must look like a person's full name; a lone capitalised word may be a place or a day.
      if (person || names.length >= 2) claims.push({ names, holder, title: role.title, span: [toks[titleFrom].start, toks[after - 1].end], qualifier: toks.slice(at - qualLen, at).map((t) => t.norm).join(' ') });
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
  // Case is what shows an unknown name: in a sentence without lower-case words ("FOREIGN MINISTER
  // SAYS TALKS …") only the sheet's own names are read after a title.
  const capitals = !toks.some((t) => /\p{Ll}/u.test(t.text));
  for (const c of claims) {
    const named = personOf(c.names, index);
    if (capitals && !named) continue;
    // "Governor Otto Brennan", where he is the deputy governor: his own title short of its
    // word of office, not another's title; the title is flagged and given back whole.
    const words = phraseWords(c.title).join(' ');
    const own = named && named.id !== c.holder.id && c.span ? named.roles?.find((r) => { const w = phraseWords(r.title); return OTHER_OFFICE.has(w[0]) && w.slice(1).join(' ') === words; }) : undefined;
    if (own && c.span) {
      titleFinding(c.span[0], c.span[1], named!, text, findings, flagged, { right: own.title, fix: titleInCaseOf(text.slice(c.span[0], c.span[1]), own.title) });
      continue;
    }
    roleFinding(c.names, c.holder, c.title, text, index, findings, flagged, holders.get(keyOf(c.names))!.size > 1, c.span, c.qualifier);
  }
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
  // "Abbas Araghchi, …", and a who's-who entry's "**Abbas Araghchi**: …" or "**Abbas Araghchi** — …".
  if (k < 0 || !/^[*_]*(?:[,:]|[ \t\u00a0]+[—–])[ \t\u00a0]+$/.test(text.slice(toks[k].end, toks[head].start))) return [];
  let first = k;
  while (first > 0 && head - first < 3 && isCapitalised(toks[first - 1].text) && /^[ \t\u00a0]+$/.test(text.slice(toks[first - 1].end, toks[first].start))) first--;
  const names = toks.slice(first, k + 1);
  return names.every((t) => isCapitalised(t.text) && !NOT_NAMES.has(t.norm) && !MONTHS_DAYS.has(t.norm)) ? names : [];
}

/**
 * Whether `mod`, a noun right before the holder's own title, is another office's qualifier (and
 * flagged): the title's qualifiers include nouns of that kind ("health") and it is none of them,
 * nor any word the holder's names, mentions or titles use. The fix gives the first of them.
 */
function wrongModifier(mod: Token, holder: Entity, role: Role, text: string, findings: Finding[], flagged: Set<number>): boolean {
  const own = (role.qualifiers ?? []).map((q) => q.toLowerCase()).filter((q) => /^\p{L}+$/u.test(q) && usually(q) === 'n');
  if (!own.length || own.includes(mod.norm) || usually(mod.norm) !== 'n') return false;
  const words = new Set([holder.name, ...(holder.aliases ?? []), ...(holder.mentions ?? []), ...(holder.roles ?? []).map((r) => r.title)].flatMap((x) => phraseWords(x)));
  if (words.has(mod.norm)) return false;
  titleFinding(mod.start, mod.end, holder, text, findings, flagged, { right: `${own[0]} ${role.title}`, fix: matchCase(mod.text, own[0]) });
  return true;
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

/** A title in the case of the draft's words it replaces: "Deputy Governor" for "Governor", "deputy governor" for "governor". */
const titleInCaseOf = (draft: string, title: string) => (/^\p{Lu}/u.test(draft) ? title.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) : title.toLowerCase());

/**
 * A role-mismatch on a title at [start, end) given to `person`, fixed with their own first title
 * in the draft's case, or with `given` (the verified title and the fix's text).
 */
function titleFinding(start: number, end: number, person: Entity, text: string, findings: Finding[], flagged: Set<number>, given?: { right: string; fix: string }): void {
  if (flagged.has(start)) return;
  flagged.add(start);
  const draft = text.slice(start, end);
  const right = given?.right ?? person.roles![0].title;
  const fix = given?.fix ?? titleInCaseOf(draft, right);
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
  span?: [number, number],
  qualifier?: string,
): void {
  const person = personOf(names, index);
  if (person?.id === holder.id) return;
  if (person === undefined && holder.type !== 'person') return;
  // "Its leader, Ada Frum" where she leads the council and Rhys Moyo the opposition: a
  // title the named person holds too, under a qualifier that is theirs too or names no office
  // ("its", "the"), is theirs ("opposition leader Ada Frum" is not).
  const same = (r: { title: string; qualifiers?: string[] }) => phraseWords(r.title).join(' ') === phraseWords(title).join(' ');
  if (person?.roles?.some((r) => same(r) && (!qualifier || DETERMINERS.has(qualifier) || (r.qualifiers ?? []).some((q) => phraseWords(q).join(' ') === qualifier)))) return;
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
  // "Priya Raghunathan, the trust's chief executive": a sheet person with a title of their own,
  // given another's in apposition. Either the name or the title is wrong: the finding covers
  // both, and a second fix gives the title back ("the trust's spokesperson").
  const own = span && !contested && person?.roles?.length ? person.roles[0].title : undefined;
  const titleDraft = span ? text.slice(span[0], span[1]) : '';
  const ownFix = own ? (/^\p{Lu}/u.test(titleDraft) ? own.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) : own) : undefined;
  const fixes: Finding['fixes'] = contested ? [] : [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }];
  if (span && ownFix) fixes.push({ title: `Replace ${titleDraft} with ${ownFix} (${person!.name}'s verified title)`, edits: [{ start: span[0], end: span[1], text: ownFix }] });
  findings.push({
    // (A title in apposition is covered with the name; one before it is not: the name is flagged.)
    start,
    end: span && ownFix ? Math.max(end, span[1]) : end,
    ruleId: 'role-mismatch',
    severity: 'error',
    message: `Draft names ${draft} as ${title}; verified: ${holder.name}`,
    factId: holder.id,
    verified: holder.name,
    // Bound to two people by two titles, the name has no fix that would not make the other one wrong.
    fixes,
  });
}
