/**
 * Which story a draft is about. A draft with no sheet configured for it (no setting, no front
 * matter, no `.factcheck.json` mapping) is checked against a sheet only when it is about that
 * story: it names enough of the sheet's people, bodies and places (exactly or as near misses, so
 * a draft that misspells them still counts) or cites enough of its figures and quotes (so a
 * two-line social post counts). Pure: the callers read the sheets and the draft.
 */
import { editDistance, nearMiss, skeleton } from '../language/spelling';
import type { EntityType, FactSheet } from '../types';

/** What a draft shares with one sheet. */
export interface StoryMatch {
  /** The weight of the evidence; the draft is about the story when it reaches {@link STORY_THRESHOLD}. */
  score: number;
  /** Whether the draft is about the story. */
  matched: boolean;
  /** Entity ids named exactly. */
  names: string[];
  /** Entity ids named only as near misses (misspellings). */
  nearNames: string[];
  /** Figure ids whose figure the draft cites. */
  figures: string[];
  /** Figure ids whose figure the draft gives one digit off. */
  nearFigures: string[];
  /** Quote ids whose words the draft quotes. */
  quotes: string[];
  /** Quote ids the draft quotes with one word changed. */
  nearQuotes: string[];
}

/** Score at or above which a draft is about a story: a person and a place, two figures, a name and a quote… */
export const STORY_THRESHOLD = 1.5;

/** Weight of an entity named exactly, by type: a person is the strongest sign, a country the weakest. */
const NAME_WEIGHT: Record<EntityType, number> = { person: 1, organisation: 0.75, body: 0.75, outlet: 0.75, channel: 0.5, place: 0.5, product: 0.75 };
/** A person's own title in the draft besides their name. */
const TITLE_WEIGHT = 0.5;
/** A near miss counts for this share of the name's weight. */
const NEAR_SHARE = 0.75;
const FIGURE_WEIGHT = 1;
/** A round figure (50,000) turns up in many stories; a figure one digit off (3,171 for 3,117) is a draft's slip. */
const ROUND_OR_NEAR_FIGURE_WEIGHT = 0.5;
const QUOTE_WEIGHT = 1;
/** A quote of three words or more with one word changed ("a great start" for "a good start"). */
const NEAR_QUOTE_WEIGHT = 0.5;
/** Evidence of one kind is capped, so one long list (a table of figures) does not stand for a story. */
const FIGURES_CAP = 3;

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*/gu;
/** Digits with thousands separators or a decimal part: `3,117`, `6 872`, `32.5`, `50000`. */
const DIGITS = /\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

interface NameWord {
  entity: string;
  type: EntityType;
  /** All words of the form, lower-case; the first is the key. */
  words: string[];
  /** An acronym or other all-capitals form: matched case-sensitively. */
  caps?: string;
}

interface Compiled {
  /** First word (lower-case) → the forms starting with it. */
  forms: Map<string, NameWord[]>;
  /** Distinctive name words (5 letters or more, capitalised in the sheet), for near misses. */
  nearWords: { word: string; skeleton: string; entity: string; type: EntityType }[];
  figures: { id: string; digits: string; round: boolean }[];
  quotes: { id: string; words: string; list: string[] }[];
  /** Each person's role titles, lower-case words joined by spaces. */
  titles: Map<string, string[]>;
}

const compiled = new WeakMap<FactSheet, Compiled>();

const words = (s: string) => s.match(WORD) ?? [];
const isCaps = (w: string) => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w);

function compile(sheet: FactSheet): Compiled {
  let c = compiled.get(sheet);
  if (c) return c;
  c = { forms: new Map(), nearWords: [], figures: [], quotes: [], titles: new Map() };
  for (const e of sheet.entities) if (e.roles?.length) c.titles.set(e.id, e.roles.map((r) => words(r.title).map((w) => w.toLowerCase()).join(' ')).filter((t) => t));
  const nearSeen = new Set<string>();
  for (const e of sheet.entities) {
    for (const form of [e.name, ...(e.aliases ?? [])]) {
      const ws = words(form);
      if (!ws.length) continue;
      const caps = ws.length === 1 && isCaps(form.replace(/\./g, '')) ? form.replace(/\./g, '') : undefined;
      const entry: NameWord = { entity: e.id, type: e.type, words: ws.map((w) => w.toLowerCase().replace(/\./g, '')), caps };
      const key = entry.words[0];
      const list = c.forms.get(key) ?? [];
      list.push(entry);
      c.forms.set(key, list);
      for (const w of ws)
        if (w.length >= 5 && /^\p{Lu}/u.test(w) && !isCaps(w) && !nearSeen.has(`${e.id} ${w}`)) {
          nearSeen.add(`${e.id} ${w}`);
          c.nearWords.push({ word: w.toLowerCase(), skeleton: skeleton(w), entity: e.id, type: e.type });
        }
    }
  }
  for (const f of sheet.figures) {
    if (f.kind === 'year') continue;
    const m = f.text.match(DIGITS);
    if (!m) continue;
    const digits = normDigits(m[0]);
    // Small numbers (ages, days, 4.5%) turn up in any story.
    if (Number(digits) < (digits.includes('.') ? 10 : 100)) continue;
    c.figures.push({ id: f.id, digits, round: /00(?:\.0*)?$/.test(digits) });
  }
  for (const q of sheet.quotes) {
    const ws = words(q.text).map((w) => w.toLowerCase());
    if (ws.length >= 2) c.quotes.push({ id: q.id, words: ` ${ws.join(' ')} `, list: ws });
  }
  compiled.set(sheet, c);
  return c;
}

