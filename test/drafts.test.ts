import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadFactSheet } from '../src/core';
import { labelProblems, renderLabels } from './helpers/labels';

const root = path.resolve(__dirname, '..', '..');
const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
const dir = path.join(root, 'test', 'fixtures', 'drafts');

describe('fixture drafts (expectations inline)', () => {
  for (const file of fs.readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).sort()) {
    it(file, () => {
      const { text, labels } = renderLabels(fs.readFileSync(path.join(dir, file), 'utf8'));
      const problems = labelProblems(text, labels, sheet);
      assert.deepEqual(problems, []);
    });
  }
});
