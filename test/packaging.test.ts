import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('the packaged extension (vsce ls)', function () {
  this.timeout(60_000);
  let files: string[];
  before(() => {
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  });

  it('ships the icon, the README images and the walkthrough media', () => {
    assert.ok(files.includes(pkg.icon), pkg.icon);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, 'the README shows screenshots');
    for (const image of images) {
      assert.doesNotMatch(image, /^https?:/, `${image}: a local image shows without network`);
      assert.ok(files.includes(image), `${image} is in the .vsix`);
    }
    for (const step of pkg.contributes.walkthroughs[0].steps) assert.ok(files.includes(step.media.markdown ?? step.media.image), step.id);
  });

  it('keeps README links relative (vsce would rewrite them to the network) and leaves the developers\' material out', () => {
    assert.match(pkg.scripts.package, /--no-rewrite-relative-links/);
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('src/') || f === 'CONTRIBUTING.md'), files.join(', '));
  });
});
