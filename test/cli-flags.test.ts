import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROGRESS_MIN_FILES } from '../src/cli/run';
import { CLEAN, WARNINGS, WRONG, cli, councilDir, distCli, reportPaths, root, tmpDir, useTmp, write } from './cli-harness';

describe('CLI: exit codes follow --max-warnings and the config\'s levels', () => {
  useTmp();

  it('warnings fail the run by default; --max-warnings N tolerates up to N; -1 any number', async () => {
    write('w.md', WARNINGS);
    const base = await cli(['w.md'], tmpDir.path);
    assert.match(base.out, /^2 findings \(0 errors, 2 warnings\)/m);
    assert.equal(base.code, 1);
    assert.equal((await cli(['--max-warnings', '2', 'w.md'], tmpDir.path)).code, 0);
    assert.equal((await cli(['--max-warnings=1', 'w.md'], tmpDir.path)).code, 1);
    assert.equal((await cli(['--max-warnings', '-1', 'w.md'], tmpDir.path)).code, 0);
  });

  it('an error fails the run whatever --max-warnings says', async () => {
    write('e.md', WRONG);
    assert.equal((await cli(['--max-warnings', '-1', 'e.md'], tmpDir.path)).code, 1);
  });

  it('--max-warnings needs a whole number', async () => {
    write('a.md', CLEAN);
    for (const v of ['x', '1.5', '-2', '']) {
      const r = await cli(['--max-warnings', v, 'a.md'], tmpDir.path);
      assert.equal(r.code, 2, v);
      assert.match(r.err, /--max-warnings must be a whole number/);
    }
  });

  it('levels set in .factcheck.json decide: an error lowered to a warning counts against --max-warnings, info never fails', async () => {
    write('.factcheck.json', JSON.stringify({ severity: { 'number-mismatch': 'warning', 'quote-unverified': 'information' } }));
    write('a.md', WRONG + WARNINGS);
    const r = await cli(['a.md'], tmpDir.path);
    assert.match(r.out, /warning {2}number-mismatch/);
    assert.match(r.out, /info {2}quote-unverified/);
    // Issue 20: the summary counts the information findings too.
    assert.match(r.out, /^3 findings \(0 errors, 1 warning, 2 info\)/m);
    assert.equal(r.code, 1, 'one warning > the default 0');
    assert.equal((await cli(['--max-warnings', '1', 'a.md'], tmpDir.path)).code, 0, 'info findings are reported but never fail');
  });

  it('--quiet reports errors only, in every format, and only errors decide the exit code', async () => {
    write('.factcheck.json', JSON.stringify({ severity: { 'number-mismatch': 'warning', 'quote-unverified': 'error' } }));
    write('a.md', WRONG + 'A resident said it was “a very long night for all of us”.\n');
    const r = await cli(['--quiet', 'a.md'], tmpDir.path);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.out, /number-mismatch/, 'the config made it a warning');
    assert.match(r.out, /error {2}quote-unverified/);
    const j = JSON.parse((await cli(['-q', '--format', 'json', 'a.md'], tmpDir.path)).out);
    assert.deepEqual(j.files[0].diagnostics.map((d: any) => d.code), ['quote-unverified']);
    write('w.md', WRONG);
    const w = await cli(['--quiet', 'w.md'], tmpDir.path);
    assert.equal(w.code, 0, 'only a warning, hidden');
    assert.equal(w.out, '0 findings (0 errors, 0 warnings) in 1 file\n');
  });
});

describe('CLI: --explain', () => {
  useTmp();
  const facts = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));

  it('prints the verified wording and the cited sentence of the fact sheet under each finding', async () => {
    write('a.md', WRONG + WARNINGS);
    const r = await cli(['--explain', 'a.md'], tmpDir.path);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    const at = lines.findIndex((l) => /number-mismatch/.test(l));
    const figure = facts.figures.find((f: any) => f.text === '3,117');
    assert.ok(figure, 'the sheet has the verified figure');
    const block = [];
    for (let i = at + 1; lines[i]?.startsWith('    '); i++) block.push(lines[i].trim());
    assert.equal(block[0], 'Verified: 3,117');
    assert.ok(block.includes(`Source: “${figure.source}”`), block.join('\n'));
    // The unverified quotes have no fact to show, and say so.
    const q = lines.findIndex((l) => /quote-unverified/.test(l));
    assert.equal(lines[q + 1], '    Verified: none in the fact sheet');
    const plain = await cli(['a.md'], tmpDir.path);
    assert.ok(!plain.out.includes('Source:'), 'nothing extra without --explain');
    assert.equal(r.out.split('\n').filter((l) => !l.startsWith('    ')).join('\n'), plain.out);
  });

  it('uses the sheet that checked the draft (another story with --facts)', async () => {
    const council = JSON.parse(fs.readFileSync(path.join(councilDir, 'facts.json'), 'utf8'));
    write('c.md', 'The Riverton City Council approved a $84.2 million budget on Tuesday.\n');
    const r = await cli(['--explain', '--facts', path.join(councilDir, 'facts.json'), 'c.md'], tmpDir.path);
    const fig = council.figures.find((f: any) => r.out.includes(`Verified: ${f.text}`));
    assert.ok(fig, r.out);
    assert.ok(r.out.includes(`Source: “${fig.source}”`), r.out);
  });
});

