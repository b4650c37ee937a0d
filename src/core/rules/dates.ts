/**
 * The date rule (`date-mismatch`): a date phrase (mentions/dates.ts) in a sentence about a dated
 * event must say what the verified phrase says, in the same or other words (`the end of
 * December` is `late December`); a different month, weekday, year or part of a month is flagged
 * with the verified phrase as the fix.
 */
import type { Pass } from './pass';
import { matchCase } from '../text/tokens';
import { MONTHS, WEEKDAYS } from '../language/dateWords';
import { datePhrases } from '../mentions/dates';

const MONTH_LIST = MONTHS.toLowerCase().split('|');
const WEEKDAY_LIST = WEEKDAYS.toLowerCase().split('|');
const MONTH = new RegExp(`\\b(?:${MONTHS})\\b`, 'i');
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
  if (month) out.month = MONTH_LIST.indexOf(month[0].toLowerCase());
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

/**
 * Does a draft's calendar phrase say the verified one's date ('same'), another ('differs'), or
 * something the verified phrase does not say ('unknown': "8 February" where the source says only
 * "February")? Only the parts both name are compared: "March" for "14 to 16 March" is the same.
 */
function compareCalendar(draft: Calendar, verified: Calendar): 'same' | 'differs' | 'unknown' {
  let common = 0;
  for (const k of ['weekday', 'month', 'year', 'days', 'part'] as const) {
    if (draft[k] === undefined || verified[k] === undefined) continue;
    if (draft[k] !== verified[k] && !(k === 'days' && withinDays(draft.days!, verified.days!))) return 'differs';
    common++;
  }
  if (!common) return 'unknown';
  for (const k of ['weekday', 'month', 'year', 'days'] as const) if (draft[k] !== undefined && verified[k] === undefined) return 'unknown';
  // "mid-March" for "14 to 16 March": a part of the month against its days is not compared.
  if (draft.part && verified.part === undefined) return 'unknown';
  return 'same';
}

/**
 * The date check: a date phrase in a sentence about a dated event ("the protests began in
 * early March") must be the verified phrase ("late March").
 */
export function checkDates({ masked, text, contexts, sheet, findings, confirmations, wordStarts: starts }: Pass): void {
  if (!sheet.dates.length) return;
  // The phrases in text order; each is then read in its sentence.
  let si = 0;
  for (const m of datePhrases(masked, starts.dateAnchors)) {
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
    const same = sheet.dates.filter((d) => isCalendar(d.text) === calendar);
    if (!same.length) continue;
    const from = ctx.tokenAt(start);
    const to = Math.max(from + 1, ctx.tokenAt(end));
    const ranked = same
      .map((d) => ({ d, w: ctx.phraseWeight(sheet.dateContext.get(d.id)!, from, to, undefined, sheet.contextWords) }))
      .sort((a, b) => b.w - a.w);
    const exact = ranked.find((r) => norm(r.d.text) === phrase && r.w > 0);
    if (exact) {
      confirmations.push({ start, end, factId: exact.d.id });
      continue;
    }
    let top = ranked[0];
    if (top.w < 0.35 || norm(top.d.text) === phrase) continue;
    if (calendar) {
      const said = calendarOf(m[0]);
      // The date of another of the story's events is that event's ("November 2019" in a line on
      // the last strike); a full date (a month with its days or year) is, whatever the context.
      const full = said.month !== undefined && (said.days !== undefined || said.year !== undefined);
      const other = ranked.find((r) => (r.w > 0 || full) && compareCalendar(said, calendarOf(r.d.text)) === 'same');
      if (other) {
        confirmations.push({ start, end, factId: other.d.id });
        continue;
      }
      // Among the events the context fits, the date is evidence: "October 2019" is a slip for the
      // event of November 2019, not for the one of 16 March.
      const fitting = ranked.filter((r) => r.w >= 0.35 && compareCalendar(said, calendarOf(r.d.text)) === 'differs');
      if (!fitting.length) continue;
      top = fitting.reduce((a, b) => (sharedParts(said, calendarOf(b.d.text)) > sharedParts(said, calendarOf(a.d.text)) ? b : a));
    }
    const draft = text.slice(start, end);
    // Month names are capitalised anyway; only a sentence-initial or upper-case phrase changes case.
    const fix = /^\p{Lu}/u.test(draft) && !isCalendar(draft.split(/[ -]/)[0]) ? matchCase(draft, top.d.text) : draft === draft.toUpperCase() && draft.length > 4 ? top.d.text.toUpperCase() : top.d.text;
    findings.push({
      start,
      end,
      ruleId: 'date-mismatch',
      severity: 'error',
      message: `Draft says ${draft} for when ${top.d.event}; verified: ${top.d.text}`,
      factId: top.d.id,
      verified: top.d.text,
      fixes: [{ title: `Replace with ${fix} (verified)`, edits: [{ start, end, text: fix }] }],
    });
  }
}
