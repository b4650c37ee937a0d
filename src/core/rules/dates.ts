/**
 * The date rule (`date-mismatch`): a date phrase (mentions/dates.ts) in a sentence about a dated
 * event must say what the verified phrase says, in the same or other words (`the end of
 * December` is `late December`); a different month, weekday, year or part of a month is flagged
 * with the verified phrase as the fix.
 */
import type { Pass } from './pass';
import { matchCase } from '../text/tokens';
import { MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../language/dateWords';
import { datePhrases, renderTime, timeAgrees, timesOfDay } from '../mentions/dates';
import type { DateFact } from '../types';
import type { SentenceContext } from '../claims/context';
import type { CompiledSheet } from '../sheet/compile';
import { restatedSources, says } from './restated';

const MONTH_LIST = MONTHS.toLowerCase().split('|');
const WEEKDAY_LIST = WEEKDAYS.toLowerCase().split('|');
const MONTH = new RegExp(`\\b(?:${MONTHS}|${MONTH_ABBREVIATIONS})\\b`, 'i');
/** The month a name or abbreviation stands for (0 to 11): "Sept" and "September" are 8. */
const monthIndex = (word: string) => MONTH_LIST.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3)));
/** Is the month word an abbreviation ("Nov", "Sept"; not "May")? */
const abbreviated = (word: string) => !MONTH_LIST.includes(word.toLowerCase());
const WEEKDAY = new RegExp(`\\b(?:${WEEKDAYS})\\b`, 'i');
/** A calendar phrase: a month (with its days, part or year) or a weekday; other date phrases are relative ("last year"). */
const isCalendar = (s: string) => MONTH.test(s) || WEEKDAY.test(s);
/** Phrasings of the same relative period or part of a month ("the end of" is "late", "the past year" is "last year"). */
const SAME_AS: [RegExp, string][] = [
  [/\b(?:the end of|the second half of)\b/g, 'late'],
  [/\b(?:the beginning of|the start of|the first half of)\b/g, 'early'],
  [/\bthe middle of\b/g, 'mid'],
  [/\b(?:the past|the previous)\b/g, 'last'],
];
const norm = (s: string) => {
  let out = s.toLowerCase().replace(/[\s-]+/g, ' ').trim();
  for (const [re, to] of SAME_AS) out = out.replace(re, to);
  return out;
};

/** The parts of a calendar phrase that can be compared: part of the month, days, month, year, weekday. */
interface Calendar {
  part?: string;
  days?: string;
  month?: number;
  year?: number;
  weekday?: number;
}

/** One day inside a verified span of days ("14 March" of "14 to 16 March"). */
function withinDays(draft: string, verified: string): boolean {
  const [a, b] = verified.split('-').map(Number);
  const d = Number(draft);
  return b !== undefined && !draft.includes('-') && d >= a && d <= b;
}

const knownDays = new WeakMap<CompiledSheet, Set<string>>();
/** The days of the story's dates, as "month|day" (a span's every day), once per sheet. */
function knownDaysOf(sheet: CompiledSheet): Set<string> {
  let out = knownDays.get(sheet);
  if (!out) {
    out = new Set();
    for (const d of sheet.dates)
      for (const e of endsOfFact(d)) {
        if (e.cal.month === undefined || e.cal.days === undefined) continue;
        const [a, b = a] = e.cal.days.split('-').map(Number);
        for (let k = a; k <= b && k <= 31; k++) out.add(`${e.cal.month}|${k}`);
      }
    knownDays.set(sheet, out);
  }
  return out;
}

/** How many parts two calendar phrases name alike. */
function sharedParts(a: Calendar, b: Calendar): number {
  let n = 0;
  for (const k of ['weekday', 'month', 'year', 'days', 'part'] as const) if (a[k] !== undefined && a[k] === b[k]) n++;
  return n;
}

function calendarOf(phrase: string): Calendar {
  const s = norm(phrase);
  const out: Calendar = {};
  const month = MONTH.exec(s);
  if (month) out.month = monthIndex(month[0]);
  const weekday = WEEKDAY.exec(s);
  if (weekday) out.weekday = WEEKDAY_LIST.indexOf(weekday[0].toLowerCase());
  const part = /\b(early|mid|late)\b/.exec(s);
  if (part) out.part = part[1];
  const year = /\b(\d{4})\b/.exec(s);
  if (year) out.year = Number(year[1]);
  const days = s.replace(/\b\d{4}\b/, '').match(/\b\d{1,2}(?!\d)/g);
  if (days) out.days = days.map(Number).join('-');
  return out;
}

