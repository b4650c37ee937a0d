/**
 * Stage 4, rules: one file per rule family (figures, ratios, dates, names, titles, places, quotes,
 * misattribution). Each receives a Pass (below): the draft's sentences with their claims read
 * (claims/) and the compiled fact sheet (sheet/), and writes findings (with fixes as data,
 * `{start, end, text}`) and confirmations, which check.ts hands back to the caller and fixes/ applies.
 */
import type { CompiledSheet } from '../sheet/compile';
import type { SentenceContext } from '../claims/context';
import type { WordStarts } from '../mentions/wordStarts';
import type { Confirmation, Finding } from '../types';

/** What every check reads and where it writes: one draft, prepared once by `analyze`. */
export interface Pass {
  /** The draft as given (fixes and messages quote it). */
  text: string;
  /** The draft with never-checked regions blanked (same length). */
  masked: string;
  /** Its sentences, ready for context look-ups. */
  contexts: SentenceContext[];
  sheet: CompiledSheet;
  findings: Finding[];
  confirmations: Confirmation[];
  /** Where figures, number words and date phrases may start in `masked` (found once, shared by the checks). */
  wordStarts: WordStarts;
  /** The people named by the last sentence of the paragraphs before that names any (whom an opening "he" may stand for). */
  before: readonly string[];
  /** The paragraph is about another story (topic.ts): only the story's own names and quotes are checked in it. */
  aside: boolean;
}
