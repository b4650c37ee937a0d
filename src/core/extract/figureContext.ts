/**
 * What a figure is about: receives a figure's mention and its sentence, and proposes what it
 * counts (the noun phrase after or before it), the person it is about or whose age it is, and its
 * context words (those of what it counts, the nearest content words of its clause, synonyms).
 */
import type { CompiledSheet } from '../sheet/compile';
import type { Mention } from '../mentions/numbers';
import { phraseWords } from '../text/tokens';
import { isFunctionWord } from '../language/lexicon';
import { joinedUnitAfter } from '../mentions/counted';
import type { Sentence } from '../text/sentences';
import { words, STOP_CAPS, CALENDAR, isAcronym, isVerbOfSaying, LINKING, AFTER_STOP } from './lexicon';
import type { Src } from './model';
import { speaksAt } from './speakers';

/** A few news nouns and the words a draft may use for the same thing. */
const SYNONYMS: string[][] = [
  ['deaths', 'death', 'fatalities', 'killed', 'dead', 'toll', 'died', 'lives', 'casualties', 'mortality'],
  ['arrests', 'arrested', 'detained', 'detentions', 'detainees', 'arrest'],
  ['injured', 'injuries', 'wounded', 'hurt'],
  ['votes', 'vote', 'voted', 'ballots', 'balloted', 'ballot'],
  ['asked', 'sought', 'seek', 'demanded', 'requested', 'wanted'],
  ['fined', 'fine', 'penalty', 'penalties'],
  ['jailed', 'jail', 'prison', 'imprisoned', 'sentenced', 'sentence'],
  ['employs', 'employed', 'employees', 'staff', 'workers', 'workforce', 'jobs'],
  ['salary', 'salaries', 'pay', 'paid', 'earns', 'earn', 'wage', 'wages'],
  ['revenue', 'sales', 'income', 'turnover'],
  ['cancelled', 'canceled', 'cancelling', 'cancellations', 'scrapped', 'axed'],
  ['recovered', 'recover', 'recovery'],
  ['repay', 'repaid', 'repayment', 'compensation', 'restitution'],
  ['funded', 'funding', 'grant', 'financed', 'funds'],
  ['founded', 'established', 'launched', 'created'],
  ['backed', 'supported', 'support', 'favour', 'favor'],
  ['passengers', 'commuters', 'travellers', 'riders'],
  ['patients', 'participants'],
  ['countries', 'nations'],
  ['clinics', 'centres', 'centers', 'sites'],
  ['evacuated', 'evacuation', 'evacuate', 'evacuees'],
  ['trade', 'trading', 'commerce', 'business'],
  ['cases', 'case'],
  ['members', 'membership'],
];

