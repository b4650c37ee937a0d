import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { analyze, check, checkCitations, describeFact, ENTITY_TYPES, FactSheetError, sourceLabel, validateFactSheet, type FactSheet, type Finding } from '../src/core';
import { SheetResolver } from '../src/cli/sheets';
import { confirmationHoverMarkdown } from '../src/extension/hoverMarkdown';
import { ARTICLE, TRANSCRIPT, sheet as story } from './helpers/orrinStory';

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
    assert.deepEqual(checkCitations(sheetWith(), ARTICLE, { transcript: TRANSCRIPT }), []);
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

describe('sheet format: pence', () => {
  const src = 'The board proposed a final dividend of 14.2p a share, and the shares closed at 318p.';
  const pence = validateFactSheet({
    story: { id: 'pence', title: 'Results', article: 'article.md' },
    entities: [],
    figures: [
      { id: 'dividend', kind: 'money', value: 0.142, currency: 'GBP', text: '14.2p', qualifier: 'exact', counts: 'final dividend per share', context: ['dividend'], source: src },
      { id: 'price', kind: 'money', value: 3.18, currency: 'GBP', text: '318p', qualifier: 'exact', counts: 'closing share price', context: ['shares', 'closed'], source: src },
    ],
    dates: [],
    quotes: [],
    settings: [],
  });
  it('a figure in pence is money in pounds: "14.2 pence" agrees with "14.2p", a slip is fixed in pence', () => {
    assert.deepEqual(confirmed('The final dividend is 14.2 pence a share.', pence), ['dividend']);
    assert.equal(oneFinding('The final dividend is 12.4p a share.', pence).fixed, 'The final dividend is 14.2p a share.');
    assert.equal(oneFinding('The shares closed at 381p.', pence).fixed, 'The shares closed at 318p.');
  });
  it('a text in pence must say the value in pounds', () => {
    assert.throws(() => validateFactSheet({ story: { id: 'pence', title: 'Results', article: 'article.md' }, entities: [], figures: [{ id: 'dividend', kind: 'money', value: 14.2, currency: 'GBP', text: '14.2p', qualifier: 'exact', counts: 'dividend', context: ['dividend'], source: src }], dates: [], quotes: [], settings: [] }), /14\.2p/);
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
    assert.match(problemsOf((s) => (s.figures[4].about = ['lansr']), false).join('\n'), /\$\.figures\[4\]\.about\[0\]: must be the id of an entity \(got "lansr"\); did you mean "lanser"\?/);
    assert.match(problemsOf((s) => (s.figures[4].about = [])).join('\n'), /\$\.figures\[4\]\.about: must be a non-empty list/);
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
    assert.match(problemsOf((s) => delete s.figures[4].unit).join('\n'), /\$\.figures\[4\]\.unit: a duration needs its unit: one of years, months/);
    assert.match(problemsOf((s) => (s.figures[4].value = 7), false).join('\n'), /\$\.figures\[4\]\.text: "seven years and six months" reads as 7\.5 years, but value is 7/);
    assert.match(problemsOf((s) => (s.figures[4].unit = 'decades')).join('\n'), /\$\.figures\[4\]\.unit/);
    assert.match(problemsOf((s) => (s.figures[0].unit = 'years')).join('\n'), /\$\.figures\[0\]\.unit: only a figure of kind duration has a unit/);
  });
  it('hours and minutes: "six hours and 40 minutes" is 6.67 hours (a value rounded to two decimals) or 400 minutes', () => {
    const said = (value: number, unit: string) => (s: any) => Object.assign(s.figures[4], { text: 'six hours and 40 minutes', value, unit });
    assert.deepEqual(problemsOf(said(6.67, 'hours'), false), []);
    assert.deepEqual(problemsOf(said(400, 'minutes'), false), []);
    assert.equal(validateSchema((() => { const d = story(); said(400, 'minutes')(d); return d; })()), true, 'the schema takes minutes');
    assert.match(problemsOf(said(6.4, 'hours'), false).join('\n'), /"six hours and 40 minutes" reads as 6\.6667 hours, but value is 6\.4/);
  });
});

describe('sheet format: speaksFor', () => {
  it('a spokesperson’s figure is their organisation’s', () => {
    assert.deepEqual(confirmed('Dana Whitlow said up to 12,000 scooters were affected by the fault.'), ['affected']);
    const { fixed } = oneFinding('Dana Whitlow said up to 21,000 scooters were affected by the fault.');
    assert.equal(fixed, 'Dana Whitlow said up to 12,000 scooters were affected by the fault.');
  });
});

