/**
 * Public data types of the checking core. Everything here is plain data: the core
 * never touches the editor or the file system.
 */

/** Stable rule ids; `diagnostic.code` in the editor and `code` in the CLI's JSON. */
export type RuleId =
  | 'number-mismatch'
  | 'date-mismatch'
  | 'name-mismatch'
  | 'role-mismatch'
  | 'place-mismatch'
  | 'quote-mismatch'
  | 'quote-misattributed'
  | 'quote-unverified';

/** Every rule id, in the order the README documents them. */
export const RULE_IDS: readonly RuleId[] = [
  'number-mismatch',
  'date-mismatch',
  'name-mismatch',
  'role-mismatch',
  'place-mismatch',
  'quote-mismatch',
  'quote-misattributed',
  'quote-unverified',
];

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Default severity of each rule; unverified quotes are a warning, divergences are errors. */
export const DEFAULT_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  'number-mismatch': 'error',
  'date-mismatch': 'error',
  'name-mismatch': 'error',
  'role-mismatch': 'error',
  'place-mismatch': 'error',
  'quote-mismatch': 'error',
  'quote-misattributed': 'error',
  'quote-unverified': 'warning',
};

/** One text replacement, in UTF-16 offsets of the checked text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A fix described as data: a title for menus and the edits that apply it. */
export interface Fix {
  title: string;
  edits: Edit[];
}

/** One divergence between the draft and the verified facts. */
export interface Finding {
  /** UTF-16 offset of the first flagged character. */
  start: number;
  /** UTF-16 offset just past the last flagged character. */
  end: number;
  ruleId: RuleId;
  severity: Severity;
  /** One line that states the draft's wording and the verified one. */
  message: string;
  /** Id of the fact this finding refers to (see {@link FactSheet}). */
  factId: string;
  /** The verified wording, for hovers (e.g. `1,204`, `Ana Ruiz`, `not for sale`). */
  verified: string;
  /** Fixes, best first; the first one is the preferred fix. May be empty. */
  fixes: Fix[];
}

/** A span of the draft that agrees with a verified fact (for "verified" hovers). */
export interface Confirmation {
  start: number;
  end: number;
  factId: string;
}

/** Options of {@link check}. */
export interface CheckOptions {
  /** Severity override per rule. */
  severities?: Partial<Record<RuleId, Severity>>;
  /** Report quotes that are not in the verified facts (default true). */
  reportUnverifiedQuotes?: boolean;
  /** Treat the text as Markdown (default true); plain text still skips URLs. */
  markdown?: boolean;
  /**
   * Reuse the analysis of paragraphs already seen with the same sheet object (default true):
   * a re-check after an edit then redoes only the edited paragraph.
   */
  cache?: boolean;
  /**
   * The story's verified texts (its article, then its documents), as loaded with the sheet. A
   * draft's figure that one of them gives outside any fact's cited sentence, counting the same
   * noun, is not flagged as another fact's misstatement unless more than that noun (or its
   * reporter, or another source's same figure) ties it to that fact.
   */
  sources?: readonly string[];
}

// ---------------------------------------------------------------------------
// The fact sheet (reference/facts.json; schema in reference/facts.schema.json)
// ---------------------------------------------------------------------------

export type EntityType = 'person' | 'organisation' | 'body' | 'outlet' | 'channel' | 'place' | 'product';

/** Every entity type, in the order the README documents them (the validator and the schema list the same). */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'body', 'outlet', 'channel', 'place', 'product'];

/** A title bound to a person, e.g. "finance minister" qualified by "Brazilian". */
export interface Role {
  title: string;
  /** Words that may stand before the title and keep it this office ("Brazilian", "Brazil's"). */
  qualifiers?: string[];
  /** Only treat the title as this office when one of the qualifiers precedes it. */
  requireQualifier?: boolean;
}

/** A person, organisation, body, outlet, channel, place or product named in the story. */
export interface Entity {
  id: string;
  type: EntityType;
  /** Verified full spelling. */
  name: string;
  /** Other verified proper forms: surname alone, acronym, long form. */
  aliases?: string[];
  /** Common-noun references used to recognise a reporter or speaker ("authorities"). */
  mentions?: string[];
  roles?: Role[];
  /** Entity id of the organisation this person speaks for (its chief executive, spokesperson, chair). */
  speaksFor?: string;
  /** Id of the story document (`story.documents`) its source cites; without it, the article. */
  document?: string;
  source: string;
}

/**
 * What a figure is: `duration` is a span of time in `unit` ("seven years and six months": 7.5
 * years); `ratio` a relative risk, a relative change or a change in percentage points (`ratioOf`).
 */
