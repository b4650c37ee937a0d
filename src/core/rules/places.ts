/**
 * The place rule: an event placed at the wrong city, country, outlet or channel (`in …`, `told …`,
 * `posted on …`), fixed to the sheet's setting.
 */
import type { CompiledSheet } from '../sheet/compile';
import type { SentenceContext } from '../claims/context';
import { matchCase, type Token } from '../text/tokens';
import { inflectionStem, lemmaOf } from '../language/lemma';
import { DATE_ANCHORS } from '../language/dateWords';
import type { Confirmation, Finding } from '../types';
import { phrasePattern, says, type Restated } from './restated';
import { type NameIndex, personOf, derivedFromSheetName } from './nameIndex';
import { PERSONAL, isCapitalised, nameAt, HONORIFIC, stripPossessive, MONTHS_DAYS } from '../mentions/names';

/**
 * Where the name starts in "in a packed courtroom in Lisandra": after a lower-case phrase of up to
 * three words (no punctuation inside) and a second preposition of the setting. Undefined: none.
 */
/** "in recent weeks in Washington" is a time, not a place within a place. */
const TIME_WORDS = new Set(DATE_ANCHORS);
/** Only spaces between two tokens. */
const spaced = (text: string, a: Token, b: Token) => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
/** A trigger that names its outlet with no preposition: "told the BBC". */
const TOLD = /^(?:told|tells|telling|interviewed)$/;
/** Verb forms in -ed and -ing. */
const VERBAL = /\p{Ll}(?:ed|ing)$/u;
/** Inflection stems of be and have: what stands before a participle ("were held", "has been held"). */
const AUXILIARY = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'has', 'have', 'had'].map(inflectionStem));
/** "took place", "take place", "taking place". */
const IRREGULAR_PARTICIPLE = /^(?:took|take|takes|taking|taken)$/;

function innerPlace(ctx: SentenceContext, text: string, k: number, prepositions: readonly string[]): number | undefined {
  const toks = ctx.sentence.tokens;
  for (let j = k; j < k + 4 && toks[j + 1]; j++) {
    if (isCapitalised(toks[j].text) || TIME_WORDS.has(toks[j].norm) || (j > k && !/^[ \t\u00a0]+$/.test(text.slice(toks[j - 1].end, toks[j].start)))) return undefined;
    if (j > k && prepositions.some((p) => p.toLowerCase() === toks[j].norm)) return isCapitalised(toks[j + 1].text) ? j + 1 : undefined;
  }
  return undefined;
}

/** The capitalised name after a place and a comma, at token `at` ("Muscat, Oman"): its tokens and lower-case phrase. */
function regionAfter(toks: Token[], at: number, place: Token[], text: string): { names: Token[]; phrase: string } | undefined {
  const next = toks[at];
  if (!next || !isCapitalised(next.text) || !/^,[ \t\u00a0]+$/.test(text.slice(place[place.length - 1].end, next.start))) return undefined;
  const names = nameAt(toks, at, text);
  return { names, phrase: names.map((t) => stripPossessive(t).text.toLowerCase()).join(' ') };
}

