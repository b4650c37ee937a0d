/** SentenceContext.phraseWeight gives the same weights whether or not the sentence's words were indexed through a sieve. */
import assert from 'node:assert/strict';
import { SentenceContext } from '../src/core/claims/context';
import { lemmaOf, lemmasOf } from '../src/core/language/lemma';
import { splitSentences } from '../src/core/text/sentences';
import { WordSieve } from '../src/core/text/tokens';

describe('SentenceContext.phraseWeight with a sieve of first words', () => {
  const text = 'Rights groups said 3,117 people were killed and 1,204 detained across the country, the agency said.';
  const sentence = splitSentences(text)[0];
  const figure = sentence.tokens.findIndex((t) => t.text === '3');
  // Phrases are compared as stems, as compile() hands them over.
  const weigh = (phrases: string[][], sieve?: string[]) => new SentenceContext(sentence, text).phraseWeight(phrases.map(lemmasOf), figure, figure + 2, undefined, sieve && new WordSieve(sieve.map(lemmaOf)));

  it('a phrase near the figure ties to it, one far away less, one absent not at all', () => {
    assert.ok(weigh([['people', 'were', 'killed']]) > weigh([['the', 'country']]));
    assert.ok(weigh([['the', 'country']]) > 0);
    assert.equal(weigh([['wounded']]), 0);
  });

  it('the same weights through a sieve that lets the first words through, and through one that turns them away', () => {
    const phrases = [['people', 'were', 'killed'], ['detained'], ['the', 'agency'], ['wounded']];
    const plain = phrases.map((p) => weigh([p]));
    assert.deepEqual(phrases.map((p) => weigh([p], phrases.map((q) => q[0]))), plain);
    assert.deepEqual(phrases.map((p) => weigh([p], ['x'])), plain);
    // One context asked with and then without a sieve rebuilds its index, not reuses the sieved one.
    const ctx = new SentenceContext(sentence, text);
    assert.equal(ctx.phraseWeight([lemmasOf(['detained'])], figure, figure + 2, undefined, new WordSieve([lemmaOf('people')])), plain[1]);
    assert.equal(ctx.phraseWeight([lemmasOf(['detained'])], figure, figure + 2), plain[1]);
  });
});