/** One end of a dated event's calendar, with the words that say it. */
interface End {
  cal: Calendar;
  text: string;
}
/** The words between the two ends of a span of dates ("20 October to 28 November"). */
const SPAN_JOIN = /\s+(?:to|until|till|through|and)\s+|\s*[–—-]\s*/i;

const factEnds = new WeakMap<DateFact, End[]>();
/**
 * The calendar of a dated event: its text's parts, with its `weekday` and `month` where the text
 * has none; a span across months ("from 20 October to 28 November") has two ends, each a date of
 * its own (a span within a month, "14 to 16 March", is one calendar with a span of days).
 */
function endsOfFact(d: DateFact): End[] {
  let ends = factEnds.get(d);
  if (!ends) {
    const parts = d.text.split(SPAN_JOIN).map((p) => p.replace(/^(?:from|between)\s+/i, ''));
    const cals = parts.length === 2 && parts.every((p) => MONTH.test(p) && /\d/.test(p)) ? parts.map(calendarOf) : [];
    if (cals.length === 2) cals[0].year ??= cals[1].year;
    // (Ends that differ in month or year: "1 March 2023 to 1 March 2024" too.)
    if (cals.length === 2 && (cals[0].month !== cals[1].month || cals[0].year !== cals[1].year)) {
      ends = cals.map((cal, i) => ({ cal, text: parts[i] }));
    } else {
      const c = calendarOf(d.text);
      if (d.weekday && c.weekday === undefined) c.weekday = WEEKDAY_LIST.indexOf(d.weekday.toLowerCase());
      if (d.month && c.month === undefined) c.month = MONTH_LIST.indexOf(d.month.toLowerCase());
      ends = [{ cal: c, text: d.text }];
    }
    factEnds.set(d, ends);
  }
  return ends;
}
/** The end of the event's calendar a draft's phrase is of: the one naming most of its parts alike (level, the one of its day, else the first). */
const endFor = (said: Calendar, d: DateFact): End =>
  endsOfFact(d).reduce((a, b) => {
    const diff = sharedParts(said, b.cal) - sharedParts(said, a.cal);
    // (Level, the end of the same day: "until 28 October" for "20 October to 28 November" is of the 28th.)
    return diff > 0 || (diff === 0 && said.days !== undefined && b.cal.days === said.days && a.cal.days !== said.days) ? b : a;
  });
/** Can a calendar phrase of the draft be compared with the event: its text or its fields name a month or weekday. */
const hasCalendar = (d: DateFact) => isCalendar(d.text) || !!d.weekday || !!d.month;

/**
 * The fix of a calendar phrase that differs from the event only in its weekday, or whose event's
 * text is no calendar date ("last week", with its `weekday`): the one word replaced.
 */
function wordFix(draft: string, said: Calendar, d: DateFact): { from: number; to: number; text: string } | undefined {
  const want = endFor(said, d).cal;
  const word = (re: RegExp, list: string[], k: number | undefined) => {
    const m = re.exec(draft);
    if (!m || k === undefined || k < 0) return undefined;
    // An abbreviated month gives way to the verified one's abbreviation ("19 Nov" → "19 Dec").
    const name = list === MONTH_LIST && abbreviated(m[0]) ? list[k].slice(0, 3) : list[k];
    return { from: m.index, to: m.index + m[0].length, text: name[0].toUpperCase() + name.slice(1) };
  };
  const only = (key: keyof Calendar) => (['weekday', 'month', 'year', 'days', 'part'] as const).every((k) => k === key || said[k] === undefined || said[k] === want[k] || (k === 'days' && withinDays(said.days!, want.days ?? '')));
  if (said.weekday !== undefined && said.weekday !== want.weekday && only('weekday')) return word(WEEKDAY, WEEKDAY_LIST, want.weekday);
  // "Friday 15 August" for Friday 14 August: the day alone, in the draft's form ("15th" → "14th").
  if (said.days !== undefined && want.days !== undefined && !said.days.includes('-') && !want.days.includes('-') && said.days !== want.days && only('days')) {
    const day = /\b(\d{1,2})(st|nd|rd|th)?(?!\d)/.exec(draft.replace(/\b\d{4}\b/, (y) => ' '.repeat(y.length)));
    if (day) return { from: day.index, to: day.index + day[0].length, text: `${want.days}${day[2] ? ordinalSuffix(Number(want.days)) : ''}` };
  }
  // (And an abbreviated month of a terse line, "Tickets on sale Sat 3 Sept", for the one word.)
  // (And a month with no year, alone or with the right day: "23 July" for Monday 23 June is "23 June".)
  const short = MONTH.exec(draft);
  const monthOnly = said.part === undefined && said.year === undefined;
  if ((!isCalendar(d.text) || (short && abbreviated(short[0])) || monthOnly) && said.month !== undefined && said.month !== want.month && only('month')) return word(MONTH, MONTH_LIST, want.month);
  return undefined;
}

