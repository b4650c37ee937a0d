import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CLEAN, WRONG, cli, reportPaths, tmpDir, useTmp, write } from './cli-harness';

const sorted = (a: string[]) => [...a].sort();

describe('CLI: directory walks honour .gitignore', () => {
  useTmp();
  const repo = () => {
    fs.mkdirSync(path.join(tmpDir.path, '.git'));
    write('.gitignore', ['# build output', 'drafts/old/', '*.tmp.md', '!keep.tmp.md', '/top.md', 'build'].join('\n') + '\n');
    write('top.md', WRONG);
    write('drafts/top.md', WRONG); // "/top.md" is anchored to the root
    write('drafts/a.md', WRONG);
    write('drafts/x.tmp.md', WRONG);
    write('drafts/keep.tmp.md', WRONG);
    write('drafts/old/b.md', WRONG);
    write('drafts/sub/old/c.md', WRONG); // "drafts/old/" has a slash: anchored, so this one is not ignored
    write('drafts/build/d.md', WRONG); // "build" has none: ignored at any depth
    write('drafts/sub/.gitignore', 'secret.md\n!../a.md\n');
    write('drafts/sub/secret.md', WRONG);
    write('drafts/sub/e.md', WRONG);
  };
  const expected = ['drafts/a.md', 'drafts/keep.tmp.md', 'drafts/sub/e.md', 'drafts/sub/old/c.md', 'drafts/top.md'];

  it('patterns, anchoring, negation, directory patterns and nested .gitignore files', async () => {
    repo();
    const r = await cli(['--format', 'json', '.'], tmpDir.path);
    assert.equal(r.err, '');
    assert.deepEqual(sorted(reportPaths(r.out)), expected);
  });

  it('the repository root .gitignore applies when walking a subdirectory, from anywhere', async () => {
    repo();
    const r = await cli(['--format', 'json', 'drafts'], tmpDir.path);
    assert.deepEqual(sorted(reportPaths(r.out)), expected);
    const inside = await cli(['--format', 'json', '.'], path.join(tmpDir.path, 'drafts'));
    assert.deepEqual(sorted(reportPaths(inside.out)), expected.map((p) => p.slice('drafts/'.length)));
  });

  it('globs are filtered alike; a file named on the command line is checked even if ignored', async () => {
    repo();
    const g = await cli(['--format', 'json', 'drafts/**/*.md'], tmpDir.path);
    assert.deepEqual(sorted(reportPaths(g.out)), expected);
    const named = await cli(['--format', 'json', 'drafts/old/b.md', 'drafts/x.tmp.md'], tmpDir.path);
    assert.deepEqual(reportPaths(named.out), ['drafts/old/b.md', 'drafts/x.tmp.md']);
  });

  it('without a repository, the .gitignore files from the walked directory down apply', async () => {
    write('d/.gitignore', 'skip.md\n');
    write('d/skip.md', WRONG);
    write('d/a.md', WRONG);
    const r = await cli(['--format', 'json', 'd'], tmpDir.path);
    assert.deepEqual(reportPaths(r.out), ['d/a.md']);
  });

  it('a directory with no drafts left to check says so in a notice (a CI run that checks nothing is visible)', async () => {
    fs.mkdirSync(path.join(tmpDir.path, '.git'));
    write('.gitignore', 'out/\n');
    write('out/a.md', WRONG);
    write('empty/notes.html', WRONG);
    const r = await cli(['out', 'empty'], tmpDir.path);
    assert.equal(r.code, 0);
    assert.equal(r.out, '0 findings (0 errors, 0 warnings) in 0 files\n');
    assert.match(r.err, /^newsroom-factcheck: notice: out: no drafts in this directory/m);
    assert.match(r.err, /^newsroom-factcheck: notice: empty: no drafts in this directory/m);
  });

  it('hidden directories and node_modules are not walked', async () => {
    write('d/.obsidian/x.md', WRONG);
    write('d/node_modules/pkg/readme.md', WRONG);
    write('d/a.md', CLEAN);
    assert.deepEqual(reportPaths((await cli(['--format', 'json', 'd'], tmpDir.path)).out), ['d/a.md']);
  });
});

describe("CLI: directory walks honour the config's include and exclude", () => {
  useTmp();

  it('include/exclude globs relative to the config decide what a walk finds; named files are always checked', async () => {
    write('desk/.factcheck.json', JSON.stringify({ include: ['stories/**/*.md', 'wire/*.txt'], exclude: ['stories/archive/**'] }));
    write('desk/stories/a.md', WRONG);
    write('desk/stories/notes.txt', WRONG);
    write('desk/stories/archive/old.md', WRONG);
    write('desk/wire/w.txt', WRONG);
    write('desk/wire/deep/w2.txt', WRONG);
    write('desk/readme.md', WRONG);
    // Run from above the config: the globs are still relative to desk/.
    const r = await cli(['--format', 'json', 'desk'], tmpDir.path);
    assert.deepEqual(sorted(reportPaths(r.out)), ['desk/stories/a.md', 'desk/wire/w.txt']);
    const g = await cli(['--format', 'json', 'desk/**'], tmpDir.path);
    assert.deepEqual(sorted(reportPaths(g.out)), ['desk/stories/a.md', 'desk/wire/w.txt']);
    const named = await cli(['--format', 'json', 'desk/stories/archive/old.md', 'desk/readme.md'], tmpDir.path);
    assert.equal(named.code, 1);
    assert.deepEqual(reportPaths(named.out), ['desk/stories/archive/old.md', 'desk/readme.md']);
  });

  it('exclude alone keeps the usual draft extensions (any case)', async () => {
    write('.factcheck.json', JSON.stringify({ exclude: ['**/DRAFT-*'] }));
    write('a.MD', WRONG);
    write('b.txt', WRONG);
    write('DRAFT-c.md', WRONG);
    write('d.html', WRONG);
    assert.deepEqual(sorted(reportPaths((await cli(['--format', 'json', '.'], tmpDir.path)).out)), ['a.MD', 'b.txt']);
  });
});

