/**
 * Masking: the regions of a Markdown or plain-text draft that are never checked (front matter,
 * code, HTML, link targets, URLs, table alignment rows), blanked to spaces so offsets and lines
 * stay those of the draft.
 */
import { codeSpans } from './codeSpans';
import { lowerBound } from '../search';

/**
 * Returns `text` with every region that must never be checked blanked to spaces (newlines kept,
 * so offsets and lines are unchanged): front matter, fenced code, inline code, HTML comments and
 * tags, link and image targets, reference definitions, URLs and table alignment rows. Plain text
 * (markdown false) only loses URLs and e-mail addresses.
 */
export function maskText(text: string, markdown = true): string {
  return maskSlice(text, maskRanges(text, markdown), 0, text.length);
}

/**
 * The regions {@link maskText} blanks, as sorted, disjoint [start, end, start, end, …] offsets.
 * A check masks paragraph by paragraph from these: a masked copy of a whole long draft is one
 * more large string to allocate and copy on every check.
 */
export function maskRanges(text: string, markdown = true): number[] {
  const ranges: number[] = [];
  const blankRange = (start: number, end: number) => {
    if (end > start) ranges.push(start, end);
  };
  const sweep = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else blankRange(m.index, m.index + m[0].length);
    }
  };
  if (markdown) {
    // YAML front matter at the very top.
    const fm = FRONT_MATTER.exec(text);
    if (fm) blankRange(0, fm[0].length);
    // Fenced code blocks (an unclosed fence runs to the end, as in CommonMark).
    if (text.includes('```') || text.includes('~~~')) {
      const fence = FENCE;
      fence.lastIndex = 0;
      for (let m = fence.exec(text); m; m = fence.exec(text)) {
        const marker = m[1];
        const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
        close.lastIndex = m.index + m[0].length;
        const c = close.exec(text);
        const end = c ? c.index + c[0].length : text.length;
        blankRange(m.index, end);
        fence.lastIndex = end;
      }
    }
    if (text.includes('<!--')) sweep(HTML_COMMENT);
    // Inline code: a run of backticks closed by a run of the same length.
    if (text.includes('`')) for (const [s, e] of codeSpans(text)) blankRange(s, e);
    // Link and image targets: ](target "title")
    if (text.includes('](')) {
      const link = LINK_TARGET;
      link.lastIndex = 0;
      for (let m = link.exec(text); m; m = link.exec(text)) blankRange(m.index + 2, m.index + m[0].length - 1);
    }
    if (text.includes(']:')) sweep(REFERENCE_DEFINITION);
    if (text.includes('<')) {
      sweep(AUTOLINK);
      sweep(HTML_TAG);
    }
    if (text.includes('-')) sweep(TABLE_ALIGNMENT);
  }
  // Bare URLs and e-mail addresses (the e-mail branch can only match where there is an @).
  const url = text.includes('@') ? URL_OR_EMAIL : URL_ONLY;
  url.lastIndex = 0;
  for (let m = url.exec(text); m; m = url.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index && TRAILING_PUNCT.test(text[end - 1])) end--;
    blankRange(m.index, end);
  }
  if (!ranges.length) return ranges;
  // Sort the regions by start and merge overlaps.
  const order: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) order.push(i);
  order.sort((a, b) => ranges[a] - ranges[b]);
  const merged: number[] = [];
  for (const i of order) {
    const s = ranges[i];
    const e = ranges[i + 1];
    if (merged.length && s <= merged[merged.length - 1]) {
      if (e > merged[merged.length - 1]) merged[merged.length - 1] = e;
    } else merged.push(s, e);
  }
  return merged;
}

/** Index in `ranges` (from {@link maskRanges}) of the first region that ends after `from`. */
function firstRegionAfter(ranges: readonly number[], from: number): number {
  return 2 * lowerBound(ranges.length >> 1, (j) => ranges[2 * j + 1] <= from);
}

/** `text.slice(from, to)` with the regions `ranges` (from {@link maskRanges}) blanked, line breaks kept. */
export function maskSlice(text: string, ranges: readonly number[], from: number, to: number): string {
  if (!masksAny(ranges, from, to)) return text.slice(from, to);
  let k = firstRegionAfter(ranges, from);
  let out = '';
  let at = from;
  for (; k < ranges.length && ranges[k] < to; k += 2) {
    const s = Math.max(ranges[k], from);
    const e = Math.min(ranges[k + 1], to);
    out += text.slice(at, s) + text.slice(s, e).replace(LINE_CONTENT, blanks);
    at = e;
  }
  return out + text.slice(at, to);
}

/** Whether a region of `ranges` (from {@link maskRanges}) overlaps [from, to). */
export function masksAny(ranges: readonly number[], from: number, to: number): boolean {
  const k = firstRegionAfter(ranges, from);
  return k < ranges.length && ranges[k] < to;
}

/** YAML front matter at the very top of a draft; group 1 is its body. */
export const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FENCE = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n/gm; // (?!`): no backtracking into a long run
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const LINK_TARGET = /\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(\s+(?:"[^"]*"|'[^']*'))?\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;
const AUTOLINK = /<(?:https?|mailto|ftp):[^\s>]*>/gi;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const TABLE_ALIGNMENT = /^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$/gm;
const URL_OR_EMAIL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'“”‘’)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const URL_ONLY = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'“”‘’)\]]+/gi;
const TRAILING_PUNCT = /[.,;:!?]/;
/** A run of characters between line breaks, and as many spaces (one replacement per line, not per character). */
const LINE_CONTENT = /[^\n\r]+/g;
const blanks = (run: string) => ' '.repeat(run.length);
