import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { checkCitations, FactSheetError, loadFactSheet, type FactSheet } from '../src/core';

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'facts.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
const validateSchema = ajv.compile(schema);

/** Every fact of a sheet with the JSON path it lives at. */
function allFacts(sheet: FactSheet): { path: string; fact: { id: string; source: string } }[] {
  const out: { path: string; fact: { id: string; source: string } }[] = [];
  for (const key of ['entities', 'figures', 'dates', 'quotes', 'settings'] as const) {
    sheet[key].forEach((fact, i) => out.push({ path: `$.${key}[${i}]`, fact }));
  }
  return out;
}

/** Offsets of every occurrence of `needle` in `hay`. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole-word (or whole-number) occurrence test. */
const hasWord = (hay: string, word: string, flags = '') =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, `u${flags}`).test(hay);

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12, half: 0.5, quarter: 0.25,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Numbers of a text: digit runs (3,117 / 32.5 / 2024) and spelled numbers (two, billion, quarter). */
function numbersIn(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) out.push({ start: m.index!, text: m[0] });
  const words = new RegExp(`(?<![\\p{L}])(?:${Object.keys(NUMBER_WORDS).join('|')})(?![\\p{L}])`, 'giu');
  for (const m of text.matchAll(words)) out.push({ start: m.index!, text: m[0] });
  return out.sort((a, b) => a.start - b.start);
}

/** Reads a figure's own wording as a value and a qualifier: "more than a quarter" → 0.25, more-than. */
function readFigureText(text: string): { value: number; qualifier: string } {
  let rest = text.trim();
  let qualifier = 'exact';
  const q: [RegExp, string][] = [
    [/^(?:over|more than|above)\s+/i, 'more-than'],
    [/^at least\s+/i, 'at-least'],
    [/^(?:fewer than|less than|under)\s+/i, 'fewer-than'],
    [/^(?:about|around|nearly|almost|roughly|some)\s+/i, 'about'],
  ];
  for (const [re, name] of q) {
    if (re.test(rest)) {
      qualifier = name;
      rest = rest.replace(re, '');
    }
  }
  rest = rest.replace(/^(?:a|an)\s+/i, '').replace(/^[$€£]/, '');
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+(\w+))?$/.exec(rest);
  if (m) return { value: parseFloat(m[1].replace(/,/g, '')) * (m[2] ? (SCALES[m[2].toLowerCase()] ?? NaN) : 1), qualifier };
  const w = NUMBER_WORDS[rest.toLowerCase()];
  return { value: w ?? NaN, qualifier };
}

