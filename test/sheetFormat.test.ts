import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { analyze, check, checkCitations, ENTITY_TYPES, FactSheetError, validateFactSheet, type FactSheet, type Finding } from '../src/core';
import { ARTICLE, sheet as story } from './helpers/orrinStory';

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'facts.schema.json'), 'utf8'));
const validateSchema = new Ajv2020({ allErrors: true }).compile(schema);

/** The story's sheet after `edit`, validated by the schema and the loader alike. */
function sheetWith(edit: (s: any) => void = () => {}): FactSheet {
  const data = story();
  edit(data);
  assert.ok(validateSchema(data), JSON.stringify(validateSchema.errors));
  return validateFactSheet(data);
}

/** The problems the loader reports for the story's sheet after `edit`. */
function problemsOf(edit: (s: any) => void, schemaToo = true): string[] {
  const data = story();
  edit(data);
  // The schema cannot see references between facts; their shape it can.
  if (schemaToo) assert.equal(validateSchema(data), false, 'the schema refuses it too');
  try {
    validateFactSheet(data);
  } catch (e) {
    if (e instanceof FactSheetError) return e.problems;
    throw e;
  }
  return [];
}

/** The one finding of a draft, with the draft after its preferred fix. */
function oneFinding(draft: string, sheet: FactSheet = sheetWith()): { finding: Finding; flagged: string; fixed: string } {
  const found = check(draft, sheet);
  assert.equal(found.length, 1, `one finding in ${JSON.stringify(draft)}; got ${JSON.stringify(found.map((f) => f.message))}`);
  const [finding] = found;
  let fixed = draft;
  for (const e of [...(finding.fixes[0]?.edits ?? [])].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start) + e.text + fixed.slice(e.end);
  return { finding, flagged: draft.slice(finding.start, finding.end), fixed };
}

/** A draft the sheet has nothing against, with the ids of the figures and dates it confirms. */
function confirmed(draft: string, sheet: FactSheet = sheetWith()): string[] {
  const { findings, confirmations } = analyze(draft, sheet);
  assert.deepEqual(findings.map((f) => f.message), [], `no finding in ${JSON.stringify(draft)}`);
  const facts = new Set([...sheet.figures, ...sheet.dates].map((f) => f.id));
  return confirmations.map((c) => c.factId).filter((id) => facts.has(id));
}

describe('sheet format: the invented story', () => {
  it('validates by the schema and the loader, and every citation is in its article', () => {
    assert.deepEqual(checkCitations(sheetWith(), ARTICLE), []);
  });
  it('the schema, the loader and the types list the same entity types', () => {
    assert.deepEqual(schema.properties.entities.items.properties.type.enum, [...ENTITY_TYPES]);
  });
});

describe('sheet format: product entities', () => {
  it('a product is an entity type: its name is checked, and it never speaks', () => {
    assert.equal(sheetWith().entities.find((e) => e.id === 'vela')?.type, 'product');
    const { flagged, fixed } = oneFinding('Orrin is recalling its Vella scooters.');
    assert.equal(flagged, 'Vella');
    assert.equal(fixed, 'Orrin is recalling its Vela scooters.');
  });
  it('an unknown type is refused, naming the types allowed', () => {
    assert.match(problemsOf((s) => (s.entities[1].type = 'gadget')).join('\n'), /\$\.entities\[1\]\.type: must be one of .*product/);
  });
});

describe('sheet format: qualifiers up-to and closer-to', () => {
  it('"up to" and "as much as" are upper bounds the figure may reach: the same bound agrees, a lower bound does not', () => {
    assert.deepEqual(confirmed('Orrin will spend up to $150 million on the recall.'), ['recall-cost']);
    assert.deepEqual(confirmed('Whitlow said as many as 12,000 scooters were affected by the fault.'), ['affected']);
    const { finding, fixed } = oneFinding('Orrin Motors will spend more than $150 million on the recall.');
    assert.equal(finding.verified, 'as much as $150 million');
    // The fix gives the article's own words for the bound, not "fewer than".
    assert.equal(fixed, 'Orrin Motors will spend as much as $150 million on the recall.');
    assert.equal(oneFinding('Whitlow said the fault affected more than 12,000 scooters.').fixed, 'Whitlow said the fault affected up to 12,000 scooters.');
  });
  it('a wrong value under "up to" is flagged with the verified value', () => {
    assert.equal(oneFinding('Orrin will spend as much as $160 million on the recall.').fixed, 'Orrin will spend as much as $150 million on the recall.');
  });
  it('"closer to" is an estimate: an honest rounding agrees, another value does not', () => {
    assert.deepEqual(confirmed('Brenner Capital analysts put the cost to suppliers at about $40 million.'), ['supplier-cost']);
    assert.equal(oneFinding('Brenner Capital analysts put the cost to suppliers closer to $45 million.').fixed, 'Brenner Capital analysts put the cost to suppliers closer to $40 million.');
  });
  it('an unknown qualifier is refused, naming the ones allowed', () => {
    assert.match(problemsOf((s) => (s.figures[0].qualifier = 'as-much-as')).join('\n'), /\$\.figures\[0\]\.qualifier: must be one of .*up-to.*closer-to/);
  });
});

