/**
 * Who speaks and who reports: receives the cited sentences and the compiled entities, and
 * proposes a person's `speaksFor` (the organisation whose role they hold), whether a mention is
 * shown saying or reporting, the person a sentence shows speaking, and a figure's reporter from
 * its sentence's structure (a trailing "…, the agency said", the subject of a reporting verb,
 * the person last shown speaking).
 */
import type { CompiledSheet } from '../sheet/compile';
import { SentenceContext } from '../claims/context';
import { phraseWords } from '../text/tokens';
import { words, STOP_CAPS, TITLE_MODIFIERS, bare, isVerbOfSaying } from './lexicon';
import type { Src, Draft } from './model';
import { CONNECTORS, isSentenceStart } from './names';
import { usually } from '../language/lexicon';

/** Those who report a study's findings for their institution. */
export const RESEARCHERS = words('researchers scientists authors investigators team');

/** Roles whose figures are the organisation's own ("the company had lost …, its chief executive said"). */
export const REPORTS_FOR_ROLES = words('executive ceo spokesman spokeswoman spokesperson');

/** The roles a definite article gives to the organisation just named: its officers ("the finance chief", "the chief executive"). */
const OFFICERS = new Set([...REPORTS_FOR_ROLES, 'chief']);

/** Sets `speaksFor` of each person whose speaking role the article gives to an organisation it names. */
export function proposeSpeaksFor(drafts: Draft[], srcs: Src[], sheet: CompiledSheet): void {
  const isOrg = (id: string | undefined) => !!id && ['organisation', 'body', 'outlet'].includes(sheet.entities.get(id)?.type ?? '');
  for (const d of drafts) {
    if (d.entity.type !== 'person' || !d.owners) continue;
    for (const { phrase, src } of d.owners) {
      let id: string | undefined;
      if (/^(?:its|their)$/.test(phrase)) {
        // "Its spokesman": the organisation the previous sentence is about (the first it names).
        for (let i = src.index - 1; i >= 0 && i >= src.index - 2 && !id; i--) id = srcs[i].ctx.mentions(sheet).find((mm) => isOrg(mm.id))?.id;
      } else {
        const want = phraseWords(bare(phrase)).filter((w, k) => k > 0 || w !== 'the').join(' ');
        id = sheet.entityPhrases.find((p) => p.words.join(' ') === want && isOrg(p.id))?.id;
        // "the forum's chair", "the regional authority": an organisation named by its head noun, if
        // only one has it ("Marlpit Parents' Forum", "Brennoch Regional Authority").
        const head = want.split(' ').pop();
        if (!id && head && /^\p{L}+$/u.test(head)) {
          const heads = [...sheet.entities.values()].filter((e) => isOrg(e.id) && phraseWords(e.name).pop() === head);
          if (heads.length === 1) id = heads[0].id;
        }
        // "The firm's research director": the firm that sentence calls so (see findEntities).
        id ??= drafts.find((o) => o.calledIn?.some((c) => c.src === src && c.noun === want) && isOrg(o.entity.id))?.entity.id;
      }
      if (id && id !== d.entity.id) {
        d.entity.speaksFor = id;
        break;
      }
    }
  }
}

/**
 * Whose role a person holds, as the sentence words it: "KVR's chief executive, Ana Ruiz" (KVR's),
 * "Its spokesman, Ana Ruiz" (its), "Ana Ruiz, the chief executive of Acme" (Acme), "Acme chief
 * executive Ana Ruiz" (Acme).
 */