/** The English ordinal suffix of a day: 1st, 2nd, 3rd, 4th, 11th, 22nd. */
const ordinalSuffix = (n: number) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');

/**
 * Does a draft's calendar phrase say the verified one's date ('same'), another ('differs'), or
 * something the verified phrase does not say ('unknown': "8 February" where the source says only
 * "February")? Only the parts both name are compared: "March" for "14 to 16 March" is the same.
 */
function compareCalendar(draft: Calendar, verified: Calendar, known?: ReadonlySet<string>): 'same' | 'differs' | 'unknown' {
  let common = 0;
  // "the nights of 27 and 28 April" for "Monday 27 April": days that hold the verified day, each
  // other one the day of another of the story's dates in that month (`known`: "month|day"), say
  // more than it, not another date.
  let more = false;
  const othersKnown = () => {
    const [a, b] = draft.days!.split('-').map(Number);
    for (let d = a; d <= b; d++) if (String(d) !== verified.days && !known?.has(`${draft.month}|${d}`)) return false;
    return true;
  };
  for (const k of ['weekday', 'month', 'year', 'days', 'part'] as const) {
    if (draft[k] === undefined || verified[k] === undefined) continue;
    if (k === 'days' && withinDays(verified.days!, draft.days!) && othersKnown()) more = true;
    else if (draft[k] !== verified[k] && !(k === 'days' && withinDays(draft.days!, verified.days!))) return 'differs';
    common++;
  }
  if (!common || more) return 'unknown';
  for (const k of ['weekday', 'month', 'year', 'days'] as const) if (draft[k] !== undefined && verified[k] === undefined) return 'unknown';
  // "mid-March" for "14 to 16 March": a part of the month against its days is not compared.
  if (draft.part && verified.part === undefined) return 'unknown';
  return 'same';
}

/** The day and month of the date phrase right after a weekday ("Saturday 7 December", "Saturday, 7 December"), if it names both. */
function dayAfter(next: RegExpExecArray | undefined, end: number): Calendar | undefined {
  if (!next || !/^,?[ \t]{1,2}$/.test(next.input.slice(end, next.index))) return undefined;
  const day = calendarOf(next[0]);
  return day.days !== undefined && day.month !== undefined ? day : undefined;
}

/** The weight of an event word within two words of a date (claims/context.ts weight: 0.8 before, at two words' distance). */
const CLOSE = 0.6;

/** What ties a date to an event: the least weight of its context words that counts. */
const WEAK = 0.35;

/**
 * How strongly an event's context phrases tie the date at tokens [from, to). A phrase of function
 * words only ("from", "until", "since") is weak evidence: it ties a date no content word ties,
 * but never outweighs one ("withdraw 212 services from Sunday": not the day a consultation opens "from").
 */
function weightOf(ctx: SentenceContext, d: DateFact, from: number, to: number, sheet: CompiledSheet): number {
  const parts = sheet.dateContextParts.get(d.id)!;
  const strong = ctx.phraseWeight(parts.content, from, to, undefined, sheet.contextWords);
  return parts.function.length ? Math.max(strong, Math.min(WEAK, ctx.phraseWeight(parts.function, from, to, undefined, sheet.contextWords))) : strong;
}

/** Words that open another time than the clause's event ("two days after the inquiry", "since the storm"). */
const ANOTHER_TIME = new Set(['after', 'before', 'since', 'until', 'following']);

/**
 * The date check: a date phrase in a sentence about a dated event ("the protests began in
 * early March") must be the verified phrase ("late March").
 */
