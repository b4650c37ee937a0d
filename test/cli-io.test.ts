/**
 * The CLI's input and output edges under stress (issue 21): standard input's size limit, the
 * report file written whole or not at all, --fix in a folder the user cannot write and on hard
 * links, write errors on stdout, and temporary files on Ctrl-C.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLEAN, WRONG, cli, distCli, root, tmpDir, useTmp, write } from './cli-harness';

describe('CLI: input and output edges', () => {
  useTmp();

  it('standard input has the same 32 MB limit as files, with a clear message', async () => {
    const big = Buffer.alloc(33 * 1024 * 1024, 0x61);
    const r = await cli(['-'], tmpDir.path, { stdin: async () => big });
    assert.equal(r.code, 2);
    assert.match(r.err, /<stdin>: standard input is too large to check \(more than 32 MB; the limit is 32 MB\)/);
    const ok = await cli(['-'], tmpDir.path, { stdin: async () => WRONG });
    assert.equal(ok.code, 1, ok.err);
  });
});

/** Runs the shipped CLI (dist/cli.js) in `cwd`. */
function shipped(args: string[], cwd: string, stdio: any = 'pipe') {
  return spawnSync(process.execPath, [distCli, ...args], { cwd, encoding: 'utf8', stdio, env: { ...process.env, NEWSROOM_FACTCHECK_NO_CACHE: '1' } });
}

describe('CLI: writing files and standard output', () => {
  useTmp();

  it('--output-file is written through a temporary file: a failed write keeps the old report and leaves no temporary file', async () => {
    const { writeFileAtomic } = await import('../src/cli/files');
    const out = write('report.json', 'the old report\n');
    assert.throws(() => writeFileAtomic(out, 'x'.repeat(100_000), () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }), /ENOSPC/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'the old report\n');
    assert.deepEqual(fs.readdirSync(tmpDir.path), ['report.json']);
    write('d.md', WRONG);
    const r = await cli(['--output-file', 'report.json', '--output-format', 'json', 'd.md'], tmpDir.path);
    assert.equal(r.code, 1, r.err);
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).files[0].diagnostics.length, 1);
    assert.deepEqual(fs.readdirSync(tmpDir.path).sort(), ['d.md', 'report.json']);
  });

  it('--fix keeps hard links: a file with two names is rewritten in place', async () => {
    const a = write('a.md', WRONG);
    fs.linkSync(a, path.join(tmpDir.path, 'b.md'));
    const r = await cli(['--fix', 'a.md'], tmpDir.path);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(path.join(tmpDir.path, 'b.md'), 'utf8'), CLEAN);
    assert.equal(fs.statSync(a).nlink, 2);
  });

  it('--fix in a folder where no file can be created writes the draft in place', async function () {
    const dir = path.join(tmpDir.path, 'locked');
    write('locked/a.md', WRONG);
    // chattr +i on the folder: no new file in it (even for root), its files still writable.
    if (spawnSync('chattr', ['+i', dir]).status !== 0) this.skip();
    try {
      const r = await cli(['--fix', 'locked/a.md'], tmpDir.path);
      assert.equal(r.code, 0, r.err);
      assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), CLEAN);
    } finally {
      spawnSync('chattr', ['-i', dir]);
    }
  });

  it('EPIPE on standard output (| head) ends quietly with the status the run would have had', function () {
    this.timeout(20000);
    write('d.md', WRONG.repeat(20000));
    const direct = spawn(process.execPath, [distCli, 'd.md'], { cwd: tmpDir.path, env: { ...process.env, NEWSROOM_FACTCHECK_NO_CACHE: '1' } });
    direct.stdout.destroy();
    let err = '';
    direct.stderr.on('data', (c) => (err += c));
    return new Promise<void>((resolve) =>
      direct.on('close', (code) => {
        assert.equal(code, 1, err);
        assert.doesNotMatch(err, /Error|at .*\(/, err);
        resolve();
      }),
    );
  });

  it('another write error on standard output (a full disk) exits 2 with a message, no stack trace', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    write('d.md', WRONG.repeat(2000));
    const fd = fs.openSync('/dev/full', 'w');
    try {
      const r = shipped(['d.md'], tmpDir.path, ['ignore', fd, 'pipe']);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /newsroom-factcheck: cannot write to standard output: ENOSPC/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('Ctrl-C or SIGTERM during --fix leaves no temporary file', async function () {
    this.timeout(60000);
    for (let i = 0; i < 300; i++) write(`d/f${i}.md`, WRONG.repeat(50));
    for (const [trial, signal] of [[0, 'SIGINT'], [1, 'SIGTERM'], [2, 'SIGINT'], [3, 'SIGTERM']] as const) {
      // Fresh drafts each time, so there is work left to interrupt.
      for (let i = 0; i < 300; i++) write(`d/f${i}.md`, WRONG.repeat(50));
      const child = spawn(process.execPath, [distCli, '--fix', 'd'], { cwd: tmpDir.path, env: { ...process.env, NEWSROOM_FACTCHECK_NO_CACHE: '1' }, stdio: 'ignore' });
      // Interrupted once the first drafts are being rewritten.
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (fs.readdirSync(path.join(tmpDir.path, 'd')).some((f) => f.endsWith('.factcheck.tmp')) || fs.readFileSync(path.join(tmpDir.path, 'd', 'f0.md'), 'utf8') !== WRONG.repeat(50)) {
            clearInterval(poll);
            child.kill(signal);
            resolve();
          }
        }, 1);
      });
      await new Promise((resolve) => child.on('close', resolve));
      const left = fs.readdirSync(path.join(tmpDir.path, 'd')).filter((f) => f.endsWith('.tmp'));
      assert.deepEqual(left, [], `trial ${trial} (${signal})`);
    }
  });
});

