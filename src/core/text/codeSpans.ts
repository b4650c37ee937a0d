/**
 * Inline code spans, found in linear time: a run of backticks opens a span that the next run of
 * the same length closes (CommonMark). A run with no partner is literal text. A regular
 * expression with a back-reference backtracks on long runs of backticks; this does not.
 */
/** A blank line, with LF or CRLF line ends and maybe spaces on it. */
const BLANK_LINE = /\n[ \t]*\r?\n/g;

export function codeSpans(text: string): [number, number][] {
  // Every maximal run of backticks: [start, length].
  const runs: [number, number][] = [];
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) === 0x60) j++;
    runs.push([i, j - i]);
    i = j;
  }
  // From each run, the index of the next run of the same length (-1: none).
  const next = new Int32Array(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    next[r] = lastOfLength.get(runs[r][1]) ?? -1;
    lastOfLength.set(runs[r][1], r);
  }
  const spans: [number, number][] = [];
  let blank = -1; // the first blank line at or after the current run (found once per blank line)
  for (let r = 0; r < runs.length; r++) {
    const c = next[r];
    if (c < 0) continue;
    const start = runs[r][0];
    const end = runs[c][0] + runs[c][1];
    if (blank < start) {
      BLANK_LINE.lastIndex = start;
      blank = BLANK_LINE.exec(text)?.index ?? Infinity;
    }
    // A code span never crosses a blank line: the opening run is then literal.
    if (blank < end) continue;
    spans.push([start, end]);
    r = c;
  }
  return spans;
}
