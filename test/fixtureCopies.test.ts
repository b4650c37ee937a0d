/**
 * The editor tests' workspace (test/fixtures/integration) carries its own copy of the bundled
 * story: a sheet named by a workspace's .factcheck.json must be inside that workspace (issue 21),
 * so the copy stands in for reference/. It must not drift from the original.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const copy = path.join(root, 'test', 'fixtures', 'integration', 'reference');

describe('the editor workspace copy of the bundled story', () => {
  it('is the bundled sheet and article, but for the schema path', () => {
    const original = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
    const copied = JSON.parse(fs.readFileSync(path.join(copy, 'facts.json'), 'utf8'));
    assert.deepEqual({ ...copied, $schema: original.$schema }, original);
    assert.equal(fs.readFileSync(path.join(copy, 'article.txt'), 'utf8'), fs.readFileSync(path.join(root, 'reference', 'article.txt'), 'utf8'));
  });
});