const normDigits = (d: string) => d.replace(/[,\u00a0\u202f ]/g, '').replace(/^0+(?=\d)/, '');

/**
 * What a draft shares with a sheet: the entities it names exactly or as near misses, the figures
 * and quotes it cites, and whether that makes it a draft about the sheet's story.
 */
export function matchStory(text: string, sheet: FactSheet): StoryMatch {
  const c = compile(sheet);
  const tokens = text.match(WORD) ?? [];
  const undotted = (t: string) => (t.indexOf('.') < 0 ? t : t.replace(/\./g, ''));
  const lower = tokens.map((t) => undotted(t.toLowerCase()));
  const named = new Map<string, EntityType>();
  const near = new Map<string, EntityType>();
  const seen = new Map<string, Compiled['nearWords']>();
  for (let i = 0; i < tokens.length; i++) {
    const forms = c.forms.get(lower[i]);
    let hit = false;
    if (forms)
      for (const f of forms) {
        if (f.caps ? undotted(tokens[i]) !== f.caps : !/^\p{Lu}/u.test(tokens[i])) continue;
        if (f.words.every((w, k) => lower[i + k] === w)) {
          named.set(f.entity, f.type);
          hit = true;
        }
      }
    const t = tokens[i];
    if (hit || t.length < 5 || !/^\p{Lu}/u.test(t)) continue;
    const word = lower[i].replace(/['’]s$/, '');
    // A long draft repeats its capitalised words: each is compared with the sheet's names once.
    let hits = seen.get(word);
    if (!hits) {
      const sk = skeleton(word);
      hits = c.nearWords.filter((n) => word !== n.word && (n.skeleton === sk || nearMiss(word, n.word)));
      seen.set(word, hits);
    }
    for (const n of hits) if (!named.has(n.entity)) near.set(n.entity, n.type);
  }
  for (const id of named.keys()) near.delete(id);

  const cited = new Map<string, number>();
  const nearCited = new Set<string>();
  for (const m of text.match(DIGITS) ?? []) {
    const d = normDigits(m);
    for (const f of c.figures) {
      if (f.digits === d) cited.set(f.id, f.round ? ROUND_OR_NEAR_FIGURE_WEIGHT : FIGURE_WEIGHT);
      else if (!f.round && d.length === f.digits.length && d.length >= 4 && !d.includes('.') && editDistance(d, f.digits, 1) <= 1) nearCited.add(f.id);
    }
  }
  for (const id of cited.keys()) nearCited.delete(id);
  const joined = ` ${lower.join(' ')} `;
  const quoted = new Set<string>();
  const nearQuoted = new Set<string>();
  for (const q of c.quotes) {
    if (joined.includes(q.words)) quoted.add(q.words);
    else if (q.list.length >= 3 && hasNearPhrase(lower, q.list)) nearQuoted.add(q.words);
  }
  for (const w of quoted) nearQuoted.delete(w);

  let score = 0;
  for (const type of named.values()) score += NAME_WEIGHT[type];
  // A person named with their own title ("Foreign Minister Abbas Araghchi") is the story's, not a namesake.
  for (const id of named.keys()) if ((c.titles.get(id) ?? []).some((t) => joined.includes(` ${t} `))) score += TITLE_WEIGHT;
  for (const type of near.values()) score += NAME_WEIGHT[type] * NEAR_SHARE;
  const figureWeights = [...[...cited.values()], ...[...nearCited].map(() => ROUND_OR_NEAR_FIGURE_WEIGHT)].sort((a, b) => b - a);
  score += figureWeights.slice(0, FIGURES_CAP).reduce((a, b) => a + b, 0);
  score += quoted.size * QUOTE_WEIGHT + nearQuoted.size * NEAR_QUOTE_WEIGHT;
  return {
    score,
    matched: score >= STORY_THRESHOLD,
    names: [...named.keys()],
    nearNames: [...near.keys()],
    figures: [...cited.keys()],
    nearFigures: [...nearCited],
    quotes: c.quotes.filter((q) => quoted.has(q.words)).map((q) => q.id),
    nearQuotes: c.quotes.filter((q) => nearQuoted.has(q.words)).map((q) => q.id),
  };
}

/** Whether `words` occur in `tokens` with exactly one word changed. */
function hasNearPhrase(tokens: readonly string[], words: readonly string[]): boolean {
  const n = words.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    if (tokens[i] !== words[0] && tokens[i + 1] !== words[1]) continue;
    let misses = 0;
    for (let k = 0; k < n && misses < 2; k++) if (tokens[i + k] !== words[k]) misses++;
    if (misses === 1) return true;
  }
  return false;
}

/**
 * The story a draft is about among several sheets: the index of the best-scoring sheet that the
 * draft matches (the first of equals), or -1 when it is about none of them.
 */
export function pickStory(text: string, sheets: readonly FactSheet[]): { index: number; matches: StoryMatch[] } {
  const matches = sheets.map((s) => matchStory(text, s));
  let index = -1;
  matches.forEach((m, i) => {
    if (m.matched && (index < 0 || m.score > matches[index].score)) index = i;
  });
  return { index, matches };
}
