#!/usr/bin/env node
// End-to-end test through the real VS Code UI: installs the packaged .vsix into code-server's
// VS Code 1.100.3, opens a draft with a divergent figure in headless Chromium and uses the
// editor as a person would: squiggle, Problems panel, hover with the source sentence, Ctrl+.
// quick fix, the status bar, and a draft about another story ("No story matched"). Takes
// screenshots at 1280x800 (out/e2e/ by default; `--screenshots docs/images` refreshes the
// README's). Exits non-zero on any failed check.
//
// Usage: node test/e2e/e2e.mjs [--dev] [--vsix FILE] [--screenshots DIR] [--timeout SECONDS]
//   --dev   load the extension from the repository (dist/ must be built) instead of a .vsix
//   default builds the .vsix with `npm run package`
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT, SetupError, ensureCodeServer, launchBrowser, log, startCodeServer,
} from '../../scripts/code-server.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const dev = argv.includes('--dev');
const screenshotDir = path.resolve(option('--screenshots') || path.join(REPO_ROOT, 'out', 'e2e'));
const timeoutSeconds = Number(option('--timeout') || process.env.E2E_TIMEOUT || 300);
const fixture = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');

const DIVERGENT = '3,171';
const VERIFIED = '3,117';
const SOURCE_SENTENCE = 'Iranian authorities acknowledged 3,117 fatalities';
// The editor renders spaces as U+00A0.
const normalise = (s) => (s ?? '').replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? '  ✔' : '  ✘'} ${name}${!ok && detail ? `\n      ${detail}` : ''}`);
  if (!ok) throw new CheckFailed(name);
}
class CheckFailed extends Error {}

function buildVsix() {
  const explicit = option('--vsix');
  if (explicit) return path.resolve(explicit);
  log('packaging the extension (npm run package)');
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new SetupError(`npm run package failed (exit ${r.status}):\n${r.stdout}`);
  const vsix = path.join(REPO_ROOT, 'dist', 'newsroom-fact-check.vsix');
  if (!fs.existsSync(vsix)) throw new SetupError(`npm run package did not produce ${vsix}`);
  return vsix;
}

async function shoot(page, name, locators, pad = 0) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, name);
  // a clip around the parts that matter, so the picture reads at README size
  const boxes = (await Promise.all(locators.map((l) => l.boundingBox()))).filter(Boolean);
  const viewport = page.viewportSize();
  let clip;
  if (boxes.length) {
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
    const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
    const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + Math.max(pad, 12));
    clip = { x, y, width: right - x, height: bottom - y };
  }
  await page.screenshot({ path: file, clip });
  log(`screenshot ${path.relative(process.cwd(), file)}`);
}

/** The editor's visible lines, top to bottom (Monaco positions them absolutely). */
async function editorText(page) {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((el) =>
    [...el.querySelectorAll('.view-line')]
      .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text));
  return lines.map(normalise).join('\n');
}

async function scenario(page) {
  const workbench = page.locator('.monaco-workbench');
  await workbench.waitFor({ timeout: 60_000 });
  // the explorer lists the workspace once the remote connection and the folder are up
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).waitFor({ timeout: 60_000 });
  check('the workbench opened the workspace', true);

  // Quick Open the draft
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 400 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const quickInput = page.locator('.quick-input-widget input');
  await quickInput.waitFor({ state: 'visible', timeout: 10_000 });
  await quickInput.fill('draft.md');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'draft.md' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ timeout: 15_000 });
  check('Quick Open opened draft.md', (await page.locator('.tab.active', { hasText: 'draft.md' }).count()) > 0);
  // more room for the editor in the screenshots: hide the side bar
  if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');

  const squiggle = editor.locator('.squiggly-error').first();
  await squiggle.waitFor({ state: 'attached', timeout: 60_000 });
  const squiggles = await editor.locator('.squiggly-error').count();
  check(`the divergent figure is underlined as an error (${squiggles} squiggle)`, squiggles === 1);

  // Problems panel
  await page.keyboard.press('Control+Shift+M');
  const problemRow = page.locator('.markers-panel .monaco-list-row', { hasText: DIVERGENT });
  await problemRow.first().waitFor({ timeout: 15_000 });
  const problemText = normalise(await page.locator('.markers-panel').textContent());
  check('Problems lists the divergence with the verified figure',
    problemText.includes(DIVERGENT) && problemText.includes(VERIFIED) && problemText.includes('number-mismatch'), problemText.slice(0, 400));
  await shoot(page, 'problems.png', [page.locator('.part.editor'), page.locator('.part.panel'), page.locator('.part.statusbar')]);
  await page.keyboard.press('Control+Shift+M'); // close the panel again (toggle)

  // Hover on the squiggle, at the 1280x800 window a person has: VS Code caps the hover's height
  const box = await squiggle.boundingBox();
  if (!box) throw new CheckFailed('the squiggle has no box on screen');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(at.x - 40, at.y + 60);
  await page.mouse.move(at.x, at.y, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'number-mismatch' }).first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  // the hover fills in its Markdown asynchronously
  await page.waitForFunction(
    (needle) => [...document.querySelectorAll('.monaco-hover')].some((h) => h.textContent.replace(/\u00a0/g, ' ').includes(needle)),
    SOURCE_SENTENCE, { timeout: 10_000 },
  ).catch(() => {});
  const hoverText = normalise(await hover.textContent());
  check('the hover quotes the source sentence', hoverText.includes(SOURCE_SENTENCE), hoverText.slice(0, 400));
  const quote = hover.locator('blockquote', { hasText: 'Iranian authorities acknowledged' }).first();
  const [quoteBox, hoverBox] = [await quote.boundingBox(), await hover.boundingBox()];
  check('the source sentence is in view in the hover, not scrolled away',
    !!quoteBox && !!hoverBox && quoteBox.y + quoteBox.height <= hoverBox.y + hoverBox.height + 1);
  check('the hover gives the verified figure', hoverText.includes(VERIFIED));
  // The diagnostic's message says "verified: 3,117" once; the extension's part adds only the sentence.
  const repeats = hoverText.split(VERIFIED).length - 1;
  check(`the hover does not repeat the verified figure (${repeats} times: the message and the sentence)`, repeats <= 2, hoverText.slice(0, 400));
  check('the hover says where the sentence comes from, with a link', /Source: article\.txt, line \d+/.test(hoverText), hoverText.slice(0, 400));
  const quickFix = hover.locator('.hover-row.status-bar a, .hover-row.status-bar .action-container', { hasText: 'Quick Fix' }).first();
  const quickFixBox = await quickFix.boundingBox().catch(() => null);
  check('"Quick Fix…" is in view in the hover without scrolling',
    !!quickFixBox && !!hoverBox && quickFixBox.y + quickFixBox.height <= hoverBox.y + hoverBox.height + 1, JSON.stringify({ quickFixBox, hoverBox }));
  await shoot(page, 'hover.png', [page.locator('.part.editor .title').first(), hover], 8);

  // Cursor on the figure, Ctrl+. , the preferred fix
  await page.mouse.click(at.x, at.y);
  const lastLine = await editor.locator('.view-line').last().boundingBox();
  await page.mouse.move(lastLine.x + 20, lastLine.y + 200); // away from the text, so no hover covers the menu
  await page.keyboard.press('Escape');
  await hover.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  const actionWidget = page.locator('.action-widget');
  let rows;
  const deadline = Date.now() + 20_000;
  // the first code-action request right after the diagnostics can come back empty: ask again
  for (;;) {
    await page.keyboard.press('Control+.');
    rows = actionWidget.locator('.monaco-list-row.action');
    try {
      await rows.first().waitFor({ state: 'visible', timeout: 3_000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.keyboard.press('Escape');
    }
  }
  const titles = (await rows.allTextContents()).map(normalise);
  const fixIndex = titles.findIndex((t) => t.includes(VERIFIED));
  check(`Ctrl+. offers a fix to ${VERIFIED} (${titles.join(' | ')})`, fixIndex >= 0);
  check('the fix to the verified figure comes first', fixIndex === 0);
  await shoot(page, 'quickfix.png', [page.locator('.part.editor .title').first(), actionWidget]);
  // the action list sits behind a pointer block: choose with the keyboard, as a person would
  const focused = normalise(await actionWidget.locator('.monaco-list-row.action.focused').textContent().catch(() => ''));
  check('the menu opens on the fix to the verified figure', focused === titles[fixIndex], `focused: "${focused}"`);
  await page.keyboard.press('Enter');

  await page.waitForFunction(
    ([verified, divergent]) => {
      const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
      const text = (lines?.textContent ?? '').replace(/\u00a0/g, ' ');
      return text.includes(`acknowledged ${verified} deaths`) && !text.includes(divergent);
    },
    [VERIFIED, DIVERGENT], { timeout: 10_000 },
  ).catch(() => {});
  const text = await editorText(page);
  check(`the draft now says ${VERIFIED}`, text.includes(`Iranian authorities acknowledged ${VERIFIED} deaths`) && !text.includes(DIVERGENT),
    `line now: "${text.split('\n').find((l) => l.includes('acknowledged')) ?? text}"`);
  await editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
  check('the squiggle is gone after the fix', (await editor.locator('.squiggly-error').count()) === 0);
  const status = page.locator('.statusbar-item', { hasText: 'Facts OK' }).first();
  await status.waitFor({ timeout: 10_000 });
  check('the status bar says the facts are OK', true);

  // A draft about another story (a warehouse fire): no findings, and the status bar offers to pick one
  await page.keyboard.press('Control+P');
  await quickInput.waitFor({ state: 'visible', timeout: 10_000 });
  await quickInput.fill('warehouse-fire.md');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'warehouse-fire.md' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: 'warehouse-fire.md' }).waitFor({ timeout: 15_000 });
  const noStory = page.locator('.statusbar-item', { hasText: 'No story matched' }).first();
  await noStory.waitFor({ timeout: 20_000 });
  const other = page.locator('.editor-instance .monaco-editor').first();
  check('a draft about another story gets no squiggle', (await other.locator('.squiggly-error, .squiggly-warning').count()) === 0);
  check('the status bar says "No story matched"', await noStory.isVisible());
  await page.mouse.move(10, 10);
  await shoot(page, 'no-story.png', [page.locator('.part.editor .title').first(), page.locator('.part.statusbar')]);
  await noStory.click();
  const pick = page.locator('.quick-input-widget', { hasText: 'Check this draft against which story?' });
  await pick.waitFor({ state: 'visible', timeout: 10_000 });
  check('clicking it offers the stories to pick from', (await pick.locator('.monaco-list-row').count()) >= 1);
  await shoot(page, 'pick-story.png', [page.locator('.part.editor .title').first(), pick]);
  await page.keyboard.press('Escape');
}

async function main() {
  const started = Date.now();
  const entry = await ensureCodeServer();
  const vsix = dev ? null : buildVsix();
  if (dev && !fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) throw new SetupError('dist/extension.js is missing: run `node esbuild.mjs` first');
  const server = await startCodeServer({
    entry,
    vsix: vsix ? [vsix] : [],
    settings: {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'chat.commandCenter.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'editor.minimap.enabled': false,
      'editor.hover.delay': 200,
      'editor.fontSize': 15,
      'window.zoomLevel': 0,
    },
  });
  // a throwaway copy: the quick fix edits the draft
  const workspace = path.join(server.tmp, 'newsroom');
  fs.cpSync(fixture, workspace, { recursive: true });
  let browser;
  const browserLog = [];
  try {
    // The window a person has on a laptop; the screenshots show what they would see.
    browser = await launchBrowser({ tmp: server.tmp, env: { HOME: server.env.HOME, TMPDIR: server.env.TMPDIR }, viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    page.on('pageerror', (err) => browserLog.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') browserLog.push(`console.error: ${msg.text()}`); });
    const payload = dev ? [['extensionDevelopmentPath', server.remote(REPO_ROOT)]] : [];
    log(`opening ${path.relative(REPO_ROOT, fixture)} (copy) with the ${dev ? 'development extension' : 'packaged .vsix'}`);
    await page.goto(server.workbenchUrl({ folder: workspace, payload }));
    let timer;
    await Promise.race([
      scenario(page),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new SetupError(`TIMEOUT: the end-to-end scenario did not finish within ${timeoutSeconds} s`)), timeoutSeconds * 1000); }),
    ]).catch(async (err) => {
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, 'failure.png') }).catch(() => {});
      log(`screenshot of the failure: ${path.relative(process.cwd(), path.join(screenshotDir, 'failure.png'))}`);
      console.error('[vscode] --- code-server output (last 4000 chars) ---\n' + server.output().slice(-4000));
      if (browserLog.length) console.error('[vscode] --- browser errors ---\n' + browserLog.slice(-40).join('\n'));
      throw err;
    }).finally(() => clearTimeout(timer));
  } finally {
    await browser?.close();
    await server.stop();
    log(`end-to-end run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

main().then(
  () => {
    console.log(`e2e: ${results.filter((r) => r.ok).length} passed, 0 failed`);
    process.exit(0);
  },
  (err) => {
    if (!(err instanceof CheckFailed)) results.push({ name: 'scenario', ok: false });
    console.log(`e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`);
    if (!(err instanceof CheckFailed)) console.error(`\n[vscode] FAILED: ${err instanceof SetupError ? err.message : err?.stack || err}`);
    else console.error(`\n[vscode] FAILED: ${err.message}`);
    process.exit(1);
  },
);
