/**
 * "Propose Fact Sheet from Article…": the proposal opens in a new untitled JSON document, never
 * saved. Registers the command itself when the extension does not (yet) wire it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTRACT_COMMAND, registerExtractCommand } from '../../src/extension/extractCommand';
import { loadFactSheet } from '../../src/core';
import { closeAll } from './helpers';

describe('propose a fact sheet from an article', () => {
  const subscriptions: vscode.Disposable[] = [];
  before(async () => {
    if (!(await vscode.commands.getCommands(true)).includes(EXTRACT_COMMAND)) {
      const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'newsroom-fact-check');
      assert.ok(ext, 'the extension under test is installed');
      registerExtractCommand({ subscriptions, extensionUri: ext.extensionUri } as unknown as vscode.ExtensionContext);
    }
  });
  after(() => subscriptions.forEach((d) => d.dispose()));
  afterEach(closeAll);

  it('proposes the active article’s sheet in an untitled JSON document', async () => {
    const article = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# Budget passes\n\nMayor Ana Ruiz called the plan “careful but fair” and said it funds 112 new teachers.\n',
    });
    await vscode.window.showTextDocument(article);
    const doc = (await vscode.commands.executeCommand(EXTRACT_COMMAND)) as vscode.TextDocument;
    assert.ok(doc, 'the command returns the opened document');
    assert.equal(doc.languageId, 'json');
    assert.ok(doc.isUntitled, 'the proposal is not saved anywhere');
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    const sheet = loadFactSheet(doc.getText());
    assert.equal(sheet.story.title, 'Budget passes');
    assert.deepEqual(sheet.figures.map((f) => f.value), [112]);
    assert.deepEqual(sheet.quotes.map((q) => [q.text, sheet.entities.find((e) => e.id === q.speaker)?.name]), [['careful but fair', 'Ana Ruiz']]);
    // Issue 19: no absolute path into the extension's install folder (it breaks on another machine).
    assert.equal(JSON.parse(doc.getText()).$schema, undefined);
  });
});
