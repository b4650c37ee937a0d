import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyze, loadFactSheet } from '../src/core';
import { renderLabels } from './helpers/labels';

const root = path.resolve(__dirname, '..', '..');
const sheetJson = fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8');
const dir = path.join(root, 'test', 'fixtures', 'drafts');
const drafts = fs
  .readdirSync(dir)
  .sort()
  .map((f) => renderLabels(fs.readFileSync(path.join(dir, f), 'utf8')).text);

describe('re-checking reuses unchanged paragraphs', () => {
  it('a warm re-check gives exactly what a cold check of the same text gives', () => {
    const warm = loadFactSheet(sheetJson);
    const all = drafts.join('\n\n');
    analyze(all, warm); // fill the paragraph cache
    for (const text of [all, ...drafts]) {
      assert.deepEqual(analyze(text, warm), analyze(text, loadFactSheet(sheetJson)));
      assert.deepEqual(analyze(text, warm), analyze(text, warm, { cache: false }));
    }
  });

  it('after an edit, the result equals a cold check of the edited text, and only the edited paragraph changes', () => {
    const warm = loadFactSheet(sheetJson);
    const before = drafts.join('\n\n');
    analyze(before, warm);
    // Break one figure in the middle of the long draft (a one-character edit).
    const at = before.indexOf('3,117 deaths');
    assert.ok(at > 0);
    const after = before.slice(0, at) + '3,171' + before.slice(at + 5);
    const edited = analyze(after, warm);
    assert.deepEqual(edited, analyze(after, loadFactSheet(sheetJson)));
    const flagged = edited.findings.filter((f) => f.start === at);
    assert.equal(flagged.length, 1);
    assert.equal(flagged[0].ruleId, 'number-mismatch');
  });

  it('the reportUnverifiedQuotes option is part of what a paragraph is cached under', () => {
    const warm = loadFactSheet(sheetJson);
    const text = 'Araghchi said Iran would “never give up its missiles” soon.';
    assert.equal(analyze(text, warm).findings.length, 1);
    assert.equal(analyze(text, warm, { reportUnverifiedQuotes: false }).findings.length, 0);
    assert.equal(analyze(text, warm).findings.length, 1);
  });
});

describe('the paragraph cache and memory', () => {
  // A cached paragraph analysis must hold its own paragraph, never the whole draft it was cut
  // from: in a long editing session each keystroke leaves one new analysis in the cache, and one
  // holding the draft of that moment would keep every version of a long read alive.
  it('re-checks after edits of a long draft retain about the edited paragraphs, not a copy of the draft each', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const sheet = loadFactSheet(sheetJson);
    // About 2 MB of text (UTF-16), with a finding and a masked link in the paragraph edited.
    const filler = drafts.join('\n\n');
    const edited = 'Iranian authorities acknowledged 3,171 deaths, [says HRANA](https://example.org/a) “not negotiable”.';
    const long = `${filler.repeat(Math.ceil(1e6 / filler.length))}\n\n${edited}\n\n${filler}`;
    const at = long.indexOf(edited) + 20;
    analyze(long, sheet);
    gc();
    const before = process.memoryUsage().heapUsed;
    const edits = 40;
    for (let i = 0; i < edits; i++) analyze(`${long.slice(0, at)}${'x'.repeat(i + 1)}${long.slice(at)}`, sheet);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // Holding the draft of each edit would be edits × 2 MB = 80 MB.
    assert.ok(grown < 8e6, `heap grew by ${(grown / 1e6).toFixed(1)} MB after ${edits} edits of a ${(long.length / 1e6).toFixed(1)}M-character draft`);
  });
});