describe('sheet format: ranges', () => {
  it('a range is one fact, checked as a pair: the wrong end is flagged, with that end as the fix', () => {
    assert.deepEqual(confirmed('Brenner Capital forecast revenue of between $9.4bn and $9.8bn.'), ['revenue', 'revenue']);
    assert.deepEqual(confirmed('Brenner Capital forecast revenue of $9.4bn to $9.8bn.'), ['revenue', 'revenue']);
    let r = oneFinding('Brenner Capital forecast revenue of between $9.4bn and $9.9bn.');
    assert.equal(r.flagged, '$9.9bn');
    assert.equal(r.finding.factId, 'revenue');
    assert.equal(r.fixed, 'Brenner Capital forecast revenue of between $9.4bn and $9.8bn.');
    r = oneFinding('Brenner Capital forecast revenue of between $9.3bn and $9.8bn.');
    assert.equal(r.fixed, 'Brenner Capital forecast revenue of between $9.4bn and $9.8bn.');
  });
  it('the first end of a range whose second end is verified is that range\'s, though another fact has its value', () => {
    // Last year's revenue, $9.3bn, is another fact: "between $9.3bn and $9.8bn" is still the forecast's wrong first end.
    const sheet = sheetWith((s) => s.figures.push({ ...s.figures[3], id: 'last-revenue', range: undefined, value: 9.3e9, text: '$9.3bn', counts: 'revenue last year', context: ['revenue'] }));
    assert.equal(oneFinding('Brenner Capital forecast revenue of between $9.3bn and $9.8bn.', sheet).fixed, 'Brenner Capital forecast revenue of between $9.4bn and $9.8bn.');
    assert.deepEqual(confirmed('Brenner Capital forecast revenue of between $9.4bn and $9.8bn.', sheet), ['revenue', 'revenue']);
  });
  it('its text must say both ends, and it has no value of its own', () => {
    assert.match(problemsOf((s) => (s.figures[3].range.high = 9.9e9), false).join('\n'), /\$\.figures\[3\]\.text: "between \$9\.4bn and \$9\.8bn" does not say the range's high end 9900000000/);
    assert.match(problemsOf((s) => (s.figures[3].value = 9.6e9)).join('\n'), /\$\.figures\[3\]\.value: a range has no value of its own/);
    assert.match(problemsOf((s) => (s.figures[3].range = { low: 9.8e9, high: 9.4e9 }), false).join('\n'), /\$\.figures\[3\]\.range: low .* must be below high/);
    // The loaded sheet gives a range its low end as value, for code that reads one.
    assert.equal(sheetWith().figures[3].value, 9.4e9);
  });
  it('a range of days is a date’s text, compared end by end', () => {
    assert.deepEqual(confirmed('Dealers will inspect scooters from 14 to 16 March.'), ['inspections']);
    assert.equal(oneFinding('Dealers will inspect scooters from 14 to 17 March.').fixed, 'Dealers will inspect scooters from 14 to 16 March.');
  });
  it('a span of dates across months has two ends: either end agrees, a wrong one is fixed to that end', () => {
    const src = 'A consultation on the new timetable will run from 20 October to 28 November, the operator said.';
    const span = validateFactSheet({
      story: { id: 'span', title: 'Timetable', article: 'article.md' },
      entities: [],
      figures: [],
      dates: [{ id: 'consultation', text: '20 October to 28 November', event: 'the consultation on the timetable runs', context: ['consultation'], source: src }],
      quotes: [],
      settings: [],
    });
    assert.deepEqual(confirmed(src, span), ['consultation', 'consultation']);
    assert.deepEqual(confirmed('The consultation closes on 28 November.', span), ['consultation']);
    assert.deepEqual(confirmed('The consultation opens on 20 October.', span), ['consultation']);
    assert.equal(oneFinding('The consultation closes on 28 December.', span).fixed, 'The consultation closes on 28 November.');
    assert.equal(oneFinding('The consultation runs from 20 October to 29 November.', span).fixed, 'The consultation runs from 20 October to 28 November.');
    assert.equal(oneFinding('The consultation opens on 20 September.', span).fixed, 'The consultation opens on 20 October.');
    // Level between the ends, the end of the same day: "28 October" is a slip for 28 November.
    assert.equal(oneFinding('The consultation closes on 28 October.', span).fixed, 'The consultation closes on 28 November.');
    // Ends of one month in two years are two ends too.
    const years = validateFactSheet({ story: { id: 'span', title: 'Pilot', article: 'article.md' }, entities: [], figures: [], quotes: [], settings: [], dates: [{ id: 'pilot', text: '1 March 2023 to 1 March 2024', event: 'the pilot scheme ran', context: ['pilot'], source: 'The pilot ran from 1 March 2023 to 1 March 2024.' }] });
    assert.deepEqual(confirmed('The pilot ran from 1 March 2023 to 1 March 2024.', years), ['pilot', 'pilot']);
    assert.deepEqual(confirmed('The pilot ran until 1 March 2024.', years), ['pilot']);
  });
});

describe('sheet format: weekday, month and time of a dated event', () => {
  it('a wrong weekday is flagged and only the weekday replaced', () => {
    assert.deepEqual(confirmed('The recall begins on Friday 14 March.'), ['recall-start', 'recall-start']);
    const r = oneFinding('The recall begins on Thursday 14 March.');
    assert.equal(r.flagged, 'Thursday');
    assert.equal(r.fixed, 'The recall begins on Friday 14 March.');
    assert.equal(oneFinding('The recall begins on Thursday.').fixed, 'The recall begins on Friday.');
  });
  it('a figure\'s digit groups are no commas of the clause: the event word before "12,000 scooters" still dates the weekday after them', () => {
    assert.equal(oneFinding('Orrin begins its recall of all 12,000 scooters in the Vela range on Thursday 14 March.').fixed, 'Orrin begins its recall of all 12,000 scooters in the Vela range on Friday 14 March.');
  });
  it('a weekday before a day and month is that day\'s: in a sentence about another event, "Thursday 14 March" is a slip for the recall\'s Friday', () => {
    const r = oneFinding('Dealers will inspect the scooters from Thursday 14 March.');
    assert.equal(r.flagged, 'Thursday');
    assert.equal(r.fixed, 'Dealers will inspect the scooters from Friday 14 March.');
    assert.equal(r.finding.factId, 'recall-start');
    assert.ok(confirmed('Dealers will inspect the scooters from Friday, 14 March.').includes('recall-start'));
    // Not a day of another year: 14 March 2024 was a Thursday.
    assert.deepEqual(confirmed('That fault was found on Thursday 14 March 2024.'), []);
  });
  it('a lone function word of a date\'s context ("from") never outweighs another event\'s content word', () => {
    const fromWord = sheetWith((s) => Object.assign(s.dates.find((d: any) => d.id === 'inspections'), { weekday: 'Friday', context: ['inspect', 'from'] }));
    const r = oneFinding('Orrin said the recall of the Vela scooters begins from Thursday.', fromWord);
    assert.equal(r.finding.factId, 'recall-start');
    assert.equal(r.fixed, 'Orrin said the recall of the Vela scooters begins from Friday.');
    // Whatever its stem: "since" and "during" are function words too.
    for (const word of ['since', 'during']) {
      const other = sheetWith((s) => Object.assign(s.dates.find((d: any) => d.id === 'inspections'), { weekday: 'Friday', context: ['inspect', word] }));
      assert.equal(oneFinding(`Orrin said the recall of the Vela scooters begins ${word} Thursday.`, other).finding.factId, 'recall-start', word);
    }
  });
  it('a wrong time is flagged, the fix in the draft’s clock', () => {
    assert.deepEqual(confirmed('The recall begins at 9 a.m. on Friday.'), ['recall-start', 'recall-start']);
    assert.equal(oneFinding('The recall begins on 14 March at 10am.').fixed, 'The recall begins on 14 March at 9am.');
    assert.equal(oneFinding('The recall starts at 09:30.').fixed, 'The recall starts at 09:00.');
  });
  it('a time under a bound or an estimate is true of the event near it ("shortly after 8.30am", "around 9am"); a false one is fixed, its bound kept', () => {
    assert.deepEqual(confirmed('The recall begins shortly after 8.45am on Friday.'), ['recall-start', 'recall-start']);
    assert.deepEqual(confirmed('The recall begins just before 9.30am on Friday.'), ['recall-start', 'recall-start']);
    assert.deepEqual(confirmed('The recall begins around 8.50am on Friday.'), ['recall-start', 'recall-start']);
    // A bare "after" or "by" is true of any time on its side that day.
    assert.deepEqual(confirmed('The recall begins after 7am on Friday.'), ['recall-start', 'recall-start']);
    assert.equal(oneFinding('The recall begins shortly after 10am on Friday.').fixed, 'The recall begins shortly after 9am on Friday.');
    assert.equal(oneFinding('The recall begins after 9.15am on Friday.').fixed, 'The recall begins after 9am on Friday.');
    assert.equal(oneFinding('The recall will have begun by 8am on Friday.').fixed, 'The recall will have begun by 9am on Friday.');
    assert.equal(oneFinding('The recall begins at around 10am on Friday.').fixed, 'The recall begins at around 9am on Friday.');
  });
  it('the month of an event told "last month" is checked against a draft’s month', () => {
    assert.deepEqual(confirmed('The fault was found in February.'), ['fault-found']);
    assert.equal(oneFinding('The fault was found in January.').fixed, 'The fault was found in February.');
  });
  it('a wrong day of the right month is flagged and only the day replaced, in the draft\'s form', () => {
    const r = oneFinding('The recall begins on Friday 21 March.');
    assert.equal(r.flagged, '21');
    assert.equal(r.fixed, 'The recall begins on Friday 14 March.');
    assert.equal(oneFinding('The recall begins on the 21st of March.').fixed, 'The recall begins on the 14th of March.');
  });
  it('a wrong month of the right day, with no year, is flagged and only the month replaced', () => {
    const r = oneFinding('The recall begins on Friday 14 April.');
    assert.equal(r.flagged, 'April');
    assert.equal(r.fixed, 'The recall begins on Friday 14 March.');
    assert.equal(oneFinding('The recall begins in April.').fixed, 'The recall begins in March.');
  });
  it('an abbreviated month beside its day is read ("14 Apr", "Mar 14"), and its fix is the verified month\'s abbreviation', () => {
    assert.deepEqual(confirmed('The recall begins 14 Mar.'), ['recall-start']);
    const r = oneFinding('The recall begins on 14 Apr.');
    assert.equal(r.flagged, 'Apr');
    assert.equal(r.fixed, 'The recall begins on 14 Mar.');
    assert.equal(oneFinding('The recall begins Apr 14.').fixed, 'The recall begins Mar 14.');
    // A terse line's abbreviated weekday and month are no names of another story.
    assert.equal(oneFinding('The recall begins Fri 21 Mar.').flagged, '21');
    // Not a verb, nor a month without its day.
    assert.deepEqual(confirmed('Nothing will mar the recall, which begins in Mar.'), []);
  });
  it('the fields must be a weekday, a month and a 24-hour time, and agree with the text', () => {
    assert.match(problemsOf((s) => (s.dates[0].weekday = 'friday')).join('\n'), /\$\.dates\[0\]\.weekday: must be one of Monday/);
    assert.match(problemsOf((s) => (s.dates[0].time = '9am')).join('\n'), /\$\.dates\[0\]\.time: must be a 24-hour time/);
    assert.match(problemsOf((s) => (s.dates[0].month = 'April'), false).join('\n'), /\$\.dates\[0\]\.month: is April, but the date's text says March/);
  });
});

describe('sheet format: ratios, relative changes and points', () => {
  it('a relative risk of 0.60 agrees with the ratio, "40% lower risk" and "a 40% reduction"', () => {
    assert.deepEqual(confirmed('Riders with the new brakes had a relative risk of crashes of 0.6.'), ['brake-risk']);
    assert.deepEqual(confirmed('The new brakes gave riders a 40% lower risk of crashes.'), ['brake-risk']);
    assert.deepEqual(confirmed('The trial found a 40% reduction in crashes with the new brakes.'), ['brake-risk']);
    // A relative change before "than" is checked, not left alone as a difference of two figures.
    assert.deepEqual(confirmed('Riders with the new brakes had a 40% lower risk of crashes than riders without them.'), ['brake-risk']);
  });
  it('a wrong relative risk is flagged, with the fix in the draft’s form', () => {
    let r = oneFinding('The new brakes gave riders a 45% lower risk of crashes.');
    assert.equal(r.finding.factId, 'brake-risk');
    assert.equal(r.fixed, 'The new brakes gave riders a 40% lower risk of crashes.');
    r = oneFinding('Riders with the new brakes had a relative risk of crashes of 0.75.');
    assert.equal(r.fixed, 'Riders with the new brakes had a relative risk of crashes of 0.60.');
    r = oneFinding('The new brakes gave riders a 40% higher risk of crashes.');
    assert.equal(r.flagged, '40% higher');
    assert.equal(r.fixed, 'The new brakes gave riders a 40% lower risk of crashes.');
  });
  it('is never confused with a share: a share of 40% is no relative risk of 0.40, and back', () => {
    assert.equal(oneFinding('Riders with the new brakes had a relative risk of crashes of 0.40.').fixed, 'Riders with the new brakes had a relative risk of crashes of 0.60.');
    assert.deepEqual(confirmed('About 40% of the scooters were sold in Europe.'), ['europe-share']);
    const r = oneFinding('About 60% of the scooters were sold in Europe.');
    assert.equal(r.finding.factId, 'europe-share');
    assert.equal(r.fixed, 'About 40% of the scooters were sold in Europe.');
  });
  it('a change is rounded honestly under the draft\'s qualifier, on its size', () => {
    // The sheet's market share rose 2.1 points.
    assert.deepEqual(confirmed('Orrin’s share of the scooter market rose more than 2 points this year.'), ['market-share']);
    assert.deepEqual(confirmed('Orrin’s share of the scooter market rose about 2 points this year.'), ['market-share']);
    assert.equal(oneFinding('Orrin’s share of the scooter market rose almost 2 points this year.').finding.factId, 'market-share');
    assert.equal(oneFinding('Orrin’s share of the scooter market rose more than 3 points this year.').finding.factId, 'market-share');
  });
  it('a change in points is checked as points', () => {
    assert.deepEqual(confirmed('Orrin’s share of the scooter market was up 2.1 points this year.'), ['market-share']);
    assert.deepEqual(confirmed('Brenner Capital said Orrin’s market share rose 2.1 percentage points.'), ['market-share']);
    const r = oneFinding('Orrin’s share of the scooter market rose 2.4 points this year.');
    assert.equal(r.finding.factId, 'market-share');
    assert.equal(r.fixed, 'Orrin’s share of the scooter market rose 2.1 points this year.');
    assert.equal(oneFinding('Orrin’s share of the scooter market fell 2.1 points this year.').finding.factId, 'market-share');
  });
  it('a direction verb several words before "by" reads the figure as a relative change ("cut the risk of crashes for riders in busy cities by 40%")', () => {
    const crashed = sheetWith((s) => s.figures.push({ id: 'crash-share', kind: 'share', value: 0.12, text: '12%', qualifier: 'exact', counts: 'riders who crashed', context: ['crashes', 'riders'], source: s.figures.find((f: any) => f.id === 'brake-risk').source }));
    assert.deepEqual(confirmed('The new brakes cut the risk of crashes for riders in busy cities by 40%.', crashed), ['brake-risk']);
    assert.equal(oneFinding('The new brakes cut the risk of crashes for riders in busy cities by 45%.', crashed).finding.factId, 'brake-risk');
  });
  it('the ends of a verified interval are that interval\'s, never the ratio it brackets', () => {
    const interval = sheetWith((s) => s.figures.push({ id: 'brake-ci', kind: 'count', range: { low: 0.45, high: 0.8 }, text: '0.45 to 0.80', qualifier: 'exact', counts: 'confidence interval of the relative risk', context: ['confidence interval', 'interval'], source: s.figures.find((f: any) => f.id === 'brake-risk').source }));
    assert.deepEqual(confirmed('Riders with the new brakes had a relative risk of crashes of 0.60 (confidence interval 0.45 to 0.80).', interval), ['brake-risk', 'brake-ci', 'brake-ci']);
    assert.equal(oneFinding('Riders with the new brakes had a relative risk of crashes of 0.60 (confidence interval 0.45 to 0.85).', interval).finding.factId, 'brake-ci');
  });
  it('a ratio needs ratioOf, and its text must say its value', () => {
    assert.match(problemsOf((s) => delete s.figures[5].ratioOf).join('\n'), /\$\.figures\[5\]\.ratioOf: a ratio needs ratioOf: one of relative-risk, change, points/);
    assert.match(problemsOf((s) => (s.figures[5].value = 0.7), false).join('\n'), /\$\.figures\[5\]\.text: "0\.60" reads as 0\.6, but a relative-risk of 0\.7 is said 0\.7 or 30%/);
    assert.match(problemsOf((s) => (s.figures[0].ratioOf = 'points')).join('\n'), /\$\.figures\[0\]\.ratioOf: only a figure of kind ratio has ratioOf/);
    // "40% lower" says a relative risk of 0.60 too.
    assert.doesNotThrow(() => sheetWith((s) => Object.assign(s.figures[5], { text: '40% lower' })));
  });
});

describe('sheet format: several source documents', () => {
  it('a fact cites a story document: its sentence is checked against that document', () => {
    const sheet = sheetWith();
    assert.deepEqual(sheet.story.documents?.map((d) => d.id), ['transcript']);
    assert.deepEqual(checkCitations(sheet, ARTICLE, { transcript: TRANSCRIPT }), []);
    // Not in the article: the quote's sentence is the transcript's.
    const asArticle = sheetWith((s) => delete s.quotes[0].document);
    assert.match(checkCitations(asArticle, ARTICLE, { transcript: TRANSCRIPT }).join('\n'), /\$\.quotes\[0\]\.source: the cited sentence is not in the article "article\.md"/);
  });
  it('a citation not in its document is an error naming the document', () => {
    const sheet = sheetWith((s) => (s.figures[4].document = 'transcript'));
    assert.match(checkCitations(sheet, ARTICLE, { transcript: TRANSCRIPT }).join('\n'), /\$\.figures\[4\]\.source: the cited sentence is not in the document "transcript" "transcript\.txt"/);
    assert.match(checkCitations(sheetWith(), ARTICLE).join('\n'), /\$\.quotes\[0\]\.document: the document "transcript" \("transcript\.txt"\) was not read/);
  });
  it('a fact’s document must be one of the story’s, and documents need id, path and title', () => {
    assert.match(problemsOf((s) => (s.quotes[0].document = 'transcirpt'), false).join('\n'), /\$\.quotes\[0\]\.document: must be the id of a document in \$\.story\.documents \(got "transcirpt"\); the documents are "transcript"/);
    assert.match(problemsOf((s) => delete s.story.documents[0].title).join('\n'), /\$\.story\.documents\[0\]\.title: must be a non-empty string/);
    assert.match(problemsOf((s) => s.story.documents.push({ ...s.story.documents[0] }), false).join('\n'), /\$\.story\.documents\[1\]\.id: duplicate document id "transcript"/);
  });
  it('a draft is checked against a document’s fact, and its description names the document', () => {
    const sheet = sheetWith();
    assert.equal(check('Lanser said he was “sorry for what happened to the riders”.', sheet).length, 0);
    const d = describeFact(sheet, 'lanser-apology')!;
    assert.deepEqual(d.document, { id: 'transcript', title: 'Court transcript, day 4' });
    assert.equal(sourceLabel(d), 'Source: Court transcript, day 4');
    assert.equal(sourceLabel(describeFact(sheet, 'recall-cost')!), undefined);
    assert.match(confirmationHoverMarkdown(d, undefined, 'transcript.txt, line 3'), /Source: Court transcript, day 4 \(transcript\.txt, line 3\)/);
  });
  it('the CLI reads each document beside the sheet; a missing one names the sheet and the document', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'fc-docs-'));
    try {
      fs.writeFileSync(path.join(dir, 'article.md'), ARTICLE);
      fs.writeFileSync(path.join(dir, 'facts.json'), JSON.stringify(story()));
      const resolver = () => new SheetResolver(dir);
      let r = resolver().sheet(path.join(dir, 'facts.json'));
      assert.equal(r.ok, false);
      assert.match(!r.ok ? r.error : '', /^facts\.json: bad fact sheet\n {2}\$\.story\.documents\[0\]\.path: the document "transcript" \("transcript\.txt"\) cannot be read/);
      fs.writeFileSync(path.join(dir, 'transcript.txt'), TRANSCRIPT);
      r = resolver().sheet(path.join(dir, 'facts.json'));
      assert.equal(r.ok, true, !r.ok ? r.error : '');
      const outside = story();
      outside.story.documents[0].path = '../transcript.txt';
      fs.writeFileSync(path.join(dir, 'facts.json'), JSON.stringify(outside));
      r = resolver().sheet(path.join(dir, 'facts.json'));
      assert.match(!r.ok ? r.error : '', /\$\.story\.documents\[0\]\.path: the document "transcript" \("\.\.\/transcript\.txt"\) is outside the folder of its fact sheet/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