/** Checks the places, outlets and channels introduced at token positions `starts` of one sentence. */
export function checkSettings(
  ctx: SentenceContext,
  text: string,
  sheet: CompiledSheet,
  index: NameIndex,
  findings: Finding[],
  confirmations: Confirmation[],
  flagged: Set<number>,
  starts: readonly number[],
  lastPersons: readonly string[],
  restates: readonly Restated[],
): void {
  const toks = ctx.sentence.tokens;
  for (const at of starts) {
    const entries = index.triggers.get(inflectionStem(toks[at].norm));
    if (!entries) continue;
    for (const { setting: s, words: tw, first } of entries) {
      if (!tw.every((w, j) => !!toks[at + j] && inflectionStem(toks[at + j].norm) === w)) continue;
      // A verb form is no event named by a noun: "discussed sanctions in Tehran" is not the "discussions".
      if (VERBAL.test(toks[at].norm) && !VERBAL.test(first)) continue;
      // A plural of a one-word event is other things of its kind: "Schools in Karsta closed" are not "the school" that collapsed.
      if (tw.length === 1 && toks[at].norm !== first && /s$/.test(toks[at].norm) && !/s$/.test(first) && !VERBAL.test(first) && !/^(?:he|she|it)$/.test(toks[at - 1]?.norm ?? '')) continue;
      // The actor named in the sentence, or meant by its pronoun ("he wrote on …" after a sentence about them).
      if (s.actor && !ctx.mentions(sheet).some((m) => m.id === s.actor) && !(lastPersons.includes(s.actor) && toks.some((t) => PERSONAL.has(t.norm)))) continue;
      const right = sheet.entities.get(s.entity)!;
      const isPrep = (t: Token | undefined) => !!t && s.prepositions.some((p) => p.toLowerCase() === t.norm);
      let k = at + tw.length;
      // "the talks, held in Geneva": a participle of the event may stand between it and its place.
      if (toks[k] && /^\p{Ll}+ed$/u.test(toks[k].text) && isPrep(toks[k + 1]) && /^,?[ \t\u00a0]+$/.test(text.slice(toks[k - 1].end, toks[k].start))) k++;
      // "the talks were held in Geneva", "have been held in Doha", "took place in Doha": the
      // event's own verb group (forms of be and have, then a participle) before its place.
      else if (!isPrep(toks[k]) && !TOLD.test(toks[at].norm)) {
        let j = k;
        while (toks[j] && AUXILIARY.has(inflectionStem(toks[j].norm)) && spaced(text, toks[j - 1], toks[j])) j++;
        const participle = toks[j] && spaced(text, toks[j - 1], toks[j]) && (/^\p{Ll}+ed$/u.test(toks[j].text) || (IRREGULAR_PARTICIPLE.test(toks[j].norm) && toks[j + 1]?.norm === 'place') || (j > k && lemmaOf(toks[j].norm) !== inflectionStem(toks[j].norm)));
        if (participle) {
          j += toks[j + 1]?.norm === 'place' ? 2 : 1;
          if (isPrep(toks[j]) && spaced(text, toks[j - 1], toks[j])) k = j;
        }
      }
      // The place's phrase follows its event: "TALKS: AT A GLANCE" is a heading's two parts.
      const hasPrep = isPrep(toks[k]) && /^,?\s+$/.test(text.slice(toks[k - 1].end, toks[k].start));
      if (hasPrep) k++;
      // Up to two filler words: "on his official Facebook page", "told the BBC".
      for (let n = 0; n < 2 && toks[k] && !isCapitalised(toks[k].text) && /^(?:the|his|her|its|their|an?|official|own|state)$/.test(toks[k].norm); n++) k++;
      // A place within a place: "in a packed courtroom in Lisandra", "at a hotel in Muscat".
      if (hasPrep && toks[k] && !isCapitalised(toks[k].text)) k = innerPlace(ctx, text, k, s.prepositions) ?? k;
      if (!toks[k] || !isCapitalised(toks[k].text)) continue;
      if (!hasPrep && !TOLD.test(toks[at].norm)) continue;
      let names = nameAt(toks, k, text);
      // In capitals, an article is no name's first word ("AT A GLANCE"; "The Hague" is a name).
      if (/^(?:a|an|the)$/.test(names[0].norm) && names[0].text === names[0].text.toUpperCase()) continue;
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
        const region = sheet.entities.get(s.alsoRight?.[0] ?? '');
        const after = region && regionAfter(toks, k + names.length, names, text);
        if (after) {
          const { names: next, phrase: nextPhrase } = after;
          const nextEntity = index.entityByPhrase.get(nextPhrase);
          // "In Muscat, Iranian and US delegations …": a word derived from a sheet name is no region.
          const placeLike = nextEntity ? nextEntity.type === region.type : sheet.otherNames.has(nextPhrase) === false && !MONTHS_DAYS.has(nextPhrase) && !(next.length === 1 && derivedFromSheetName(nextPhrase, sheet));
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
      // "the biggest fire in the Morven Hills since July 2011": a sentence restating an article
      // sentence that puts its event there too ("the largest in the Morven Hills since …, when a
      // fire …": the trigger and the place) is right.
      const said = text.slice(start, end);
      const trigger = text.slice(toks[at].start, toks[at + tw.length - 1].end);
      if (!restates.some((r) => r.source === s.source) && restates.some((r) => says(r.source, said, s.prepositions) && says(r.source, trigger))) continue;
      // "collision off Kessick" where the article's own headline has the ferries "collide in fog
      // off Kessick": a place the verified text's headline gives the event, with one of its words, is right.
      if (articleSays(sheet, index, s, said)) continue;
      flagged.add(start);
      // "Doha, Qatar" for Muscat, Oman: a wrong region after the wrong city goes with it, in one fix.
      let until = end;
      let verified = right.name;
      const regionEntity = sheet.entities.get(s.alsoRight?.[0] ?? '');
      const after = regionEntity?.type === right.type ? regionAfter(toks, k + names.length, names, text) : undefined;
      if (after && regionEntity) {
        const { names: region, phrase: regionPhrase } = after;
        const known = index.entityByPhrase.get(regionPhrase);
        if (!index.rightNames.get(s.id)!.includes(regionPhrase) && (!known || known.type === right.type) && !MONTHS_DAYS.has(regionPhrase)) {
          until = stripPossessive(region[region.length - 1]).end;
          verified = `${right.name}, ${regionEntity.name}`;
          flagged.add(region[0].start);
        }
      }
      const draft = text.slice(start, until);
      const fix = matchCase(draft, verified);
      findings.push({
        start,
        end: until,
        ruleId: 'place-mismatch',
        severity: 'error',
        message: `Draft says ${draft} for ${s.what}; verified: ${verified}`,
        factId: s.id,
        verified,
        fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end: until, text: fix }] }],
      });
    }
  }
}

