// Shared by scripts/test-vscode.mjs and test/e2e/e2e.mjs: installs the VS Code that the npm package
// code-server bundles (outside the project's dependencies), starts it in its own process group with
// throwaway state, and opens its workbench in headless Chromium through playwright-core.
// Why code-server: @vscode/test-electron downloads VS Code from a host that offline machines and CI
// cannot reach; code-server's VS Code comes from the npm registry. See CONTRIBUTING.md "Tests".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Newest code-server whose engines accept Node 20; it bundles VS Code 1.100.3. */
export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// code-server@4.100.3 pins @vscode/ripgrep 1.15.11 (lib/vscode/npm-shrinkwrap.json), whose postinstall
// fetches rg v13.0.0-10 from GitHub unless it finds this file in its cache folder under $TMPDIR.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_VERSION = 'v13.0.0-10';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

const APT_PACKAGES = [
  { name: 'ripgrep', why: "code-server's search runs rg, and its install would otherwise download it", present: () => !!which('rg') },
  { name: 'chromium', why: 'the headless browser that opens the VS Code workbench for the tests', present: () => fs.existsSync(CHROMIUM_PATH) },
  // the kerberos native module that code-server builds includes gssapi/gssapi.h
  { name: 'libkrb5-dev', why: 'gssapi.h, to build the kerberos module that code-server installs', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') },
];

/**
 * What installing the missing Debian packages will do, said before it is done: one line per
 * package with why the tests need it, and the apt-get install arguments (only those packages,
 * without recommended ones).
 */
export function aptInstallPlan(missing) {
  return {
    lines: [
      `the editor tests need ${missing.length === 1 ? 'a Debian package that is' : `${missing.length} Debian packages that are`} not installed; running as root, so installing with apt-get:`,
      ...missing.map((p) => `  ${p.name}: ${p.why}`),
      `  command: apt-get update, then apt-get install -y --no-install-recommends ${missing.map((p) => p.name).join(' ')}`,
    ],
    args: ['install', '-y', '-q', '--no-install-recommends', ...missing.map((p) => p.name)],
  };
}

export function log(message) {
  console.log(`[vscode] ${message}`);
}

export class SetupError extends Error {}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch { /* keep looking */ }
  }
  return null;
}

export function codeServerDir() {
  return path.resolve(process.env.CODE_SERVER_DIR || path.join(REPO_ROOT, '.vscode-test', 'code-server'));
}

function packageDir(dir) {
  return path.join(dir, 'node_modules', 'code-server');
}

/** The entry script of an installed, complete code-server of the pinned version, or null. */
export function installedCodeServer(dir = codeServerDir()) {
  const marker = path.join(dir, 'install-complete');
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageDir(dir), 'package.json'), 'utf8'));
    if (pkg.version !== CODE_SERVER_VERSION || fs.readFileSync(marker, 'utf8').trim() !== CODE_SERVER_VERSION) return null;
  } catch {
    return null;
  }
  const entry = path.join(packageDir(dir), 'out', 'node', 'entry.js');
  return fs.existsSync(entry) ? entry : null;
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status;
}

function ensureAptPackages() {
  const packages = APT_PACKAGES.filter((p) => !p.present());
  const missing = packages.map((p) => p.name);
  if (!missing.length) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !which('apt-get')) {
    throw new SetupError(`missing system packages: ${missing.join(', ')}. Install them (Debian: sudo apt-get install -y ${missing.join(' ')}) and run again.`);
  }
  const plan = aptInstallPlan(packages);
  for (const line of plan.lines) log(line);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // another apt run may hold the lock for a while; wait for it rather than fail
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  if (run('apt-get', [...lock, 'update', '-q'], { env }) !== 0) throw new SetupError('apt-get update failed');
  if (run('apt-get', [...lock, ...plan.args], { env }) !== 0) {
    throw new SetupError(`apt-get install ${missing.join(' ')} failed`);
  }
  const still = APT_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (still.length) throw new SetupError(`still missing after apt-get install: ${still.join(', ')}`);
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks for a cached download. */
function seedRipgrepCache(tmpDir) {
  const target = RIPGREP_TARGETS[process.arch];
  if (!target) throw new SetupError(`no ripgrep cache recipe for architecture ${process.arch}`);
  const rg = fs.realpathSync(which('rg'));
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const staging = path.join(tmpDir, 'rg-staging');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_VERSION}-${target}.tar.gz`);
  if (run('tar', ['-czf', archive, '-C', staging, 'rg']) !== 0) throw new SetupError('could not pack rg for the ripgrep cache');
}

/** npm passes its own run-script state to children; the nested install must not inherit it. */
function cleanNpmEnv(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_(package|lifecycle)_/i.test(key)) continue;
    if (/^npm_config_(local_prefix|prefix|global|global_prefix|argv|yes|nodedir|unsafe_perm)$/i.test(key)) continue;
    out[key] = value;
  }
  return out;
}

/**
 * Makes sure code-server (and so VS Code 1.100.3) is installed in codeServerDir(); installs it
 * when missing. Returns the path of its entry script. Throws SetupError with a readable message.
 */
export async function ensureCodeServer() {
  const dir = codeServerDir();
  const existing = installedCodeServer(dir);
  if (existing) {
    log(`code-server ${CODE_SERVER_VERSION} found in ${path.relative(process.cwd(), dir) || dir}`);
    return existing;
  }
  if (process.platform !== 'linux') {
    throw new SetupError(`code-server is installed automatically on Linux only; on ${process.platform} VS Code is downloaded through @vscode/test-electron.`);
  }
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (one time, about 2 min, 300 MB)`);
  ensureAptPackages();

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'code-server-for-tests', private: true,
    description: 'VS Code for this project\'s tests; installed by scripts/code-server.mjs, not a project dependency',
  }, null, 2) + '\n');
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nfc-code-server-install-'));
  seedRipgrepCache(tmpDir);

  const logFile = path.join(dir, 'install.log');
  const env = {
    ...cleanNpmEnv(process.env),
    TMPDIR: tmpDir,
    npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_nodedir: process.env.CODE_SERVER_NODEDIR || '/usr', // build against the installed Node headers
    npm_config_update_notifier: 'false',
  };
  log(`npm install code-server@${CODE_SERVER_VERSION} (output in ${logFile})`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--prefix', dir, `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir, env, stdio: ['ignore', out, out],
  });
  const heartbeat = setInterval(() => log(`  still installing code-server... ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (status, signal) => resolve(signal ? 128 : status));
  }).finally(() => {
    clearInterval(heartbeat);
    fs.closeSync(out);
    fs.rmSync(tmpDir, { recursive: true, force: true });
  });
  if (code !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n');
    throw new SetupError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}); last lines of ${logFile}:\n${tail}`);
  }
  // code-server's postinstall installs VS Code's own modules; npm may skip install scripts
  const rgBin = path.join(packageDir(dir), 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!fs.existsSync(rgBin)) {
    throw new SetupError(`code-server's postinstall did not complete (${rgBin} is missing; were install scripts disabled?). See ${logFile}`);
  }
  fs.writeFileSync(path.join(dir, 'install-complete'), CODE_SERVER_VERSION + '\n');
  const entry = installedCodeServer(dir);
  if (!entry) throw new SetupError(`code-server installed but its entry script is missing in ${packageDir(dir)}`);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return entry;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Everything that must be undone on exit, even on Ctrl+C or an uncaught error. */
