import { findMentions } from '../mentions/numbers';
import { durationValue, saysSheetValue, TIME_UNITS } from '../mentions/durations';
import { ENTITY_TYPES, RATIO_OF, type FactSheet } from '../types';
import { MONTHS, WEEKDAYS } from '../language/dateWords';

/**
 * The largest fact sheet accepted, in UTF-16 code units (callers check a file's size before
 * reading it). A story's sheet is a few kilobytes (the largest we know, 27 KB); a check compares
 * each figure of a draft with every figure of the sheet, so the limit bounds what one check
 * costs: at 4 MB (26,500 figures) a 100 KB draft took 29 s, at 1 MB (6,600) it takes a quarter.
 */
export const MAX_SHEET_CHARS = 1024 * 1024;

/** Why a sheet over {@link MAX_SHEET_CHARS} is refused, for the message. */
export const SHEET_LIMIT_WHY = 'a story\'s sheet is a few kilobytes, and every figure of a draft is compared with each of its figures';

/** The one error the core throws: the fact sheet is malformed. `problems` lists each issue. */
export class FactSheetError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = 'FactSheetError';
  }
}

const FIGURE_KINDS = ['count', 'money', 'share', 'year', 'duration', 'ratio'];
const QUALIFIERS = ['exact', 'more-than', 'at-least', 'fewer-than', 'up-to', 'about', 'closer-to'];

type Obj = Record<string, unknown>;

/** Properties each object may have (mirrors additionalProperties: false in the schema). */
const ALLOWED: Record<string, string[]> = {
  $: ['$schema', 'story', 'entities', 'figures', 'dates', 'quotes', 'settings', 'otherNames'],
  story: ['id', 'title', 'article', 'documents'],
  documents: ['id', 'path', 'title'],
  entities: ['id', 'type', 'name', 'aliases', 'mentions', 'roles', 'speaksFor', 'document', 'source'],
  roles: ['title', 'qualifiers', 'requireQualifier'],
  figures: ['id', 'kind', 'value', 'text', 'qualifier', 'counts', 'reportedBy', 'about', 'context', 'currency', 'unit', 'range', 'ratioOf', 'document', 'source'],
  range: ['low', 'high'],
  dates: ['id', 'text', 'event', 'context', 'weekday', 'month', 'time', 'document', 'source'],
  quotes: ['id', 'text', 'speaker', 'document', 'source'],
  settings: ['id', 'entity', 'alsoRight', 'triggers', 'prepositions', 'actor', 'what', 'document', 'source'],
};
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates a fact sheet given as JSON text. Throws {@link FactSheetError}
 * naming every problem (with its JSON path) when the sheet is malformed.
 */
export function loadFactSheet(json: string): FactSheet {
  if (json.length > MAX_SHEET_CHARS) {
    throw new FactSheetError(`$: fact sheet is too large (${(json.length / 1048576).toFixed(1)} MB; the limit is ${MAX_SHEET_CHARS / 1048576} MB: ${SHEET_LIMIT_WHY})`);
  }
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  if (!text.trim()) throw new FactSheetError('$: fact sheet is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new FactSheetError(`$: fact sheet is not valid JSON: ${jsonSyntaxError(text, (e as Error).message)}`);
  }
  return validateFactSheet(data);
}

/**
 * A JSON.parse message that quotes nothing of the text: the file may be anything a path named
 * (an environment file, a key), so the token and excerpt JSON.parse shows are dropped, and the
 * line and column of its "position N" are given instead.
 */
