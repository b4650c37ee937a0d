/** The words of date phrases (mentions/dates.ts), apart so the scan for where phrases start (mentions/wordStarts.ts) can read them. */
/** Month names and weekdays come from the runtime's own English calendar (Intl), not from a list of ours. */
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, i, 15))));
/** January|February|…|December. */
export const MONTHS = MONTH_NAMES.join('|');
/** Month abbreviations, the long names' first three letters and "Sept": Jan|Feb|…|Sep|Sept|…|Dec. */
export const MONTH_ABBREVIATIONS = [...new Set([...MONTH_NAMES.map((m) => m.slice(0, 3)), 'Sept'])].join('|');
/** Months as a pattern that also takes their abbreviations ("Jan", "Sept", "Dec."). */
export const MONTH_OR_ABBREVIATION = `${MONTHS}|${MONTH_ABBREVIATIONS}`;
/** Monday|Tuesday|…|Sunday. */
export const WEEKDAYS = Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 3 + i)))).join('|');
/** What may stand before a month ("late March"), before a period ("last year") and before a span ("two weeks ago"). */
export const MONTH_PARTS = ['early', 'mid', 'late', 'the end of', 'the beginning of', 'the start of', 'the middle of', 'the first half of', 'the second half of'];
export const RELATIVE = ['last', 'this', 'next', 'the previous', 'the past', 'earlier this', 'late last', 'early last', 'the same'];
export const PERIODS = ['year', 'month', 'week', 'spring', 'summer', 'autumn', 'fall', 'winter'];
export const SPAN_COUNTS = ['a', 'one', 'two', 'three', 'four', 'five', 'several'];
/**
 * Every date phrase has one of these words (a month, a period, a span), as a whole word
 * (letters between \b and \b, in any case), and it starts at most DATE_LEAD characters before it.
 */
export const DATE_ANCHORS: readonly string[] = [...MONTH_OR_ABBREVIATION.toLowerCase().split('|'), ...WEEKDAYS.toLowerCase().split('|'), ...PERIODS, 'years', 'months', 'weeks'];
/** Days before a month: "14 ", "14th to 16th of ". */
export const DAYS_BEFORE = '(?:\\d{1,2}(?:st|nd|rd|th)?(?:\\s*(?:-|–|to|and|until)\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?)';
export const DATE_LEAD = Math.max('14th until 16th of '.length, ...[...MONTH_PARTS, ...RELATIVE, ...SPAN_COUNTS].map((w) => w.length + 1));
