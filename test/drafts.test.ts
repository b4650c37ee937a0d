import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, check, loadFactSheet } from '../src/core';
import { overlaps, renderLabels } from './helpers/labels';

const root = path.resolve(__dirname, '..', '..');
const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
const dir = path.join(root, 'test', 'fixtures', 'drafts');

describe('fixture drafts (expectations inline)', () => {
  for (const file of fs.readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).sort()) {
    it(file, () => {
      const { text, labels } = renderLabels(fs.readFileSync(path.join(dir, file), 'utf8'));
      const findings = check(text, sheet);
      const problems: string[] = [];
      for (const f of findings) {
        if (!labels.some((l) => overlaps(f.start, f.end, l.start, l.end))) {
          problems.push(`false alarm on ${JSON.stringify(text.slice(f.start, f.end))}: ${f.ruleId} ${f.message}`);
        }
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
          problems.push(`fix for ${JSON.stringify(l.wrong)} gives ${JSON.stringify(fixed.map((t, i) => t.slice(l.start - 10, l.end + 10 + (t.length - text.length)) + ` [${on[i].fixes[0]?.title ?? 'no fix'}]`))}, want ${JSON.stringify(l.right)}`);
          continue;
        }
        // Round trip: the fixed draft has no finding left on that spot.
        const right = l.right;
        const again = check(want, sheet).filter((f) => overlaps(f.start, f.end, l.start, l.start + right.length));
        if (again.length) problems.push(`after fixing ${JSON.stringify(l.wrong)} still flagged: ${again.map((f) => f.message).join('; ')}`);
      }
      assert.deepEqual(problems, []);
    });
  }
});