describe('sheet format: about', () => {
  it('whom a figure is about ties it to its fact, where what it counts names nobody', () => {
    assert.deepEqual(confirmed('The court sentenced Oduya to four years.'), ['oduya-term']);
    const { finding, fixed } = oneFinding('The court sentenced Oduya to seven and a half years.');
    assert.equal(finding.factId, 'oduya-term');
    assert.equal(fixed, 'The court sentenced Oduya to four years.');
    assert.equal(oneFinding('Lanser was sentenced to four years.').finding.factId, 'lanser-term');
    // Without `about`, seven and a half years is the engineer's term, whoever the clause names.
    const without = sheetWith((s) => s.figures.forEach((f: any) => delete f.about));
    assert.deepEqual(confirmed('The court sentenced Oduya to seven and a half years.', without), ['lanser-term']);
  });
  it('about must name entities, with a suggestion for a near miss', () => {
    assert.match(problemsOf((s) => (s.figures[3].about = ['lansr']), false).join('\n'), /\$\.figures\[3\]\.about\[0\]: must be the id of an entity \(got "lansr"\); did you mean "lanser"\?/);
    assert.match(problemsOf((s) => (s.figures[3].about = [])).join('\n'), /\$\.figures\[3\]\.about: must be a non-empty list/);
  });
});

describe('sheet format: durations', () => {
  it('a duration in one figure, in words or in two parts, agrees with the verified one', () => {
    for (const said of ['7.5 years', 'seven and a half years', 'seven years and six months', '7 years and 6 months', '90 months', 'about seven years']) {
      assert.deepEqual(confirmed(`Lanser was sentenced to ${said} in prison.`), ['lanser-term'], said);
    }
  });
  it('a wrong duration is flagged whole, and the fix keeps the draft’s form where it can', () => {
    let r = oneFinding('Lanser was sentenced to eight years and six months in prison.');
    assert.equal(r.flagged, 'eight years and six months');
    assert.equal(r.finding.verified, 'seven years and six months');
    assert.equal(r.fixed, 'Lanser was sentenced to seven years and six months in prison.');
    r = oneFinding('Lanser was sentenced to 8.5 years in prison.');
    assert.equal(r.fixed, 'Lanser was sentenced to 7.5 years in prison.');
    r = oneFinding('Lanser was sentenced to seven years and two months in prison.');
    assert.equal(r.fixed, 'Lanser was sentenced to seven years and six months in prison.');
  });
  it('"seven and a half" reads as 7.5, not 7', () => {
    assert.equal(oneFinding('Oduya was sentenced to seven and a half years in prison.').fixed, 'Oduya was sentenced to four years in prison.');
  });
  it('a duration needs its unit, and its text must say its value', () => {
    assert.match(problemsOf((s) => delete s.figures[3].unit).join('\n'), /\$\.figures\[3\]\.unit: a duration needs its unit: one of years, months/);
    assert.match(problemsOf((s) => (s.figures[3].value = 7), false).join('\n'), /\$\.figures\[3\]\.text: "seven years and six months" reads as 7\.5 years, but value is 7/);
    assert.match(problemsOf((s) => (s.figures[3].unit = 'decades')).join('\n'), /\$\.figures\[3\]\.unit/);
    assert.match(problemsOf((s) => (s.figures[0].unit = 'years')).join('\n'), /\$\.figures\[0\]\.unit: only a figure of kind duration has a unit/);
  });
});

describe('sheet format: speaksFor', () => {
  it('a spokesperson’s figure is their organisation’s', () => {
    assert.deepEqual(confirmed('Dana Whitlow said up to 12,000 scooters were affected by the fault.'), ['affected']);
    const { fixed } = oneFinding('Dana Whitlow said up to 21,000 scooters were affected by the fault.');
    assert.equal(fixed, 'Dana Whitlow said up to 12,000 scooters were affected by the fault.');
  });
});
