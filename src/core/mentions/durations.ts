/**
 * Durations as the draft (or a sheet's `text`) writes them: one figure and a unit of time ("7.5
 * years", "seven and a half years", "90 months"), or two joined in falling units ("seven years
 * and six months", "2 years, 3 months"). A duration is read from the figure that opens it.
 */
import { findMentions, type Mention } from './numbers';

/** The units a duration is told in (a sheet's `unit`), by their length in days; a month is a twelfth of a year. */
export const TIME_UNITS: Readonly<Record<string, number>> = { years: 365.25, months: 365.25 / 12, weeks: 7, days: 1, hours: 1 / 24, minutes: 1 / 1440 };

/** A unit of time right after a figure ("years", "-month", " days"). */
const UNIT_AFTER = /^(?:\s+|-)(year|month|week|day|hour|minute)s?\b/i;
/** What joins the parts of a duration: "and", a comma. */
const JOIN = /^(?:\s*,\s*|\s+)(?:and\s+)?/;
/** The first part of a duration right before a figure: "seven years and ", "2 years, ", "three hours and ". */
const PART_BEFORE = /(?:\d|\p{L})(?:\s+|-)(?:year|month|week|day|hour)s?(?:\s*,\s*|\s+)(?:and\s+)?$/iu;

/** A duration the draft states, in days, from the start of its first figure to the end of its last unit. */
export interface Duration {
  /** The whole duration, qualifier included ("more than seven years and six months"). */
  start: number;
  end: number;
  days: number;
  /** Half the place value of its last part, in days ("six months" → a month; "7.5 years" → a tenth of a year). */
  precisionDays: number;
  /** The unit of its first part, plural ("years"). */
  unit: string;
  /** How many figures it is told in (1 or 2). */
  parts: number;
}

const unitOf = (word: string) => `${word.toLowerCase()}s`;

/** The duration that the figure `m` of `text` opens, if a unit of time follows it. */
export function durationAt(text: string, m: Mention): Duration | undefined {
  if (m.kind !== 'count') return undefined;
  const u = UNIT_AFTER.exec(text.slice(m.end, m.end + 12));
  if (!u) return undefined;
  const unit = unitOf(u[1]);
  let end = m.end + u[0].length;
  let days = m.value * TIME_UNITS[unit];
  let precisionDays = m.precision * TIME_UNITS[unit];
  let parts = 1;
  // A second, smaller part: "… and six months".
  const join = JOIN.exec(text.slice(end, end + 8));
  if (join) {
    const rest = text.slice(end + join[0].length, end + join[0].length + 40);
    const next = findMentions(rest)[0];
    const u2 = next && next.start === 0 && next.qualifier === 'none' ? UNIT_AFTER.exec(rest.slice(next.end, next.end + 12)) : null;
    if (next && u2 && TIME_UNITS[unitOf(u2[1])] < TIME_UNITS[unit]) {
      const unit2 = unitOf(u2[1]);
      days += next.value * TIME_UNITS[unit2];
      precisionDays = next.precision * TIME_UNITS[unit2];
      end += join[0].length + next.end + u2[0].length;
      parts = 2;
    }
  }
  return { start: m.start, end, days, precisionDays, unit, parts };
}

/** Is the figure `m` the second part of a duration ("six" in "seven years and six months")? */
export function isDurationTail(text: string, m: Mention): boolean {
  return m.kind === 'count' && m.qualifier === 'none' && UNIT_AFTER.test(text.slice(m.end, m.end + 12)) && PART_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start));
}

/**
 * Does a duration read as `read` say the sheet's `value`? A sheet may round its value to two
 * decimals: "two hours and 20 minutes" is 2.33 hours.
 */
export function saysSheetValue(read: number, value: number): boolean {
  return Math.abs(read - value) <= Math.max(1e-9 * Math.max(1, value), 0.005 + 1e-9);
}

/** The duration a sheet's `text` states, in `unit` ("seven years and six months" → 7.5 in years), if it reads as one. */
export function durationValue(text: string, unit: string): number | undefined {
  const size = TIME_UNITS[unit];
  if (!size) return undefined;
  for (const m of findMentions(text)) {
    const d = durationAt(text, m);
    if (d) return d.days / size;
  }
  return undefined;
}
