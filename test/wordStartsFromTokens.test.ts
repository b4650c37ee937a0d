/**
 * The word starts (where figures, number words and dates may start) are collected while the
 * sentences are tokenized, in one read of the characters; they must be exactly what a scan of
 * the paragraph alone finds.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { needsOwnWordScan, wordStarts, WordStartsBuilder } from '../src/core/mentions/wordStarts';
import { splitSentences } from '../src/core/text/sentences';

const PIECES = [
  'three', 'Three', 'half', 'a', 'A', 'an', 'dozen', 'twenty-four', 'one-third', 'January', 'jan', 'Monday', 'March', 'may', '2024', '3,117', '3.5',
  '1', '12', 'A380', '3rd', '2bn', '$', 'US$', 'US', 'NZ$', 'S$', '£', '€', '¥', 'Ruiz', 'ruiz’s', "voters'", 'pro-Ruiz', 'don’t', "rock 'n' roll",
  'é', 'café', 'Ж', 'naïve', '😀', '\ud800', '\udc00', 'e\u0301', ' ', ' ', '\n', '.', '. ', '! ', '? ', ', ', '-', '—', '’', "'", '“', '”', '(', ')',
  '%', '/', ':', '#', '| ', ' |', '# ', '- ', '1. ', '> ', 'Mr.', 'U.S.', 'The', 'said',
];

const paragraph = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

function collected(text: string) {
  const sink = new WordStartsBuilder();
  splitSentences(text, sink);
  return sink.result();
}

describe('word starts collected while tokenizing', () => {
  it('are those of a scan of the paragraph alone, on random paragraphs of words, figures, currencies, marks and blocks', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        assert.equal(needsOwnWordScan(text), false);
        assert.deepEqual(collected(text), wordStarts(text));
      }),
      { numRuns: 5000, seed: 11 },
    );
  });

  it('on the sentences of every kind of block: headings, list items, quotes and table rows', () => {
    const text = '# Three dead in 2024\n\n- US$32.5 billion on January 5\n> “A half,” she said.\n| Deaths | 3,117 |\n| --- | --- |\n| May | twenty-four |';
    assert.deepEqual(collected(text), wordStarts(text));
    assert.ok(wordStarts(text).figures.length >= 4);
  });

  it('a paragraph with an underscore, ſ or K is scanned on its own (the two read its words differently)', () => {
    for (const text of ['snake_case 3', '\u017feven 7', '\u212aelvin 5', 'plain 3']) assert.equal(needsOwnWordScan(text), text !== 'plain 3');
    // The difference, where the scan of its own is needed: "_3" is no figure start to \b.
    const text = 'a_3 and 3';
    assert.notDeepEqual(collected(text).figures, wordStarts(text).figures);
  });
});
