/** LineIndex counts line breaks as VS Code does: \r\n, \n and a lone \r (issue 21). */
import assert from 'node:assert/strict';
import { LineIndex } from '../src/core';

describe('LineIndex', () => {
  it('a lone CR ends a line, as in VS Code and SARIF (a CR-only draft gave 1:60 for 3:39)', () => {
    const text = 'First line.\rSecond line.\rThird: 3,171 deaths.';
    const at = text.indexOf('3,171');
    assert.deepEqual(new LineIndex(text).position(at), { line: 2, character: at - text.lastIndexOf('\r', at) - 1 });
  });

  it('CRLF is one line break, LF one, and a mix of the three counts each', () => {
    const text = 'a\r\nb\nc\rd\r\n\re';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.position(text.indexOf('b')), { line: 1, character: 0 });
    assert.deepEqual(idx.position(text.indexOf('c')), { line: 2, character: 0 });
    assert.deepEqual(idx.position(text.indexOf('d')), { line: 3, character: 0 });
    assert.deepEqual(idx.position(text.indexOf('e')), { line: 5, character: 0 });
    // The offset of the CR of a CRLF is still on its line.
    assert.deepEqual(idx.position(1), { line: 0, character: 1 });
    assert.deepEqual(idx.position(2), { line: 0, character: 2 });
  });
});
