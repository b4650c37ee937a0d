/**
 * Hundreds of edits within a second: once the debounce has run, the published diagnostics are
 * exactly check() of the final text. A quick fix is an ordinary edit: undo restores the text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { check, loadFactSheet } from '../../src/core';
import { closeAll, codeOf, factDiagnostics, hasRule, pollCodeAction, runCodeAction, waitFor, waitForDiagnostics } from './helpers';

const root = path.resolve(__dirname, '../../..');
const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
const START = 'Iranian authorities acknowledged 3,117 deaths.\n\nAraghchi called the talks “a good start”.\n';

const key = (code: unknown, r: vscode.Range) => `${code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('rapid edits and undoable fixes', () => {
  afterEach(closeAll);

  it('after a burst of 300 edits, the diagnostics equal check() of the final text', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: START });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the first check', vscode.languages.onDidChangeDiagnostics, () => (factDiagnostics(document.uri) ? true : undefined));
    // A burst of typing: insert and delete characters all over the draft, breaking and
    // restoring figures, names and quotes. Every other edit is issued without waiting for the
    // one before: VS Code refuses those computed on a stale version, so only the awaited half
    // (150) is sure to apply. Each edit is a round trip to the workbench (~30 ms in code-server),
    // well under the 200 ms debounce, so the checks that follow race the burst.
    const pieces = ['1', '7', ',', ' ', 'q', 'h', '“', '”', '\n', 'x'];
    const t0 = Date.now();
    let applied = 0;
    const pending: Thenable<boolean>[] = [];
    for (let i = 0; i < 300; i++) {
      const len = document.getText().length;
      const at = document.positionAt((i * 7919) % (len + 1));
      const edit = editor.edit(
        (b) => {
          if (i % 3 === 2 && len > 10) b.delete(new vscode.Range(at, document.positionAt(Math.min(len, document.offsetAt(at) + 1))));
          else b.insert(at, pieces[i % pieces.length]);
        },
        { undoStopBefore: false, undoStopAfter: false },
      );
      if (i % 2) pending.push(edit);
      else if (await edit) applied++;
    }
    for (const r of await Promise.allSettled(pending)) if (r.status === 'fulfilled' && r.value) applied++;
    const burstMs = Date.now() - t0;
    // Then a final, known divergence, so there is something to compare.
    await editor.edit((b) => b.insert(document.positionAt(document.getText().length), '\nIranian authorities acknowledged 3,171 deaths.\n'));
    const final = document.getText();
    const want = check(final, sheet).map((f) => key(f.ruleId, new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)))).sort();
    assert.ok(want.length > 0);
    const got = await waitFor('diagnostics of the final text', vscode.languages.onDidChangeDiagnostics, () => {
      const now = factDiagnostics(document.uri).map((d) => key(codeOf(d), d.range)).sort();
      return JSON.stringify(now) === JSON.stringify(want) ? now : undefined;
    });
    assert.deepEqual(got, want);
    assert.equal(document.getText(), final, 'the checker never edits the text by itself');
    assert.ok(applied >= 150, `only ${applied} of 300 edits applied`);
    console.log(`      ${applied} edits applied in ${burstMs} ms`);
  });

  it('a quick fix is one ordinary edit: undo restores the draft exactly', async () => {
    const draft = 'Iranian authorities acknowledged 3,171 deaths.\r\nAraqchi spoke.\r\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: draft });
    await vscode.window.showTextDocument(document);
    const before = document.getText();
    const [d] = (await waitForDiagnostics(document.uri, hasRule('number-mismatch'))).filter((x) => codeOf(x) === 'number-mismatch');
    const action = await pollCodeAction(document.uri, d.range, (a) => !!a.isPreferred);
    await runCodeAction(action);
    await waitFor('the fix', vscode.workspace.onDidChangeTextDocument, () => (document.getText() !== before ? true : undefined));
    assert.equal(document.getText(), before.replace('3,171', '3,117'));
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', vscode.workspace.onDidChangeTextDocument, () => (document.getText() === before ? true : undefined));
    assert.equal(document.getText(), before);
  });

  it('a fix offered for an older version is not applied to the edited draft', async () => {
    // The second line makes the draft about the bundled story (a draft about no story is not checked).
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Iranian authorities acknowledged 3,171 deaths.\nAraghchi spoke in Muscat.\n' });
    const editor = await vscode.window.showTextDocument(document);
    const [d] = await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
    const action = await pollCodeAction(document.uri, d.range, (a) => !!a.isPreferred);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Breaking: '));
    const edited = document.getText();
    const applied = await runCodeAction(action);
    assert.equal(applied, false, 'the stale fix reports it was not applied');
    assert.equal(document.getText(), edited, 'the edited draft is left as it is');
  });
});
