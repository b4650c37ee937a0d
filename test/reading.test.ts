/**
 * The engine reads the language, not the sheet's word lists: context words match their
 * inflections, days of dates are not figures, and a person's words count as their organisation's.
 */
import assert from 'node:assert/strict';
import { check, loadFactSheet } from '../src/core';

const sheet = loadFactSheet(
  JSON.stringify({
    story: { id: 'harbour', title: 'Harbour budget', article: 'article.md' },
    entities: [
      { id: 'trust', type: 'organisation', name: 'Harbour Trust', aliases: ['the trust'], source: 'The Harbour Trust will borrow £42 million.' },
      {
        id: 'okafor',
        type: 'person',
        name: 'Ada Okafor',
        aliases: ['Okafor'],
        roles: [{ title: 'chief executive', qualifiers: ["the trust's", 'Harbour Trust'] }],
        source: 'Its chief executive, Ada Okafor, said the trust had 1,240 analysts.',
      },
      { id: 'guild', type: 'organisation', name: 'Dockers Guild', source: 'The Dockers Guild said 370 jobs were at risk.' },
    ],
    figures: [
      { id: 'loan', kind: 'money', value: 42000000, text: '£42 million', qualifier: 'exact', currency: 'GBP', counts: 'sum the trust will borrow', reportedBy: 'trust', context: ['borrow'], source: 'The Harbour Trust will borrow £42 million.' },
      { id: 'analysts', kind: 'count', value: 1240, text: '1,240', qualifier: 'exact', counts: 'analysts the trust employs', reportedBy: 'okafor', context: ['analyst'], source: 'Its chief executive, Ada Okafor, said the trust had 1,240 analysts.' },
      { id: 'jobs', kind: 'count', value: 370, text: '370', qualifier: 'exact', counts: 'jobs at risk', reportedBy: 'guild', context: ['jobs at risk', 'jobs'], source: 'The Dockers Guild said 370 jobs were at risk.' },
    ],
    dates: [],
    quotes: [{ id: 'q1', text: 'a bridge to the future', speaker: 'okafor', source: 'Okafor called the loan “a bridge to the future”.' }],
    settings: [],
  }),
);
const flagged = (draft: string) => check(draft, sheet, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);

describe('reading the language', () => {
  it('a context word matches its inflections (borrow → borrowed, analyst → analysts)', () => {
    assert.deepEqual(flagged('The trust borrowed £24 million last spring.'), ['number-mismatch: £24 million']);
    assert.deepEqual(flagged('Okafor said the trust now has 1,420 analysts on its books.'), ['number-mismatch: 1,420']);
  });

  it('the day of a date is not a figure, whatever the sheet counts', () => {
    assert.deepEqual(flagged('The Dockers Guild said jobs were at risk from 14 to 16 March and again on March 30.'), []);
    assert.deepEqual(flagged('The Dockers Guild said 307 jobs were at risk from 14-16 March.'), ['number-mismatch: 307']);
  });

  it("a chief executive speaks for the organisation: the trust's figure and quote in her mouth are not misattributed", () => {
    assert.deepEqual(flagged('The trust said it had 1,240 analysts.'), []);
    assert.deepEqual(flagged('The Harbour Trust called the loan “a bridge to the future”.'), []);
    // ...but another organisation's mouth is still the wrong one.
    assert.deepEqual(flagged('The Dockers Guild called the loan “a bridge to the future”.').map((f) => f.split(':')[0]), ['quote-misattributed']);
  });

  it("a paragraph about another story (its own people and places, none of this story's) is not compared with this story's figures", () => {
    const roundup = '**Elsewhere:** In Port Verrin, the Moorland Dock Company said 307 jobs were at risk after Cardow Shipping borrowed £24 million.';
    assert.deepEqual(flagged(roundup), []);
    // The same sentence naming the story's own body is checked.
    assert.deepEqual(flagged('**Harbour:** The Dockers Guild said 307 jobs were at risk after the Harbour Trust borrowed £24 million.'), ['number-mismatch: 307', 'number-mismatch: £24 million']);
    // A misspelt name of the story keeps the paragraph on the story.
    assert.deepEqual(flagged('In Port Verrin, Okafur said 1,420 analysts were at work.'), ['name-mismatch: Okafur', 'number-mismatch: 1,420']);
  });
});
