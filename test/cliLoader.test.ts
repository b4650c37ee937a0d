import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const distCli = path.join(root, 'dist', 'cli.js');
const sample = path.join(root, 'samples', 'draft.md');

/** Runs dist/cli.js with its temporary directory (and so its code cache) under `tmp`. */
function runCli(tmp: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [distCli, '--format', 'json', sample], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, TEMP: tmp, TMP: tmp, ...env }, timeout: 20000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const cacheDirs = (tmp: string) => fs.readdirSync(tmp).filter((f) => f.startsWith('newsroom-factcheck-cache-')).map((f) => path.join(tmp, f));
const cacheFiles = (tmp: string) => cacheDirs(tmp).flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.bin')).map((f) => path.join(d, f)));

/**
 * An installed copy of the CLI under `tmp` (the loader and the bundle built with it), and its
 * `--version` run with its cache under `tmp`.
 */
function installedCopy(tmp: string) {
  const bin = path.join(tmp, 'pkg', 'dist');
  fs.mkdirSync(bin, { recursive: true });
  fs.copyFileSync(distCli, path.join(bin, 'cli.js'));
  const main = path.join(bin, 'cli-main.js');
  const source = fs.readFileSync(path.join(root, 'dist', 'cli-main.js'), 'utf8');
  fs.writeFileSync(main, source);
  const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const versionOf = () => spawnSync(process.execPath, [path.join(bin, 'cli.js'), '--version'], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, TEMP: tmp, TMP: tmp } }).stdout.trim();
  return { bin, main, source, version, versionOf };
}

describe('dist/cli.js: the code cache makes runs faster, never different', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-loader-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  // Node 22+ caches compiled code itself (module.enableCompileCache); the loader's own cache is for Node 20.
  const ownCache = !(require('node:module') as { enableCompileCache?: unknown }).enableCompileCache;

  it('the first run writes a private cache, and runs with it give the same report', () => {
    const first = runCli(tmp);
    assert.equal(first.code, 1, first.err);
    const second = runCli(tmp);
    assert.equal(second.out, first.out);
    assert.equal(second.code, first.code);
    if (!ownCache) return;
    const [file] = cacheFiles(tmp);
    assert.ok(file, 'a cache file was written');
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700, 'the cache directory is the user’s alone');
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    }
  });

  it('a corrupt cache is ignored and replaced', function () {
    if (!ownCache) this.skip();
    const first = runCli(tmp);
    const [file] = cacheFiles(tmp);
    fs.writeFileSync(file, 'not V8 bytecode');
    const again = runCli(tmp);
    assert.equal(again.out, first.out);
    assert.notEqual(fs.readFileSync(file, 'utf8'), 'not V8 bytecode', 'rewritten after the run');
  });

  it('a cache directory others can write to is never read nor written', function () {
    if (!ownCache || process.platform === 'win32') this.skip();
    const first = runCli(tmp);
    const [dir] = cacheDirs(tmp);
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    fs.chmodSync(dir, 0o777);
    const again = runCli(tmp);
    assert.equal(again.out, first.out);
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing written to a shared directory');
  });

  it('a new release of the same size and time is never run from the old one’s cache, and the old cache is dropped', function () {
    if (!ownCache) this.skip();
    // npm gives every installed file the same mtime, so only content differs.
    const { bin, main, source, version, versionOf } = installedCopy(tmp);
    assert.ok(source.includes(`"${version}"`));
    const bumped = version.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const mtime = new Date('1985-10-26T08:15:00Z');
    fs.utimesSync(main, mtime, mtime);
    assert.equal(versionOf(), version);
    assert.equal(versionOf(), version, 'from the cache');
    // The new release's loader carries the digest of its own cli-main.js, as the build writes it.
    const released = source.split(`"${version}"`).join(`"${bumped}"`);
    const loader = fs.readFileSync(distCli, 'utf8');
    const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
    assert.ok(loader.includes(digest(source)), 'the loader names the digest of the bundle built with it');
    fs.writeFileSync(path.join(bin, 'cli.js'), loader.split(digest(source)).join(digest(released)));
    fs.writeFileSync(main, released);
    fs.utimesSync(main, mtime, mtime);
    assert.equal(versionOf(), bumped);
    assert.equal(cacheFiles(tmp).length, 1, 'one cache left');
  });

  it('a bundle its loader was not built with is hashed at run time, never run from a stale cache', function () {
    if (!ownCache) this.skip();
    const { main, source, version, versionOf } = installedCopy(tmp);
    assert.equal(versionOf(), version);
    // Edited by hand (a longer version string): the loader's recorded digest no longer applies.
    fs.writeFileSync(main, source.split(`"${version}"`).join(`"${version}-local"`));
    assert.equal(versionOf(), `${version}-local`);
    assert.equal(versionOf(), `${version}-local`, 'from its own cache');
  });

  it('NEWSROOM_FACTCHECK_NO_CACHE turns the cache off', () => {
    const r = runCli(tmp, { NEWSROOM_FACTCHECK_NO_CACHE: '1' });
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(cacheDirs(tmp), []);
  });
});
