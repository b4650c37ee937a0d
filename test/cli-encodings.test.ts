/**
 * Drafts the CLI once refused as binary (issue 21): UTF-16 (with or without a byte order mark),
 * and UTF-8 text damaged by NUL bytes; and the JSON report's entry for a file it did not check.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CLEAN, WRONG, cli, tmpDir, useTmp, write } from './cli-harness';

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const column = (s: string) => s.indexOf('3,171') + 1;

describe('CLI: UTF-16 drafts and NUL bytes', () => {
  useTmp();

  for (const [name, bytes] of [
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WRONG, 'utf16le')])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(WRONG)])],
    ['UTF-16 LE without a BOM', Buffer.from(WRONG, 'utf16le')],
    ['UTF-16 BE without a BOM', utf16be(WRONG)],
  ] as const)
    it(`${name} is read as text, and --fix writes it back in the same encoding`, async () => {
      write('d.md', bytes);
      const r = await cli(['d.md'], tmpDir.path);
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, new RegExp(`^d\\.md:1:${column(WRONG)}  error  number-mismatch`, 'm'));
      const fixed = await cli(['--fix', 'd.md'], tmpDir.path);
      assert.equal(fixed.code, 0, fixed.err);
      const after = fs.readFileSync(path.join(tmpDir.path, 'd.md'));
      const bom = bytes[0] === 0xff || bytes[0] === 0xfe ? bytes.subarray(0, 2) : Buffer.alloc(0);
      const expected = Buffer.concat([bom, name.includes('BE') ? utf16be(CLEAN) : Buffer.from(CLEAN, 'utf16le')]);
      assert.deepEqual(after, expected);
    });

  it('a real binary file is still skipped by a walk', async () => {
    write('d/image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x1a, 0x0a, 0, 0, 0xff, 0xd8]));
    write('d/a.md', CLEAN);
    const r = await cli(['d'], tmpDir.path);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /image\.md: looks like a binary file/);
  });

  it('a UTF-8 draft with NUL bytes is checked (NUL read as U+FFFD), with a notice giving the first one and the count', async () => {
    const text = 'Intro line.\nIran\u0000said it.\u0000\n' + WRONG;
    write('d.md', text);
    const r = await cli(['--format', 'json', 'd.md'], tmpDir.path);
    assert.equal(r.code, 1, r.err);
    const files = JSON.parse(r.out).files;
    assert.equal(files[0].diagnostics[0].code, 'number-mismatch');
    assert.deepEqual(files[0].diagnostics[0].range.start, { line: 2, character: WRONG.indexOf('3,171') });
    assert.match(r.err, /notice: d\.md: contains 2 NUL bytes \(the first at 2:5\)/);
    // --fix does not write it: U+FFFD in place of its NULs would change more than the fixes.
    const fix = await cli(['--fix', 'd.md'], tmpDir.path);
    assert.equal(fix.code, 2);
    assert.match(fix.err, /d\.md: cannot write the fixed file: it contains NUL bytes/);
    assert.equal(fs.readFileSync(path.join(tmpDir.path, 'd.md'), 'utf8'), text);
  });

  it('a 1 MB draft of NUL-separated figures answers in under 5 s', async function () {
    this.timeout(20000);
    write('d.md', '3,171\u0000'.repeat(180_000));
    const t0 = Date.now();
    const r = await cli(['--format', 'json', 'd.md'], tmpDir.path);
    assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
    assert.notEqual(r.code, 2, r.err);
  });

  it('the JSON report has an entry for each file it did not check, saying why', async () => {
    write('d/a.md', WRONG);
    write('d/latin1.md', Buffer.from('Caf\xe9\n', 'latin1'));
    const r = await cli(['--format', 'json', 'd', 'missing.md'], tmpDir.path);
    const files = JSON.parse(r.out).files as { path: string; diagnostics: unknown[]; notChecked?: string }[];
    const byPath = Object.fromEntries(files.map((f) => [f.path.split(path.sep).join('/'), f]));
    assert.equal(byPath['d/a.md'].diagnostics.length, 1);
    assert.deepEqual(byPath['d/latin1.md'].diagnostics, []);
    assert.match(byPath['d/latin1.md'].notChecked!, /not valid UTF-8/);
  });
});