/** What a figure counts: the noun phrase after it ("1,204 jobs"), else the one before ("deaths totalling 1,204"). */
export function countsOf(masked: string, toks: Sentence['tokens'], from: number, to: number, m: Mention): string {
  const after: string[] = [];
  const punctBefore = (j: number) => j > 0 && /[^\s]/.test(masked.slice(j === to ? Math.max(m.end, toks[j - 1].end) : toks[j - 1].end, toks[j].start));
  let j = to;
  // "a 9,800-tonne vessel": the unit joined by a hyphen is what it counts, with its noun.
  // (The unit may be a token of its own or the end of the figure's token: "9,800-tonne".)
  const unit = joinedUnitAfter(masked, m.end);
  if (unit && m.kind === 'count') {
    const k = toks.findIndex((t) => t.start >= m.end + unit.length + 1);
    const next = k >= 0 && /^\s+$/.test(masked.slice(m.end + unit.length + 1, toks[k].start)) && /^\p{Ll}+$/u.test(toks[k].text) && !AFTER_STOP.has(toks[k].norm) ? ` ${toks[k].text}` : '';
    return `${unit}${next}`;
  }
  // "14 of the school's 72 teaching posts", "64% of the 510 parents": a part counts what its whole does.
  if (toks[j]?.norm === 'of' && !punctBefore(j)) {
    for (let k = j + 1; k <= j + 3 && toks[k]; k++) {
      if (!/^\p{N}/u.test(toks[k].text)) continue;
      let e = k;
      while (toks[e + 1] && /^\p{N}/u.test(toks[e + 1].text)) e++; // "1,140" is two tokens
      if (toks[e + 1] && !AFTER_STOP.has(toks[e + 1].norm)) j = e + 1;
      break;
    }
  }
  if (toks[j] && /^(?:in|of)$/.test(toks[j].norm) && m.kind !== 'year' && !punctBefore(j)) j++;
  for (; j < toks.length && after.length < (after[after.length - 1] === 'of' ? 4 : 2); j++) {
    const t = toks[j];
    if (punctBefore(j) && (after.length || j === to)) break; // punctuation ends the phrase
    // "12% in February": a month or weekday says when, not what is counted.
    if (AFTER_STOP.has(t.norm) || /^\p{N}/u.test(t.text) || CALENDAR.has(t.norm)) break;
    after.push(t.text);
  }
  while (after.length && /^(?:the|a|an|of|in)$/i.test(after[after.length - 1])) after.pop();
  // "12% among the patients": a preposition opens where or among whom, not what is counted.
  if (after.length && PREPOSITIONS.has(after[0].toLowerCase())) after.length = 0;
  if (after.length && m.kind !== 'year') return after.join(' ');
  const before: string[] = [];
  // "fined the firm, now in liquidation, two million euros": what is counted stands before the aside.
  const aside = from > 0 && /^\s*[,)\u2014\u2013]\s*$/.test(masked.slice(toks[from - 1].end, toks[from].start)) ? asideStart(masked, toks, from - 1) : -1;
  let i = aside >= 0 ? aside : from - 1;
  while (i >= 0 && (LINKING.has(toks[i].norm) || (m.kind === 'year' && /^(?:in|since|from|until|by|during)$/.test(toks[i].norm)))) i--;
  for (; i >= 0 && before.length < 3; i--) {
    const t = toks[i];
    if (AFTER_STOP.has(t.norm) || STOP_CAPS.has(t.norm) || /^\p{N}/u.test(t.text)) break;
    before.unshift(t.text);
    if (toks[i - 1] && t.start > toks[i - 1].end + 1) break;
  }
  // "Up 3.5% on the year": a direction or hedge alone says nothing of what is counted.
  if (before.every((w) => CONTEXT_STOP.has(w.toLowerCase()))) before.length = 0;
  if (m.kind === 'year') {
    // "November 2019", "between March 2016 and …": a date's words say when, not what the year is of.
    const what = before.filter((w) => !CALENDAR.has(w.toLowerCase()) && !/^(?:between|and|early|late|mid)$/i.test(w));
    return what.length ? `year of ${what.join(' ')}` : 'year';
  }
  return before.join(' ') || (m.kind === 'money' ? 'amount' : m.kind === 'share' ? 'share' : 'number');
}

const PREPOSITIONS = words('among amongst between within without against toward towards through throughout upon onto into over under above below beyond along across behind beside besides despite except like unlike via');

/** What countsOf says when it finds no words of the figure's own. */
export const FALLBACK_COUNTS = new Set(['amount', 'share', 'number', 'year']);

/** "Ana Ruiz, 54, said": the person whose age the number in commas after their name is. */
export function ageOf(text: string, src: Src, sheet: CompiledSheet, m: Mention, from: number): { id: string; name: string } | undefined {
  if (m.kind !== 'count' || !Number.isInteger(m.value) || m.value < 1 || m.value > 120 || m.qualStart !== m.qualEnd) return undefined;
  const toks = src.sentence.tokens;
  if (from < 1 || !/^\s*,\s*$/.test(text.slice(toks[from - 1].end, m.start)) || !/^\s*[,)]/.test(text.slice(m.end, m.end + 3))) return undefined;
  const mm = src.ctx.mentions(sheet).find((x) => x.at + x.len === from);
  const e = mm && sheet.entities.get(mm.id);
  return e?.type === 'person' ? { id: e.id, name: e.name } : undefined;
}

