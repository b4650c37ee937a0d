/**
 * Control characters and BiDi overrides from a draft, a sheet or a file name never reach the
 * terminal or a CI log raw (issue 21): an ESC sequence in a quote could erase earlier lines of the
 * report, a line break in sheet text could start a `::error` workflow command of its own.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { printable } from '../src/cli/printable';
import { check, loadFactSheet } from '../src/core';
import { WRONG, cli, root, tmpDir, useTmp, write } from './cli-harness';

/** C0 controls but tab and line feed, DEL, C1 controls, BiDi embeddings, overrides and isolates. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A copy of the bundled sheet and article in the temporary directory, with `edit` applied to the sheet. */
function sheetWith(edit: (sheet: { figures: { id: string; counts: string }[] }) => void): string {
  const sheet = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
  delete sheet.$schema;
  edit(sheet);
  fs.copyFileSync(path.join(root, 'reference', 'article.txt'), path.join(tmpDir.path, 'article.txt'));
  sheet.story.article = 'article.txt';
  return write('facts.json', JSON.stringify(sheet));
}

describe('CLI: control characters are escaped in what it prints', () => {
  useTmp();

  it('printable() escapes C0 and C1 controls, DEL and BiDi overrides, and keeps other text', () => {
    assert.equal(printable('a\x1b[1Ab\x07c\x7f\x9b\u202ed\u2066e'), 'a\\x1B[1Ab\\x07c\\x7F\\x9B\\u202Ed\\u2066e');
    assert.equal(printable('line\nbreak\r'), 'line\\nbreak\\r');
    assert.equal(printable('Araghchi “a good start” 3,117 é 😀\tx'), 'Araghchi “a good start” 3,117 é 😀\tx');
  });

  it('the core writes them escaped in finding messages and fix titles (what the editor shows too)', () => {
    const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
    const findings = check('A resident said “it was a \x1b[2J\u202every long night for all of us”. Foreign Minister Abbas Araqchi\u202e said so.\n', sheet);
    assert.ok(findings.length >= 1);
    for (const f of findings) {
      assert.doesNotMatch(f.message, RAW, f.message);
      for (const x of f.fixes) assert.doesNotMatch(x.title, RAW, x.title);
    }
  });

  it('an ESC sequence in a quote of the draft is printed escaped in the text report', async () => {
    write('d.md', 'A resident said “\x1b[1A\x1b[2K it was a \u202every long night for all of us”.\n');
    // --facts: the one-line draft names nothing of the bundled story, which it must be checked against.
    const r = await cli(['--facts', path.join(root, 'reference', 'facts.json'), 'd.md'], tmpDir.path);
    assert.match(r.out, /quote-unverified/);
    assert.doesNotMatch(r.out, RAW, JSON.stringify(r.out));
    assert.match(r.out, /\\x1B\[2K/);
    assert.match(r.out, /\\u202E/);
  });

  it('a line break or ESC in sheet text cannot start a line of its own (a ::error command in a CI log)', async () => {
    const facts = sheetWith((s) => {
      const deaths = s.figures.find((f) => f.counts.includes('deaths'))!;
      deaths.counts = `${deaths.counts}\n::error file=a.md,line=1::injected \x1b[2J`;
    });
    write('d.md', WRONG);
    for (const format of ['text', 'github']) {
      const r = await cli(['--facts', facts, '--format', format, '--explain', 'd.md'], tmpDir.path);
      assert.equal(r.code, 1, r.err);
      assert.doesNotMatch(r.out, /^::error file=a\.md/m, `${format}: ${r.out}`);
      assert.doesNotMatch(r.out, RAW, `${format}: ${JSON.stringify(r.out)}`);
    }
  });

  it('a file name with control characters is escaped in the report and in notices', async () => {
    write('d/e\x1b[2Jvil.md', WRONG);
    write('d/b\x1b]0;title\x07.md', Buffer.from('Caf\xe9\n', 'latin1'));
    for (const format of ['text', 'github']) {
      const r = await cli(['--format', format, 'd'], tmpDir.path);
      assert.equal(r.code, 1, r.err);
      assert.doesNotMatch(r.out, RAW, `${format}: ${JSON.stringify(r.out)}`);
      assert.doesNotMatch(r.err, RAW, `${format}: ${JSON.stringify(r.err)}`);
      assert.match(format === 'text' ? r.out : r.out, /e\\x1B\[2Jvil\.md/);
      assert.match(format === 'text' ? r.err : r.out, /b\\x1B\]0;title\\x07\.md/);
    }
  });
});
