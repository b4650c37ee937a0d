import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { check, loadFactSheet } from '../src/core';
import { labelProblems, renderLabels } from './helpers/labels';

// The engine on stories other than the bundled one: each invented story under
// test/fixtures/stories/<name>/ has its article, a hand-curated sheet, and labelled drafts
// ([[wrong=>right#rule-id]], as in test/fixtures/drafts).
const root = path.resolve(__dirname, '..', '..');
const storiesDir = path.join(root, 'test', 'fixtures', 'stories');

for (const story of fs.readdirSync(storiesDir).sort()) {
  const dir = path.join(storiesDir, story);
  const sheet = loadFactSheet(fs.readFileSync(path.join(dir, 'facts.json'), 'utf8'));
  const article = fs.readFileSync(path.join(dir, sheet.story.article), 'utf8');

  describe(`story ${story}`, () => {
    it('the curated sheet cites every fact verbatim from its article', () => {
      for (const key of ['entities', 'figures', 'dates', 'quotes', 'settings'] as const) {
        for (const f of sheet[key]) assert.ok(article.includes(f.source), `${key} ${f.id}`);
      }
    });

    it('the article itself stays quiet', () => {
      assert.deepEqual(check(article, sheet, { markdown: false }).map((f) => `${f.ruleId}: ${f.message}`), []);
    });

    const drafts = fs.readdirSync(path.join(dir, 'drafts')).filter((f) => /\.(?:md|txt)$/.test(f)).sort();
    it('has drafts for numbers, names, quotes and a clean one', () => {
      for (const want of ['numbers.md', 'names.md', 'quotes.md', 'clean.md']) assert.ok(drafts.includes(want), want);
    });

    for (const file of drafts) {
      it(`draft ${file}`, () => {
        const { text, labels } = renderLabels(fs.readFileSync(path.join(dir, 'drafts', file), 'utf8'));
        if (file === 'clean.md') assert.equal(labels.length, 0, 'the clean draft carries no labels');
        const problems = labelProblems(text, labels, sheet);
        assert.deepEqual(problems, []);
      });
    }
  });
}
