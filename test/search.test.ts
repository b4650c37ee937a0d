/** The sorted-list helpers of the core: a skipped sort must leave what a sort would. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sorted } from '../src/core/search';

describe('sorted()', () => {
  it('orders like Array.prototype.sort, ties in their first order, in order or not, short (sorted by insertion) or long', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 6 }), id: fc.nat() }), { maxLength: 40 }), fc.boolean(), (list, presort) => {
        const input = presort ? [...list].sort((a, b) => a.key - b.key) : list;
        const want = [...input].sort((a, b) => a.key - b.key);
        const got = sorted([...input], (a, b) => a.key - b.key);
        assert.deepEqual(got, want);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('sorts in place and hands back the same list', () => {
    const list = [3, 1, 2];
    assert.equal(sorted(list, (a, b) => a - b), list);
    assert.deepEqual(list, [1, 2, 3]);
  });
});
