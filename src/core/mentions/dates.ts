/**
 * Date phrases as the draft writes them (`14 March`, `late March`, `last week`, `on Sunday`,
 * `three years ago`), tried only where a date word starts.
 */
import { isWordCode } from './figurePatterns';
import { DATE_LEAD, DAYS_BEFORE, MONTH_PARTS, MONTHS, PERIODS, RELATIVE, SPAN_COUNTS, WEEKDAYS } from '../language/dateWords';

/**
 * A date phrase, tried only where one can start (sticky, see dateStarts): a global search
 * would try it at every word of every paragraph.
 */
export const DATE_RE = new RegExp(
  `\\b(?:${DAYS_BEFORE}|(?:${MONTH_PARTS.join('|')})[ -])?(?:${MONTHS})\\b(?:\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*(?:-|–|to)\\s*\\d{1,2}(?:st|nd|rd|th)?)?(?![\\d.,:]\\d|\\d))?(?:,?\\s+\\d{4}(?!\\d))?` +
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
