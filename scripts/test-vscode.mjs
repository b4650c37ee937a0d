#!/usr/bin/env node
// Runs the extension's integration suite (out/test/integration/index.js, built by
// `node esbuild.mjs --tests`) inside a real VS Code extension host.
//
// Two ways to get VS Code:
// - code-server: the VS Code 1.100.3 that the npm package code-server@4.100.3 bundles, installed on
//   first use into .vscode-test/code-server/ (or $CODE_SERVER_DIR), never into the project's
//   dependencies. Its workbench runs in headless Chromium and starts the tests through the `payload`
//   URL parameter. Used on Linux without a display, and wherever VS Code cannot be downloaded.
// - electron: @vscode/test-electron downloads VS Code 1.100.3 and runs the same suite as usual.
//
// Usage: node scripts/test-vscode.mjs [--install-only] [--code-server | --electron] [--timeout SECONDS]
// Environment: VSCODE_TEST_RUNTIME=code-server|electron, VSCODE_TEST_TIMEOUT (s, default 600),
//   CODE_SERVER_DIR, CHROMIUM_PATH, VSCODE_TEST_VERBOSE=1 (print code-server and browser logs),
//   VSCODE_TEST_EXTENSION, VSCODE_TEST_SUITE, VSCODE_TEST_WORKSPACE (override the three paths).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import {
  REPO_ROOT, VSCODE_VERSION, SetupError, ensureCodeServer, launchBrowser, log, startCodeServer,
} from './code-server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

const extensionPath = path.resolve(process.env.VSCODE_TEST_EXTENSION || REPO_ROOT);
const suitePath = path.resolve(process.env.VSCODE_TEST_SUITE || path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'));
const workspace = path.resolve(process.env.VSCODE_TEST_WORKSPACE || path.join(REPO_ROOT, 'test', 'fixtures', 'integration'));
const timeoutSeconds = Number(option('--timeout') || process.env.VSCODE_TEST_TIMEOUT || 600);
const verbose = process.env.VSCODE_TEST_VERBOSE === '1';
// the workbench's own chatter, forwarded along with the extension host's console; shown when verbose
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|\[Service Worker\]|ChatSessionStore:|Updating additional builtin extensions cache|Creation of workbench contribution|Started local extension host|Extension host \(Remote\) is unresponsive|Extension host \(Remote\) is responsive)/;

function fail(message) {
  console.error(`\n[vscode] FAILED: ${message}\n`);
  process.exit(1);
}

/** Picks the way to get VS Code: explicit choice, else electron where it can download and show a window. */
async function chooseRuntime() {
  const explicit = flag('--code-server') ? 'code-server' : flag('--electron') ? 'electron' : process.env.VSCODE_TEST_RUNTIME;
  if (explicit) {
    if (!['code-server', 'electron'].includes(explicit)) fail(`unknown runtime "${explicit}" (code-server or electron)`);
    return { runtime: explicit };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no display: using code-server\'s VS Code in headless Chromium');
    return { runtime: 'code-server' };
  }
  const executable = await downloadVSCode().catch((err) => {
    log(`${err.message.split('\n')[0]}; using code-server instead`);
    return null;
  });
  return executable ? { runtime: 'electron', executable } : { runtime: 'code-server' };
}

async function downloadVSCode() {
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  log(`downloading VS Code ${VSCODE_VERSION} through @vscode/test-electron (cached in .vscode-test/)`);
  return downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: path.join(REPO_ROOT, '.vscode-test'), timeout: 15_000 })
    .catch((err) => { throw new SetupError(`cannot download VS Code ${VSCODE_VERSION} through @vscode/test-electron: ${err.message.split('\n')[0]} (offline? use --code-server)`); });
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new SetupError(`TIMEOUT: ${what} did not finish within ${timeoutSeconds} s (raise it with --timeout SECONDS)`)), timeoutSeconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Prints a closing line that CI can read, from mocha's "N passing" / "N failing" summary. */
function summarise(outputText, exitCode) {
  const passing = /(\d+) passing/.exec(outputText);
  const failing = /(\d+) failing/.exec(outputText);
  if (!passing && !failing) {
    console.log(`[vscode] the suite printed no mocha summary (exit code ${exitCode})`);
    return 0;
  }
  const passed = passing ? Number(passing[1]) : 0;
  const failed = failing ? Number(failing[1]) : 0;
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  return passed + failed;
}

