/**
 * Dates: receives the cited sentences and proposes each date phrase (a weekday, a day and month or
 * a range of days, a month and year, a year range, "last year") as a date fact, with the words
 * before it as its event and context; also where the phrases stand, so their days are no figures.
 */
import type { DateFact } from '../types';
import { MONTHS, WEEKDAYS, STOP_CAPS, lower } from './lexicon';
import { slug, type IdMaker } from './ids';
import type { Src } from './model';
import { renderTime, timesOfDay, type TimeMention } from '../mentions/dates';

const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
/** A relative period ("last year"), with the kind of period it counts in. */
const PERIOD = '(?:last|next|this|the past|the previous|earlier this|later this) (year|month|week|weekend|season|spring|summer|autumn|fall|winter|decade)';
const RELATIVE = new RegExp(`^${PERIOD}$`);
const RELATIVE_ALL = new RegExp(`\\b${PERIOD}\\b`, 'g');

/** Dates: a weekday, a day and month (or a range of days: "14 to 16 March"), a month and year, a year range, "last year". */
const DATE_RE = new RegExp(
  [
    // "Friday 22 November": one date, its weekday and its day.
    `(?:${WEEKDAYS}),? ${DAY} (?:${MONTHS})(?: \\d{4})?`,
    `(?:(?:by|until|before|since) )?(?:(?:early|late|mid)[ -](?:on )?)?(?:${WEEKDAYS})(?: (?:morning|afternoon|evening|night))?`,
    `${DAY}(?: ?(?:-|–|to|and|until) ?${DAY})? (?:${MONTHS})(?: \\d{4})?`,
    `(?:${MONTHS}) ${DAY}(?: ?(?:-|–|to|and|until) ?${DAY})?(?:,? \\d{4})?`,
    `(?:(?:early|late|mid)[ -])?(?:${MONTHS})(?: \\d{4})?`,
    `between (?:1[89]|20)\\d\\d and (?:1[89]|20)\\d\\d`,
    PERIOD,
  ].map((p) => `(?:${p})(?![A-Za-z0-9])`).join('|'),
  'g',
);

/**
 * The time of day written right beside a date ("at 4.30pm on Friday 22 November", "on Tuesday at
 * 4.45pm"), as 24-hour "HH:MM": the time of its event.
 */
function timeBeside(times: readonly TimeMention[], body: string, start: number, end: number): string | undefined {
  const near = times.filter((t) => (t.end <= start && /^[ \t]*(?:on[ \t]+)?$/i.test(body.slice(t.end, start))) || (t.start >= end && /^[ \t]*,?[ \t]*at[ \t]+$/i.test(body.slice(end, t.start))));
  // (The sheet's form of a time: the 24-hour clock, hours padded.)
  return near.length === 1 ? renderTime(near[0].minutes, { ...near[0], suffix: '', padded: true }, body) : undefined;
}

/** A date phrase that opens with its weekday before its day ("Friday 22 November"). */
const WEEKDAY_WITH_DAY = new RegExp(`^(?:${WEEKDAYS}),? \\d`);

/** Words between two dates that say no event of their own ("and by a further 8% in …"). */
const CONTEXT_FREE = new Set(['further', 'again', 'another', 'then', 'later', 'also']);

/**
 * The date phrases of each sentence, as dates of what the words before them say happened, and
 * where they stand (a day inside a date is no figure; a year is).
 */
export function findDates(text: string, masked: string, srcs: Src[], nextId: IdMaker): { dates: DateFact[]; dateSpans: [number, number][] } {
  const dates: DateFact[] = [];
  const dateSpans: [number, number][] = [];
  // A word in many of the article's sentences ("school" in a story about a school) ties a draft's
  // date to any event: it is no context of one.
  const sentencesWith = new Map<string, number>();
  for (const src of srcs) for (const w of new Set(src.sentence.tokens.map((t) => t.norm))) sentencesWith.set(w, (sentencesWith.get(w) ?? 0) + 1);
  const common = (w: string) => (sentencesWith.get(w) ?? 0) > Math.max(3, 0.3 * srcs.length);
  for (const src of srcs) {
    const s = src.sentence;
    const body = masked.slice(s.start, s.end);
    let times: TimeMention[] | undefined;
    DATE_RE.lastIndex = 0;
    let prev: { end: number; event: string } | undefined;
    for (let m = DATE_RE.exec(body); m; m = DATE_RE.exec(body)) {
      if (m.index > 0 && /[\p{L}\p{N}]/u.test(body[m.index - 1])) continue;
      const at = s.start + m.index;
      const dtext = text.slice(at, at + m[0].length);
      if (!src.text.includes(dtext)) continue;
      dateSpans.push([at, at + m[0].length]);
      const before = s.tokens.filter((t) => t.end <= at).slice(-8).map((t) => t.text);
      while (before.length && /^(?:in|on|at|by|the|of|since|until|before|for)$/i.test(before[before.length - 1])) before.pop();
      const context = [...new Set(before.map((w) => lower(w)).filter((w) => w.length > 3 && !STOP_CAPS.has(w) && !common(w)))].slice(-6);
      // What happened is said before the sentence's previous date, when this one is joined to it ("rose
      // 12% in May and a further 8% in June": the rise, not "May and a further 8"); the context keeps
      // the words of both, which tie a draft's dates of the same clause.
      const own = s.tokens.filter((t) => t.end <= at && (!prev || t.start >= prev.end) && /\p{L}/u.test(t.text)).map((t) => t.text);
      const joined = !!prev && /^[\s,]*(?:and|or|to|until)\b/i.test(text.slice(prev.end, at)) && !own.some((w) => w.length > 3 && !STOP_CAPS.has(lower(w)) && !CONTEXT_FREE.has(lower(w)));
      const event = (joined ? prev!.event : before.join(' ')) || `what the sentence dates`;
      const ctx = context.length ? context : [slug(dtext, 2)];
      const time = timeBeside((times ??= timesOfDay(body)), body, m.index, m.index + m[0].length);
      const weekday = WEEKDAY_WITH_DAY.test(dtext) ? dtext.split(/[ ,]/)[0] : undefined;
      // "paying CRR this year, up from €41 million last year": two periods of one kind in a
      // sentence are told apart only by their figures, which say it; as events they would tie
      // every "this year" of a draft to the sentence's other.
      const period = RELATIVE.exec(dtext)?.[1];
      if (period && [...body.matchAll(RELATIVE_ALL)].filter((r) => r[1] === period).length > 1) continue;
      dates.push({ id: nextId(`date-${slug(dtext)}`), text: dtext, event, context: ctx, ...(weekday ? { weekday } : {}), ...(time ? { time } : {}), source: src.text });
      prev = { end: at + m[0].length, event };
    }
  }
  return { dates, dateSpans };
}
