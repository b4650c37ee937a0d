/** The smaller editor defects of issue 20: read-only article, status bar icons, config syntax errors, the Facts view's empty state. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FactCheckApi } from '../../src/extension/extension';
import { closeAll, factDiagnostics, fixturesUri, hasRule, openFixture, poll, setSetting, waitFor, waitForDiagnostics } from './helpers';

const WORKSPACE_MULTI = path.resolve(__dirname, '../../../test/fixtures/workspace-multi');

async function api(): Promise<FactCheckApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'newsroom-fact-check');
  assert.ok(ext, 'extension found');
  return (await ext.activate()) as FactCheckApi;
}

describe('issue 20: smaller defects', () => {
  afterEach(closeAll);

  it('"Open Reference Article" opens the article read-only: typing does not change it', async () => {
    await openFixture('number-mismatch.md');
    assert.equal(await vscode.commands.executeCommand('factCheck.openReference'), true);
    const editor = await poll('the article editor', async () => (vscode.window.activeTextEditor?.document.uri.path.endsWith('/reference/article.txt') ? vscode.window.activeTextEditor : undefined));
    const before = editor.document.getText();
    await vscode.commands.executeCommand('type', { text: 'typed into the article' });
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
  });

  it('the status bar icon follows the worst severity: error, warning, info', async () => {
    const a = await api();
    const icon = async (what: string, re: RegExp) => poll(what, async () => (re.test(a.status().text) ? a.status().text : undefined));
    await openFixture('quote-unverified.md');
    await icon('a warning icon', /^\$\(warning\) 1 fact divergence$/);
    const { document } = await openFixture('number-mismatch.md');
    await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
    await icon('an error icon', /^\$\(error\) 1 fact divergence$/);
    await setSetting('severity', { 'number-mismatch': 'information' });
    try {
      await icon('an info icon', /^\$\(info\) 1 fact divergence$/);
    } finally {
      await setSetting('severity', undefined);
    }
  });

  it('a .factcheck.json syntax error is reported with its line and column, at the error', async () => {
    const dir = vscode.Uri.joinPath(fixturesUri(), 'tmp-syntax');
    const config = vscode.Uri.joinPath(dir, '.factcheck.json');
    await vscode.workspace.fs.createDirectory(dir);
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{\n  "severity": {\n    "quote-unverified": "off",\n  }\n}\n'));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'draft.md'), new TextEncoder().encode('Araghchi spoke in Muscat.\n'));
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, 'draft.md'));
      await vscode.window.showTextDocument(document);
      const [problem] = await waitFor('the problem on the config', vscode.languages.onDidChangeDiagnostics, () => {
        const ds = factDiagnostics(config);
        return ds.length ? ds : undefined;
      });
      assert.match(problem.message, /not valid JSON: .*\(line 4, column 3\)/);
      assert.doesNotMatch(problem.message, /position \d+/);
      assert.equal(problem.range.start.line, 3);
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('the Facts view says why it is empty when the draft\'s sheet is broken', async () => {
    const a = await api();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(WORKSPACE_MULTI, 'broken', 'draft.md')));
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (ds) => ds.length === 1, 'the not-checked notice');
    const message = await poll('the Facts view message', async () => a.factsView.message);
    assert.match(message, /not checked: its fact sheet .*broken[\\/]facts\.json is broken/);
    assert.equal(a.factsView.snapshot().length, 0);
  });
});