describe('CLI: standard input (-)', () => {
  useTmp();

  it('checks the piped draft, reported as <stdin>', async () => {
    const r = await cli(['--format', 'json', '-'], tmpDir.path, { stdin: async () => WRONG });
    assert.equal(r.code, 1, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.files[0].path, '<stdin>');
    assert.equal(report.files[0].diagnostics[0].code, 'number-mismatch');
  });

  it('--stdin-filename picks the config, the mapped sheet and the file type, and names the draft', async () => {
    fs.mkdirSync(path.join(tmpDir.path, 'stories', 'council'), { recursive: true });
    for (const f of ['facts.json', 'article.txt']) fs.copyFileSync(path.join(councilDir, f), path.join(tmpDir.path, 'stories', 'council', f));
    write('.factcheck.json', JSON.stringify([{ drafts: 'stories/council/**', facts: 'stories/council/facts.json' }]));
    const councilWrong = 'The Riverton City Council approved a $84.2 million budget on Tuesday.\n';
    const r = await cli(['--stdin-filename', 'stories/council/draft.md', '-'], tmpDir.path, { stdin: async () => Buffer.from(councilWrong) });
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^stories\/council\/draft\.md:1:\d+ {2}error {2}number-mismatch .*48\.2/m);
    const elsewhere = await cli(['--stdin-filename', 'other/draft.md', '-'], tmpDir.path, { stdin: async () => councilWrong });
    assert.equal(elsewhere.code, 0, 'outside the mapping the bundled story applies, which knows nothing of the council');
    // A .txt name makes it plain text: backticks no longer hide a figure.
    const ticked = 'Iranian authorities acknowledged `3,171` deaths; Araghchi spoke in Muscat.\n';
    assert.equal((await cli(['--stdin-filename', 'x.md', '-'], tmpDir.path, { stdin: async () => ticked })).code, 0);
    assert.equal((await cli(['--stdin-filename', 'x.txt', '-'], tmpDir.path, { stdin: async () => ticked })).code, 1);
  });

  it('with other files; binary input is an input error; --fix and a second - are usage errors', async () => {
    write('a.md', CLEAN);
    const both = await cli(['--format', 'json', 'a.md', '-'], tmpDir.path, { stdin: async () => WRONG });
    assert.deepEqual(reportPaths(both.out), ['a.md', '<stdin>']);
    const bin = await cli(['-'], tmpDir.path, { stdin: async () => Buffer.from([1, 0, 2]) });
    assert.equal(bin.code, 2);
    assert.match(bin.err, /<stdin>: looks like a binary file/);
    for (const [argv, re] of [
      [['--fix', '-'], /--fix cannot rewrite standard input/],
      [['-', '-'], /only once/],
      [['--stdin-filename', 'x.md', 'a.md'], /--stdin-filename needs - among the PATHs/],
    ] as [string[], RegExp][]) {
      const r = await cli(argv, tmpDir.path, { stdin: async () => CLEAN });
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, re);
    }
  });

  it('the built CLI reads a pipe', function () {
    if (!fs.existsSync(distCli)) this.skip();
    const r = spawnSync(process.execPath, [distCli, '--stdin-filename', 'piped.md', '-'], { cwd: tmpDir.path, input: WRONG, encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^piped\.md:1:\d+ {2}error {2}number-mismatch/m);
  });
});

describe('CLI: progress on a terminal', () => {
  useTmp();
  const many = (n: number) => {
    for (let i = 0; i < n; i++) write(`d/${String(i).padStart(3, '0')}.md`, i === 3 ? WRONG : CLEAN);
  };

  it('a run over many files updates one line on stderr and clears it; stdout is unchanged', async () => {
    const n = PROGRESS_MIN_FILES + 5;
    many(n);
    const tty = await cli(['d'], tmpDir.path, { isTTY: true });
    const piped = await cli(['d'], tmpDir.path, { isTTY: false });
    assert.equal(tty.out, piped.out);
    assert.equal(tty.code, 1);
    assert.equal(piped.err, '', 'nothing extra when stderr is not a terminal');
    assert.ok(!tty.err.includes('\n'), 'a single line, rewritten in place');
    const counts = [...tty.err.matchAll(/\rchecked (\d+)\/(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.equal(counts.length, n);
    assert.ok(counts.every(([i, t], k) => i === k && t === n), JSON.stringify(counts));
    assert.ok(tty.err.endsWith('\r\x1b[K'), 'the line is cleared at the end');
  });

  it('a short run shows no progress even on a terminal', async () => {
    many(3);
    assert.equal((await cli(['d'], tmpDir.path, { isTTY: true })).err, '');
  });
});

describe('CLI: documentation', () => {
  it('README documents every option of --help with an example command', async () => {
    const usage = (await cli(['--help'], root)).out;
    const options = [...new Set(usage.match(/(?<=^\s+(?:-\w, )?)--[a-z-]+/gm))];
    assert.ok(options.length >= 14, options.join(' '));
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- cli:start -->'), readme.indexOf('<!-- cli:end -->'));
    const rows = section.split('\n').filter((l) => l.startsWith('| `-'));
    for (const o of options) {
      const row = rows.find((r) => r.split('|')[1].includes(`\`${o}`));
      assert.ok(row, `no README row for ${o}`);
      assert.match(row, new RegExp(`\`[^\`]*newsroom-factcheck [^\`]*${o}`), `no example for ${o}`);
    }
  });
});
