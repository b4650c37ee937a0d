/**
 * English closed-class words that end a verb group: prepositions (each opens a phrase of its
 * own: "talks with officials in Washington" places the officials, not the talks), conjunctions
 * and relative words (each opens another clause). A closed class, complete as it stands; open
 * classes (verbs, nouns) come from the libraries in lemma.ts.
 */
const WORDS =
  'about above across after against along among around as at before behind below beside between beyond by despite during except for from in inside into like near of off on onto out outside over past per since than through throughout till to toward towards under until up upon via with within without ' +
  'and but or nor so yet because although though while whereas if unless whether that which who whom whose where when';

/** Prepositions, conjunctions and relative words (normalised, lower case). */
export const PHRASE_OPENERS: ReadonlySet<string> = new Set(WORDS.split(' '));