/**
 * The person a figure is about, by name, where the sentence says so: "nine years for Ana Ruiz",
 * or the person its clause names before it who is not shown speaking and not its reporter
 * ("Ana Ruiz, the firm's founder, was sentenced to seven years"; "sentenced Ana Ruiz to …").
 */
export function aboutPerson(text: string, src: Src, sheet: CompiledSheet, from: number, to: number, reporter: string | undefined): string | undefined {
  const toks = src.sentence.tokens;
  const persons = src.ctx.mentions(sheet).filter((mm) => sheet.entities.get(mm.id)?.type === 'person' && mm.id !== reporter);
  // "14,544 for Desmond Delacroix-Moss", past an article and a possessive: "for the league's Desmond Delacroix-Moss".
  const lead = (at: number) => {
    let k = at - 1;
    while (k > to && at - k <= 3 && (toks[k].norm === 'the' || /['’]s?$/.test(toks[k].text))) k--;
    return toks[k]?.norm ?? '';
  };
  const after = persons.find((mm) => mm.at >= to && mm.at <= to + 5 && /^(?:for|on|against)$/.test(lead(mm.at)) && src.ctx.sameClause(to, mm.at));
  if (after) return sheet.entities.get(after.id)!.name;
  const before = persons.filter((mm) => mm.at + mm.len <= from && from - mm.at <= 20 && src.ctx.sameClause(mm.at, from) && !/['’]s?$/.test(toks[mm.at + mm.len - 1].text) && !speaksAt(text, src, mm)).pop();
  // Not across "that", a new clause of another subject ("Ruiz told the court that …").
  if (!before || toks.slice(before.at + before.len, from).some((t) => t.norm === 'that' || isVerbOfSaying(t.norm))) return undefined;
  // "ordered Ana Ruiz and Tom Okoye to repay …": about both, so about neither alone.
  if (toks[before.at - 1]?.norm === 'and' || toks[before.at + before.len]?.norm === 'and') return undefined;
  return sheet.entities.get(before.id)!.name;
}

/** Words that say nothing about what a figure counts ("well under", "so far", "the amount"). */
const CONTEXT_STOP = words(`well closer close far already less more much many up down just only still even nearly almost about
  around roughly some total estimated so very him her them its their his figure figures lot those these other another such
  same own also further`);

/**
 * Words that tie a draft's figure to this one: those of what it counts, less the words that say
 * nothing about it ("well", "so far", "closer"). The nearest content words of the clause were
 * tried as a fallback and measured worse: they tie a draft's other figures to this one.
 */
export function contextOf(counts: string, clause: string[] = [], articleWords: ReadonlySet<string> = new Set()): string[] {
  const out = new Set<string>();
  const good = (w: string) => w.length >= 3 && !CALENDAR.has(w) && !STOP_CAPS.has(w) && !AFTER_STOP.has(w) && !CONTEXT_STOP.has(w) && !LINKING.has(w) && !/^\p{N}/u.test(w);
  const add = (w: string) => {
    out.add(w);
    for (const group of SYNONYMS) if (group.includes(w)) for (const g of group) out.add(g);
  };
  const own = phraseWords(counts);
  for (const w of own) if (good(w)) add(w);
  // "95% CI" for a confidence interval: a thing of two to four common words may go by its
  // initials. Only a compound of nouns and adjectives: a name ("Iran's trade"), a participle
  // ("people aged"), a preposition ("countries between") or a hyphenated word makes a phrase no
  // one abbreviates; and initials that are a word of the article ("it", "US") stand for that word.
  const content = own.filter((w) => good(w));
  const compound = content.length >= 2 && content.length <= 4 && content.length === own.length && !/\p{Lu}/u.test(counts) && content.every((w) => /^\p{Ll}+$/u.test(w) && !/(?:ed|ing)$/.test(w) && !PREPOSITIONS.has(w));
  const initials = compound ? content.map((w) => w[0]).join('') : '';
  if (initials && !articleWords.has(initials)) out.add(initials);
  for (const w of clause) if (good(w) || CONTENT_VERBS.has(w)) add(w);
  return out.size ? [...out] : [counts.toLowerCase()];
}

/** Words of a clause that say nothing of what its figure is (auxiliaries, pronouns, hedges). */
const CLAUSE_STOP = words(`would could should might must may can will shall been being had has have was were are is did does do
  not also already now then there here what which who whom whose that this those these them they their its his her him she he
  we our you your said says say told tells according saying added adds including include includes compared while whereas
  than such per cent percent total totalling only least most more less fewer than about around nearly almost some among
  amongst between within without against toward towards through throughout upon onto into over under above below beyond
  along across behind beside besides despite except like unlike via`);

/**
 * The content words of the figure's clause nearest to it, a few on each side: the verb and the
 * nouns that say what happened to the number ("Deaths from any cause fell by 9%": deaths, cause,
 * fell). A word nearer another figure of the sentence is that figure's; names are left to the
 * entities, and a comma or a clause boundary ends the reach on that side.
 */
export function clauseWords(masked: string, src: Src, from: number, to: number, others: readonly number[], sheet: CompiledSheet, year = false): string[] {
  const toks = src.sentence.tokens;
  const out: string[] = [];
  // Words that name an entity ("the union") say who, not what: the reporter and the names do that.
  const named = new Set<number>();
  for (const mm of src.ctx.mentions(sheet)) for (let k = mm.at; k < mm.at + mm.len; k++) named.add(k);
  /** Whether punctuation stands between tokens `a` and `b`. */
  const parted = (a: number, b: number) => a !== b && /[,;:()\u2014\u2013]/.test(masked.slice(toks[Math.min(a, b)].end, toks[Math.max(a, b)].start));
  // A word nearer another figure is that figure's, unless punctuation parts it from that one and
  // not from this one ("Thirty-one people were injured, five of them seriously": 31 were injured).
  const nearerOther = (i: number) => {
    const ownAt = i < from ? from : to - 1;
    const own = Math.abs(i - ownAt);
    for (let k = 0; k < others.length; k += 2) {
      if (others[k] === from) continue;
      const otherAt = i < others[k] ? others[k] : others[k + 1] - 1;
      const d = i < others[k] ? others[k] - i : i >= others[k + 1] ? i - (others[k + 1] - 1) : 0;
      if (d < own && !(parted(i, otherAt) && !parted(i, ownAt))) return true;
    }
    return false;
  };
  const take = (i: number) => {
    const t = toks[i];
    // A capitalised word opening the sentence is a common word unless it names something ("Deaths fell …").
    if (!(/^\p{Ll}/u.test(t.text) || (i === 0 && !isAcronym(t.text))) || named.has(i) || CLAUSE_STOP.has(t.norm) || (AFTER_STOP.has(t.norm) && !CONTENT_VERBS.has(t.norm)) || SAYING.has(t.norm) || CALENDAR.has(t.norm) || t.norm.length < 3) return false;
    out.push(t.norm);
    return true;
  };
  const broken = (a: number, b: number) => /[,;:()\u2014\u2013"\u201c\u201d]/.test(masked.slice(toks[a].end, toks[b].start)) || !src.ctx.sameClause(a, b);
  let n = 0;
  // "fined the firm, now in liquidation, two million euros": an aside set off by a pair of commas
  // (or brackets, or dashes) just before the figure says something of the noun before it, not of
  // the figure; the clause goes on before it.
  const aside = from > 0 && broken(from - 1, from) ? asideStart(masked, toks, from - 1) : -1;
  const skipped = aside >= 0 && src.ctx.sameClause(aside, from);
  const first = skipped ? aside : from - 1;
  // "The hazard ratio for the combined outcome was 0.73": after a form of "be", what the figure is
  // is the subject before it, however long its phrase; the reach goes back to the clause's start.
  const copula = from > 0 && /^(?:was|were|is|are|be|been)$/.test(toks[from - 1].norm);
  const span = copula ? 2 * CLAUSE_SPAN : CLAUSE_SPAN;
  const reach = copula ? 2 * CLAUSE_REACH : CLAUSE_REACH;
  for (let i = first; i >= 0 && i >= first + 1 - span && n < reach && !nearerOther(i); i--) {
    if (!(skipped && i === first) && broken(i, i + 1)) break;
    if (take(i)) n++;
  }
  n = 0;
  // "In 2021, the records of 120,000 customers were exposed": a year in a phrase of function
  // words opening the sentence, set off by a comma, is of the whole clause after it, past the comma
  // and past the clause's other figures ("Of the 412, 57 were taken to hospital" is no count of 412's).
  const fronted = year && from > 0 && from <= 2 && to < toks.length && toks.slice(0, from).every((t) => isFunctionWord(t.norm)) && /^\s*,\s*$/.test(masked.slice(toks[to - 1].end, toks[to].start));
  const afterSpan = fronted ? 2 * CLAUSE_SPAN : CLAUSE_SPAN;
  const afterReach = fronted ? 2 * CLAUSE_REACH : CLAUSE_REACH;
  /** Whether token `i` is of another figure ("120,000"). */
  const ofOther = (i: number) => others.some((a, k) => k % 2 === 0 && a !== from && i >= a && i < others[k + 1]);
  for (let i = to; i < toks.length && i < to + afterSpan && n < afterReach && (fronted || !nearerOther(i)); i++) {
    if (fronted && ofOther(i)) continue;
    if (i > to && broken(i - 1, i) && !(fronted && ofOther(i - 1))) break;
    if (i === to && i > 0 && !fronted && /[,;:()\u2014\u2013]/.test(masked.slice(toks[i - 1].end, toks[i].start))) break;
    if (take(i)) n++;
  }
  return out;
}

/** Longest aside skipped before a figure, in words. */
const ASIDE_MAX = 5;

/**
 * Where the aside that ends with the separator after `last` opens: the index of the word before
 * its opening separator, if a separator of the same kind (comma, bracket, dash) opens it within
 * a few words; -1 when the words before `last` are no aside.
 */
function asideStart(masked: string, toks: Sentence['tokens'], last: number): number {
  const sep = (a: number) => masked.slice(toks[a].end, toks[a + 1].start).trim();
  const close = sep(last);
  const open = close === ',' ? ',' : close === ')' ? '(' : /^[\u2014\u2013]$/.test(close) ? close : undefined;
  if (!open) return -1;
  for (let k = last - 1; k >= 0 && k >= last - ASIDE_MAX; k--) {
    const s = sep(k);
    if (s === open) return k;
    if (s) return -1;
  }
  return -1;
}

/** The verbs among AFTER_STOP: they end what a figure counts, but say what happened to it. */
const CONTENT_VERBS = words('came went got made took gave saw left fell grew won lost ran met held brought bought sold became began hit cut set');

/** Verbs that only say who spoke ("asked for nine years", "estimated" and "predicted" say what the figure is). */
const SAYING = words('said says say told tells tell telling saying added adds adding according stated states claimed claims reported reports noted notes');

/** How many content words on each side of a figure its clause lends it as context, and from how many words away. */
const CLAUSE_REACH = 3;

const CLAUSE_SPAN = 6;