async function runElectron(executable) {
  const { runTests } = await import('@vscode/test-electron');
  const userData = fs.mkdtempSync(path.join(REPO_ROOT, '.vscode-test', 'user-data-'));
  try {
    return await withTimeout(runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: suitePath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
    }).then(() => 0, (err) => {
      if (err?.name === 'TestRunFailedError' || /Test run failed/.test(String(err))) return 1;
      throw err;
    }), 'the VS Code test run');
  } finally {
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

async function runCodeServer() {
  const started = Date.now();
  const entry = await ensureCodeServer();
  const server = await startCodeServer({
    entry,
    settings: {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
    },
  });
  let browser;
  let mochaOutput = '';
  const browserLog = [];
  try {
    const pageEnv = { HOME: server.env.HOME, TMPDIR: server.env.TMPDIR, XDG_CONFIG_HOME: server.env.XDG_CONFIG_HOME, XDG_CACHE_HOME: server.env.XDG_CACHE_HOME };
    browser = await launchBrowser({ tmp: server.tmp, env: pageEnv });
    const { page } = browser;
    let resolveExit;
    const exited = new Promise((resolve) => { resolveExit = resolve; });
    // the workbench forwards the extension host's console (mocha's reporter) and the runner's exit code
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && WORKBENCH_NOISE.test(text)) return;
      mochaOutput += text + '\n';
      (type === 'error' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    page.on('pageerror', (err) => browserLog.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || verbose) browserLog.push(`console.${msg.type()}: ${msg.text()}`);
    });
    const url = server.workbenchUrl({
      folder: workspace,
      payload: [
        ['extensionDevelopmentPath', server.remote(extensionPath)],
        ['extensionTestsPath', server.remote(suitePath)],
      ],
    });
    log(`opening the workbench on ${path.relative(REPO_ROOT, workspace) || workspace}; running ${path.relative(REPO_ROOT, suitePath)}`);
    if (verbose) log(url);
    await page.goto(url);
    const code = await withTimeout(exited, 'the extension test run');
    log(`extension tests exited with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const counted = summarise(mochaOutput, code);
    if (code === 0 && counted === 0) {
      console.error('[vscode] the suite reported success but ran no test');
      return 1;
    }
    return code;
  } catch (err) {
    console.error('\n[vscode] --- code-server output (last 8000 chars) ---\n' + server.output().slice(-8000));
    if (browserLog.length) console.error('[vscode] --- browser log ---\n' + browserLog.slice(-80).join('\n'));
    throw err;
  } finally {
    if (verbose) {
      console.log('[vscode] --- code-server output ---\n' + server.output());
      console.log('[vscode] --- browser log ---\n' + browserLog.join('\n'));
    }
    await browser?.close();
    await server.stop();
  }
}

async function main() {
  const { runtime, executable } = await chooseRuntime();
  if (flag('--install-only')) {
    if (runtime === 'code-server') await ensureCodeServer();
    else if (!executable) await downloadVSCode();
    log('VS Code is installed');
    return 0;
  }
  for (const [what, p] of [['extension', path.join(extensionPath, 'package.json')], ['test suite', suitePath], ['workspace', workspace]]) {
    if (!fs.existsSync(p)) fail(`${what} not found: ${p}${what === 'test suite' ? ' (build it with `node esbuild.mjs --tests`)' : ''}`);
  }
  log(`runtime: ${runtime}`);
  if (runtime === 'electron') return runElectron(executable ?? await downloadVSCode());
  return runCodeServer();
}

main().then(
  (code) => {
    if (code !== 0) console.error(`\n[vscode] FAILED: extension tests exited with code ${code}\n`);
    process.exit(code);
  },
  (err) => fail(err instanceof SetupError ? err.message : err?.stack || String(err)),
);