describe('CLI: symbolic links', () => {
  useTmp();
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  it('a link loop is not followed: the walk ends, each draft once, with a notice and no input error', async () => {
    write('d/a.md', WRONG);
    write('d/sub/b.md', CLEAN);
    fs.symlinkSync('..', path.join(tmpDir.path, 'd', 'sub', 'up')); // d/sub/up -> d
    fs.symlinkSync('.', path.join(tmpDir.path, 'd', 'self'));
    const r = await cli(['--format', 'json', 'd'], tmpDir.path);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(sorted(reportPaths(r.out)), ['d/a.md', 'd/sub/b.md']);
    assert.match(r.err, /notice: d\/self: symbolic link loop/);
    assert.match(r.err, /notice: d\/sub\/up: symbolic link loop/);
  });

  // Issue 21 changed this: a link to a directory outside the tree walked is no longer followed.
  it('a linked directory inside the tree is walked once; a broken link is a notice', async () => {
    write('d/shared/s.md', WRONG);
    write('d/a.md', CLEAN);
    fs.symlinkSync(path.join(tmpDir.path, 'd', 'shared'), path.join(tmpDir.path, 'd', 'linked'));
    fs.symlinkSync(path.join(tmpDir.path, 'd', 'shared'), path.join(tmpDir.path, 'd', 'linked-again'));
    fs.symlinkSync(path.join(tmpDir.path, 'nowhere.md'), path.join(tmpDir.path, 'd', 'dangling.md'));
    const r = await cli(['--format', 'json', 'd'], tmpDir.path);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(reportPaths(r.out), ['d/a.md', 'd/linked/s.md']);
    assert.match(r.err, /notice: d\/dangling\.md: broken symbolic link; skipped/);
  });

  it('a link out of the tree walked is not followed, so --fix cannot rewrite files outside it; named on the command line it is checked', async () => {
    write('o/v.md', WRONG);
    write('r/docs/a.md', CLEAN);
    write('r/docs/in.md', WRONG);
    fs.symlinkSync('../../o', path.join(tmpDir.path, 'r', 'docs', 'l'));
    fs.symlinkSync('../../o/v.md', path.join(tmpDir.path, 'r', 'docs', 'v-link.md'));
    const r = await cli(['--fix', '--format', 'json', '.'], path.join(tmpDir.path, 'r'));
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(reportPaths(r.out), ['docs/a.md', 'docs/in.md']);
    assert.equal(fs.readFileSync(path.join(tmpDir.path, 'o', 'v.md'), 'utf8'), WRONG, 'a file outside the tree was rewritten');
    assert.equal(fs.readFileSync(path.join(tmpDir.path, 'r', 'docs', 'in.md'), 'utf8'), CLEAN);
    assert.match(r.err, /notice: docs\/l: symbolic link to a directory outside \.; not followed/);
    assert.match(r.err, /notice: docs\/v-link\.md: symbolic link to a file outside \.; not followed/);
    // Named on the command line, the link is the user's choice.
    const named = await cli(['--format', 'json', 'docs/l'], path.join(tmpDir.path, 'r'));
    assert.equal(named.code, 1, named.err);
    assert.deepEqual(reportPaths(named.out), ['docs/l/v.md']);
  });

  it('a link that points at itself is called a symbolic link loop, not a broken link', async () => {
    write('d/a.md', CLEAN);
    fs.symlinkSync('loop.md', path.join(tmpDir.path, 'd', 'loop.md'));
    const r = await cli(['--format', 'json', 'd'], tmpDir.path);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /notice: d\/loop\.md: symbolic link loop; skipped/);
    assert.doesNotMatch(r.err, /broken/);
  });
});

describe('CLI: files that are not text', () => {
  useTmp();

  it('found by a walk, a binary or non-UTF-8 draft is skipped with a notice; the exit code is that of the others', async () => {
    write('d/a.md', CLEAN);
    write('d/image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    write('d/latin1.txt', Buffer.from('Caf\xe9\n', 'latin1'));
    const r = await cli(['d'], tmpDir.path);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '0 findings (0 errors, 0 warnings) in 1 file\n');
    assert.match(r.err, /^newsroom-factcheck: notice: d\/image\.md: looks like a binary file \(contains NUL bytes\); skipped$/m);
    assert.match(r.err, /^newsroom-factcheck: notice: d\/latin1\.txt: is not valid UTF-8 text; skipped$/m);
  });

  it('named on the command line, it is an input error (exit 2): what you ask for must be checkable', async () => {
    write('image.md', Buffer.from([0x89, 0x50, 0, 0]));
    const r = await cli(['image.md'], tmpDir.path);
    assert.equal(r.code, 2);
    assert.match(r.err, /^newsroom-factcheck: image\.md: looks like a binary file/m);
  });
});
