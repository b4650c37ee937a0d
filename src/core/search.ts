/**
 * The first index in [0, count) for which `below(i)` is false, given that `below` is true for a
 * prefix of the indexes and false after it (a binary search over any sorted sequence).
 */
export function lowerBound(count: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `list.sort(compare)`, but a list already in order (the usual case for what a left-to-right
 * scan collects) is only read: a sort copies the list into scratch space even then.
 */
export function sorted<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return list.sort(compare);
  return list;
}
