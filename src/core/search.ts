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