export function checkDates(pass: Pass): void {
  const { masked, text, contexts, sheet, findings, confirmations, wordStarts: starts } = pass;
  if (!sheet.dates.length) return;
  checkTimes(pass);
  const restated = restatedSources(pass);
  // The phrases in text order; each is then read in its sentence.
  let si = 0;
  const phrases = datePhrases(masked, starts.dateAnchors);
  for (let pi = 0; pi < phrases.length; pi++) {
    const m = phrases[pi];
    while (si < contexts.length && contexts[si].sentence.end <= m.index) si++;
    if (si >= contexts.length) break;
    const ctx = contexts[si];
    if (ctx.sentence.start > m.index) continue;
    const start = m.index;
    const end = start + m[0].length;
    const phrase = norm(m[0]);
    const calendar = isCalendar(m[0]);
    // "an anti-war march", "may": a month or weekday is a proper noun, written with its capital.
    if (calendar && !/^\p{Lu}/u.test((MONTH.exec(m[0]) ?? WEEKDAY.exec(m[0]))![0])) continue;
    const same = sheet.dates.filter((d) => (calendar ? hasCalendar(d) : !isCalendar(d.text)));
    if (!same.length) continue;
    const from = ctx.tokenAt(start);
    const to = Math.max(from + 1, ctx.tokenAt(end));
    /** Flags the phrase for the event where one word of it is wrong (wordFix), replacing that word; false where more differs. */
    const pushWordFix = (said: Calendar, d: DateFact): boolean => {
      const one = wordFix(m[0], said, d);
      if (!one) return false;
      const draft = text.slice(start, end);
      findings.push({
        start: start + one.from,
        end: start + one.to,
        ruleId: 'date-mismatch',
        severity: 'error',
        message: `Draft says ${draft} for when ${d.event}; verified: ${one.text}${norm(d.text) !== norm(one.text) ? ` (${d.text})` : ''}`,
        factId: d.id,
        verified: one.text,
        fixes: [{ title: `Replace with ${one.text} (verified)`, edits: [{ start: start + one.from, end: start + one.to, text: one.text }] }],
      });
      return true;
    };
    // "The ship struck the Nordvik Trader at 18:42 on 9 December": an event word of the date's own
    // clause, with no comma between, dates it however many words its object and time take.
    const ranked = same
      .map((d) => {
        const parts = sheet.dateContextParts.get(d.id)!;
        let w = weightOf(ctx, d, from, to, sheet);
        // (Not past a word that opens another time: "two days after the inquiry into the storm of 4 December".)
        const one = (list: string[][], k: number) => list.some((p) => p.length === 1 && p[0] === ctx.lemmas[k]);
        for (let k = from - 1; k >= 0 && from - k <= 24 && w < 0.4 && ctx.unbroken(k, from) && !ANOTHER_TIME.has(ctx.sentence.tokens[k].norm); k--) {
          if (one(parts.content, k)) w = Math.max(w, 0.4);
          else if (one(parts.function, k)) w = Math.max(w, WEAK);
        }
        return { d, w };
      })
      .sort((a, b) => b.w - a.w);
    const exact = ranked.find((r) => norm(r.d.text) === phrase && r.w > 0);
    if (exact) {
      confirmations.push({ start, end, factId: exact.d.id });
      continue;
    }
    let top = ranked[0];
    if (top.w < WEAK || norm(top.d.text) === phrase) continue;
    // "Firefighters were struggling on Tuesday to hold a fire that has scorched 3,840 hectares":
    // a date in the clause of a figure whose article sentence gives an event that date is that
    // event's, unless a word of another event stands within two words of it ("the fire broke out
    // on Tuesday and has burnt 3,840 hectares"), or its sentence is the event's too.
    const restates = restated(si).filter((r) => ctx.unbroken(ctx.tokenAt(r.at), from));
    const own = top.w < CLOSE && !restates.some((r) => r.source === top.d.source) ? same.find((d) => norm(d.text) === phrase && restates.some((r) => r.source === d.source) && says(d.source, m[0])) : undefined;
    if (own) {
      confirmations.push({ start, end, factId: own.id });
      continue;
    }
    if (calendar) {
      const said = calendarOf(m[0]);
      // "Saturday 7 December": a weekday before a day and month is that day's; where an event of
      // the story has that day and month (and year, where the draft gives one), the weekday is of
      // it, whatever other event the words around it favour.
      const day = said.weekday !== undefined && said.month === undefined ? dayAfter(phrases[pi + 1], end) : undefined;
      const dated = day && same.find((d) => endsOfFact(d).some((e) => e.cal.weekday !== undefined && e.cal.month === day.month && e.cal.days === day.days && (day.year === undefined || e.cal.year === day.year)));
      if (dated) {
        if (endFor(said, dated).cal.weekday === said.weekday) confirmations.push({ start, end, factId: dated.id });
        else pushWordFix(said, dated);
        continue;
      }
      // The date of another of the story's events is that event's ("November 2019" in a line on
      // the last strike); a full date (a month with its days or year) is, whatever the context.
      const full = said.month !== undefined && (said.days !== undefined || said.year !== undefined);
      const other = ranked.find((r) => (r.w > 0 || full) && compareCalendar(said, endFor(said, r.d).cal, knownDaysOf(sheet)) === 'same');
      if (other) {
        confirmations.push({ start, end, factId: other.d.id });
        continue;
      }
      // Among the events the context fits, the date is evidence: "October 2019" is a slip for the
      // event of November 2019, not for the one of 16 March.
      const fitting = ranked.filter((r) => r.w >= WEAK && compareCalendar(said, endFor(said, r.d).cal, knownDaysOf(sheet)) === 'differs');
      if (!fitting.length) continue;
      top = fitting.reduce((a, b) => (sharedParts(said, endFor(said, b.d).cal) > sharedParts(said, endFor(said, a.d).cal) ? b : a));
      if (pushWordFix(said, top.d)) continue;
      if (!isCalendar(top.d.text)) continue;
    }
    const draft = text.slice(start, end);
    // One date for an end of a span across months is that end ("21 October" for "20 October to 28 November").
    const ends = endsOfFact(top.d);
    const verified = calendar && ends.length > 1 && !SPAN_JOIN.test(m[0].trim()) ? endFor(calendarOf(m[0]), top.d).text : top.d.text;
    // Month names are capitalised anyway; only a sentence-initial or upper-case phrase changes case.
    const fix = /^\p{Lu}/u.test(draft) && !isCalendar(draft.split(/[ -]/)[0]) ? matchCase(draft, verified) : draft === draft.toUpperCase() && draft.length > 4 ? verified.toUpperCase() : verified;
    findings.push({
      start,
      end,
      ruleId: 'date-mismatch',
      severity: 'error',
      message: `Draft says ${draft} for when ${top.d.event}; verified: ${verified}${verified !== top.d.text ? ` (${top.d.text})` : ''}`,
      factId: top.d.id,
      verified,
      fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }],
    });
  }
}

