/**
 * An invented story for the sheet-format tests (test/sheetFormat.test.ts): every optional
 * field of the sheet is used by one fact of it. Not a real company, product or person.
 */
export const ARTICLE = [
  '# Orrin Motors recalls Vela scooters',
  '',
  'Orrin Motors will spend as much as $150 million recalling its Vela scooters, the company said.',
  '',
  'Dana Whitlow, a spokesperson for Orrin Motors, said the fault affected up to 12,000 scooters.',
  '',
  'Analysts at Brenner Capital put the cost to suppliers closer to $40 million.',
  '',
  'The recall begins on Friday 14 March at 9am, and dealers will inspect scooters from 14 to 16 March.',
  '',
  'The fault was found last month, in February, Whitlow said.',
  '',
  'Brenner Capital forecast Orrin revenue of between $9.4bn and $9.8bn this year.',
  '',
  'A court sentenced the former engineer Piet Lanser to seven years and six months, and his manager Mara Oduya to four years.',
  '',
  'A trial of the new brakes found a relative risk of crashes of 0.60 for riders who had them.',
  '',
  'Brenner Capital said Orrin’s share of the scooter market rose 2.1 percentage points this year.',
  '',
  'About 40% of the scooters were sold in Europe.',
].join('\n');

/** The court's transcript, a second source document of the story (`story.documents`). */
export const TRANSCRIPT = ['Court transcript, day 4', '', 'LANSER: I am sorry for what happened to the riders.', '', 'JUDGE: The sentence is seven years and six months.'].join('\n');

/** The article's line that holds `needle` (each paragraph is one sentence or two). */
export const src = (needle: string): string => ARTICLE.split('\n').find((l) => l.includes(needle))!;

/** A fresh copy of the story's sheet, as JSON data (tests mutate it). */
export function sheet(): any {
  return {
    story: { id: 'orrin-recall', title: 'Orrin Motors recalls Vela scooters', article: 'article.md', documents: [{ id: 'transcript', path: 'transcript.txt', title: 'Court transcript, day 4' }] },
    entities: [
      { id: 'orrin', type: 'organisation', name: 'Orrin Motors', aliases: ['Orrin'], mentions: ['the company'], source: src('as much as') },
      { id: 'vela', type: 'product', name: 'Vela', source: src('as much as') },
      { id: 'whitlow', type: 'person', name: 'Dana Whitlow', aliases: ['Whitlow'], roles: [{ title: 'spokesperson' }], speaksFor: 'orrin', source: src('Whitlow') },
      { id: 'brenner', type: 'organisation', name: 'Brenner Capital', mentions: ['analysts'], source: src('Brenner') },
      { id: 'lanser', type: 'person', name: 'Piet Lanser', aliases: ['Lanser'], source: src('Lanser') },
      { id: 'oduya', type: 'person', name: 'Mara Oduya', aliases: ['Oduya'], source: src('Lanser') },
    ],
    figures: [
      { id: 'recall-cost', kind: 'money', value: 150e6, currency: 'USD', text: 'as much as $150 million', qualifier: 'up-to', counts: 'the cost of the recall', reportedBy: 'orrin', context: ['recall', 'spend', 'cost'], source: src('as much as') },
      { id: 'affected', kind: 'count', value: 12000, text: 'up to 12,000', qualifier: 'up-to', counts: 'scooters affected', reportedBy: 'orrin', context: ['scooters', 'affected', 'fault'], source: src('Whitlow') },
      { id: 'supplier-cost', kind: 'money', value: 40e6, currency: 'USD', text: 'closer to $40 million', qualifier: 'closer-to', counts: 'the cost to suppliers', reportedBy: 'brenner', context: ['suppliers'], source: src('Brenner') },
      { id: 'revenue', kind: 'money', range: { low: 9.4e9, high: 9.8e9 }, currency: 'USD', text: 'between $9.4bn and $9.8bn', qualifier: 'exact', counts: 'revenue forecast for this year', reportedBy: 'brenner', context: ['revenue', 'forecast'], source: src('revenue') },
      { id: 'lanser-term', kind: 'duration', value: 7.5, unit: 'years', text: 'seven years and six months', qualifier: 'exact', counts: 'the prison term of the engineer', about: ['lanser'], context: ['sentenced', 'prison'], source: src('Lanser') },
      { id: 'brake-risk', kind: 'ratio', ratioOf: 'relative-risk', value: 0.6, text: '0.60', qualifier: 'exact', counts: 'the relative risk of crashes with the new brakes', context: ['risk', 'crashes', 'brakes'], source: src('relative risk') },
      { id: 'market-share', kind: 'ratio', ratioOf: 'points', value: 2.1, text: '2.1 percentage points', qualifier: 'exact', counts: 'the change in Orrin’s market share', reportedBy: 'brenner', context: ['market', 'share of the scooter market'], source: src('percentage points') },
      { id: 'europe-share', kind: 'share', value: 0.4, text: 'About 40%', qualifier: 'about', counts: 'scooters sold in Europe', context: ['sold', 'Europe'], source: src('Europe') },
      { id: 'oduya-term', kind: 'duration', value: 4, unit: 'years', text: 'four years', qualifier: 'exact', counts: 'the prison term of the manager', about: ['oduya'], context: ['sentenced', 'prison'], source: src('Lanser') },
    ],
    dates: [
      { id: 'recall-start', text: '14 March', weekday: 'Friday', time: '09:00', event: 'the recall begins', context: ['recall begins', 'begins', 'starts'], source: src('recall begins') },
      { id: 'inspections', text: '14 to 16 March', event: 'dealers inspect the scooters', context: ['inspect', 'inspections', 'dealers'], source: src('recall begins') },
      { id: 'fault-found', text: 'last month', month: 'February', event: 'the fault was found', context: ['found', 'discovered'], source: src('fault was found') },
    ],
    quotes: [{ id: 'lanser-apology', text: 'sorry for what happened to the riders', speaker: 'lanser', document: 'transcript', source: 'LANSER: I am sorry for what happened to the riders.' }],
    settings: [],
  };
}
