import type { FactSheet } from './types';

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

const ENTITY_TYPES = ['person', 'organisation', 'body', 'outlet', 'channel', 'place'];
const FIGURE_KINDS = ['count', 'money', 'share', 'year'];
const QUALIFIERS = ['exact', 'more-than', 'at-least', 'fewer-than', 'about'];

type Obj = Record<string, unknown>;

/** Properties each object may have (mirrors additionalProperties: false in the schema). */
const ALLOWED: Record<string, string[]> = {
  $: ['$schema', 'story', 'entities', 'figures', 'dates', 'quotes', 'settings', 'otherNames'],
  story: ['id', 'title', 'article'],
  entities: ['id', 'type', 'name', 'aliases', 'mentions', 'roles', 'source'],
  roles: ['title', 'qualifiers', 'requireQualifier'],
  figures: ['id', 'kind', 'value', 'text', 'qualifier', 'counts', 'reportedBy', 'context', 'currency', 'source'],
  dates: ['id', 'text', 'event', 'context', 'source'],
  quotes: ['id', 'text', 'speaker', 'source'],
  settings: ['id', 'entity', 'alsoRight', 'triggers', 'prepositions', 'actor', 'what', 'source'],
};
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates a fact sheet given as JSON text. Throws {@link FactSheetError}
 * naming every problem (with its JSON path) when the sheet is malformed.
 */
export function loadFactSheet(json: string): FactSheet {
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (e) {
    throw new FactSheetError(`fact sheet is not valid JSON: ${(e as Error).message}`);
  }
  return validateFactSheet(data);
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
  if (!isObj(data)) throw new FactSheetError('fact sheet must be a JSON object');
  const known = (o: Obj, kind: string, path: string) => {
    for (const k of Object.keys(o)) if (!ALLOWED[kind].includes(k)) err(`${path}.${k}`, `unknown property (allowed: ${ALLOWED[kind].join(', ')})`);
  };
  known(data, '$', '$');
  if (isObj(data.story)) known(data.story, 'story', '$.story');
  if (!isObj(data.story)) err('$.story', 'must be an object with id, title and article');
  else for (const k of ['id', 'title', 'article']) str(data.story, k, '$.story');

  const ids = new Set<string>();
  const entityIds = new Set<string>();
  const checkId = (o: Obj, path: string) => {
    str(o, 'id', path);
    if (typeof o.id === 'string') {
      if (ids.has(o.id)) err(`${path}.id`, `duplicate id "${o.id}"`);
      ids.add(o.id);
    }
    str(o, 'source', path);
  };
  const entities = list(data, 'entities');
  entities.forEach((e, i) => {
    const p = `$.entities[${i}]`;
    known(e, 'entities', p);
    checkId(e, p);
    if (typeof e.id === 'string') entityIds.add(e.id);
    if (!ENTITY_TYPES.includes(e.type as string)) err(`${p}.type`, `must be one of ${ENTITY_TYPES.join(', ')}`);
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
  const ref = (o: Obj, key: string, path: string, optional = false) => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !entityIds.has(v)) err(`${path}.${key}`, `must be the id of an entity (got ${JSON.stringify(v)})`);
  };
  list(data, 'figures').forEach((f, i) => {
    const p = `$.figures[${i}]`;
    known(f, 'figures', p);
    checkId(f, p);
    if (!FIGURE_KINDS.includes(f.kind as string)) err(`${p}.kind`, `must be one of ${FIGURE_KINDS.join(', ')}`);
    if (typeof f.value !== 'number' || !Number.isFinite(f.value)) err(`${p}.value`, 'must be a finite number');
    str(f, 'text', p);
    str(f, 'counts', p);
    if (!QUALIFIERS.includes(f.qualifier as string)) err(`${p}.qualifier`, `must be one of ${QUALIFIERS.join(', ')}`);
    strList(f, 'context', p, false);
    ref(f, 'reportedBy', p, true);
    str(f, 'currency', p, true);
  });
  list(data, 'dates').forEach((d, i) => {
    const p = `$.dates[${i}]`;
    known(d, 'dates', p);
    checkId(d, p);
    str(d, 'text', p);
    str(d, 'event', p);
    strList(d, 'context', p, false);
  });
  list(data, 'quotes').forEach((q, i) => {
    const p = `$.quotes[${i}]`;
    known(q, 'quotes', p);
    checkId(q, p);
    str(q, 'text', p);
    ref(q, 'speaker', p);
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
          if (typeof id !== 'string' || !entityIds.has(id)) err(`${p}.alsoRight[${j}]`, `must be the id of an entity (got ${JSON.stringify(id)})`);
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
  return data as unknown as FactSheet;
}
