/**
 * Stand-ins: receives the cited sentences and the typed organisations, and proposes the common
 * nouns the article names each by (its people, its work).
 */
import type { Draft, Src } from './model';
import { STOP_CAPS, TITLE_HEADS, ROLE_NOUNS, isPossessive, lower, lastWord, isVerbOfSaying } from './lexicon';
import { inflectionStem } from '../language/lemma';
import { CONNECTORS, isSentenceStart } from './names';

/**
 * The common nouns by which the article names an organisation's people or its work, each
 * proposed as a mention of the one organisation it fits:
 * - its people by their work, a plural sharing the stem of a word of its name ("investigators"
 *   of the Accident Investigation Board, "inspectors" of the Schools Inspectorate; Porter2 stems);
 *   never a plural its name spells ("survivors" are not the Survivors' Group);
 * - its work ("the report"), a noun the article writes after "its" in a sentence the organisation
 *   opens, or after its possessive, and elsewhere as the subject of a verb of saying ("the
 *   report found").
 */
export function standIns(srcs: readonly Src[], drafts: readonly Draft[], text: string): [Draft, string][] {
  const orgs = drafts.filter((d) => d.entity.type === 'organisation' || d.entity.type === 'body');
  const out: [Draft, string][] = [];
  const byStem = new Map<string, Set<Draft>>();
  const spelt = new Set<string>();
  // Common nouns: the words written in lower case, or capitalised only to open a sentence.
  const plurals = new Set<string>();
  for (const src of srcs) for (const t of src.sentence.tokens) if (/^\p{Ll}/u.test(t.text) || (/^\p{Lu}\p{Ll}+$/u.test(t.text) && isSentenceStart(text, src.sentence.start, t.start))) plurals.add(t.norm);
  for (const d of orgs) {
    for (const w of d.entity.name.split(/\s+/)) {
      const lw = lower(w);
      spelt.add(lw);
      if (lw.length < 5 || CONNECTORS.has(lw) || !/^\p{L}+$/u.test(lw)) continue;
      const st = inflectionStem(lw);
      byStem.set(st, (byStem.get(st) ?? new Set()).add(d));
    }
  }
  for (const w of plurals) {
    if (!/^\p{Ll}{5,}s$/u.test(w) || spelt.has(w) || spelt.has(w.slice(0, -1))) continue;
    const ds = byStem.get(inflectionStem(w));
    if (ds?.size === 1) out.push([[...ds][0], w]);
  }
  // Its work: "The board published its report …", "the board's report", then "the report found …".
  const works = new Map<string, Set<Draft>>();
  const saidBy = new Set<string>();
  for (const src of srcs) {
    const toks = src.sentence.tokens;
    for (let i = 1; i + 1 < toks.length; i++) {
      if (toks[i - 1].norm === 'the' && /^\p{Ll}/u.test(toks[i].text) && isVerbOfSaying(toks[i + 1].norm)) saidBy.add(toks[i].norm);
    }
    const first = toks.findIndex((t) => /^\p{Lu}/u.test(t.text) && !STOP_CAPS.has(t.norm));
    const subject = first >= 0 && first <= 1 ? orgs.find((d) => d.entity.name.split(/\s+/)[0] === toks[first].text) : undefined;
    for (let i = 1; i < toks.length; i++) {
      if (!/^\p{Ll}/u.test(toks[i].text)) continue;
      let owner: Draft | undefined;
      if (toks[i - 1].norm === 'its') owner = subject;
      else if (isPossessive(toks[i - 1].text)) owner = orgs.find((d) => lastWord(d.entity.name).toLowerCase() === lower(toks[i - 1].text) || d.entity.aliases?.some((a) => a.toLowerCase() === lower(toks[i - 1].text)));
      if (owner) works.set(toks[i].norm, (works.get(toks[i].norm) ?? new Set()).add(owner));
    }
  }
  for (const [noun, ds] of works) if (ds.size === 1 && saidBy.has(noun) && !ROLE_NOUNS.has(noun) && !TITLE_HEADS.has(noun)) out.push([[...ds][0], noun]);
  return out;
}
