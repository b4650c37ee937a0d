import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, check, loadFactSheet } from '../src/core';
import { overlaps, renderLabels } from './helpers/labels';

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
        const findings = check(text, sheet);
        const problems: string[] = [];
        for (const f of findings) {
          if (!labels.some((l) => overlaps(f.start, f.end, l.start, l.end))) problems.push(`false alarm on ${JSON.stringify(text.slice(f.start, f.end))}: ${f.ruleId} ${f.message}`);
        }
        for (const l of labels.filter((x) => !x.optional)) {
          const on = findings.filter((f) => overlaps(f.start, f.end, l.start, l.end));
          if (!on.length) {
            problems.push(`missed ${JSON.stringify(l.wrong)} (${l.rule})`);
            continue;
          }
          if (!on.some((f) => f.ruleId === l.rule)) problems.push(`${JSON.stringify(l.wrong)} flagged as ${on.map((f) => f.ruleId)} not ${l.rule}`);
          if (l.right === undefined) continue;
          const want = text.slice(0, l.start) + l.right + text.slice(l.end);
          const fixed = on.map((f) => applyFixes(text, [f]).text);
          if (!fixed.includes(want)) {
            problems.push(`fix for ${JSON.stringify(l.wrong)}: ${on.map((f) => f.fixes[0]?.title ?? 'no fix').join('; ')}, want ${JSON.stringify(l.right)}`);
            continue;
          }
          const right = l.right;
          const again = check(want, sheet).filter((f) => overlaps(f.start, f.end, l.start, l.start + right.length));
          if (again.length) problems.push(`after fixing ${JSON.stringify(l.wrong)} still flagged: ${again.map((f) => f.message).join('; ')}`);
        }
        assert.deepEqual(problems, []);
      });
    }
  });
}
