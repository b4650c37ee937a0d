/**
 * Quotes: receives the masked text, the cited sentences and the compiled entities, and proposes
 * every quoted phrase with its speaker (the attribution the checker reads, the subject of the
 * speech verb, a pronoun's person, the paragraph's previous speaker, the same words quoted
 * elsewhere); a quote with no speaker is left out with a note. Records where each quote stands.
 */
import type { CompiledSheet } from '../sheet/compile';
import { attribute } from '../claims/attribution';
import { findQuotes } from '../mentions/quotes';
import { speakersByFirstWord } from '../rules/quoteIndex';
import { phraseWords } from '../text/tokens';
import type { Quote } from '../types';
import { isVerbOfSaying } from './lexicon';
import { slug, type IdMaker } from './ids';
import type { Src, Draft, QuotedSpan } from './model';
import { speakingPerson } from './speakers';
import { usually, wordClasses } from '../language/lexicon';

export function findQuoteFacts(text: string, masked: string, srcs: Src[], sheet: CompiledSheet, entities: Draft[], notes: string[], nextId: IdMaker, quoted: QuotedSpan[]): Quote[] {
  const speakers = speakersByFirstWord(sheet);
  const personIds = new Set(entities.filter((d) => d.entity.type === 'person').map((d) => d.entity.id));
  const out: Quote[] = [];
  const unresolved: { q: Quote; src: Src }[] = [];
  let si = 0;
  let lastSpeaker: { id: string; paragraph: number } | undefined;
  let lastPerson: string | undefined;
  const spans = findQuotes(masked).filter((q) => !q.nested);
  const personAt = (src: Src) => speakingPerson(text, src, sheet, personIds);
  let personSrc = -1;
  // The previous quote of the same sentence and its speaker ("…,” she said, “…”).
  let prev: { src: Src; end: number; speaker: string } | undefined;
  for (const span of spans) {
    while (si < srcs.length && srcs[si].sentence.end < span.end) {
      // Remember the last person named before this sentence (for "she said").
      if (si > personSrc) {
        const p = personAt(srcs[si]);
        if (p) lastPerson = p;
        personSrc = si;
      }
      si++;
    }
    const src = srcs[si];
    if (!src) continue;
    // A quote over several sentences of one paragraph cites them all.
    let source = src.text;
    if (span.start < src.sentence.start) {
      let sj = si;
      while (sj > 0 && srcs[sj - 1].sentence.end > span.start) sj--;
      if (sj === si || srcs[sj].paragraph !== src.paragraph || span.start < srcs[sj].sentence.start) continue;
      const from = text.indexOf(srcs[sj].text, srcs[sj].sentence.start);
      const to = text.indexOf(src.text, src.sentence.start) + src.text.length;
      if (from < 0 || to < from) continue;
      source = text.slice(from, to);
    }
    const qtext = text
      .slice(span.start, span.end)
      .replace(/[\s,.;:!?]+$/u, '')
      .trim();
    if (!/\p{L}/u.test(qtext) || !source.includes(qtext)) continue;
    const ctx = src.ctx;
    const qa = span.start < src.sentence.start ? 0 : ctx.tokenAt(span.start);
    const qb = ctx.tokenAt(span.end);
    const toks = src.sentence.tokens;
    const isSpeech = (n: string) => isVerbOfSaying(n);
    const isPerson = (id: string | undefined) => !!id && personIds.has(id);
    let speaker = attribute(text, ctx, qa, qb, speakers)?.id;
    // "He told reporters that … “…” and that the judge …": a pronoun opening a speech clause is the person last named.
    // (So is one whose verb of saying is coordinated after another verb: "He congratulated Voss but said …".)
    const pronoun = /^(?:he|she|they)$/.test(toks[0]?.norm ?? '') && qa > 1;
    const coordinatedSpeech = toks.slice(2, qa).some((t, i) => isSpeech(t.norm) && /^(?:and|but)$/.test(toks[i + 1].norm));
    if (pronoun && (isSpeech(toks[1]?.norm ?? '') || coordinatedSpeech) && !isPerson(speaker)) speaker = lastPerson ?? speaker;
    // ...and, where the sentence names no speaker at all, one whose verb of saying comes later
    // ("She declined to say more, telling reporters that the committee would “…”").
    else if (pronoun && !speaker && toks.slice(1, qa).some((t) => isSpeech(t.norm))) speaker = lastPerson;
    // A second quote of a sentence, with no speech verb since the first: the same speaker.
    if (prev && prev.src === src && !toks.slice(prev.end, qa).some((t) => isSpeech(t.norm))) speaker = prev.speaker;
    // "Professor Ana Ruiz, an economist at the Bank, said …": the person the sentence opens with, not the body in her apposition.
    if (speaker && !isPerson(speaker)) {
      const ms = ctx.mentions(sheet).filter((mm) => mm.at < qa);
      const opener = ms[0];
      if (opener && isPerson(opener.id) && ms.some((mm) => mm.id === speaker) && /^\s*,/.test(text.slice(toks[opener.at + opener.len - 1].end))) {
        const verb = toks.findIndex((t, i) => i >= opener.at + opener.len && i < qa && isSpeech(t.norm));
        if (verb >= 0 && /,\s*$/.test(text.slice(toks[verb - 1].end, toks[verb].start))) speaker = opener.id;
      }
    }
    if (!speaker) {
      // The subject of the speech verb that introduces the quote, however long the clause.
      let verb = -1;
      for (let i = qa - 1; i >= 0; i--) if (isSpeech(toks[i].norm)) {
        verb = i;
        break;
      }
      const after = verb < 0;
      // After the quote, past an apposition: "“…,” the board's chief investigator, Dr Ana Ruiz, told …".
      // (A word of saying after an article is a noun: "the report said".)
      if (verb < 0) for (let i = qb; i < Math.min(toks.length, qb + 12) && ctx.sameClause(Math.max(0, qb - 1), i); i++) if (isSpeech(toks[i].norm) && !/^(?:the|a|an|its|their|his|her)$/.test(toks[i - 1]?.norm ?? '')) {
        verb = i;
        break;
      }
      if (verb >= 0) {
        const before = ctx.mentions(sheet).filter((mm) => mm.at < verb && (mm.at < qa || mm.at >= qb) && sheet.entities.get(mm.id)?.type !== 'place');
        const person = before.find((mm) => personIds.has(mm.id));
        // The verb's own subject, right before it, first ("had “lost situational awareness”, the report said").
        const subject = before.find((mm) => mm.at + mm.len === verb);
        // A subject the sheet does not name ("…, the report said") is no one else: no speaker, not the person before.
        const unnamed = after && !subject && verb >= 2 && /^(?:the|its|their|his|her|a|an)$/.test(toks[verb - 2].norm) && /^\p{Ll}/u.test(toks[verb - 1].text);
        speaker = unnamed ? undefined : (subject ?? person ?? before[0])?.id;
        // "“…,” said the trial's lead author, Professor Ana Ruiz": the person after the verb.
        if (!speaker && after) speaker = ctx.mentions(sheet).find((mm) => mm.at > verb && mm.at <= verb + 10 && personIds.has(mm.id) && ctx.sameClause(verb, mm.at))?.id;
        // "he said", "she told …": the last person named before.
        if (!speaker && toks.slice(Math.max(0, verb - 2), verb).some((t) => /^(?:he|she|they)$/.test(t.norm))) speaker = personAt(src) ?? lastPerson;
      }
    }
    // No verb of saying at all: "Kessick Line's chief executive, Ivo Trask, defended the ship
    // as “…”", "She accused the council of “…”": the quote is the words of the subject its clause
    // opens with (a person before an organisation in its apposition; a pronoun, the person last
    // named). Not a short one (a name, a title), nor one after an unnamed subject ("Residents called it “…”").
    if (!speaker && qa > 0 && phraseWords(qtext).length >= 3 && !toks.some((t) => isSpeech(t.norm))) speaker = openingSubject(src, sheet, qa, personIds) ?? (/^(?:he|she)$/.test(toks[0].norm) ? lastPerson : undefined);
    // A sentence that is only a quote continues the previous speaker of the paragraph.
    if (!speaker && lastSpeaker && lastSpeaker.paragraph === src.paragraph && /^[\s“"‘'«„]*$/.test(text.slice(src.sentence.start, span.start))) speaker = lastSpeaker.id;
    const q: Quote = { id: nextId(slug(qtext, 4)), text: qtext, speaker: speaker ?? '', source };
    if (speaker) {
      lastSpeaker = { id: speaker, paragraph: src.paragraph };
      prev = { src, end: qb, speaker };
      quoted.push({ start: span.start, end: span.end, speaker });
      out.push(q);
    } else unresolved.push({ q, src });
  }
  // The same words quoted elsewhere with a speaker (a headline's quote, often a part of one): that speaker.
  const words = (t: string) => ` ${phraseWords(t).join(' ')} `;
  for (const { q } of unresolved) {
    const same = out.find((o) => o.text.toLowerCase() === q.text.toLowerCase()) ?? out.find((o) => words(o.text).includes(words(q.text)));
    if (same) out.push({ ...q, speaker: same.speaker });
    else notes.push(`quote “${q.text}” left out: no speaker found in “${q.source.slice(0, 80)}”`);
  }
  const position = (source: string) => text.indexOf(source);
  return out.sort((a, b) => position(a.source) - position(b.source));
}

/**
 * The entity a sentence opens with as its subject, before token `qa`: the mentions of its opening
 * noun phrase and its apposition ("Kessick Line's chief executive, Ivo Trask,"), up to the
 * first verb; a person among them before an organisation. None if a word of another class than a
 * noun's opens the sentence ("Residents called …" names no one).
 */
function openingSubject(src: Src, sheet: CompiledSheet, qa: number, personIds: Set<string>): string | undefined {
  const toks = src.sentence.tokens;
  const ms = src.ctx.mentions(sheet).filter((mm) => mm.at < qa && sheet.entities.get(mm.id)?.type !== 'place');
  if (!ms.length || ms[0].at > 3) return undefined;
  const named = new Set(ms.flatMap((mm) => Array.from({ length: mm.len }, (_, k) => mm.at + k)));
  const opening: typeof ms = [];
  for (let i = 0; i < qa; i++) {
    const mm = ms.find((x) => x.at === i);
    if (mm) {
      opening.push(mm);
      i += mm.len - 1;
      continue;
    }
    if (named.has(i)) continue;
    // The first verb ends the subject: it must come, after the subject, before the quote, and take
    // the quote as its own words, not another's ("rejected the opposition's charge that he was “…”").
    // (After the subject, a past tense the lexicon gives as a participle first, "accused", is one.)
    if (usually(toks[i].norm) === 'v' || /^(?:will|would)$/.test(toks[i].norm) || (opening.length > 0 && usually(toks[i].norm) === 'e' && wordClasses(toks[i].norm).includes('v'))) {
      if (toks.slice(i + 1, qa).some((t) => t.norm === 'that' || /['’]s?$/.test(t.text))) return undefined;
      return opening.length ? (opening.find((x) => personIds.has(x.id)) ?? opening[0]).id : undefined;
    }
  }
  return undefined;
}
