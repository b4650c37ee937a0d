/**
 * A paragraph is read in the draft it was cut from (offsets into the paragraph, characters from
 * the draft): what the word scans find must be exactly what they find in the cut paragraph.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordStarts } from '../src/core/numbers';
import { splitSentences, tokenize, tokensIn } from '../src/core/text';

const PIECES = [
  'Ruiz', 'ruiz’s', "voters'", 'pro-Ruiz', 'three', 'half', 'a', 'January', '3,117', '2.5', '$', 'US$', 'US', '£', '€', '¥', 'ſ', 'K', 'é', 'Ж',
  '😀', '\ud800', '\udc00', 'e\u0301', ' ', '\n', '\n\n', '.', ', ', '-', '’', "'", '“', '”', '|', '# ', '- ', 'Mr.', 'The',
];

const draft = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
/** A draft and a part of it [from, to). */
const cut = draft.chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)).map(([t, a, b]) => ({ text: t, from: Math.min(a, b), to: Math.max(a, b) })));

describe('a paragraph read in the draft it was cut from', () => {
  it('has the tokens of the cut paragraph, at the same offsets', () => {
    fc.assert(
      fc.property(cut, fc.nat(), fc.nat(), ({ text, from, to }, a, b) => {
        const part = text.slice(from, to);
        const start = part.length ? a % (part.length + 1) : 0;
        const end = start + (part.length - start ? b % (part.length - start + 1) : 0);
        assert.deepEqual(tokensIn(text, from, to, start, end), tokenize(part, start, end));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('has the word starts of the cut paragraph (figures, number words, date anchors), a currency prefix before the cut left out', () => {
    fc.assert(
      fc.property(cut, ({ text, from, to }) => {
        assert.deepEqual(wordStarts(text, from, to), wordStarts(text.slice(from, to)));
      }),
      { numRuns: 3000, seed: 8 },
    );
    assert.deepEqual(wordStarts('US$5').figures, [0, 1, 2, 3]); // US$, S$, $ and the digit
    assert.deepEqual(wordStarts('US$5', 2, 4).figures, [0, 1]);
  });

  it('has the sentences and tokens of the cut paragraph', () => {
    fc.assert(
      fc.property(cut, ({ text, from, to }) => {
        const part = text.slice(from, to);
        assert.deepEqual(splitSentences(part, { text, at: from }), splitSentences(part));
      }),
      { numRuns: 2000, seed: 9 },
    );
  });
});
