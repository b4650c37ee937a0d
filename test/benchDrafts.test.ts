/**
 * The benchmark's drafts (bench/drafts.ts): the mark-up is stripped exactly as score.mjs renders
 * it, and a built draft never repeats a paragraph (the paragraph cache would make a repeat free).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDraft, countWords, loadCorpora, renderLabelled, repeatedParagraphs } from '../bench/drafts';

const root = path.resolve(__dirname, '..', '..');
const evalDir = path.resolve(root, '..', 'shared', 'eval');

describe('bench drafts', () => {
  it('strips labels and optional spans as score.mjs does, and counts the labelled errors', () => {
    const r = renderLabelled('Iran said [[3,171=>3,117#number]] died; [[Araqchi#name]] and {{about 7,000}}.');
    assert.equal(r.text, 'Iran said 3,171 died; Araqchi and about 7,000.');
    assert.equal(r.labels.filter((l) => !l.optional).length, 2);
  });

  it('renders every shared corpus draft to the text score.mjs writes', function () {
    if (!fs.existsSync(path.join(evalDir, 'score.mjs'))) this.skip();
    const { corpora } = loadCorpora(root);
    for (const c of corpora) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-render-'));
      try {
        execFileSync(process.execPath, [path.join(evalDir, 'score.mjs'), '--corpus', path.join(root, c.dir), '--render-to', out]);
        for (const d of c.drafts) assert.equal(d.text, fs.readFileSync(path.join(out, d.name), 'utf8'), `${c.name}/${d.name}`);
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    }
  });

  it('builds drafts of the requested size with no paragraph twice, deterministically', () => {
    const { corpora } = loadCorpora(root);
    assert.ok(corpora.length >= 1 && corpora[0].name === 'dev');
    for (const c of corpora) {
      const a = buildDraft(c, { words: 20000, seed: 7 });
      assert.ok(a.words >= 20000 && countWords(a.text) >= 20000, c.name);
      assert.equal(repeatedParagraphs(a.text), 0, c.name);
      assert.equal(a.text.split('\n\n').length, a.paragraphs, c.name);
      assert.equal(buildDraft(c, { words: 20000, seed: 7 }).text, a.text, c.name);
      if (c.drafts.some((d) => d.errors > 0)) assert.ok(a.errors > 0, c.name);
    }
    assert.equal(repeatedParagraphs('a\n\nb\n\n a \n'), 1);
  });
});
