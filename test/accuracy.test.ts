/**
 * Accuracy floors on the shared evaluation corpora (../shared/eval beside the project, as in
 * CI): every row of score-all must stay at or above the floor recorded here. Raise a floor when
 * a change improves its row; never lower one without saying why in the commit.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const evalDir = path.resolve(root, '..', 'shared', 'eval');
const cli = path.join(root, 'dist', 'cli.js');

interface Score {
  recall: number;
  precision: number;
  f1: number;
  fixRate: number;
}
/** Floors per row, as fractions: F1, precision, exact fixes. */
const FLOORS: Record<string, { f1: number; precision: number; fixRate: number }> = {
  'dev/bundled': { f1: 0.989, precision: 1, fixRate: 0.977 },
  'kestrel-strike/curated': { f1: 1, precision: 1, fixRate: 1 },
  'kestrel-strike/extracted': { f1: 1, precision: 1, fixRate: 1 },
  'tideline-study/curated': { f1: 1, precision: 1, fixRate: 1 },
  'tideline-study/extracted': { f1: 1, precision: 1, fixRate: 1 },
  'veldmar-verdict/curated': { f1: 1, precision: 1, fixRate: 1 },
  'veldmar-verdict/extracted': { f1: 1, precision: 1, fixRate: 1 },
};

describe('accuracy on the shared evaluation corpora', function () {
  this.timeout(180_000);
  before(function () {
    if (!fs.existsSync(path.join(evalDir, 'score-all.mjs'))) {
      // CI always has ../shared beside the clone: there a missing corpus is a failure, not a skip.
      if (process.env.CI) throw new Error(`evaluation corpus not found at ${evalDir}`);
      this.skip();
    }
  });

  it('every row (dev, each story with its curated and its extracted sheet) stays at or above its floor', () => {
    const rows: { set: string; sheet: string; r?: Score; error?: string }[] = JSON.parse(
      execFileSync(process.execPath, [path.join(evalDir, 'score-all.mjs'), '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }),
    );
    const below: string[] = [];
    for (const [key, floor] of Object.entries(FLOORS)) {
      const [set, sheet] = key.split('/');
      const row = rows.find((x) => x.set === set && x.sheet === sheet);
      assert.ok(row?.r, `${key}: no score (${row?.error ?? 'row missing'})`);
      for (const k of ['f1', 'precision', 'fixRate'] as const) if (row.r[k] < floor[k] - 1e-9) below.push(`${key} ${k} ${(row.r[k] * 100).toFixed(1)}% < floor ${(floor[k] * 100).toFixed(1)}%`);
    }
    assert.deepEqual(below, []);
  });

  it('the 12 original dev drafts stay exact: every error caught and fixed, no false alarm', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-dev12-'));
    try {
      for (const f of fs.readdirSync(path.join(evalDir, 'dev')).filter((f) => /^\d\d-/.test(f))) fs.copyFileSync(path.join(evalDir, 'dev', f), path.join(dir, f));
      assert.equal(fs.readdirSync(dir).length, 12);
      const r: Score = JSON.parse(
        execFileSync(process.execPath, [path.join(evalDir, 'score.mjs'), '--corpus', dir, '--cmd', `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} --format json`, '--json'], { encoding: 'utf8' }),
      );
      assert.deepEqual({ recall: r.recall, precision: r.precision, fixRate: r.fixRate }, { recall: 1, precision: 1, fixRate: 1 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
