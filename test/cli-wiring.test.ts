import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFactSheet } from '../src/core';
import { run } from '../src/cli/run';

const root = path.resolve(__dirname, '..', '..');
const cli = async (argv: string[]) => {
  let out = '';
  let err = '';
  const code = await run({ argv, cwd: root, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
};

describe('CLI: extract subcommand and --coverage through run()', () => {
  it('`extract ARTICLE` prints a sheet the checker loads', async () => {
    const r = await cli(['extract', 'reference/article.txt']);
    assert.equal(r.code, 0, r.err);
    const sheet = loadFactSheet(r.out);
    assert.ok(sheet.figures.length > 0 && sheet.quotes.length > 0);
  });

  it('`extract sub/article.txt > sub/facts.json` from elsewhere gives a sheet that loads where it is saved', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-extract-'));
    try {
      fs.mkdirSync(path.join(tmp, 'stories', 'council'), { recursive: true });
      fs.copyFileSync(path.join(root, 'test', 'fixtures', 'cli', 'council', 'article.txt'), path.join(tmp, 'stories', 'council', 'article.txt'));
      let out = '';
      let err = '';
      const io = (argv: string[]) => ({ argv, cwd: tmp, stdout: (s: string) => (out += s), stderr: (s: string) => (err += s) });
      assert.equal(await run(io(['extract', 'stories/council/article.txt'])), 0, err);
      assert.equal(loadFactSheet(out).story.article, 'article.txt');
      fs.writeFileSync(path.join(tmp, 'stories', 'council', 'facts.json'), out);
      fs.writeFileSync(path.join(tmp, 'draft.md'), '---\nfacts: stories/council/facts.json\n---\nNothing to see.\n');
      out = '';
      assert.equal(await run(io(['draft.md'])), 0, err + out);
      // --output into a folder that does not exist yet: created. Issue 21: a sheet's article must be
      // in the sheet's folder, so the article is copied there (it was '../../stories/council/article.txt').
      assert.equal(await run(io(['extract', 'stories/council/article.txt', '--output', 'sheets/new/facts.json'])), 0, err);
      assert.equal(loadFactSheet(fs.readFileSync(path.join(tmp, 'sheets', 'new', 'facts.json'), 'utf8')).story.article, 'article.txt');
      assert.ok(fs.existsSync(path.join(tmp, 'sheets', 'new', 'article.txt')));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('--coverage adds the used and contradicted facts to the text report, and leaves the exit status alone', async () => {
    const plain = await cli(['samples/draft.md']);
    const withCoverage = await cli(['--coverage', 'samples/draft.md']);
    assert.equal(withCoverage.code, plain.code);
    assert.match(withCoverage.out, /coverage by the fact sheet/);
    const contradicted = /Contradicted \((\d+)\)/.exec(withCoverage.out);
    const findings = /^(\d+) findings/m.exec(plain.out);
    assert.ok(contradicted && findings);
    assert.equal(contradicted[1], findings[1], 'every finding of the sample contradicts one fact');
    assert.match(withCoverage.out, /Used \([1-9]\d*\)/);
    // Without the flag, the report is exactly as before.
    assert.doesNotMatch(plain.out, /coverage by/);
  });

  it('--coverage with --format json adds a coverage object per file and keeps the diagnostics', async () => {
    const plain = JSON.parse((await cli(['--format', 'json', 'samples/draft.md'])).out);
    const cov = JSON.parse((await cli(['--format', 'json', '--coverage', 'samples/draft.md'])).out);
    assert.deepEqual(cov.files[0].diagnostics, plain.files[0].diagnostics);
    assert.ok(Array.isArray(cov.files[0].coverage.used) && cov.files[0].coverage.contradicted.length === plain.files[0].diagnostics.length);
    assert.equal(plain.files[0].coverage, undefined);
  });

  it('a figure the sheet\'s article gives but no fact lists is not flagged: the CLI checks with the article beside the sheet', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-sources-'));
    try {
      fs.writeFileSync(path.join(tmp, 'article.txt'), 'The pump alarm had been off for more than 40 minutes. The van spent about 35 minutes in traffic.\n');
      const fact = { id: 'alarm-off', kind: 'count', value: 40, text: 'more than 40', qualifier: 'more-than', counts: 'minutes the alarm was off', context: ['minutes', 'alarm'], source: 'The pump alarm had been off for more than 40 minutes.' };
      fs.writeFileSync(path.join(tmp, 'facts.json'), JSON.stringify({ story: { id: 'pump', title: 'Pump flood', article: 'article.txt' }, entities: [], figures: [fact], dates: [], quotes: [], settings: [] }));
      fs.writeFileSync(path.join(tmp, 'draft.md'), 'The van spent about 35 minutes in traffic.\n\nThe alarm was off for 35 minutes.\n');
      let out = '';
      const code = await run({ argv: ['--facts', 'facts.json', '--format', 'json', 'draft.md'], cwd: tmp, stdout: (x) => (out += x), stderr: () => {} });
      assert.equal(code, 1);
      const lines = (JSON.parse(out) as { files: { diagnostics: { range: { start: { line: number } } }[] }[] }).files[0].diagnostics.map((d) => d.range.start.line);
      assert.deepEqual(lines, [2]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('--fix leaves a read-only draft alone, says so and exits 2', async function () {
    if (process.platform === 'win32') this.skip();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-readonly-'));
    try {
      const draft = path.join(tmp, 'draft.md');
      const text = fs.readFileSync(path.join(root, 'samples', 'draft.md'), 'utf8');
      fs.writeFileSync(draft, text);
      fs.chmodSync(draft, 0o444);
      let out = '';
      let err = '';
      const code = await run({ argv: ['--fix', 'draft.md'], cwd: tmp, stdout: (s) => (out += s), stderr: (s) => (err += s) });
      assert.equal(code, 2, out);
      assert.match(err, /draft\.md: cannot write the fixed file: it is read-only/);
      assert.equal(fs.readFileSync(draft, 'utf8'), text);
      assert.deepEqual(fs.readdirSync(tmp), ['draft.md'], 'no temporary file left behind');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a draft over the size limit found by a walk is skipped with a notice; named, it is an input error', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-huge-'));
    try {
      fs.mkdirSync(path.join(tmp, 'drafts'));
      fs.writeFileSync(path.join(tmp, 'drafts', 'ok.md'), 'Nothing to see.\n');
      fs.closeSync(fs.openSync(path.join(tmp, 'drafts', 'huge.md'), 'w'));
      fs.truncateSync(path.join(tmp, 'drafts', 'huge.md'), 33 * 1024 * 1024); // sparse: no disk used
      const go = async (argv: string[]) => {
        let out = '';
        let err = '';
        const code = await run({ argv, cwd: tmp, stdout: (s) => (out += s), stderr: (s) => (err += s) });
        return { code, out, err };
      };
      const walked = await go(['drafts']);
      assert.equal(walked.code, 0, walked.err);
      assert.match(walked.err, /notice: drafts[\\/]huge\.md: file is too large to check \(33\.0 MB; the limit is 32 MB\); skipped/);
      const named = await go(['drafts/huge.md']);
      assert.equal(named.code, 2);
      assert.match(named.err, /huge\.md: file is too large to check/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
