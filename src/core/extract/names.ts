/**
 * Reading names in a sentence: receives a cited sentence and the token span of a name, and
 * proposes the capitalised runs that are names, the role before or in apposition to a name
 * ("envoy Ana Ruiz", "Ana Ruiz, the chief executive,"), and a common noun in apposition that
 * types it ("Acme Rail, the regional operator,"). `entities.ts` turns these into entities.
 */
import { isCommonWord, usually } from '../language/lexicon';
import { SPEECH } from '../claims/attribution';
import { words, STOP_CAPS, TITLE_MODIFIERS, ROLE_NOUNS, ORG_WORDS, PLACE_WORDS, PUBLIC_BODY_WORDS, REPORT_VERBS, isPossessive, lower, AFTER_STOP, initials } from './lexicon';
import type { Src, Cap, NameRun } from './model';

const CAP_WORD = /(?:\p{Lu}\.){2,}(?!\p{L})|\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*['’]?/gu;

export const CONNECTORS = words('of for de da di du del van von der den bin ibn al el la le &');

/**
 * Capitalised runs of a sentence: "Ana Ruiz", "Bank of Mars", each split at a possessive, except
 * the possessive of a common noun (`common`: one the article also writes in lower case), which is
 * a word of the name ("Marlpit Parents' Forum", "Teachers' and Lecturers' Union").
 */
export function capRuns(text: string, base: number, common: (word: string) => boolean = () => false): Cap[][] {
  const ownWord = (w: string) => isPossessive(w) && common(w.replace(/['’]s?$/, '').toLowerCase());
  const runs: Cap[][] = [];
  let run: Cap[] = [];
  let lastEnd = -1;
  CAP_WORD.lastIndex = 0;
  for (let m = CAP_WORD.exec(text); m; m = CAP_WORD.exec(text)) {
    const w: Cap = { text: m[0], start: base + m.index, end: base + m.index + m[0].length };
    // A word glued to a hyphen ("U.S.-based", "Ruiz-led") is an adjective, not a name here; "I" is
    // the pronoun ("Now I wave at them", "I’m"), not a name's word.
    if (/^I(?:['’](?:m|d|ve|ll))?$/.test(m[0]) || text[m.index + m[0].length] === '-' || (m.index > 0 && /[\p{L}\p{N}-]/u.test(text[m.index - 1]))) {
      if (run.length) runs.push(run);
      run = [];
      lastEnd = -1;
      continue;
    }
    const gap = lastEnd >= 0 ? text.slice(lastEnd, m.index) : '';
    const joined = lastEnd >= 0 && (/^[ \t]+$|^\r?\n$/.test(gap) || (/^\s+(\S+)\s+$/.test(gap) && CONNECTORS.has(gap.trim().toLowerCase())));
    const prev = run[run.length - 1];
    // A possessive ends a name ("Ruiz’s Ministry"), except before a place or organisation word ("St Anne’s Hospital").
    const prevPossessive = prev && isPossessive(prev.text) && !ownWord(prev.text) && !PLACE_WORDS.has(m[0].toLowerCase()) && !ORG_WORDS.has(m[0].toLowerCase());
    if (run.length && (!joined || prevPossessive)) {
      runs.push(run);
      run = [];
    }
    run.push(w);
    lastEnd = m.index + m[0].length;
  }
  if (run.length) runs.push(run);
  // "Arbitration and Conciliation Board": "and" inside the name of an organisation (its last word says so).
  for (let i = runs.length - 2; i >= 0; i--) {
    const a = runs[i];
    const b = runs[i + 1];
    const own = a.filter((w, k) => k > 0 || !STOP_CAPS.has(w.text.toLowerCase()));
    if (!own.length || !/^\s+and\s+$/.test(text.slice(a[a.length - 1].end - base, b[0].start - base))) continue;
    // "Morven Hills Fire and Rescue Service (MHFRS)": an acronym after the name spells both halves.
    const acronym = /^\s*\(((?:\p{Lu}\.?){3,8})\)/u.exec(text.slice(b[b.length - 1].end - base, b[b.length - 1].end - base + 14))?.[1].replace(/\./g, '');
    if (acronym && initials([...own, ...b].map((w) => w.text)) === acronym) {
      runs.splice(i, 2, [...a, ...b]);
      continue;
    }
    // "Ministry of Fisheries and Coastal Affairs": after a public body's "… of …", capitalised
    // common words after "and" go on its name; a name of their own does not ("the Ministry of
    // Health and Ana Ruiz"), nor after a firm's ("the Bank of Tern and Royal Mail" are two).
    const ofOrg = own.length >= 2 && PUBLIC_BODY_WORDS.has(own[0].text.toLowerCase()) && /\sof\s/.test(text.slice(own[0].end - base, own[own.length - 1].start - base));
    if (ofOrg && b.length <= 3 && b.every((w) => !isPossessive(w.text) && (common(w.text.toLowerCase()) || isCommonWord(w.text.toLowerCase())))) {
      runs.splice(i, 2, [...a, ...b]);
      continue;
    }
    if (own.length > 2) continue;
    const last = b[b.length - 1].text.toLowerCase();
    // Not after a whole name of its own ("Fennick Road and …", "Ruiz's and …").
    if (!ORG_WORDS.has(last) || (own.length > 1 && PLACE_WORDS.has(own[own.length - 1].text.toLowerCase())) || own.some((w) => (isPossessive(w.text) && !ownWord(w.text)) || STOP_CAPS.has(w.text.toLowerCase()))) continue;
    runs.splice(i, 2, [...a, ...b]);
  }
  return runs;
}

/** Common nouns that, right before a name, make it an organisation ("consumer group Fairlend"). */
export const ORG_NOUNS = words(`group firm company charity organisation organization agency regulator watchdog union lender insurer
  airline carrier operator retailer supermarket chain bank broker manufacturer maker supplier developer producer publisher
  party club team foundation trust association campaign coalition startup`);

/** Place nouns in apposition that make a name a place ("Northgate, the county town,"). */
export const PLACE_NOUNS = words('city town village capital country region province state island port district county suburb neighbourhood neighborhood area');

/** The common nouns seen in apposition to a name (evidence "noun:…"). */
export const nouns = (ev: Set<string>) => [...ev].filter((e) => e.startsWith('noun:')).map((e) => e.slice(5));

/**
 * A common noun in apposition to a name, not a role of a person: "Kestrel Rail (KR), the regional
 * operator," or "The liquidator, Ruiz & Co, said" or "The pill's maker, Acme Pharma,".
 */
export function nounApposition(text: string, src: Src, first: number, last: number): string | undefined {
  const toks = src.sentence.tokens;
  const gap = (a: number, b: number) => text.slice(toks[a].end, toks[b]?.start ?? src.sentence.end);
  const plainNoun = (i: number) => /^\p{Ll}/u.test(toks[i].text) && !/['’]/.test(toks[i].text) && !AFTER_STOP.has(toks[i].norm) && !STOP_CAPS.has(toks[i].norm);
  const accept = (phrase: number[]) => {
    const head = toks[phrase[phrase.length - 1]];
    if (ROLE_NOUNS.has(head.norm) || /(?:ed|ing|ly)$/.test(head.norm) || REPORT_VERBS.has(head.norm) || SPEECH.has(head.norm)) return undefined;
    return phrase.map((i) => toks[i].text).join(' ');
  };
  // After: "NAME (ACR), the regional operator,"
  let j = last;
  if (/^\s*\(\s*$/.test(gap(j, j + 1)) && toks[j + 2] && /^\s*\)/.test(gap(j + 1, j + 2))) j++;
  if (/^\s*\)?\s*,\s*$/.test(gap(j, j + 1)) && toks[j + 1] && /^(?:the|a|an|its|their)$/.test(toks[j + 1].norm)) {
    const phrase: number[] = [];
    for (let k = j + 2; k < Math.min(toks.length, j + 6); k++) {
      // "Caravel Aid, a relief charity working in the province,", "the largest home insurer in the
      // region": the phrase ends before a word that is usually a participle or a preposition
      // (wink-lexicon: "working", "in"; not "building", usually a noun), or a function word.
      // (Not before "and": "the kitchen and bathroom maker" goes on.)
      // (A word the lexicon, American, does not hold, "specialising", is read by its ending.)
      const cls = usually(toks[k].norm) ?? (/\p{Ll}(?:ing|ed)$/u.test(toks[k].norm) ? 'g' : undefined);
      if (phrase.length && (cls === 'g' || cls === 'e' || cls === 'i' || AFTER_STOP.has(toks[k].norm)) && !/^(?:and|or|but)$/.test(toks[k].norm) && /^[ \t]+$/.test(gap(k - 1, k))) return accept(phrase);
      if (!plainNoun(k)) break;
      phrase.push(k);
      const after = gap(k, k + 1);
      if (/^\s*[,.;]/.test(after) || k + 1 >= toks.length) return accept(phrase);
      if (!/^[ \t]+$/.test(after)) break;
    }
  }
  // Before: "The liquidator, NAME," / "The pill's maker, NAME," (no role: "The firm's director of operations, NAME" is a person)
  const bareNoun = (i: number) => plainNoun(i) && !ROLE_NOUNS.has(toks[i].norm) && !/^(?:of|in|at|for|with|on)$/.test(toks[i].norm);
  if (first >= 2 && /^\s*,\s*$/.test(gap(first - 1, first)) && /^\s*,/.test(gap(last, last + 1)) && bareNoun(first - 1)) {
    let k = first - 1;
    while (k > 0 && first - k < 4 && /^[ \t]+$/.test(gap(k - 1, k)) && (bareNoun(k - 1) || /['’]s?$/.test(toks[k - 1].text))) k--;
    const det = toks[k - 1];
    // At the start of the sentence: "for the northern depots, Ana Ruiz" is no apposition.
    const opens = (i: number) => /^[\s“"‘'(*#>-]*$/.test(text.slice(src.sentence.start, toks[i].start));
    if ((det && /^(?:the|its|their)$/.test(det.norm) && opens(k - 1) && /^[ \t]+$/.test(gap(k - 1, k))) || (/['’]s?$/.test(toks[k].text) && opens(k))) {
      const phrase = [];
      for (let i = k; i < first; i++) if (!/['’]/.test(toks[i].text)) phrase.push(i);
      if (phrase.length) return accept(phrase);
    }
  }
  return undefined;
}

export function isSentenceStart(text: string, sentenceStart: number, at: number): boolean {
  // (After a dateline, "TARNLEY — ", "LONDON (Reuters) – ", "NEW YORK, March 3 — ", "TULSA,
  // Okla. (AP) — ", the sentence opens again; a hyphen only with a space before it: "US-based" is none.)
  // (A sentence split after "Okla." starts at the agency's bracket.)
  return /^[\s“"‘'(*#>\-]*(?:(?:\p{Lu}{2,}[\p{Lu} .'’-]*(?:,[ \t][^—–\n(]{1,30}?)?[ \t]*)?(?:\([^)\n]{1,30}\))?(?:[ \t]+-+|[ \t]*[—–]+)[ \t]*)?[“"‘'(]?$/u.test(text.slice(sentenceStart, at));
}

/** Words (lower case) that stand capitalised on their own somewhere, not before a lower-case noun. */
export function wordsStandingAlone(runsBySrc: NameRun[][]): Set<string> {
  const out = new Set<string>();
  for (const runs of runsBySrc) {
    for (const r of runs) {
      if (r.words.length !== 1) continue;
      const toks = r.src.sentence.tokens;
      const at = r.src.ctx.tokenAt(r.words[0].start);
      const next = toks[at + 1];
      if (!next || !/^\p{Ll}/u.test(next.text) || SPEECH.has(next.norm) || REPORT_VERBS.has(next.norm)) out.add(lower(r.words[0].text));
    }
  }
  return out;
}

/** A lower-case role right before a name ("envoy", "sporting director", "son-in-law"). */
export function roleBefore(text: string, src: Src, at: number): string | undefined {
  const toks = src.sentence.tokens;
  const prev = toks[at - 1];
  if (!prev || !/^\p{Ll}/u.test(prev.text) || !ROLE_NOUNS.has(prev.norm)) return undefined;
  if (!/^\s+$/.test(text.slice(prev.end, toks[at].start))) return undefined;
  // Take the lower-case words of the role and a capitalised modifier right before it ("Middle East envoy").
  let s = at - 1;
  while (s > 0 && at - s < 3 && /^\p{Ll}/u.test(toks[s - 1].text) && !STOP_CAPS.has(toks[s - 1].norm) && (TITLE_MODIFIERS.has(toks[s - 1].norm) || ROLE_NOUNS.has(toks[s - 1].norm) || /(?:ing|al|ive|ic)$/.test(toks[s - 1].norm))) s--;
  return text.slice(toks[s].start, prev.end);
}

/** A role in apposition: "its chief executive, Ana Ruiz," or "Ana Ruiz, the chief executive,". */
export function appositiveRole(text: string, src: Src, first: number, last: number): string | undefined {
  const toks = src.sentence.tokens;
  // Before: "… director, Ana Ruiz", "… director of operations, Ana Ruiz"
  const p = toks[first - 1];
  const ofRole = first >= 3 && toks[first - 2].norm === 'of' && ROLE_NOUNS.has(toks[first - 3].norm) && /^\p{Ll}/u.test(p?.text ?? '');
  if (p && (ROLE_NOUNS.has(p.norm) || ofRole) && /^\s*,\s*$/.test(text.slice(p.end, toks[first].start))) {
    let s = ofRole ? first - 3 : first - 1;
    const top = s;
    // (Not a relative pronoun: "Calder Haulage Group, whose chief executive, Ines Dahl,".)
    while (s > 0 && top - s < 2 && /^\p{Ll}/u.test(toks[s - 1].text) && !STOP_CAPS.has(toks[s - 1].norm) && !/['’]/.test(toks[s - 1].text) && !/^(?:whose|which|who|that)$/.test(toks[s - 1].norm)) s--;
    return text.slice(toks[s].start, p.end);
  }
  // Before, with what the role is of: "the union's organiser for the northern depots, Ana Ruiz".
  if (p && /^\s*,\s*$/.test(text.slice(p.end, toks[first].start)) && /^\p{Ll}/u.test(p.text)) {
    for (let r = first - 3; r >= Math.max(0, first - 7); r--) {
      const t = toks[r];
      if (!/^\p{Ll}/u.test(t.text) || /[^\s]/.test(text.slice(t.end, toks[r + 1].start))) break;
      if (ROLE_NOUNS.has(t.norm) && /^(?:for|of|at)$/.test(toks[r + 1].norm) && (r === 0 || /['’]s?$/.test(toks[r - 1].text) || /^(?:the|its|their|a|an)$/.test(toks[r - 1].norm))) return t.text;
    }
  }
  // After: "Ana Ruiz, the chief executive," / "Ana Ruiz, a director at …" / "Ana Ruiz, the
  // insurer's head of claims," / "Ana Ruiz, Acme's chief executive," (whose it is: ownerOf).
  const n0 = toks[last + 1];
  let s0 = last + 1;
  if (n0 && /^(?:the|a|an|its|their|his|her)$/.test(n0.norm)) s0++;
  if (toks[s0] && /\p{L}['’]s?$/u.test(toks[s0].text) && (s0 > last + 1 || /^\p{Lu}/u.test(toks[s0].text)) && /^[ \t]+$/.test(text.slice(toks[s0].end, toks[s0 + 1]?.start ?? toks[s0].end))) s0++;
  if (n0 && s0 > last + 1 && /^\s*,\s*$/.test(text.slice(toks[last].end, n0.start))) {
    let j = s0;
    let role = -1;
    for (; j < Math.min(toks.length, s0 + 4); j++) {
      const t = toks[j];
      if (!/^\p{Ll}/u.test(t.text) || AFTER_STOP.has(t.norm) || /['’]/.test(t.text)) break;
      if (ROLE_NOUNS.has(t.norm)) role = j;
      if (j > s0 && /[^\s]/.test(text.slice(toks[j - 1].end, t.start))) break;
      if (/[^\s]/.test(text.slice(t.end, toks[j + 1]?.start ?? t.end))) {
        j++;
        break;
      }
    }
    if (role < 0) return undefined;
    // "the founder of the collapsed firm Acme": the title ends at its noun; the rest names whose it is.
    // ("the head of catastrophe claims": what follows in plain nouns is part of the title.)
    if (role < j - 1 && /^(?:of|at|for)$/.test(toks[role + 1].norm) && (!toks[role + 2] || /^(?:the|a|an)$/.test(toks[role + 2].norm) || /^\p{Lu}/u.test(toks[role + 2].text))) j = role + 1;
    const endTok = toks[j - 1];
    // "Radio X, the city’s mayor, Ana Ruiz": the apposition is the next name's.
    const next = toks[j];
    if (next && /^\p{Lu}/u.test(next.text) && /^\s*,\s*$/.test(text.slice(endTok.end, next.start))) return undefined;
    return text.slice(toks[s0].start, endTok.end);
  }
  return undefined;
}
