/**
 * Spelling: how far two words are apart, and which differences are slips of a name rather than
 * another word (transliteration variants, a swapped pair of letters, a doubled final letter; not a
 * derived form such as `Iranian`).
 */

/** Endings that derive a word from a name (`Iran` → `Iranian`, `Oman` → `Omani`): a derived form, not a misspelling. */
export const SUFFIXES = ['s', 'i', 'is', 'ian', 'ians', 'n', 'ns', 'an', 'ans', 'ese', 'ite', 'ites', 'er', 'ers'];

/** Whether a lower-case word is formed from a place's name by a deriving ending ("iranian", "chinese" of "china", "omani"). */
export function derivedFrom(word: string, name: string): boolean {
  const stem = name.replace(/[aeiouy]$/, '');
  return SUFFIXES.some((x) => word === name + x || (stem !== name && word === stem + x));
}

/** Damerau–Levenshtein distance (optimal string alignment), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length];
}

/**
 * A spelling skeleton that folds transliteration variants: gh/q/kh/ck/c→k, wh→w, ph→f, ee/y→i,
 * doubles, and a final v, w or ff after a vowel (the -ov, -ow, -off of one Slavic ending).
 */
export function skeleton(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ch/g, '\u0001')
    .replace(/wh/g, 'w')
    .replace(/ph/g, 'f')
    .replace(/gh|kh|ck|q/g, 'k')
    .replace(/c(?![eiy])/g, 'k')
    .replace(/\u0001/g, 'ch')
    .replace(/ee/g, 'i')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/(?<=[aeiou])[vw]$/, 'f');
}

/** Is `cand` a near miss of the verified name word `name` (both lower-case)? */
export function nearMiss(cand: string, name: string): boolean {
  if (cand === name || cand.length < 3) return false;
  // A derived form ("Omani", "Iranian") is not a misspelling; a doubled or dropped final letter is ("Penn", "Pen").
  for (const s of SUFFIXES) {
    if (cand === name + s && s[0] !== name[name.length - 1]) return false;
    if (name === cand + s && s[0] !== cand[cand.length - 1]) return false;
  }
  if (name.length >= 4 && skeleton(cand) === skeleton(name)) return true;
  if (cand[0] !== name[0]) return false;
  const d = editDistance(cand, name, 2);
  return (d === 1 && name.length >= 6) || (d === 2 && name.length >= 9);
}

/** Is `a` the word `b` with two neighbouring letters swapped? */
export function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