export function jsonSyntaxError(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  const short = /^Unexpected token/.test(message) ? 'unexpected character' : message.replace(/, ".*$/s, '').replace(/ \(line \d+ column \d+\)/, '');
  if (!m) return short;
  const at = Number(m[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${short.replace(/ at position \d+/, '').replace(/ in JSON$/, '')} (line ${line}, column ${column})`;
}

/** The end of a sentence: its mark, then closing quotes or brackets. */
const SENTENCE_END = /[.!?…:;]['"”’»)\]]*$/;
const BLOCK_MARKERS = /^(?:(?:#{1,6}|[-*+>]|\d{1,9}[.)])\s)*$/;
const OPENERS = /['"“‘«„(\[]/;
const CLOSERS = /['"”’»“)\]]/;

/**
 * Cited sentences that the article does not contain, and figures or dates whose wording is not in
 * their cited sentence: one message per fact, with its JSON path. A citation must be one or more
 * whole sentences of the article (or a whole line: a heading). Whitespace (line wrapping) is not
 * significant. Call with the text of the sheet's `story.article`, and the text of each of its
 * `story.documents` by id (a fact with `document` is checked against that document).
 */
export function checkCitations(sheet: FactSheet, articleText: string, documents: Readonly<Record<string, string>> = {}): string[] {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
  /** The normalised text of a source and its whole-sentence test. */
  const reader = (fullText: string) => {
    const raw = (fullText.charCodeAt(0) === 0xfeff ? fullText.slice(1) : fullText).trim();
    const article = norm(raw);
    // The same text with each run of white space that holds a line break as one '\n' (a heading or
    // list item ends there), the same length as `article`.
    const lines = raw.replace(/\s+/g, (w) => (w.includes('\n') ? '\n' : ' '));
    /** A citation is whole sentences: it starts and ends where a sentence does (not "a", not half of one). */
    const cited = (source: string) => {
      if (!source) return false;
      for (let at = article.indexOf(source); at >= 0; at = article.indexOf(source, at + 1)) {
        // Quote marks and brackets around a sentence are not part of the boundary: “We are ready.”
        let k = at;
        while (k > 0 && OPENERS.test(article[k - 1])) k--;
        let e = at + source.length;
        while (e < article.length && CLOSERS.test(article[e])) e++;
        // A line's start counts once its Markdown markers are passed: "# Heading", "- item", "> quote".
        const lineStart = lines.lastIndexOf('\n', k - 1) + 1;
        const starts = BLOCK_MARKERS.test(article.slice(lineStart, k)) || (article[k - 1] === ' ' && SENTENCE_END.test(article.slice(Math.max(0, k - 9), k - 1)));
        const ends = e === article.length || lines[e] === '\n' || (article[e] === ' ' && SENTENCE_END.test(article.slice(at, e)));
        if (starts && ends) return true;
      }
      return false;
    };
    return { article, cited };
  };
  const readers = new Map<string | undefined, ReturnType<typeof reader>>([[undefined, reader(articleText)]]);
  const docs = new Map((sheet.story.documents ?? []).map((d) => [d.id, d]));
  const problems: string[] = [];
  for (const key of ['entities', 'figures', 'dates', 'quotes', 'settings'] as const) {
    sheet[key].forEach((fact, i) => {
      const source = norm(fact.source);
      // A fact cites the article, or the story document it names (`document`).
      const doc = fact.document === undefined ? undefined : docs.get(fact.document);
      if (fact.document !== undefined && !readers.has(fact.document)) {
        const text = documents[fact.document];
        if (text === undefined) {
          problems.push(`$.${key}[${i}].document: the document ${JSON.stringify(fact.document)}${doc ? ` (${JSON.stringify(doc.path)})` : ''} was not read, so its citation cannot be checked`);
          return;
        }
        readers.set(fact.document, reader(text));
      }
      const { article, cited } = readers.get(fact.document)!;
      const where = doc ? `the document "${doc.id}" ${JSON.stringify(doc.path)}` : `the article ${JSON.stringify(sheet.story.article)}`;
      if (!cited(source)) problems.push(`$.${key}[${i}].source: the cited sentence is not in ${where}${article.includes(source) ? ' as whole sentences' : `: ${whereItDiffers(source, article)}`}`);
      // A figure's or a date's wording must stand in its (verified) sentence, case aside, as a quote's must.
      else if ((key === 'figures' || key === 'dates') && !source.toLowerCase().includes(norm((fact as { text: string }).text).toLowerCase())) {
        problems.push(`$.${key}[${i}].text: the ${key === 'figures' ? 'figure' : 'date'} ${JSON.stringify((fact as { text: string }).text)} is not in its cited source sentence: ${JSON.stringify(fact.source.length > 80 ? fact.source.slice(0, 77) + '...' : fact.source)}`);
      }
    });
  }
  return problems;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const shown = (c: string | undefined) => (c === undefined ? 'nothing (the article ends)' : c === ' ' ? 'a space' : `“${c}” (${codePoint(c)})`);

/**
 * Where a cited sentence leaves the article: the longest start of it that the article contains,
 * and the character of each at that point ("the sheet has “'” (U+0027) where the article has “’”
 * (U+2019)"), so a curly apostrophe or a dash is seen at once. A sentence whose start is nowhere
 * in the article is shown whole (cut at 77 characters).
 */
function whereItDiffers(cited: string, article: string): string {
  let lo = 0;
  let hi = cited.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (article.includes(cited.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const whole = JSON.stringify(cited.length > 80 ? cited.slice(0, 77) + '...' : cited);
  if (lo < 12) return whole;
  const at = article.indexOf(cited.slice(0, lo));
  const mine = String.fromCodePoint(cited.codePointAt(lo)!);
  const theirs = at + lo < article.length ? String.fromCodePoint(article.codePointAt(at + lo)!) : undefined;
  const fold = (c: string | undefined) => c?.replace(/[’‘ʼ′`´]/g, "'").replace(/[‐‑‒–—―−]/g, '-').replace(/[“”„″]/g, '"');
  const kind = fold(mine) === fold(theirs) ? (/['"]/.test(fold(mine)!) ? ' (a different apostrophe or quote mark)' : ' (a different dash)') : '';
  const before = cited.slice(Math.max(0, lo - 30), lo);
  return `at character ${lo + 1} the sheet has ${shown(mine)} where the article has ${shown(theirs)}${kind}: “…${before}${mine}…”`;
}

/** Edit distance of two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The entity id a bad reference most likely meant: the id of the name or alias it gives, else the nearest id. */
function nearestEntityId(got: unknown, entities: Obj[]): string | undefined {
  if (typeof got !== 'string' || !got.trim()) return undefined;
  const want = got.trim().toLowerCase();
  const ids = entities.map((e) => e.id).filter((id): id is string => typeof id === 'string');
  const named = entities.find((e) => typeof e.id === 'string' && [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])].some((n) => typeof n === 'string' && n.toLowerCase() === want));
  if (named) return named.id as string;
  let best: string | undefined;
  let bestD = Infinity;
  for (const id of ids) {
    const d = distance(want, id.toLowerCase());
    if (d < bestD) [best, bestD] = [id, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(want.length / 3)) ? best : undefined;
}

/**
 * Checks that `data` has the shape of a {@link FactSheet} (see reference/facts.schema.json)
 * and that every reference between facts resolves. Returns it typed, or throws.
 */
export function validateFactSheet(data: unknown): FactSheet {
  const problems: string[] = [];
  const err = (path: string, what: string) => problems.push(`${path}: ${what}`);
  const str = (o: Obj, key: string, path: string, optional = false) => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || v.trim() === '') err(`${path}.${key}`, 'must be a non-empty string');
  };
  const strList = (o: Obj, key: string, path: string, optional = true) => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
      err(`${path}.${key}`, 'must be a list of non-empty strings');
    }
  };
  const list = (o: Obj, key: string): Obj[] => {
    const v = o[key];
    if (!Array.isArray(v)) {
      err(`$.${key}`, 'must be a list');
      return [];
    }
    return v.filter((x, i) => (isObj(x) ? true : (err(`$.${key}[${i}]`, 'must be an object'), false)));
  };
  if (!isObj(data)) throw new FactSheetError(`$: fact sheet must be a JSON object (got ${Array.isArray(data) ? 'a list' : data === null ? 'null' : typeof data})`);
  const known = (o: Obj, kind: string, path: string) => {
    for (const k of Object.keys(o)) if (!ALLOWED[kind].includes(k)) err(`${path}.${k}`, `unknown property (allowed: ${ALLOWED[kind].join(', ')})`);
  };
  known(data, '$', '$');
  if (isObj(data.story)) known(data.story, 'story', '$.story');
  if (!isObj(data.story)) err('$.story', 'must be an object with id, title and article');
  else for (const k of ['id', 'title', 'article']) str(data.story, k, '$.story');
  // The story's other source documents (a transcript, a press release), each cited by id.
  const documentIds = new Set<string>();
  if (isObj(data.story) && data.story.documents !== undefined) {
    const docs = data.story.documents;
    if (!Array.isArray(docs)) err('$.story.documents', 'must be a list of { id, path, title }');
    else
      docs.forEach((d, i) => {
        const p = `$.story.documents[${i}]`;
        if (!isObj(d)) return err(p, 'must be an object with id, path and title');
        known(d, 'documents', p);
        for (const k of ['id', 'path', 'title']) str(d, k, p);
        if (typeof d.id === 'string') {
          if (documentIds.has(d.id)) err(`${p}.id`, `duplicate document id "${d.id}"`);
          documentIds.add(d.id);
        }
      });
  }
  /** A fact's optional `document`: the id of one of the story's documents. */
  const docRef = (o: Obj, path: string) => {
    if (o.document === undefined) return;
    if (typeof o.document !== 'string' || !documentIds.has(o.document)) {
      err(`${path}.document`, `must be the id of a document in $.story.documents (got ${JSON.stringify(o.document)})${documentIds.size ? `; the documents are ${[...documentIds].map((x) => `"${x}"`).join(', ')}` : '; the story lists none'}`);
    }
  };

  const ids = new Set<string>();
  const entityIds = new Set<string>();
  const checkId = (o: Obj, path: string) => {
    str(o, 'id', path);
    if (typeof o.id === 'string') {
      if (ids.has(o.id)) err(`${path}.id`, `duplicate id "${o.id}"`);
      ids.add(o.id);
    }
    str(o, 'source', path);
    docRef(o, path);
  };
  const entities = list(data, 'entities');
  entities.forEach((e, i) => {
    const p = `$.entities[${i}]`;
    known(e, 'entities', p);
    checkId(e, p);
    if (typeof e.id === 'string') entityIds.add(e.id);
    if (!(ENTITY_TYPES as readonly string[]).includes(e.type as string)) err(`${p}.type`, `must be one of ${ENTITY_TYPES.join(', ')}`);
    str(e, 'name', p);
    strList(e, 'aliases', p);
    strList(e, 'mentions', p);
    if (e.roles !== undefined) {
      if (!Array.isArray(e.roles)) err(`${p}.roles`, 'must be a list');
      else
        e.roles.forEach((r, j) => {
          if (!isObj(r)) return err(`${p}.roles[${j}]`, 'must be an object');
          known(r, 'roles', `${p}.roles[${j}]`);
          str(r, 'title', `${p}.roles[${j}]`);
          strList(r, 'qualifiers', `${p}.roles[${j}]`);
          if (r.requireQualifier !== undefined && typeof r.requireQualifier !== 'boolean') {
            err(`${p}.roles[${j}].requireQualifier`, 'must be true or false');
          }
        });
    }
  });
  // Without a list of entities, references cannot be checked: "$.entities" is the one message.
  const entitiesListed = Array.isArray(data.entities);
  const ref = (o: Obj, key: string, path: string, optional = false) => {
    const v = o[key];
    if ((v === undefined && optional) || !entitiesListed) return;
    if (typeof v !== 'string' || !entityIds.has(v)) {
      const near = nearestEntityId(v, entities);
      err(`${path}.${key}`, `must be the id of an entity (got ${JSON.stringify(v)})${near ? `; did you mean "${near}"?` : ''}`);
    }
  };

  /** An optional, non-empty list of entity ids (a figure's `about`), each checked as a reference. */
  const refList = (o: Obj, key: string, path: string) => {
    const v = o[key];
    if (v === undefined) return;
    if (!Array.isArray(v) || !v.length) return err(`${path}.${key}`, 'must be a non-empty list of entity ids');
    v.forEach((id, j) => {
      if (entitiesListed && (typeof id !== 'string' || !entityIds.has(id))) {
        const near = nearestEntityId(id, entities);
        err(`${path}.${key}[${j}]`, `must be the id of an entity (got ${JSON.stringify(id)})${near ? `; did you mean "${near}"?` : ''}`);
      }
    });
  };

  entities.forEach((e, i) => {
    if (e.speaksFor === undefined) return;
    ref(e, 'speaksFor', `$.entities[${i}]`);
    if (e.speaksFor === e.id) err(`$.entities[${i}].speaksFor`, 'must name another entity (the organisation this person speaks for), not itself');
  });
  let withRanges = false;
  list(data, 'figures').forEach((f, i) => {
    const p = `$.figures[${i}]`;
    known(f, 'figures', p);
    checkId(f, p);
    if (!FIGURE_KINDS.includes(f.kind as string)) err(`${p}.kind`, `must be one of ${FIGURE_KINDS.join(', ')}`);
    const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
    if (f.range !== undefined) {
      // A range is one fact: its two ends, its words saying both ("between $9.4bn and $9.8bn").
      const r = f.range;
      if (!isObj(r)) err(`${p}.range`, 'must be an object with low and high');
      else {
        known(r, 'range', `${p}.range`);
        for (const k of ['low', 'high']) if (!finite(r[k])) err(`${p}.range.${k}`, `must be a finite number (got ${JSON.stringify(r[k])})`);
        if (finite(r.low) && finite(r.high)) {
          if (r.low >= r.high) err(`${p}.range`, `low (${r.low}) must be below high (${r.high})`);
          if (f.value !== undefined) err(`${p}.value`, 'a range has no value of its own: give its ends in range, or make the point estimate a figure of its own');
          else if (typeof f.text === 'string' && f.text.trim()) {
            const read = findMentions(f.text).map((m) => m.value);
            for (const k of ['low', 'high'] as const) {
              const v = r[k] as number;
              if (!read.some((x) => Math.abs(x - v) <= 1e-9 * Math.max(1, Math.abs(v)))) err(`${p}.text`, `${JSON.stringify(f.text)} does not say the range's ${k} end ${v}${read.length ? ` (it reads as ${read.join(', ')})` : ''}`);
            }
          }
        }
      }
      withRanges = true;
    } else if (!finite(f.value)) err(`${p}.value`, `must be a finite number (got ${JSON.stringify(f.value)})`);
    str(f, 'text', p);
    const duration = f.kind === 'duration';
    if (duration && !Object.keys(TIME_UNITS).includes(f.unit as string)) err(`${p}.unit`, `a duration needs its unit: one of ${Object.keys(TIME_UNITS).join(', ')} (got ${JSON.stringify(f.unit)})`);
    else if (!duration && f.unit !== undefined) err(`${p}.unit`, 'only a figure of kind duration has a unit');
    if (f.kind !== 'ratio' && f.ratioOf !== undefined) err(`${p}.ratioOf`, 'only a figure of kind ratio has ratioOf');
    if (duration && typeof f.text === 'string' && f.text.trim() && typeof f.value === 'number' && TIME_UNITS[f.unit as string]) {
      // "seven years and six months" is 7.5 years: the wording must say the value in its unit.
      const read = durationValue(f.text, f.unit as string);
      if (read === undefined) err(`${p}.text`, `${JSON.stringify(f.text)} does not read as a duration (a number and a unit of time: "7.5 years", "seven years and six months")`);
      else if (!saysSheetValue(read, f.value)) err(`${p}.text`, `${JSON.stringify(f.text)} reads as ${+read.toFixed(4)} ${f.unit}, but value is ${f.value}`);
    } else if (f.kind === 'ratio') {
      // A relative risk, a relative change or a change in points: its kind and its words.
      if (!(RATIO_OF as readonly string[]).includes(f.ratioOf as string)) err(`${p}.ratioOf`, `a ratio needs ratioOf: one of ${RATIO_OF.join(', ')} (got ${JSON.stringify(f.ratioOf)})`);
      else if (typeof f.text === 'string' && f.text.trim() && finite(f.value)) {
        const v = f.value;
        // "0.60" or "40% lower" for a relative risk of 0.60; "40%" for a change of -0.40; "2.1" for 2.1 points.
        const said = f.ratioOf === 'relative-risk' ? [v, Math.abs(1 - v)] : [Math.abs(v)];
        const read = findMentions(f.text);
        if (f.ratioOf === 'relative-risk' && v <= 0) err(`${p}.value`, `a relative risk is above 0 (got ${v})`);
        if (!read.length) err(`${p}.text`, `${JSON.stringify(f.text)} does not read as a figure`);
        else if (!read.some((m) => said.some((x) => Math.abs(m.value - x) <= 1e-9 * Math.max(1, x)))) err(`${p}.text`, `${JSON.stringify(f.text)} reads as ${read[0].value}, but a ${f.ratioOf} of ${v} is said ${said.map((x) => (f.ratioOf === 'points' || x === v ? `${x}` : `${+(x * 100).toFixed(6)}%`)).join(' or ')}`);
      }
    } else if (!duration && f.range === undefined && typeof f.text === 'string' && f.text.trim() && typeof f.value === 'number' && Number.isFinite(f.value)) {
      // The article's wording must say the same figure as the value ("3,1x7" or "3,171" for 3117 do not).
      const read = findMentions(f.text);
      const same = (v: number) => Math.abs(v - (f.value as number)) <= 1e-9 * Math.max(1, Math.abs(v));
      if (!read.length) err(`${p}.text`, `${JSON.stringify(f.text)} does not read as a figure`);
      else if (!read.some((m) => same(m.value))) err(`${p}.text`, `${JSON.stringify(f.text)} reads as ${read[0].value}, but value is ${f.value}`);
    }
    str(f, 'counts', p);
    if (!QUALIFIERS.includes(f.qualifier as string)) err(`${p}.qualifier`, `must be one of ${QUALIFIERS.join(', ')}`);
    strList(f, 'context', p, false);
    ref(f, 'reportedBy', p, true);
    refList(f, 'about', p);
    str(f, 'currency', p, true);
  });
  list(data, 'dates').forEach((d, i) => {
    const p = `$.dates[${i}]`;
    known(d, 'dates', p);
    checkId(d, p);
    str(d, 'text', p);
    str(d, 'event', p);
    strList(d, 'context', p, false);
    // The calendar of the event beside its words: a weekday, a month, a 24-hour time.
    for (const [key, names] of [['weekday', WEEKDAYS], ['month', MONTHS]] as const) {
      if (d[key] === undefined) continue;
      const list = names.split('|');
      const said = typeof d.text === 'string' ? new RegExp(`\\b(?:${names})\\b`, 'i').exec(d.text)?.[0] : undefined;
      if (typeof d[key] !== 'string' || !list.includes(d[key] as string)) err(`${p}.${key}`, `must be one of ${list.join(', ')} (got ${JSON.stringify(d[key])})`);
      else if (said && said.toLowerCase() !== (d[key] as string).toLowerCase()) err(`${p}.${key}`, `is ${d[key]}, but the date's text says ${said}`);
    }
    if (d.time !== undefined && (typeof d.time !== 'string' || !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(d.time))) err(`${p}.time`, `must be a 24-hour time "HH:MM" ("09:00", "14:30"; got ${JSON.stringify(d.time)})`);
  });
  list(data, 'quotes').forEach((q, i) => {
    const p = `$.quotes[${i}]`;
    known(q, 'quotes', p);
    checkId(q, p);
    str(q, 'text', p);
    ref(q, 'speaker', p);
    if (typeof q.text === 'string' && q.text.trim() && typeof q.source === 'string' && !q.source.toLowerCase().includes(q.text.toLowerCase())) {
      err(`${p}.text`, `the quote is not in its cited source sentence`);
    }
  });
  list(data, 'settings').forEach((s, i) => {
    const p = `$.settings[${i}]`;
    known(s, 'settings', p);
    checkId(s, p);
    ref(s, 'entity', p);
    if (s.alsoRight !== undefined) {
      if (!Array.isArray(s.alsoRight)) err(`${p}.alsoRight`, 'must be a list of entity ids');
      else
        s.alsoRight.forEach((id, j) => {
          if (entitiesListed && (typeof id !== 'string' || !entityIds.has(id))) {
            const near = nearestEntityId(id, entities);
            err(`${p}.alsoRight[${j}]`, `must be the id of an entity (got ${JSON.stringify(id)})${near ? `; did you mean "${near}"?` : ''}`);
          }
        });
    }
    strList(s, 'triggers', p, false);
    strList(s, 'prepositions', p, false);
    ref(s, 'actor', p, true);
    str(s, 'what', p);
  });
  strList(data, 'otherNames', '$');
  if (problems.length) {
    const head = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new FactSheetError(`fact sheet is malformed: ${head}${more}`, problems);
  }
  // A range's value is its low end in the loaded sheet (the data handed in is left as it is).
  if (withRanges) return { ...data, figures: (data.figures as Obj[]).map((f) => (isObj(f.range) && f.value === undefined ? { ...f, value: f.range.low } : f)) } as unknown as FactSheet;
  return data as unknown as FactSheet;
}