const articleSaid = new WeakMap<CompiledSheet, Map<string, boolean>>();
/**
 * Whether a headline of the story's verified texts puts setting `s`'s event at the place `said`:
 * one of the event's words, then within three words one of its prepositions and the place. Once
 * per setting and place.
 */
function articleSays(sheet: CompiledSheet, index: NameIndex, s: CompiledSheet['settings'][number], said: string): boolean {
  if (!sheet.sourceTexts?.length) return false;
  let cache = articleSaid.get(sheet);
  if (!cache) articleSaid.set(sheet, (cache = new Map()));
  const key = `${s.id}\u0000${said}`;
  let out = cache.get(key);
  if (out === undefined) {
    const ofEvent = (w: string) => !!w && !!index.triggers.get(inflectionStem(w.toLowerCase()))?.some((e) => e.setting === s);
    // (The event's word at most three words before the preposition: "collide in fog off Kessick".)
    const re = new RegExp(`((?:[\\p{L}'’-]+[\\s,]+){1,4})(?:${s.prepositions.map(phrasePattern).join('|')})\\s+(?:the\\s+)?${phrasePattern(said)}(?![\\p{L}\\p{N}])`, 'gu');
    // (An event of someone, "where the spokeswoman told reporters", only in a sentence naming them: the
    // minister's "briefing in Darrow" is not hers.)
    const actor = s.actor ? sheet.entities.get(s.actor) : undefined;
    const names = actor ? [actor.name, ...(actor.aliases ?? [])] : [];
    const sentenceAt = (text: string, at: number) => {
      const ends = /[.!?\n]/g;
      ends.lastIndex = at;
      return text.slice(Math.max(0, ...['.', '!', '?', '\n'].map((c) => text.lastIndexOf(c, at))), ends.exec(text)?.index ?? text.length);
    };
    // (Its headline only, the text's first line: the body's sentences may be of other events, "In
    // 2017 two of its ferries collided off Muckle Isle".)
    out = sheet.sourceTexts.map((t) => /^\s*(.*)/.exec(t)![1]).some((text) => [...text.matchAll(re)].some((hit) => hit[1].split(/[\s,]+/).some(ofEvent) && (!actor || names.some((n) => says(sentenceAt(text, hit.index), n)))));
    cache.set(key, out);
  }
  return out;
}
