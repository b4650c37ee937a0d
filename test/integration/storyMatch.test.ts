/**
 * A draft with no configured sheet is checked against the story it is about, among the workspace's
 * sheets (here the three practice stories under stories/) and the bundled story; a draft about
 * none of them gets no findings and a status bar item that picks one.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FactCheckApi } from '../../src/extension/extension';
import { closeAll, codeOf, factDiagnostics, fixtureUri, fixturesUri, poll, setSetting, waitFor, waitForDiagnostics } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const STORIES = ['kestrel-strike', 'tideline-study', 'veldmar-verdict'];

async function api(): Promise<FactCheckApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'newsroom-fact-check');
  assert.ok(ext, 'extension found');
  return (await ext.activate()) as FactCheckApi;
}

/** Opens a draft and waits until its current version has been checked (or found about no story). */
async function openChecked(uri: vscode.Uri): Promise<{ document: vscode.TextDocument; story: { origin: string; sheet?: string } }> {
  const a = await api();
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  const story = await waitFor(`the check of ${path.basename(uri.path)}`, a.onDidCheck, () => a.storyOf(document));
  return { document, story };
}

/** The CLI's findings for one draft against a named sheet: what the editor must show for it. */
function cliFindings(draft: string, sheet: string): string[] {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--no-config', '--facts', sheet, draft], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  const out = JSON.parse(r.stdout) as { files: { diagnostics: { range: { start: { line: number; character: number } }; code: string; message: string }[] }[] };
  return out.files[0].diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
}
const fromEditor = (d: vscode.Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)} ${d.message}`;

describe('story matching (no sheet configured for the draft)', () => {
  afterEach(closeAll);

  for (const story of STORIES) {
    it(`checks each ${story} draft against its own story, as the CLI does with --facts`, async () => {
      const dir = vscode.Uri.joinPath(fixturesUri(), 'stories', story, 'drafts');
      const sheet = vscode.Uri.joinPath(fixturesUri(), 'stories', story, 'facts.json');
      const drafts = fs.readdirSync(dir.fsPath).sort();
      assert.ok(drafts.length >= 3);
      let total = 0;
      for (const name of drafts) {
        const uri = vscode.Uri.joinPath(dir, name);
        const want = cliFindings(uri.fsPath, sheet.fsPath);
        const { document, story: got } = await openChecked(uri);
        assert.equal(got.origin, 'matched', name);
        assert.equal(got.sheet, sheet.toString(), `${name} is checked against its own story`);
        const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.length === want.length, `${want.length} findings`);
        assert.deepEqual(diagnostics.map(fromEditor).sort(), want.sort(), name);
        total += want.length;
      }
      assert.ok(total > 0, 'the drafts have findings');
    });
  }

  it('gives no finding to drafts about none of the stories, and says "No story matched" in the status bar', async () => {
    const a = await api();
    const dir = vscode.Uri.joinPath(fixturesUri(), 'unrelated');
    const names = fs.readdirSync(dir.fsPath).sort();
    assert.ok(names.length >= 5);
    for (const name of names) {
      const { document, story } = await openChecked(vscode.Uri.joinPath(dir, name));
      assert.equal(story.origin, 'unmatched', name);
      assert.deepEqual(factDiagnostics(document.uri), [], name);
      const status = await poll('the status bar', async () => (/No story matched/.test(a.status().text) ? a.status() : undefined));
      assert.equal(status.visible, true);
      assert.equal(status.command, 'factCheck.pickStory');
      await poll('the Facts view message', async () => (/names or cites none of the stories/.test(a.factsView.message ?? '') ? true : undefined));
      assert.equal(a.factsView.snapshot().length, 0);
    }
  });

  it('the status bar click picks a story: the draft is then checked against it', async () => {
    const a = await api();
    const { document } = await openChecked(fixtureUri('unrelated/warehouse-fire.md'));
    const bundled = vscode.Uri.file(path.join(ROOT, 'reference', 'facts.json'));
    const picked = await vscode.commands.executeCommand<string>('factCheck.pickStory', document.uri.toString(), bundled.toString());
    assert.equal(picked, bundled.toString());
    // The example: checked against the bundled story, the warehouse fire gets its findings.
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'findings from the picked story');
    assert.equal(a.storyOf(document)?.origin, 'picked');
    assert.doesNotMatch(a.status().text, /No story matched/);
  });

  it('factCheck.enable: false turns the extension off; true turns it back on', async () => {
    const { document } = await openChecked(vscode.Uri.joinPath(fixturesUri(), 'stories', 'kestrel-strike', 'drafts', '05-names.md'));
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'findings');
    await setSetting('enable', false);
    try {
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no findings while disabled');
    } finally {
      await setSetting('enable', undefined);
    }
    await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'findings again');
  });

  it('a front-matter sheet that does not exist: "not found" on the facts: line, no link to it; the Facts view says why it is empty', async () => {
    const a = await api();
    const { document } = await openChecked(fixtureUri('frontmatter/missing-sheet.md'));
    const [notice] = await waitForDiagnostics(document.uri, (ds) => ds.length === 1, 'the notice');
    assert.equal(codeOf(notice), 'not-checked');
    assert.match(notice.message, /no-such-story\/facts\.json was not found/);
    assert.doesNotMatch(notice.message, /broken/);
    assert.equal(document.lineAt(notice.range.start.line).text, 'facts: ../no-such-story/facts.json');
    assert.equal(notice.relatedInformation?.length ?? 0, 0, 'no link to a file that does not exist');
    await poll('the status bar', async () => (/Fact sheet not found/.test(a.status().text) ? true : undefined));
    await poll('the Facts view message', async () => (/was not found/.test(a.factsView.message ?? '') ? true : undefined));
  });
});