describe('CLI: Ctrl-C on a run that writes nothing', () => {
  useTmp();

  it('stops it at once, even in the middle of a long check', async function () {
    this.timeout(30000);
    write('d.md', 'Iranian authorities acknowledged 3,171 deaths, officials said. '.repeat(300_000));
    // --facts: checked against the bundled story whatever story matching says (a draft that
    // matched no story would end before the signal, in about the time the test waits).
    const child = spawn(process.execPath, [distCli, '--facts', path.join(root, 'reference', 'facts.json'), 'd.md'], { cwd: tmpDir.path, env: { ...process.env, NEWSROOM_FACTCHECK_NO_CACHE: '1' }, stdio: 'ignore' });
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const t0 = Date.now();
    child.kill('SIGINT');
    const signal = await closed;
    assert.equal(signal, 'SIGINT');
    assert.ok(Date.now() - t0 < 1000, `${Date.now() - t0} ms`);
  });
});

describe('CLI: the size of a fact sheet', () => {
  useTmp();

  /** A valid sheet of `n` figures, each citing its own sentence of the article. */
  function sheetOf(n: number): string {
    const words = ['jobs', 'beds', 'votes', 'homes', 'loans'];
    const figures = Array.from({ length: n }, (_, i) => {
      const v = 1000 + i * 7;
      const w = words[i % words.length];
      return { id: `f${i}`, kind: 'count', value: v, text: v.toLocaleString('en-US'), qualifier: 'exact', counts: w, context: [w], source: `U${i} had ${v.toLocaleString('en-US')} ${w}.` };
    });
    write('big/article.txt', figures.map((f) => f.source).join(' ') + '\n');
    return write('big/facts.json', JSON.stringify({ story: { id: 'big', title: 'Big', article: 'article.txt' }, entities: [], figures, dates: [], quotes: [], settings: [] }));
  }

  it('a sheet over 1 MB is refused with a message saying why (every draft figure is compared with each of its figures)', async () => {
    const facts = sheetOf(9000);
    assert.ok(fs.statSync(facts).size > 1024 * 1024);
    write('d.md', 'Officials said U3 had 1,022 homes.\n');
    const r = await cli(['--facts', facts, 'd.md'], tmpDir.path);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /\$: fact sheet is too large \(1\.\d MB; the limit is 1 MB/);
  });
});
