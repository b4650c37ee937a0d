/**
 * Date phrases are tried only where one may start (a few words before a month, period or span
 * word); the phrases must be exactly those a global search of the whole text finds.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DATE_RE, datePhrases } from '../src/core/mentions/dates';
import { wordStarts } from '../src/core/mentions/wordStarts';
import { globalMatches, shown } from './helpers/matches';

const GLOBAL = new RegExp(DATE_RE.source, 'gi');

const globally = (text: string) => globalMatches(GLOBAL, text);
const asChecked = (text: string) => datePhrases(text, wordStarts(text).dateAnchors).map(shown);

const PIECES = [
  'March', 'MAY', 'may', 'june', 'December', 'Sept', 'nov', 'Dec', '14', '2nd', 'Decembers', 'year', 'years', 'Month', 'weeks', 'week', 'spring', 'fall', 'winter',
  'early', 'mid', 'late', 'the', 'end', 'of', 'first', 'second', 'half', 'beginning', 'last', 'this', 'next', 'previous', 'past',
  'earlier', 'same', 'a', 'one', 'two', 'five', 'several', 'ago', 'EARLIER', 'x', '9', '_', ' ', ' ', ' ', '-', '--', ',', '.',
  '\n', 'é', 'ſ', 'K', '“', '’',
];

describe('date phrases are found where a global search finds them', () => {
  it('on random strings of date words, other words and marks in any case', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(asChecked(text), globally(text));
      }),
      { numRuns: 4000, seed: 7 },
    );
  });

  it('the longest lead before a month, a period and a span, and phrases side by side', () => {
    const text = 'In the second half of March, earlier this year and two weeks ago; mid-April, late last spring.';
    assert.deepEqual(asChecked(text), ['3:the second half of March', '29:earlier this year', '51:two weeks ago', '66:mid-April', '77:late last spring']);
    assert.deepEqual(asChecked(text), globally(text));
    assert.deepEqual(asChecked('xthe end of March'), globally('xthe end of March'));
    assert.deepEqual(asChecked('Marching in Mayday'), []);
  });
});
