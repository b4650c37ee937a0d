/**
 * The `newsroom-factcheck` executable: loads the CLI bundle (cli-main.js) with a V8 code cache, so
 * a run on one draft does not spend its time compiling the checker again. Node 22+ has this built in
 * (`module.enableCompileCache`); on Node 20 the bundle is compiled through `vm.Script` with
 * `cachedData` kept in a private per-user directory. Any problem with the cache falls back to a
 * plain load: the cache can make a run faster, never different.
 */
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const main = path.join(__dirname, 'cli-main.js');

/** The digest and length of the cli-main.js built with this loader (esbuild.mjs), or null. */
declare const __CLI_MAIN_BUILT__: { digest: string; length: number } | null;

/** A directory only this user can write, or undefined (then no cache is read or written). */
function cacheDir(): string | undefined {
  if (process.env.NEWSROOM_FACTCHECK_NO_CACHE) return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = path.join(os.tmpdir(), `newsroom-factcheck-cache-${uid ?? 'user'}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    // Never read bytecode from a directory another user could have planted or can write to.
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (process.platform !== 'win32' && (st.mode & 0o022) !== 0)) return undefined;
  } catch {
    return undefined;
  }
  return dir;
}

function loadWithCache(): boolean {
  const dir = cacheDir();
  if (!dir) return false;
  let source: string;
  try {
    source = fs.readFileSync(main, 'utf8');
  } catch {
    return false;
  }
  // Keyed by the bundle's content: V8 accepts bytecode cached for other source of the same length,
  // and npm gives every installed file the same mtime, so size and time cannot tell releases apart.
  // The build records the digest of the cli-main.js it made beside this loader (loading node:crypto
  // to hash it here would cost a short run ~8 ms); a bundle of another length was not made with it.
  const built = __CLI_MAIN_BUILT__;
  const digest =
    built && built.length === source.length ? built.digest : (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(source).digest('hex').slice(0, 32);
  const key = `${process.version}-${process.arch}-${digest}`.replace(/[^\w.-]/g, '_');
  const file = path.join(dir, `cli-${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  let script: vm.Script;
  try {
    script = new vm.Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: main, cachedData });
  } catch {
    return false;
  }
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, after the run compiled the functions it needed: the next run skips that too.
    process.once('exit', () => {
      try {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
        // One cache per user: drop those of earlier releases and Node versions.
        for (const f of fs.readdirSync(dir)) if (f.startsWith('cli-') && path.join(dir, f) !== file && !f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
      } catch {
        /* no cache this time */
      }
    });
  }
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const mod = { exports: {}, filename: main, id: main, loaded: false };
  wrapper.call(mod.exports, mod.exports, Module.createRequire(main), mod, main, __dirname);
  return true;
}

const builtIn = (Module as unknown as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
if (typeof builtIn === 'function') {
  // Node 22+: its own compile cache (keyed by content), in the same private directory.
  const dir = cacheDir();
  if (dir)
    try {
      builtIn(path.join(dir, 'node-compile-cache'));
    } catch {
      /* plain load below */
    }
  require(main);
} else if (!loadWithCache()) require(main);