/** The consistency checks every fact sheet we ship (or ship as a fixture) must pass. */
function describeSheet(label: string, factsFile: string) {
  describe(`fact sheet ${label}`, () => {
    const json = fs.readFileSync(factsFile, 'utf8');
    const data = JSON.parse(json);
    const sheet = loadFactSheet(json);
    const article = fs.readFileSync(path.resolve(path.dirname(factsFile), sheet.story.article), 'utf8');
    const entityIds = new Set(sheet.entities.map((e) => e.id));

    it('validates against facts.schema.json (JSON Schema 2020-12)', () => {
      const ok = validateSchema(data);
      assert.ok(ok, `schema errors: ${ajv.errorsText(validateSchema.errors)}`);
    });

    it('loads with loadFactSheet and keeps every fact', () => {
      assert.equal(sheet.story.id, data.story.id);
      for (const key of ['entities', 'figures', 'dates', 'quotes', 'settings'] as const) {
        assert.equal(sheet[key].length, data[key].length, key);
      }
    });

    it('ids are unique across all facts', () => {
      const seen = new Map<string, string>();
      for (const { path: p, fact } of allFacts(sheet)) {
        assert.ok(!seen.has(fact.id), `${p}.id "${fact.id}" also used at ${seen.get(fact.id)}`);
        seen.set(fact.id, p);
      }
    });

    it("every fact's source is a whole sentence of the article, verbatim", () => {
      for (const { path: p, fact } of allFacts(sheet)) {
        const at = occurrences(article, fact.source);
        assert.ok(at.length > 0, `${p} (${fact.id}): source not found verbatim in the article: ${JSON.stringify(fact.source)}`);
        const whole = at.some((i) => (i === 0 || /\s/.test(article[i - 1])) && (i + fact.source.length === article.length || /\s/.test(article[i + fact.source.length])));
        assert.ok(whole, `${p} (${fact.id}): source is only part of a sentence: ${JSON.stringify(fact.source)}`);
      }
    });

    it("every fact's own wording appears in its source sentence", () => {
      for (const [i, e] of sheet.entities.entries()) {
        const forms = [e.name, ...(e.aliases ?? [])];
        assert.ok(forms.some((f) => hasWord(e.source, f)), `$.entities[${i}] (${e.id}): none of ${JSON.stringify(forms)} is in its source`);
      }
      for (const [key, list] of [['figures', sheet.figures], ['dates', sheet.dates], ['quotes', sheet.quotes]] as const) {
        list.forEach((f, i) => assert.ok(f.source.includes(f.text), `$.${key}[${i}] (${f.id}): text ${JSON.stringify(f.text)} is not in its source`));
      }
    });

    it("every figure's value and qualifier agree with its wording", () => {
      sheet.figures.forEach((f, i) => {
        const read = readFigureText(f.text);
        assert.ok(Number.isFinite(read.value), `$.figures[${i}] (${f.id}): cannot read a number from ${JSON.stringify(f.text)}`);
        assert.ok(Math.abs(read.value - f.value) <= Math.abs(f.value) * 1e-9, `$.figures[${i}] (${f.id}): text ${JSON.stringify(f.text)} reads ${read.value}, value is ${f.value}`);
        assert.equal(read.qualifier, f.qualifier, `$.figures[${i}] (${f.id}): qualifier of ${JSON.stringify(f.text)}`);
      });
    });

    it('every number in the article is covered by a figure whose source and text contain it', () => {
      const missing: string[] = [];
      const nums = numbersIn(article);
      assert.ok(nums.length > 0, 'the article has numbers');
      for (const n of nums) {
        const covered = sheet.figures.some(
          (f) =>
            hasWord(f.text, n.text, 'i') &&
            occurrences(article, f.source).some((s) => s <= n.start && n.start + n.text.length <= s + f.source.length),
        );
        if (!covered) missing.push(`${n.text} at offset ${n.start}`);
      }
      assert.deepEqual(missing, [], 'numbers of the article with no figure fact');
    });

    it('every quoted phrase in the article is covered by a quote fact', () => {
      const phrases: { start: number; text: string }[] = [];
      // ‘…’ closes at a ’ that is not an apostrophe inside a word (Iran’s).
      for (const m of article.matchAll(/‘(.+?)’(?!\p{L})|“(.+?)”/gu)) {
        const inner = m[1] ?? m[2];
        phrases.push({ start: m.index! + 1, text: inner.replace(/[\s.,;:!?]+$/u, '') });
      }
      assert.ok(phrases.length > 0, 'the article has quoted phrases');
      // The same words quoted twice (headline and body) are one quote fact.
      const missing = phrases.filter((q) => !sheet.quotes.some((f) => f.text === q.text && f.source.includes(q.text)));
      assert.deepEqual(missing.map((q) => q.text), [], 'quoted phrases with no quote fact');
    });

    it('every entity, speaker and reporter reference resolves', () => {
      const bad: string[] = [];
      const ref = (p: string, id: string | undefined) => {
        if (id !== undefined && !entityIds.has(id)) bad.push(`${p} → ${id}`);
      };
      sheet.figures.forEach((f, i) => ref(`$.figures[${i}].reportedBy`, f.reportedBy));
      sheet.quotes.forEach((q, i) => {
        assert.ok(q.speaker, `$.quotes[${i}] has a speaker`);
        ref(`$.quotes[${i}].speaker`, q.speaker);
      });
      sheet.settings.forEach((s, i) => {
        ref(`$.settings[${i}].entity`, s.entity);
        (s.alsoRight ?? []).forEach((a, j) => ref(`$.settings[${i}].alsoRight[${j}]`, a));
        ref(`$.settings[${i}].actor`, s.actor);
      });
      assert.deepEqual(bad, []);
    });
  });
}

describeSheet('reference/facts.json', path.join(root, 'reference', 'facts.json'));
describeSheet('test/fixtures/cli/council/facts.json', path.join(root, 'test', 'fixtures', 'cli', 'council', 'facts.json'));

describe('reference article', () => {
  it('is byte-identical to ../shared/reference/article.txt', function () {
    const shared = path.join(root, '..', 'shared', 'reference', 'article.txt');
    if (!fs.existsSync(shared)) this.skip();
    assert.ok(fs.readFileSync(path.join(root, 'reference', 'article.txt')).equals(fs.readFileSync(shared)), 'reference/article.txt differs from the shared copy');
  });
});

