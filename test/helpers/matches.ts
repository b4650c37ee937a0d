/** Matches of patterns written as "index:text", the form the scan tests compare. */

/** A match as "index:text". */
export const shown = (m: RegExpExecArray): string => `${m.index}:${m[0]}`;

/**
 * Every match of the global pattern `re` in `text`, as a search from the start finds them;
 * a match at a place `accept` turns down is skipped and the search goes on from the next
 * character, as a failed look-behind would have it.
 */
export function globalMatches(re: RegExp, text: string, accept: (at: number) => boolean = () => true): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!accept(m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(shown(m));
  }
  return out;
}
