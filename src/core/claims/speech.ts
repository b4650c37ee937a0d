/**
 * Stage 3, claims: the words that say who says something, one reader for figures and quotes
 * alike. Verbs are read in every inflection ("said", "says", "telling", "acknowledges",
 * "documented", "wrote"), made from their base forms: a verb of saying attributes a quote
 * (attribution.ts) and a figure (context.ts); a verb of reporting a number ("counted",
 * "published") only a figure. Also the prepositions that name a source ("by", "from", "per",
 * "according to").
 */
import irregularVerbs from 'wink-lexicon/src/irregular-verbs.js';

// Base forms; formsOf below makes their inflections. "state" and "term" are left out (as nouns
// they follow names too often: "Iran state media"); "stated" is added as a form of its own.
const SAYING =
  'say tell call describe warn add insist declare write post note argue claim characterise characterize speak dub label hail brand promise vow ' +
  'announce explain stress emphasise emphasize urge reply answer concede suggest acknowledge admit confirm';
/**
 * Verbs that give a figure but not words: one reports, counts or publishes a number, not a quote;
 * or forecasts one ("the ministry expects prices to rise 3%", "the bank sees growth of 2%").
 */
const COUNTING = 'report estimate count record document put publish verify expect forecast predict project reckon calculate see';
/**
 * Every form of the base verbs, built by English spelling rules (says, said, saying; describes,
 * described, describing; admits, admitted, admitting; hails; vows) and, for irregular verbs,
 * from wink-lexicon's table (told, wrote, spoke, put). Exact forms, not stems: a stem would
 * fold nouns in too ("suggestion", "announcement").
 */
function formsOf(bases: string): Set<string> {
  const out = new Set<string>();
  const irregular = new Map<string, string[]>();
  for (const [form, base] of Object.entries(irregularVerbs)) irregular.set(base, [...(irregular.get(base) ?? []), form]);
  for (const b of bases.split(' ')) {
    const stemE = b.endsWith('e') ? b.slice(0, -1) : b;
    const y = /[^aeiou]y$/.test(b) ? b.slice(0, -1) : undefined;
    const doubled = /[^aeiou][aeiou][bdglmnprt]$/.test(b) ? b + b[b.length - 1] : undefined;
    out.add(b);
    out.add(/(?:s|sh|ch|x|z)$/.test(b) ? `${b}es` : y ? `${y}ies` : `${b}s`);
    out.add(y ? `${y}ied` : `${stemE}ed`);
    out.add(`${stemE}ing`);
    if (doubled) out.add(`${doubled}ed`).add(`${doubled}ing`);
    for (const f of irregular.get(b) ?? []) out.add(f);
  }
  return out;
}
const SAYING_FORMS = formsOf(SAYING);
const REPORTING_FORMS = new Set([...SAYING_FORMS, ...formsOf(COUNTING), 'stated']);

/** Verbs of saying, in any form, which put words in a speaker's mouth: `SPEECH.has(norm)`. */
export const SPEECH: ReadonlySet<string> = new Set([...SAYING_FORMS, 'stated']);
/** Verbs of saying or of reporting a number, in any form, which give a figure its source: `REPORTING.has(norm)`. */
export const REPORTING: ReadonlySet<string> = REPORTING_FORMS;

/** Words before a name that make it the source of what precedes or follows: "by X", "from X", "per X", "according to X". */
export const SOURCE_WORDS = new Set(['by', 'from', 'per', 'according']);