/** A dated event's time as minutes after midnight ("14:30" → 870). */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The time check: a time of day in a sentence about an event with a verified `time` must be that time. */
function checkTimes({ masked, text, contexts, sheet, findings, confirmations }: Pass): void {
  const timed = sheet.dates.filter((d) => d.time);
  if (!timed.length) return;
  let si = 0;
  for (const t of timesOfDay(masked)) {
    while (si < contexts.length && contexts[si].sentence.end <= t.start) si++;
    const ctx = contexts[si];
    if (!ctx || ctx.sentence.start > t.start) continue;
    const from = ctx.tokenAt(t.start);
    const to = Math.max(from + 1, ctx.tokenAt(t.end));
    let best: { d: DateFact; w: number } | undefined;
    for (const d of timed) {
      const w = weightOf(ctx, d, from, to, sheet);
      if (!best || w > best.w) best = { d, w };
    }
    if (!best || best.w < WEAK) continue;
    const want = minutesOf(best.d.time!);
    // ("shortly after 4am" for 04:17, "around 9pm" for 21:10: true of the event's time.)
    const agreeing = timed.find((d) => timeAgrees(t, minutesOf(d.time!)));
    if (agreeing) {
      confirmations.push({ start: t.start, end: t.end, factId: agreeing.id });
      continue;
    }
    // (A wrong time under a bound keeps it: the verified time is true of it, "by 11am" → "by 11.30am".)
    const fix = renderTime(want, t, text);
    findings.push({
      start: t.start,
      end: t.end,
      ruleId: 'date-mismatch',
      severity: 'error',
      message: `Draft says ${text.slice(t.start, t.end)} for when ${best.d.event}; verified: ${fix}`,
      factId: best.d.id,
      verified: fix,
      fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start: t.start, end: t.end, text: fix }] }],
    });
  }
}
