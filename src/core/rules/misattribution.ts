/**
 * The misattribution rule (`quote-misattributed`): a verified quote the draft gives to someone
 * other than its speaker (read by claims/attribution.ts, pronouns included), fixed to the
 * verified speaker's name where the name stands alone.
 */
import { sameVoice, type CompiledSheet } from '../sheet/compile';
import type { SentenceContext } from '../claims/context';
import { findPhrase, phraseWords } from '../text/tokens';
import type { Finding, Quote } from '../types';
import { type QuoteSpan } from '../mentions/quotes';
import { type Speaker, type Speakers, attribute, PRONOUN, antecedent } from '../claims/attribution';
import { quoteIndex } from './quoteIndex';
import { qualifierBefore } from '../mentions/names';

/** Flags a verified quote that the sentence gives to someone other than its speaker (a pronoun read as its antecedent). */
export function misattribution(
  span: QuoteSpan,
  q: Quote,
  contexts: readonly SentenceContext[],
  si: number,
  text: string,
  sheet: CompiledSheet,
  phrases: Speaker[],
  speakers: Speakers,
  findings: Finding[],
  before: readonly string[],
): void {
  const ctx = contexts[si];
  const qa = ctx.tokenAt(span.start);
  const qb = ctx.tokenAt(span.end);
  let who = attribute(text, ctx, qa, qb, speakers);
  // "…,” he said": the pronoun's antecedent is the speaker.
  if (!who) {
    const pronoun = attribute(text, ctx, qa, qb, quoteIndex(sheet).speakersOrPronouns);
    const id = pronoun?.id === PRONOUN ? antecedent(sheet, contexts, si, pronoun.at, q.speaker, before) : undefined;
    if (pronoun && id) who = { ...pronoun, id, name: true };
  }
  if (!who || sameVoice(sheet, who.id, q.speaker)) return;
  const said = sheet.entities.get(who.id);
  const right = sheet.entities.get(q.speaker);
  if (!said || !right) return;
  const toks = ctx.sentence.tokens;
  const nameStart = toks[who.at].start;
  const draftName = text.slice(nameStart, toks[who.at + who.len - 1].end).replace(/['’]s?$/, '');
  const fixes = [];
  // Swap the name only where it stands alone (no title of the wrong speaker beside it).
  const title = who.at > 0 ? phrases.find((p) => !p.name && p.id === who.id && findPhrase(toks.slice(Math.max(0, who.at - p.words.length), who.at), p.words).length) : undefined;
  const titled = !!title;
  // "US envoy Steve Witkoff called it “…”": title and name give way to the speaker's own ("Foreign Minister Abbas Araghchi").
  if (who.name && title && who.len >= 2 && right.type === 'person') {
    // With the title's qualifier, if the draft gives one ("US envoy").
    let first = who.at - title.words.length;
    const qualifiers = (said.roles ?? []).filter((r) => phraseWords(r.title).join(' ') === title.words.join(' ')).flatMap((r) => (r.qualifiers ?? []).map(phraseWords));
    first -= qualifierBefore(toks, first, qualifiers);
    const from = toks[first].start;
    const replacement = right.roles?.length ? `${right.roles[0].title} ${right.name}` : right.name;
    fixes.push({ title: `Attribute to ${replacement} (verified speaker)`, edits: [{ start: from, end: nameStart + draftName.length, text: replacement }] });
  }
  if (who.name && !titled) {
    // A surname for a surname; an organisation by its name ("Corvane Pharma", "Iranian state media").
    const replacement = who.len >= 2 || right.type !== 'person' ? right.name : (right.aliases?.[0] ?? right.name);
    // A pronoun gives way to the name: "he said" → "Araghchi said".
    fixes.push({ title: `Attribute to ${replacement} (verified speaker)`, edits: [{ start: nameStart, end: nameStart + draftName.length, text: replacement }] });
  }
  // A title in apposition to the name before it ("Steve Witkoff, Trump's envoy, who led …, called
  // it “…”"): the finding is on the name the draft gives the words to.
  let named = nameStart;
  if (!who.name) {
    for (let k = Math.max(0, who.at - 8); k < who.at && named === nameStart; k++) {
      const p = phrases.find((x) => x.name && x.id === who.id && findPhrase(toks.slice(k, k + x.words.length), x.words).length && k + x.words.length <= who.at);
      if (p && /^\s*,/.test(text.slice(toks[k + p.words.length - 1].end, toks[k + p.words.length]?.start ?? text.length))) named = toks[k].start;
    }
  }
  // The finding covers the speaker and the quote, whichever comes first.
  findings.push({
    start: Math.min(span.start, named),
    end: Math.max(span.end, toks[who.at + who.len - 1].end),
    ruleId: 'quote-misattributed',
    severity: 'error',
    message: `Draft attributes “${q.text}” to ${said.name}; verified speaker: ${right.name}`,
    factId: q.id,
    verified: right.name,
    fixes,
  });
}
