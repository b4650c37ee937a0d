/**
 * The fact sheet's names, phrases and quotes are read into words by phraseTokens (the WORD
 * pattern), the draft by tokenize (a hand-written scan). A name or quote only matches the draft
 * if both read the same words, so the two must agree on every string.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { phraseTokens, tokenize } from '../src/core/text/tokens';

const PIECES = [
  'Ruiz', 'ruiz', 'ARAGHCHI', 'al-Busaidi', 'pro-Ruiz', 'Ruiz’s', "Ruiz's", "voters'", 'voters’', 'don’t', "rock 'n' roll", '’90s', "'Twas",
  'son-in-law', 'U.S.', 'Mr.', '3,117', '3.5', '2024', 'A380', 'café', 'e\u0301', 'naïve', 'Ж', 'Αθήνα', '東京', '𝐀', '😀', '\ud800', '\udc00',
  'ſ', 'K', '_', ' ', '\u00a0', '\n', '-', '--', '—', '’', "'", '“', '”', '‘', '"', '(', ')', ',', '.', '!', '?', ':', '/', '#', '$', '£', '%',
];

const phrase = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('phraseTokens (fact sheet strings) and tokenize (the draft)', () => {
  it('read the same words, with the same offsets and normal forms, on random strings', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        assert.deepEqual(phraseTokens(text), tokenize(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('on a name, a possessive, a hyphenated title and a quote', () => {
    const text = 'Abbas Araghchi’s son-in-law said: “Our missile programme is ‘never negotiable’.”';
    assert.deepEqual(
      phraseTokens(text).map((t) => [t.text, t.norm]),
      [
        ['Abbas', 'abbas'],
        ['Araghchi’s', 'araghchi'],
        ['son-in-law', 'son-in-law'],
        ['said', 'said'],
        ['Our', 'our'],
        ['missile', 'missile'],
        ['programme', 'programme'],
        ['is', 'is'],
        ['never', 'never'],
        ['negotiable’', 'negotiable'],
      ],
    );
    assert.deepEqual(phraseTokens(text), tokenize(text));
  });
});
