/**
 * Date phrases as the draft writes them (`14 March`, `late March`, `last week`, `on Sunday`,
 * `three years ago`), tried only where a date word starts.
 */
import { isWordCode } from './figurePatterns';
import { qualifierBefore } from './numbers';
import { DATE_LEAD, DAYS_BEFORE, MONTH_ABBREVIATIONS, MONTH_PARTS, MONTHS, PERIODS, RELATIVE, SPAN_COUNTS, WEEKDAYS } from '../language/dateWords';

/**
 * A date phrase, tried only where one can start (sticky, see dateStarts): a global search
 * would try it at every word of every paragraph.
 */
export const DATE_RE = new RegExp(
  `\\b(?:${DAYS_BEFORE}|(?:${MONTH_PARTS.join('|')})[ -])?(?:${MONTHS})\\b(?:\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*(?:-|–|to)\\s*\\d{1,2}(?:st|nd|rd|th)?)?(?![\\d.,:]\\d|\\d))?(?:,?\\s+\\d{4}(?!\\d))?` +
    // "14 Sept", "Nov 19": an abbreviated month only beside its day.
    `|\\b(?:\\d{1,2}(?:st|nd|rd|th)?[ \\t]+(?:${MONTH_ABBREVIATIONS})|(?:${MONTH_ABBREVIATIONS})[ \\t]+\\d{1,2}(?:st|nd|rd|th)?(?![\\d.,:]\\d|\\d))(?![a-z])(?:,?[ \\t]+\\d{4}(?!\\d))?` +
    `|\\b(?:${WEEKDAYS})\\b|\\b(?:${RELATIVE.join('|')}) (?:${PERIODS.join('|')})\\b|\\b(?:${SPAN_COUNTS.join('|')}) (?:years?|months?|weeks?) (?:ago|earlier)\\b`,
  'iy',
);

/**
 * Where a date phrase may start, ascending: the word starts at most DATE_LEAD characters before
 * each anchor word (at `anchors`, ascending). Tried there in order, the sticky pattern finds the
 * same phrases as a global search of the whole text.
 */
export function dateStarts(text: string, anchors: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (const a of anchors) {
    for (let q = Math.max(next, a - DATE_LEAD); q <= a; q++) {
      if (isWordCode(text.charCodeAt(q)) && (q === 0 || !isWordCode(text.charCodeAt(q - 1)))) out.push(q);
    }
    next = a + 1;
  }
  return out;
}

/** The matches of DATE_RE in `text`, as a global search finds them, tried only at the dateStarts of `anchors`. */
export function datePhrases(text: string, anchors: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let after = 0;
  for (const at of dateStarts(text, anchors)) {
    if (at < after) continue;
    DATE_RE.lastIndex = at;
    const m = DATE_RE.exec(text);
    if (!m) continue;
    found.push(m);
    after = at + m[0].length;
  }
  return found;
}

/** A time of day: "9am", "2.30pm", "10:42 a.m.", "14:30". */
const TIME_RE = /\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.m\.|p\.m\.|am|pm)(?![\p{L}\p{N}])|\b([01]?\d|2[0-3]):([0-5]\d)(?![\d:.]\d)/giu;

/** A time of day the draft states: where, its minutes after midnight, and how it is written. */
export interface TimeMention {
  start: number;
  end: number;
  minutes: number;
  /** "am", "p.m." …, or "" for the 24-hour clock. */
  suffix: string;
  /** The mark between hours and minutes (":" or "."), "" when no minutes are written. */
  sep: string;
  /** Hours written with a leading zero ("09:00"). */
  padded: boolean;
  /**
   * How near the event its qualifier puts the time: "shortly after 4am" (the event
   * after, by half an hour at most), "around 9pm" (a quarter of an hour either way), "by noon"
   * (at or before, that day).
   */
  bound?: { side: 'after' | 'before' | 'either'; within: number };
}

/** A preposition of time before a clock time, perhaps with an adverb of nearness ("shortly after", "just before", "by"). */
const TIME_BOUND = /(?:^|[^\p{L}])((?:(?:just|shortly|not long|a little)\s+)?(after|past|before|by))\s+$/iu;

/** The bound a time's qualifier sets (see TimeMention.bound), or undefined for a time given as exact. */
function boundOf(text: string, start: number): TimeMention['bound'] {
  const before = text.slice(Math.max(0, start - 24), start);
  const t = TIME_BOUND.exec(before);
  if (t) {
    const near = t[1].length > t[2].length;
    const side = /^(?:after|past)$/i.test(t[2]) ? 'after' : 'before';
    // (A bare "after 3am" is true of any later time that day; "shortly after" of half an hour.)
    return { side, within: near ? 30 : 24 * 60 };
  }
  // The qualifiers of figures: "about 9pm", "nearly 11pm", "just over".
  const q = qualifierBefore(text, start);
  if (q.cls === 'none') return undefined;
  const side = q.cls === 'approx' ? 'either' : q.cls === 'lower' ? 'after' : 'before';
  return { side, within: q.cls === 'approx' || q.cls === 'approx-below' ? 15 : 30 };
}

/** Whether a time `said` under its bound is true of the event's time `verified` (both minutes after midnight). */
export function timeAgrees(said: TimeMention, verified: number): boolean {
  if (!said.bound) return said.minutes === verified;
  const d = verified - said.minutes;
  const { side, within } = said.bound;
  return side === 'either' ? Math.abs(d) <= within : side === 'after' ? d >= 0 && d <= within : d <= 0 && -d <= within;
}

/** Every time of day in `text`. */
export function timesOfDay(text: string): TimeMention[] {
  const out: TimeMention[] = [];
  TIME_RE.lastIndex = 0;
  for (let m = TIME_RE.exec(text); m; m = TIME_RE.exec(text)) {
    const twelve = m[1] !== undefined;
    const h = Number(twelve ? m[1] : m[4]);
    const min = Number((twelve ? m[2] : m[5]) ?? 0);
    if (twelve && (h < 1 || h > 12 || min > 59)) continue;
    const pm = twelve && /^p/i.test(m[3]);
    const hours = twelve ? (h % 12) + (pm ? 12 : 0) : h;
    const sep = twelve ? (m[2] !== undefined ? m[0][m[1].length] : '') : ':';
    out.push({ start: m.index, end: m.index + m[0].length, minutes: hours * 60 + min, suffix: twelve ? m[3] : '', sep, padded: (twelve ? m[1] : m[4]).length === 2 && (twelve ? m[1] : m[4])[0] === '0', bound: boundOf(text, m.index) });
  }
  return out;
}

/** A time (minutes after midnight) written as `like` is ("2.30pm" for 14:30 in the style of "3pm" is "2.30pm"). */
export function renderTime(minutes: number, like: TimeMention, text: string): string {
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  const mm = String(min).padStart(2, '0');
  if (!like.suffix) return `${like.padded ? String(h).padStart(2, '0') : h}:${mm}`;
  const said = text.slice(like.start, like.end);
  const space = /\d\s[ap]/i.test(said) ? ' ' : '';
  const pm = h >= 12;
  const suffix = like.suffix.replace(/[ap]/i, (c) => (pm ? (c === c.toUpperCase() ? 'P' : 'p') : c === c.toUpperCase() ? 'A' : 'a'));
  return `${h % 12 || 12}${min ? `${like.sep || (said.includes(':') ? ':' : '.')}${mm}` : ''}${space}${suffix}`;
}