describe('malformed fact sheets', () => {
  const good = fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8');
  const mutate = (f: (d: any) => void): string => {
    const d = JSON.parse(good);
    f(d);
    return JSON.stringify(d);
  };
  /** Loads `json`, expects a FactSheetError, and returns it. */
  const fails = (json: string): FactSheetError => {
    try {
      loadFactSheet(json);
    } catch (e) {
      assert.ok(e instanceof FactSheetError, `expected FactSheetError, got ${e}`);
      return e;
    }
    assert.fail('loadFactSheet accepted a malformed sheet');
  };
  const expectProblem = (json: string, jsonPath: string, problem: RegExp) => {
    const e = fails(json);
    assert.ok(e.message.includes(jsonPath), `message should name ${jsonPath}: ${e.message}`);
    assert.match(e.message, problem);
    const p = e.problems.find((x) => x.startsWith(`${jsonPath}:`) || x.startsWith(`${jsonPath} `));
    assert.ok(p, `problems should list ${jsonPath}: ${JSON.stringify(e.problems)}`);
    assert.match(p, problem);
    return e;
  };
  const schemaRejects = (json: string) => assert.equal(validateSchema(JSON.parse(json)), false, 'the schema should reject it too');

  it('accepts the good sheet, also with a UTF-8 BOM', () => {
    assert.equal(loadFactSheet('\uFEFF' + good).story.id, JSON.parse(good).story.id);
  });

  it('not JSON', () => {
    const e = fails(good.slice(0, good.length / 2));
    assert.match(e.message, /not valid JSON/);
    assert.equal(e.name, 'FactSheetError');
  });

  it('JSON that is not an object', () => {
    assert.match(fails('[1, 2, 3]').message, /must be a JSON object/);
    assert.match(fails('null').message, /must be a JSON object/);
  });

  it('wrong types name the path and the expected type', () => {
    const cases: [(d: any) => void, string, RegExp][] = [
      [(d) => (d.figures[0].value = '3117'), '$.figures[0].value', /finite number/],
      [(d) => (d.figures[2].value = null), '$.figures[2].value', /finite number/],
      [(d) => (d.entities[0].aliases = 'Araghchi'), '$.entities[0].aliases', /list of non-empty strings/],
      [(d) => (d.entities[1].type = 'robot'), '$.entities[1].type', /must be one of person/],
      [(d) => (d.figures[1].qualifier = 'roughly'), '$.figures[1].qualifier', /must be one of exact/],
      [(d) => (d.figures = { a: 1 }), '$.figures', /must be a list/],
      [(d) => (d.quotes[0].text = 42), '$.quotes[0].text', /non-empty string/],
      [(d) => (d.dates[0].context = ['late', 7]), '$.dates[0].context', /list of non-empty strings/],
      [(d) => (d.entities[0].roles[0].requireQualifier = 'yes'), '$.entities[0].roles[0].requireQualifier', /true or false/],
      [(d) => (d.story = 'iran'), '$.story', /must be an object/],
    ];
    for (const [f, p, re] of cases) {
      const json = mutate(f);
      expectProblem(json, p, re);
      schemaRejects(json);
    }
  });

  it('unknown entity references name the path and the bad id', () => {
    expectProblem(mutate((d) => (d.quotes[0].speaker = 'nobody')), '$.quotes[0].speaker', /entity.*"nobody"/);
    expectProblem(mutate((d) => (d.figures[0].reportedBy = 'ghost-agency')), '$.figures[0].reportedBy', /entity.*"ghost-agency"/);
    expectProblem(mutate((d) => (d.settings[0].entity = 'atlantis')), '$.settings[0].entity', /entity.*"atlantis"/);
    expectProblem(mutate((d) => (d.settings[1].actor = 'someone')), '$.settings[1].actor', /entity.*"someone"/);
    // The path of a list member: "$.settings[0].alsoRight" plus the index, in whatever notation.
    const e = fails(mutate((d) => (d.settings[0].alsoRight = ['oman', 'atlantis'])));
    assert.match(e.message, /\$\.settings\[0\]\.alsoRight\S*1\b.*"atlantis"/);
    // An id of another kind of fact is not an entity.
    expectProblem(mutate((d) => (d.quotes[0].speaker = d.figures[0].id)), '$.quotes[0].speaker', /entity/);
  });

  it('speaksFor names the organisation a person speaks for: another entity, by id', () => {
    const d = JSON.parse(good);
    const person = d.entities.findIndex((e: any) => e.type === 'person');
    const org = d.entities.find((e: any) => e.type !== 'person' && e.type !== 'place');
    d.entities[person].speaksFor = org.id;
    assert.equal(loadFactSheet(JSON.stringify(d)).entities[person].speaksFor, org.id);
    assert.ok(validateSchema(d), JSON.stringify(validateSchema.errors));
    expectProblem(mutate((x) => (x.entities[person].speaksFor = 'acme')), `$.entities[${person}].speaksFor`, /entity.*"acme"/);
    expectProblem(mutate((x) => (x.entities[person].speaksFor = x.entities[person].id)), `$.entities[${person}].speaksFor`, /not itself/);
    const json = mutate((x) => (x.entities[person].speaksFor = 7));
    expectProblem(json, `$.entities[${person}].speaksFor`, /entity/);
    schemaRejects(json);
  });

  it('a bad reportedBy or speaker suggests the nearest entity id (or the id of the name it gives)', () => {
    const d = JSON.parse(good);
    const e = d.entities.find((x: any) => x.id.length > 5);
    const typo = e.id.slice(0, -1) + (e.id.endsWith('x') ? 'y' : 'x');
    expectProblem(mutate((x) => (x.figures[0].reportedBy = typo)), '$.figures[0].reportedBy', new RegExp(`did you mean "${e.id}"\\?`));
    expectProblem(mutate((x) => (x.quotes[0].speaker = e.name)), '$.quotes[0].speaker', new RegExp(`did you mean "${e.id}"\\?`));
    // Nothing near: no suggestion.
    const far = fails(mutate((x) => (x.quotes[0].speaker = 'zzzzzzzzzzzzzzzz')));
    assert.doesNotMatch(far.message, /did you mean/);
  });

  it('a figure’s or a date’s text that is not in its cited sentence is an error (with the article at hand)', () => {
    const article = fs.readFileSync(path.join(root, 'reference', 'article.txt'), 'utf8');
    assert.deepEqual(checkCitations(loadFactSheet(good), article), []);
    const d = JSON.parse(good);
    const f = d.figures.findIndex((x: any) => /\d/.test(x.text));
    const other = d.figures.find((y: any, k: number) => k !== f && !y.source.includes(d.figures[f].text)).source;
    const moved = loadFactSheet(mutate((x) => (x.figures[f].source = other)));
    assert.deepEqual(checkCitations(moved, article).map((p) => p.split(':')[0]), [`$.figures[${f}].text`]);
    assert.match(checkCitations(moved, article)[0], /not in its cited source sentence/);
    const date = loadFactSheet(mutate((x) => (x.dates[0].text = 'on the twelfth of never')));
    assert.match(checkCitations(date, article).join('\n'), /^\$\.dates\[0\]\.text: the date "on the twelfth of never" is not in its cited source sentence/);
  });

  it('duplicate ids name the second occurrence', () => {
    expectProblem(mutate((d) => (d.figures[1].id = d.figures[0].id)), '$.figures[1].id', /duplicate id "deaths-authorities"/);
    // Ids are unique across kinds of fact, too.
    expectProblem(mutate((d) => (d.quotes[0].id = d.entities[0].id)), '$.quotes[0].id', /duplicate id/);
  });

  it('missing or empty source names the path', () => {
    const json = mutate((d) => delete d.entities[0].source);
    expectProblem(json, '$.entities[0].source', /non-empty string/);
    schemaRejects(json);
    expectProblem(mutate((d) => (d.quotes[2].source = '   ')), '$.quotes[2].source', /non-empty string/);
    expectProblem(mutate((d) => delete d.settings[0].source), '$.settings[0].source', /non-empty string/);
  });

  it('a misspelt property (requireQualifer) is named, not silently ignored', () => {
    const e = fails(
      mutate((d) => {
        d.entities[0].roles[0].requireQualifer = true;
      }),
    );
    assert.ok(e.message.includes('$.entities[0].roles[0].requireQualifer: unknown property'), e.message);
  });

  it('a bad alsoRight id names its index', () => {
    const e = fails(
      mutate((d) => {
        d.settings[0].alsoRight = ['nowhere'];
      }),
    );
    assert.ok(e.message.includes('$.settings[0].alsoRight[0]'), e.message);
  });

  it('lists every problem, not just the first', () => {
    const e = fails(
      mutate((d) => {
        delete d.entities[0].source;
        d.figures[0].value = 'x';
        d.quotes[0].speaker = 'nobody';
      }),
    );
    assert.equal(e.problems.length, 3, JSON.stringify(e.problems));
    for (const p of ['$.entities[0].source', '$.figures[0].value', '$.quotes[0].speaker']) assert.ok(e.message.includes(p), p);
  });
});