const cleanups = new Set();
let hooked = false;
function onExit(fn) {
  cleanups.add(fn);
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const f of [...cleanups].reverse()) {
      try { f(); } catch { /* best effort */ }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`[vscode] ${signal}: stopping`);
      process.exit(130);
    });
  }
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts code-server on a free loopback port in its own process group, with throwaway user data,
 * extensions, config, XDG dirs and TMPDIR. `settings` become the user settings; `vsix` files are
 * installed first. Returns { port, remote(p), workbenchUrl({folder, payload}), output(), stop(), tmp, env }.
 */
export async function startCodeServer({ entry, settings = {}, vsix = [], env: extraEnv = {} } = {}) {
  entry ??= await ensureCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nfc-vscode-'));
  onExit(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const dirs = {};
  for (const name of ['user-data', 'extensions', 'home', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state', 'xdg-runtime', 'tmp']) {
    dirs[name] = path.join(tmp, name);
    fs.mkdirSync(dirs[name], { recursive: true, mode: 0o700 });
  }
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');

  const env = {
    ...cleanNpmEnv(process.env),
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    XDG_STATE_HOME: dirs['xdg-state'],
    XDG_RUNTIME_DIR: dirs['xdg-runtime'],
    EXTENSIONS_GALLERY: '{"serviceUrl":""}', // no gallery lookups
    ...extraEnv,
  };
  delete env.VSCODE_IPC_HOOK_CLI; // set when run from a VS Code terminal; would redirect the CLI
  const common = ['--config', config, '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];

  for (const file of vsix) {
    log(`installing ${path.relative(process.cwd(), file)} into the throwaway extensions dir`);
    const r = spawnSync(process.execPath, [entry, ...common, '--install-extension', file], { env, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new SetupError(`code-server --install-extension ${file} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }

  const port = await freePort();
  const args = [
    entry, ...common,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => { exited = signal ?? code; });
  // the server's children outlive SIGTERM for ~20 s: always end the whole group
  const kill = () => { killGroup(child, 'SIGKILL'); };
  onExit(kill);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while ((await httpStatus(`${base}/healthz`)) !== 200) {
    if (exited !== null) throw new SetupError(`code-server exited (${exited}) before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      kill();
      throw new SetupError(`code-server did not answer on ${base} within 60 s:\n${output}`);
    }
    await sleep(250);
  }
  log(`code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) listening on ${base}`);

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
  return {
    port,
    tmp,
    env,
    remote,
    output: () => output,
    /** URL of the workbench opening `folder`, with optional payload pairs such as extensionTestsPath. */
    workbenchUrl({ folder, payload = [] } = {}) {
      const params = new URLSearchParams();
      if (folder) params.set('folder', path.resolve(folder));
      if (payload.length) params.set('payload', JSON.stringify(payload));
      return `${base}/?${params}`;
    },
    async stop() {
      if (exited === null && killGroup(child, 'SIGTERM')) {
        const until = Date.now() + 3000;
        while (exited === null && Date.now() < until) await sleep(100);
      }
      kill(); // the group, including children that ignore SIGTERM
      cleanups.delete(kill);
    },
  };
}

/**
 * Headless Chromium (Debian's) with a fresh profile inside `tmp`. Returns { context, page, close() }.
 */
export async function launchBrowser({ tmp, env = {}, viewport = { width: 1280, height: 800 } }) {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new SetupError(`Chromium not found at ${CHROMIUM_PATH} (Debian: apt-get install chromium, or set CHROMIUM_PATH)`);
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(tmp, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    env: { ...process.env, ...env },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
  };
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page, close };
}
