/**
 * Stage 3, claims: the words that say who says something, one reader for figures and quotes
 * alike. Verbs are matched by stem, so every inflection reads the same ("said", "says",
 * "telling", "acknowledges", "documented", "wrote"): a verb of saying attributes a quote
 * (attribution.ts) and a figure (context.ts); a verb of reporting a number ("counted",
 * "published") only a figure. Also the prepositions that name a source ("by", "from", "per",
 * "according to").
 */
import { lemmaOf } from '../language/lemma';

// Base forms only: lemmaOf folds inflections and irregular forms (told, wrote, spoke).
// "state" and "term" are left out: as nouns they follow names too often ("Iran state media").
const SAYING =
  'say tell call describe warn add insist declare write post note argue claim characterise characterize speak dub label hail brand promise vow ' +
  'announce explain stress emphasise emphasize urge reply answer concede suggest acknowledge admit confirm';
/** Verbs that give a figure but not words: one reports, counts or publishes a number, not a quote. */
const COUNTING = 'report estimate count record document put publish verify';
const stems = (words: string) => words.split(' ').map(lemmaOf);
const SAYING_STEMS = new Set(stems(SAYING));
const REPORTING_STEMS = new Set([...SAYING_STEMS, ...stems(COUNTING)]);

/** Verbs of saying, in any form, which put words in a speaker's mouth: `SPEECH.has(norm)`. */
export const SPEECH = { has: (norm: string): boolean => SAYING_STEMS.has(lemmaOf(norm)) };
/** Verbs of saying or of reporting a number, in any form, which give a figure its source: `REPORTING.has(norm)`. */
export const REPORTING = { has: (norm: string): boolean => REPORTING_STEMS.has(lemmaOf(norm)) };

/** Words before a name that make it the source of what precedes or follows: "by X", "from X", "per X", "according to X". */
export const SOURCE_WORDS = new Set(['by', 'from', 'per', 'according']);
