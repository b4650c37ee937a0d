/**
 * Word stems: what lets a context word match its inflections ("borrow" → "borrowed",
 * "analyst" → "analysts", "cancel" → "cancellations"). The stemmer is Porter2 from
 * wink-porter2-stemmer (the English Snowball stemmer); compared with a lemmatizer it needs no
 * part of speech, and it folds derivations too ("cancel", "cancelled", "cancellations"). Irregular
 * verb forms are first taken to their base form ("broke out" matches "break out") from
 * wink-lexicon's table of irregular verbs, the one file of that lexicon loaded.
 */
import stem from 'wink-porter2-stemmer';
// WordNet-derived table of English irregular verb forms ("broke" → "break", "began" → "begin",
// "held" → "hold"), which no suffix-stripping stemmer can fold.
import irregularVerbs from 'wink-lexicon/src/irregular-verbs.js';

const memo = new Map<string, string>();
const MEMO_MAX = 50_000;

/** The stem of one word part, through its base form if it is an irregular verb form. */
function stemOf(word: string): string {
  return stem(Object.prototype.hasOwnProperty.call(irregularVerbs, word) ? irregularVerbs[word] : word);
}

/** Whether a normalised word is an irregular verb form ("lost", "held"), by wink-lexicon's table. */
export function isIrregularVerbForm(norm: string): boolean {
  return Object.prototype.hasOwnProperty.call(irregularVerbs, norm);
}

/** The stem of a normalised (lower-case) word; words with digits or of fewer than three letters are kept as they are. */
export function lemmaOf(norm: string): string {
  let s = memo.get(norm);
  if (s === undefined) {
    s = norm.length < 3 || /[\d.]/.test(norm) ? norm : norm.includes('-') ? norm.split('-').map((p) => (p.length < 3 ? p : stemOf(p))).join('-') : stemOf(norm);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(norm, s);
  }
  return s;
}

/** The stems of a phrase's normalised words. */
export function lemmasOf(words: readonly string[]): string[] {
  return words.map(lemmaOf);
}

const plainMemo = new Map<string, string>();
/**
 * The suffix-stripping stem alone, with no irregular forms ("sentences" → "sentenc", "met" stays
 * "met"): for the words that name an event, where "met" is not a "meeting".
 */
export function inflectionStem(norm: string): string {
  let s = plainMemo.get(norm);
  if (s === undefined) {
    s = norm.length < 3 || /[\d.]/.test(norm) ? norm : stem(norm);
    if (plainMemo.size >= MEMO_MAX) plainMemo.clear();
    plainMemo.set(norm, s);
  }
  return s;
}