export function ownerOf(text: string, src: Src, first: number, last: number, role: string): string | undefined {
  const toks = src.sentence.tokens;
  const n = role.split(/\s+/).length;
  const gap = (a: number, b: number) => text.slice(toks[a].end, toks[b]?.start ?? src.sentence.end);
  const roleAt = (at: number) => at >= 0 && toks.slice(at, at + n).map((t) => t.text).join(' ').toLowerCase() === role.toLowerCase();
  const run = (end: number) => {
    // The capitalised words (or "the" + noun) that end at token `end`.
    let k = end;
    while (k > 0 && /^[ \t]+$/.test(gap(k - 1, k)) && (/^\p{Lu}/u.test(toks[k - 1].text) || CONNECTORS.has(toks[k - 1].norm)) && !STOP_CAPS.has(toks[k - 1].norm)) k--;
    if (k > 0 && /^(?:the)$/.test(toks[k - 1].norm) && /^[ \t]+$/.test(gap(k - 1, k))) k--;
    return text.slice(toks[k].start, toks[end].end);
  };
  // Before the name: "[owner] role, NAME" or "[owner] role NAME" or "[owner] role for …, NAME".
  const further: number[] = [];
  for (let r = first - n - 2; r >= Math.max(0, first - n - 6); r--) if (roleAt(r) && /^(?:for|of|at)$/.test(toks[r + n]?.norm ?? '')) further.push(r);
  for (const r0 of [first - n, ...further]) {
    // "A spokesperson for the trust, Priya Raghunathan": the owner follows the preposition.
    if (r0 !== first - n && roleAt(r0) && /^(?:for|of|at)$/.test(toks[r0 + n].norm) && /^\s*,\s*$/.test(gap(first - 1, first)) && (r0 < 1 || /^(?:a|an|the)$/.test(toks[r0 - 1].norm))) return text.slice(toks[r0 + n + 1].start, toks[first - 1].end);
    if (!roleAt(r0) || r0 < 1 || !/^[ \t]+$/.test(gap(r0 - 1, r0))) continue;
    const p = toks[r0 - 1];
    if (/^(?:its|their)$/.test(p.norm)) return p.norm;
    // "Calder Haulage Group, whose chief executive, Ines Dahl, said": the name the relative clause follows.
    if (p.norm === 'whose' && r0 >= 2 && /^\s*,\s*$/.test(gap(r0 - 2, r0 - 1)) && /^\p{Lu}/u.test(toks[r0 - 2].text)) return run(r0 - 2);
    // "The finance chief, Ines Dahl,": a definite role with no owner named is of the
    // organisation the story has just named, as "its" is.
    // (A firm's officer only, whose figures are the firm's: "the transport minister, X," or "the mayor" is no company's.)
    if (p.norm === 'the' && r0 === first - n && /^\s*,\s*$/.test(gap(first - 1, first)) && OFFICERS.has(role.toLowerCase().split(/\s+/).pop()!)) return 'its';
    if (/['’]s?$/.test(p.text) && (/^\p{Lu}/u.test(p.text) || (r0 >= 2 && toks[r0 - 2].norm === 'the'))) return run(r0 - 1);
    if (/^\p{Lu}/u.test(p.text) && !STOP_CAPS.has(p.norm) && !TITLE_MODIFIERS.has(p.norm)) return run(r0 - 1);
  }
  // After the name: "NAME, the role of|at|for Owner" / "NAME, Owner's role".
  if (/^\s*,\s*$/.test(gap(last, last + 1))) {
    for (let r0 = last + 1; r0 < Math.min(toks.length, last + 6); r0++) {
      if (!roleAt(r0)) continue;
      const after = toks[r0 + n];
      if (after && /^(?:of|at|for)$/.test(after.norm) && toks[r0 + n + 1]) {
        let e = r0 + n + 1;
        const the = toks[e].norm === 'the';
        if (the) e++;
        while (e + 1 < toks.length && /^[ \t]+$/.test(gap(e, e + 1)) && (/^\p{Lu}/u.test(toks[e + 1].text) || CONNECTORS.has(toks[e + 1].norm))) e++;
        // "a spokeswoman for the regional authority": the noun phrase after "the", to its noun.
        if (the && /^\p{Ll}/u.test(toks[e].text)) for (let k = 0; k < 2 && e + 1 < toks.length && /^[ \t]+$/.test(gap(e, e + 1)) && /^\p{Ll}+$/u.test(toks[e + 1].text) && usually(toks[e].norm) !== 'n'; k++) e++;
        if (/^\p{Lu}/u.test(toks[e].text) || the) return text.slice(toks[r0 + n + 1].start, toks[e].end);
      }
      const p = toks[r0 - 1];
      if (r0 > last + 1 && /['’]s?$/.test(p.text)) return p.norm === 'its' ? 'its' : run(r0 - 1);
      if (r0 > last + 1 && /^(?:its|their)$/.test(p.norm)) return p.norm;
    }
  }
  return undefined;
}

/** The person a sentence shows speaking ("Ruiz's lawyer, Ana Okoye, said": Okoye), else its first person not in a possessive. */
export function speakingPerson(text: string, src: Src, sheet: CompiledSheet, personIds: Set<string>): string | undefined {
  const ms = src.ctx.mentions(sheet).filter((mm) => personIds.has(mm.id));
  const toks = src.sentence.tokens;
  return (ms.find((mm) => speaksAt(text, src, mm)) ?? ms.find((mm) => !/['’]s?$/.test(toks[mm.at + mm.len - 1].text)) ?? ms[0])?.id;
}

/**
 * Whether the mention is shown saying or reporting: "Ruiz said", "Ruiz, who …, said",
 * "Ruiz (RZ) reported", "according to Ruiz", "the figure, Ruiz said".
 */
export function speaksAt(text: string, src: Src, mm: { id: string; at: number; len: number }): boolean {
  const toks = src.sentence.tokens;
  // "according to Ruiz", "according to the report".
  const at = mm.at > 0 && /^(?:the|its|their)$/.test(toks[mm.at - 1].norm) ? mm.at - 1 : mm.at;
  if (at >= 2 && toks[at - 2].norm === 'according' && toks[at - 1].norm === 'to') return true;
  let end = mm.at + mm.len;
  if (/^\s*\(/.test(text.slice(toks[end - 1].end, toks[end]?.start ?? toks[end - 1].end)) && toks[end + 1] && /^\s*\)/.test(text.slice(toks[end].end))) end++;
  if (isVerbOfSaying(toks[end]?.norm)) return true;
  // "has said", "later told"
  if (toks[end] && /^(?:has|have|had|also|later|then|earlier|will|would)$/.test(toks[end].norm) && isVerbOfSaying(toks[end + 1]?.norm)) return true;
  // A parenthetical clause between the name and its verb: "Ruiz, who chairs the board, said".
  // The comma may follow an acronym in parentheses: "Ruiz Rail (RR), the operator, said".
  if (toks[end] && /^\s*\)?\s*,/.test(text.slice(toks[end - 1].end, toks[end].start))) {
    // "Ruiz, which says it …" / "Ruiz, who said …"
    if (/^(?:which|who)$/.test(toks[end].norm) && isVerbOfSaying(toks[end + 1]?.norm)) return true;
    for (let j = end + 1; j < Math.min(toks.length, end + 16); j++) {
      if (/,\s*$/.test(text.slice(toks[j - 1].end, toks[j].start)) && isVerbOfSaying(toks[j].norm)) return true;
    }
  }
  return false;
}

/** "…, the agency said." at the end of a sentence: the agency reports every figure before it. */
export function trailing(masked: string, ctx: SentenceContext, sheet: CompiledSheet, from: number): string | undefined {
  const toks = ctx.sentence.tokens;
  const ms = ctx.mentions(sheet).filter((mm) => mm.at > from && sheet.reporters.has(mm.id));
  const last = ms[ms.length - 1];
  if (!last) return undefined;
  const end = last.at + last.len;
  if (!isVerbOfSaying(toks[end]?.norm)) return undefined;
  // The attribution closes the sentence or its main clause: "…, the agency said." / "…, the agency said, as …"
  const after = masked.slice(toks[end].end, toks[end + 1]?.start ?? ctx.sentence.end);
  return end + 1 >= toks.length || /^\s*[,;—–]/.test(after) ? last.id : undefined;
}

/** "…, it said": the organisation the nearest of the two sentences before shows speaking. */
export function lastOrganisationBefore(text: string, srcs: Src[], index: number, sheet: CompiledSheet): string | undefined {
  for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
    const mm = srcs[i].ctx.mentions(sheet).find((x) => ['organisation', 'body'].includes(sheet.entities.get(x.id)?.type ?? '') && speaksAt(text, srcs[i], x));
    if (mm) return mm.id;
  }
  return undefined;
}

export function lastPersonBefore(text: string, srcs: Src[], index: number, sheet: CompiledSheet): string | undefined {
  const persons = new Set([...sheet.entities.values()].filter((e) => e.type === 'person').map((e) => e.id));
  for (let i = index - 1; i >= 0; i--) {
    const p = speakingPerson(text, srcs[i], sheet, persons);
    if (p) return p;
  }
  return undefined;
}

/**
 * The subject of a reporting sentence ("The agency (ABC) reported …, with … and …"): the first
 * reporter named, if a reporting verb follows it and no other reporter stands before the figure.
 */
export function subjectReporter(text: string, src: Src, sheet: CompiledSheet, from: number): string | undefined {
  const ctx = src.ctx;
  const toks = ctx.sentence.tokens;
  const before = ctx.mentions(sheet).filter((mm) => mm.at < from && sheet.reporters.has(mm.id));
  if (!before.length) return undefined;
  const first = before[0];
  if (before.every((mm) => mm.id === first.id)) {
    // The verb follows the name, or the name repeated right after it (an acronym in parentheses).
    let end = first.at + first.len;
    const again = before.find((mm) => mm !== first && mm.at === end);
    if (again) end = again.at + again.len;
    if (isVerbOfSaying(toks[end]?.norm)) return first.id;
  }
  // "Kestrel Rail (KR), the regional operator, disputed the figures, saying …": the subject that
  // opens the sentence and is shown speaking, with no other reporter named before the figure.
  // It opens the sentence, perhaps after a title or an article ("Presiding judge Ana Ruiz told …").
  const subject = before.find((mm) => mm.at <= 3 && !/['’]s?$/.test(toks[mm.at + mm.len - 1].text) && speaksAt(text, src, mm));
  if (!subject || !isSentenceStart(text, src.sentence.start, toks[0].start) || /[,;:()]/.test(text.slice(toks[0].end, toks[subject.at].start))) return undefined;
  // Another reporter shown speaking before the figure reports it instead ("…, while the union said …"),
  // unless it stands in the subject's apposition ("Ana Ruiz, an economist at the Bank, said …").
  const verb = toks.findIndex((t, i) => i >= subject.at + subject.len && isVerbOfSaying(t.norm));
  const others = before.filter((mm) => mm.id !== subject.id && mm.at > verb && speaksAt(text, src, mm));
  return others.length ? undefined : subject.id;
}

/**
 * Verbs by which an organisation or body decides, sets or plans what its figures are: a court's
 * sentence, a council's budget, an offer, a plan ("The court sentenced …", "the council approved …").
 */
const DECIDES = words(`sentenced sentences fined fines ordered orders awarded awards approved approves passed passes adopted
  adopts granted grants imposed imposes ruled rules convicted convicts jailed jails agreed agrees voted votes budgeted
  allocated allocates pledged pledges promised promises offered offers offer plan plans planned intend intends intended
  aim aims proposed proposes propose`);
/** Words that may stand between a subject and its verb ("A court in Ashby on Friday sentenced …"). */
const BEFORE_VERB = words('in on at of for from the a an its their this last also now later then today yesterday tonight');

/**
 * The organisation or body whose decision or plan the sentence states, for a figure after its
 * verb in the same clause: "The court in Ashby on Friday sentenced Ana Ruiz to nine years for
 * defrauding 300 investors" (the court), "The council approved a $5 million budget", "The
 * researchers now plan a trial of 9,000 patients, due to start in 2030". The subject opens the
 * sentence (after an article), and only place names, dates and small words stand before its verb;
 * a headline's "X fined …" and "… fined by X" are passives, so no one's decision here.
 */
export function decidingSubject(text: string, src: Src, sheet: CompiledSheet, from: number): string | undefined {
  // A headline leaves out the auxiliary of the passive: "Ashby Mutual fined over …" is fined, not fining.
  if (src.headline) return undefined;
  const ctx = src.ctx;
  const toks = ctx.sentence.tokens;
  const ms = ctx.mentions(sheet);
  const subject = ms[0];
  if (!subject || subject.at > 1 || (subject.at === 1 && !/^(?:the|a|an)$/.test(toks[0].norm))) return undefined;
  const type = sheet.entities.get(subject.id)?.type;
  if (type !== 'organisation' && type !== 'body') return undefined;
  if (/['’]s?$/.test(toks[subject.at + subject.len - 1].text) || !isSentenceStart(text, src.sentence.start, toks[0].start)) return undefined;
  let verb = -1;
  let i = subject.at + subject.len;
  // An acronym in parentheses or an apposition in commas: "Ruiz Rail (RR), the operator, …".
  if (toks[i] && /^\s*\(\s*$/.test(text.slice(toks[i - 1].end, toks[i].start)) && /^\s*\)/.test(text.slice(toks[i].end))) i++;
  if (toks[i] && /^\s*\)?\s*,\s*$/.test(text.slice(toks[i - 1].end, toks[i].start))) {
    let j = i;
    while (j < Math.min(toks.length, i + 8) && !/,\s*$/.test(text.slice(toks[j].end, toks[j + 1]?.start ?? toks[j].end))) j++;
    if (j >= Math.min(toks.length, i + 8)) return undefined;
    i = j + 1;
  }
  for (let k = i; k < Math.min(toks.length, i + 8); k++) {
    const t = toks[k];
    if (/[,;:()]/.test(text.slice(toks[k - 1].end, t.start)) && k > i) return undefined;
    if (DECIDES.has(t.norm) && /^\p{Ll}/u.test(t.text)) {
      verb = k;
      break;
    }
    if (!BEFORE_VERB.has(t.norm) && !/^\p{Lu}/u.test(t.text)) return undefined;
  }
  // "… fined by the regulator" is a passive too.
  if (verb < 0 || from <= verb || toks[verb + 1]?.norm === 'by' || !ctx.sameClause(verb, from)) return undefined;
  return subject.id;
}
