import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CLEAN, WRONG, cli, tmpDir, useTmp, write } from './cli-harness';

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.factcheck.tmp'));

describe('CLI: --fix writes safely', () => {
  useTmp();

  it('refuses to replace a file that changed since it was read: the newer text stays, exit 2, the run goes on', async () => {
    const p = write('a.md', WRONG);
    write('b.md', WRONG);
    const edited = 'An editor saved this while the check ran: 3,171.\n';
    const r = await cli(['--fix', 'a.md', 'b.md'], tmpDir.path, {
      beforeReplace: (abs) => {
        if (abs === p) fs.writeFileSync(p, edited);
      },
    });
    assert.equal(r.code, 2);
    assert.match(r.err, /^newsroom-factcheck: a\.md: not fixed: it changed on disk since it was read; run again/m);
    assert.equal(fs.readFileSync(p, 'utf8'), edited, "the editor's text is kept");
    assert.equal(fs.readFileSync(path.join(tmpDir.path, 'b.md'), 'utf8'), CLEAN, 'the other file is fixed');
    // a.md is reported as it was read (not fixed), b.md as fixed.
    assert.match(r.out, /^a\.md:1:\d+ {2}error {2}number-mismatch/m);
    assert.doesNotMatch(r.out, /^b\.md:/m);
    assert.match(r.out, /; fixed 1$/m);
    assert.deepEqual(leftovers(tmpDir.path), []);
  });

  it('a file deleted before the write is not recreated', async () => {
    const p = write('a.md', WRONG);
    const r = await cli(['--fix', 'a.md'], tmpDir.path, { beforeReplace: () => fs.rmSync(p) });
    assert.equal(r.code, 2);
    assert.match(r.err, /a\.md: not fixed: it can no longer be read \(ENOENT\)/);
    assert.ok(!fs.existsSync(p));
    assert.deepEqual(leftovers(tmpDir.path), []);
  });

  it('a run stopped just before the rename leaves the old file whole and no temporary file', async () => {
    const p = write('a.md', WRONG);
    const r = await cli(['--fix', 'a.md'], tmpDir.path, {
      beforeReplace: () => {
        throw new Error('interrupted');
      },
    });
    assert.equal(r.code, 2);
    assert.match(r.err, /a\.md: cannot write the fixed file: interrupted/);
    assert.equal(fs.readFileSync(p, 'utf8'), WRONG);
    assert.deepEqual(leftovers(tmpDir.path), []);
  });

  it('keeps a BOM, mixed CRLF/LF line ends, a missing final newline and the mode', async () => {
    const body = '# Toll\r\n\r\nIranian authorities acknowledged 3,171 deaths.\r\nThen:\nHRANA reported 6,827 deaths.';
    const p = write('a.md', '\uFEFF' + body);
    fs.chmodSync(p, 0o604);
    const r = await cli(['--fix', 'a.md'], tmpDir.path);
    assert.equal(r.code, 0, r.out + r.err);
    const expected = Buffer.from('\uFEFF' + body.replace('3,171', '3,117').replace('6,827', '6,872'), 'utf8');
    assert.ok(fs.readFileSync(p).equals(expected), JSON.stringify(fs.readFileSync(p, 'utf8')));
    assert.equal((fs.statSync(p).mode & 0o777).toString(8), '604');
  });

  it('a symbolic link to a draft stays a link; its target is fixed', async function () {
    if (process.platform === 'win32') this.skip();
    const target = write('real/a.md', WRONG);
    const link = path.join(tmpDir.path, 'a.md');
    fs.symlinkSync(target, link);
    const r = await cli(['--fix', 'a.md'], tmpDir.path);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(target, 'utf8'), CLEAN);
  });

  it('binary and non-UTF-8 files are never rewritten', async () => {
    const bin = write('d/bin.md', Buffer.concat([Buffer.from(WRONG), Buffer.from([0, 1])]));
    const latin = write('d/latin1.md', Buffer.from('Caf\xe9: Iranian authorities acknowledged 3,171 deaths.\n', 'latin1'));
    const before = [fs.readFileSync(bin), fs.readFileSync(latin)];
    const r = await cli(['--fix', 'd'], tmpDir.path);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /bin\.md: looks like a binary file .*skipped/);
    assert.match(r.err, /latin1\.md: is not valid UTF-8 text; skipped/);
    assert.ok(fs.readFileSync(bin).equals(before[0]));
    assert.ok(fs.readFileSync(latin).equals(before[1]));
  });
});