export type FigureKind = 'count' | 'money' | 'share' | 'year' | 'duration' | 'ratio';
/**
 * What a `ratio` figure's value is: `relative-risk` the ratio itself (0.60: "40% lower risk"),
 * `change` a relative change as a signed fraction (-0.40: "down 40%"), `points` a change in
 * percentage points, signed (2.1: "up 2.1 points").
 */
export type RatioOf = 'relative-risk' | 'change' | 'points';
/** Every kind of ratio, in the order the README documents them. */
export const RATIO_OF: readonly RatioOf[] = ['relative-risk', 'change', 'points'];
/**
 * How the article bounds a figure: `up-to` is an upper bound that the figure may reach ("up to
 * 150", "as much as $150 million"), unlike `fewer-than`; `closer-to` an estimate ("closer to 40%").
 */
export type Qualifier = 'exact' | 'more-than' | 'at-least' | 'fewer-than' | 'up-to' | 'about' | 'closer-to';

/** A figure of the story: a count, amount, share or year. */
export interface Figure {
  id: string;
  kind: FigureKind;
  /**
   * Numeric value; shares are fractions (0.25), money is in units of the currency. A sheet may
   * leave it out of a `range`; the loaded sheet then has the range's low end here.
   */
  value: number;
  /** A range or interval told as one fact ("between $9.4bn and $9.8bn", "0.48 to 0.75"): its two ends, checked as a pair. */
  range?: { low: number; high: number };
  /** The article's own wording of the figure. */
  text: string;
  qualifier: Qualifier;
  /** What is counted, in words ("fatalities acknowledged"). */
  counts: string;
  /** Entity id of who reported it, if the article says. */
  reportedBy?: string;
  /**
   * Entity ids of whom the figure is about (the defendant sentenced, the candidate whose votes):
   * a draft naming one of them in the figure's clause ties the figure to this fact. Without it,
   * the people that `counts` names are read instead.
   */
  about?: string[];
  /** Words that tie a draft's figure to this fact ("deaths", "toll", "killed"). */
  context: string[];
  /** ISO currency code for money. */
  currency?: string;
  /** The unit of a duration's value: `years`, `months`, `weeks`, `days`, `hours` or `minutes`. */
  unit?: string;
  /** What a `ratio` figure's value is (kind `ratio` only). */
  ratioOf?: RatioOf;
  /** Id of the story document (`story.documents`) its source cites; without it, the article. */
  document?: string;
  source: string;
}

/** A date phrase of the story ("late March", "last year"). */
export interface DateFact {
  id: string;
  text: string;
  /** What happened then. */
  event: string;
  context: string[];
  /** The weekday of the event ("Friday"), when the article says it beside another date or alone. */
  weekday?: string;
  /** The month of the event ("March"), for a date the article gives another way ("last week"). */
  month?: string;
  /** The time of the event, 24-hour "HH:MM" ("14:30"): a draft's "2.30pm" agrees, "3pm" is flagged. */
  time?: string;
  /** Id of the story document (`story.documents`) its source cites; without it, the article. */
  document?: string;
  source: string;
}

/** A verified quoted phrase. */
export interface Quote {
  id: string;
  text: string;
  /** Entity id of the speaker or the body that characterised it. */
  speaker: string;
  /** Id of the story document (`story.documents`) its source cites; without it, the article. */
  document?: string;
  source: string;
}

/** Where something happened or was said: a vote in the town hall, an interview with a broadcaster. */
export interface Setting {
  id: string;
  /** Entity id of the verified place, outlet or channel. */
  entity: string;
  /** Other entity ids that are also right (the country for a vote held in its capital). */
  alsoRight?: string[];
  /** Words naming the event ("talks", "interview", "posted"). */
  triggers: string[];
  /** Prepositions that link the event to the place ("in", "with", "on"). */
  prepositions: string[];
  /** Optional entity id whose presence in the sentence the check requires. */
  actor?: string;
  what: string;
  /** Id of the story document (`story.documents`) its source cites; without it, the article. */
  document?: string;
  source: string;
}

/** A source document of the story beside its article (a transcript, a press release). */
export interface StoryDocument {
  id: string;
  /** Path relative to the sheet, in its folder or below (as `story.article`). */
  path: string;
  /** What the hover names it by ("Source: Court transcript"). */
  title: string;
}

/** The verified facts of one story. */
export interface FactSheet {
  story: { id: string; title: string; article: string; documents?: StoryDocument[] };
  entities: Entity[];
  figures: Figure[];
  dates: DateFact[];
  quotes: Quote[];
  settings: Setting[];
  /** Real names that appear in coverage of such a story and are never misspellings of sheet names. */
  otherNames?: string[];
}

/** Any fact in the sheet, tagged with its category. */
export type Fact =
  | ({ category: 'entity' } & Entity)
  | ({ category: 'figure' } & Figure)
  | ({ category: 'date' } & DateFact)
  | ({ category: 'quote' } & Quote)
  | ({ category: 'setting' } & Setting);
