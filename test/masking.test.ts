/**
 * Masking paragraph by paragraph (maskRanges + maskSlice, and blank lines read from the draft
 * except where a masked region touches a line) must agree with masking the whole draft first.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blankLines } from '../src/core/check';
import { maskRanges, maskSlice, maskText } from '../src/core/text/mask';

const FRAGMENTS = [
  '\n', '\n\n', '\n  \n', '\n \t\n', '\n   \n', '\r\n', '\r\n\r\n', '```\n', '~~~\n', '```js\n', '`code`', '``a`b``', '`',
  '<!-- c -->', '<!--', '-->', '[a](http://x.y/z)', '![i](p.png "t")', '| a | b |\n', '|---|:-:|\n', '| 3,117 | x |\n',
  'http://example.com/x.', 'www.example.org', 'a@b.co', '<b>', '</b>', '<https://x.y>', '[ref]: http://x\n', '---\n',
  'word ', 'Name ', '3,117 ', '“quote” ', '  ', '\t', '- item\n', '# Head\n', '> quoted\n', '. ', 'é ', '😀',
];
const drafts = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));

/** The blank lines of the whole masked draft, found the obvious way. */
function naiveBlankLines(masked: string): number[] {
  const re = /\n[ \t]{0,2}\r?\n/g;
  const out: number[] = [];
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    out.push(m.index);
    re.lastIndex = m.index + m[0].length - 1;
  }
  return out;
}

describe('masking paragraph by paragraph agrees with masking the whole draft', () => {
  for (const markdown of [true, false]) {
    it(`any slice of the masked draft is the slice masked alone (${markdown ? 'Markdown' : 'plain text'})`, () => {
      fc.assert(
        fc.property(drafts, fc.nat(), fc.nat(), (text, x, y) => {
          const whole = maskText(text, markdown);
          const ranges = maskRanges(text, markdown);
          const a = text.length ? x % (text.length + 1) : 0;
          const b = text.length ? y % (text.length + 1) : 0;
          const [from, to] = a <= b ? [a, b] : [b, a];
          assert.equal(maskSlice(text, ranges, from, to), whole.slice(from, to));
        }),
        { numRuns: 600, seed: 11 },
      );
    });

    it(`the blank lines found are those of the masked draft (${markdown ? 'Markdown' : 'plain text'})`, () => {
      fc.assert(
        fc.property(drafts, (text) => {
          const found: number[] = [];
          blankLines(text, maskRanges(text, markdown), (at) => found.push(at));
          assert.deepEqual(found, naiveBlankLines(maskText(text, markdown)));
        }),
        { numRuns: 600, seed: 12 },
      );
    });
  }

  it('a code fence that turns lines into blank ones splits paragraphs there, as on the masked draft', () => {
    const text = 'First paragraph.\n```\nx\n```\nSecond.\n\nThird.';
    const found: number[] = [];
    blankLines(text, maskRanges(text), (at) => found.push(at));
    assert.deepEqual(found, naiveBlankLines(maskText(text)));
    assert.ok(found.length >= 2, 'the masked fence lines are blank lines');
  });
});
