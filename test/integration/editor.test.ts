/** The editor behaviour around the rules: life cycle, settings, fixes, ignores, commands. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  closeAll,
  codeActions,
  codeOf,
  draftText,
  factDiagnostics,
  fixtureUri,
  hasRule,
  hoverText,
  insert,
  lacksRule,
  openFixture,
  parseExpectations,
  poll,
  pollCodeAction,
  runCodeAction,
  setSetting,
  waitFor,
  waitForDiagnostics,
} from './helpers';

// A second sentence makes the one-line draft about the bundled story (a draft about no story is not checked).
const DRAFT = 'Iranian authorities acknowledged 3,171 deaths. Araghchi spoke in Muscat.';

async function openUntitled(content: string, language: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  return vscode.window.showTextDocument(document);
}

describe('editor', () => {
  afterEach(closeAll);
  after(async () => {
    for (const key of ['reportUnverifiedQuotes', 'severity', 'exclude', 'debounceMs', 'factSheet']) await setSetting(key, undefined);
    await vscode.commands.executeCommand('factCheck.clearIgnored');
  });

  describe('life cycle', () => {
    for (const language of ['markdown', 'plaintext']) {
      it(`checks an untitled ${language} draft on open and as it is typed`, async () => {
        const { document } = await openUntitled(DRAFT, language);
        await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
        await insert(document, document.positionAt(document.getText().length), '\n\nThe protests began in early December.\n');
        const diagnostics = await waitForDiagnostics(document.uri, hasRule('date-mismatch'), 'the typed divergence');
        assert.deepEqual(diagnostics.map(codeOf).sort(), ['date-mismatch', 'number-mismatch']);
      });
    }

    it('clears diagnostics when the draft closes', async () => {
      // Opened through the workbench, not openTextDocument: the host keeps documents an extension
      // opened alive for minutes after their editor closes, and only then reports them closed.
      const uri = fixtureUri('closing.md');
      await vscode.commands.executeCommand('vscode.open', uri);
      await waitForDiagnostics(uri, hasRule('number-mismatch'));
      const closed = waitFor('the close event', vscode.workspace.onDidCloseTextDocument, () =>
        vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()) ? undefined : true,
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await closed;
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics after close');
    });

    it('leaves files outside factCheck.include alone until "Check Current Draft"', async () => {
      const { document } = await openFixture('notes.rst');
      // Another draft's result shows the host has handled the earlier open as well.
      const { document: other } = await openUntitled(DRAFT, 'markdown');
      await waitForDiagnostics(other.uri, hasRule('number-mismatch'));
      assert.equal(factDiagnostics(document.uri).length, 0);
      await vscode.window.showTextDocument(document);
      assert.equal(await vscode.commands.executeCommand('factCheck.checkDraft'), 1);
      await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
    });

    it('skips huge and binary drafts', async () => {
      const huge = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${DRAFT}\n\n${'word '.repeat(450_000)}` });
      const binary = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `${DRAFT}\n\0\0\0` });
      const { document } = await openUntitled(DRAFT, 'markdown');
      await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
      assert.equal(factDiagnostics(huge.uri).length, 0, 'huge draft not checked');
      assert.equal(factDiagnostics(binary.uri).length, 0, 'binary draft not checked');
    });
  });

  describe('fixes', () => {
    it('"Fix all" applies every preferred fix', async () => {
      const { document } = await openFixture('mixed.md');
      const expected = parseExpectations(document.getText());
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.length === 5, 'five divergences');
      const fixAll = await pollCodeAction(document.uri, diagnostics[0].range, (a) => a.title === 'Fix all fact divergences in this draft');
      assert.equal(await runCodeAction(fixAll), true);
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no divergences left');
      for (const line of expected.fixed) assert.ok(draftText(document).includes(line), `lacks "${line}"`);
    });

    it('offers source.fixAll.factCheck for editor.codeActionsOnSave', async () => {
      const { document } = await openFixture('mixed.md');
      await waitForDiagnostics(document.uri, (ds) => ds.length === 5, 'five divergences');
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const action = await pollCodeAction(document.uri, whole, (a) => a.kind?.value === 'source.fixAll.factCheck', 'source.fixAll');
      await runCodeAction(action);
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no divergences left');
    });

    it('never applies a fix offered for an older version', async () => {
      // A long debounce keeps the cache behind the document after the edit below.
      await setSetting('debounceMs', 60_000);
      const { document } = await openFixture('number-mismatch.md');
      const [diagnostic] = await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
      const fix = await pollCodeAction(document.uri, diagnostic.range, (a) => !!a.isPreferred);
      await insert(document, new vscode.Position(0, 0), 'Update: ');
      assert.equal(await runCodeAction(fix), false, 'stale fix refused');
      assert.ok(document.getText().includes('3,171'), 'text untouched');
      // The edit is on another line, so the diagnostic's range still covers "3,171".
      assert.deepEqual(await codeActions(document.uri, diagnostic.range), [], 'no actions while the cache is behind');

      await setSetting('debounceMs', undefined); // the settings change re-checks the draft
      const [fresh] = await waitForDiagnostics(document.uri, (ds) => ds.length === 1 && document.getText(ds[0].range) === '3,171');
      const again = await pollCodeAction(document.uri, fresh.range, (a) => !!a.isPreferred);
      assert.equal(await runCodeAction(again), true);
      await waitForDiagnostics(document.uri, lacksRule('number-mismatch'));
      assert.ok(document.getText().startsWith('Update: # Death toll'));
    });
  });

  describe('ignoring', () => {
    it('"Ignore this divergence" hides it across edits until the ignores are cleared', async () => {
      // The ignore is written to the workspace's .factcheck.json (issue 20); the fixture is restored after.
      const config = fixtureUri('.factcheck.json');
      const original = await vscode.workspace.fs.readFile(config);
      try {
        const { document } = await openFixture('number-mismatch.md');
        const [diagnostic] = await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
        const ignore = await pollCodeAction(document.uri, diagnostic.range, (a) => a.title === 'Ignore this divergence');
        assert.equal(await runCodeAction(ignore), true);
        await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'ignored divergence hidden');

        // An edit elsewhere, adding another divergence: the ignored one stays hidden.
        await insert(document, new vscode.Position(1, 0), '\nThe protests began in early December.\n');
        const later = await waitForDiagnostics(document.uri, hasRule('date-mismatch'));
        assert.deepEqual(later.map(codeOf), ['date-mismatch']);

        assert.equal(await vscode.commands.executeCommand('factCheck.clearIgnored'), 1);
        await waitForDiagnostics(document.uri, hasRule('number-mismatch'), 'divergence back after clearing');
      } finally {
        await vscode.workspace.fs.writeFile(config, original);
      }
    });
  });

  describe('settings', () => {
    it('factCheck.reportUnverifiedQuotes', async () => {
      const { document } = await openFixture('quote-unverified.md');
      await waitForDiagnostics(document.uri, hasRule('quote-unverified'));
      await setSetting('reportUnverifiedQuotes', false);
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'unverified quotes off');
      await setSetting('reportUnverifiedQuotes', undefined);
      await waitForDiagnostics(document.uri, hasRule('quote-unverified'), 'unverified quotes back');
    });

    it('factCheck.severity', async () => {
      const { document } = await openFixture('number-mismatch.md');
      await waitForDiagnostics(document.uri, (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Error);
      await setSetting('severity', { 'number-mismatch': 'information' });
      await waitForDiagnostics(document.uri, (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Information, 'information');
      await setSetting('severity', { 'number-mismatch': 'off' });
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'rule off');
      await setSetting('severity', undefined);
      await waitForDiagnostics(document.uri, (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Error, 'error again');
    });

    it('factCheck.exclude', async () => {
      const { document } = await openFixture('number-mismatch.md');
      await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
      await setSetting('exclude', ['**/number-*.md']);
      await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'excluded');
      await setSetting('exclude', undefined);
      await waitForDiagnostics(document.uri, hasRule('number-mismatch'), 'included again');
    });

    it('factCheck.factSheet: another sheet for every draft; a malformed one stops checking, with a diagnostic on it', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fact-sheet-'));
      try {
        // A story in which the authorities acknowledged 3,171 deaths.
        const bundled = vscode.extensions.all.find((e) => e.packageJSON?.name === 'newsroom-fact-check');
        assert.ok(bundled, 'extension found');
        const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(bundled.extensionUri, 'reference', name)));
        fs.writeFileSync(path.join(dir, 'facts.json'), (await read('facts.json')).replace(/3,117/g, '3,171').replace(/3117/g, '3171'));
        fs.writeFileSync(path.join(dir, 'article.txt'), (await read('article.txt')).replace(/3,117/g, '3,171'));
        fs.writeFileSync(path.join(dir, 'broken.json'), '{"story": {"id": "x"}, "entities": 3}');

        const { document } = await openFixture('number-mismatch.md');
        await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
        await setSetting('factSheet', path.join(dir, 'facts.json'));
        await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'draft agrees with the other sheet');

        await setSetting('factSheet', path.join(dir, 'broken.json'));
        // As in the CLI: no findings from a sheet that is not the one in force, one notice instead.
        const [notice] = await waitForDiagnostics(document.uri, (ds) => ds.length === 1 && codeOf(ds[0]) === 'not-checked', 'the not-checked notice');
        assert.match(notice.message, /broken\.json is broken \(\$\.story\.title: must be a non-empty string/);
        const brokenUri = vscode.Uri.file(path.join(dir, 'broken.json'));
        const problems = await waitFor('diagnostics on the broken sheet', vscode.languages.onDidChangeDiagnostics, () => {
          const ds = factDiagnostics(brokenUri);
          return ds.length ? ds : undefined;
        });
        const sheet = await vscode.workspace.openTextDocument(brokenUri);
        assert.ok(problems.some((d) => sheet.getText(d.range) === '"entities": 3' && /\$\.entities: must be a list/.test(d.message)));

        await setSetting('factSheet', undefined);
        await waitForDiagnostics(document.uri, hasRule('number-mismatch'), 'bundled sheet again');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('hover and commands', () => {
    it('shows a "Verified" hover on a span that agrees with the facts', async () => {
      const { document } = await openFixture('clean.md');
      const expected = parseExpectations(document.getText());
      const at = document.positionAt(document.getText().indexOf(expected.confirmed!) + 1);
      const text = await poll('the verified hover', async () => {
        const hover = await hoverText(document.uri, at);
        return hover.includes('Verified') ? hover : undefined;
      });
      assert.ok(text.includes('Iranian authorities acknowledged **3,117** fatalities'), text);
      assert.equal(factDiagnostics(document.uri).length, 0);
    });

    it('opens the reference article at a fact\'s source sentence, and does not check it', async () => {
      assert.equal(await vscode.commands.executeCommand('factCheck.openReference', 'deaths-authorities'), true);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document.uri.path.endsWith('/reference/article.txt'), 'article open');
      assert.equal(
        editor.document.getText(editor.selection),
        'Iranian authorities acknowledged 3,117 fatalities while publishing a list of 2,986 names, predominantly security forces and bystanders.',
      );
      const { document } = await openUntitled(DRAFT, 'markdown');
      await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
      assert.equal(factDiagnostics(editor.document.uri).length, 0);
    });

    it('"Show Verified Facts" inserts the verified wording at the cursor', async () => {
      const { document } = await openUntitled('Name: ', 'markdown');
      const editor = vscode.window.activeTextEditor!;
      editor.selection = new vscode.Selection(0, 6, 0, 6);
      await vscode.commands.executeCommand('factCheck.showFacts');
      const changed = waitFor('the inserted fact', vscode.workspace.onDidChangeTextDocument, () =>
        document.getText() !== 'Name: ' ? document.getText() : undefined,
      );
      // The first fact of the sheet is Abbas Araghchi; accepting the pick inserts it.
      await poll('the quick pick to accept', async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return document.getText() !== 'Name: ' ? true : undefined;
      });
      assert.equal(await changed, 'Name: Abbas Araghchi');
    });
  });
});
