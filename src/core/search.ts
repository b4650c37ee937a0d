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
 * `list.sort(compare)` (stable, in place), but a list already in order (the usual case for what
 * a left-to-right scan collects) is only read, and a short one is sorted by insertion: the
 * built-in sort copies the list into scratch space, even when it is in order.
 */
export function sorted<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  let i = 1;
  while (i < list.length && compare(list[i - 1], list[i]) <= 0) i++;
  if (i >= list.length) return list;
  if (list.length > INSERTION_MAX) return list.sort(compare);
  for (; i < list.length; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], x) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}
const INSERTION_MAX = 16;
