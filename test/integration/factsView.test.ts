/** The "Facts" view: coverage of the active draft by its own sheet. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FactCheckApi } from '../../src/extension/extension';
import type { FactsNode } from '../../src/extension/factsView';
import { closeAll, hasRule, poll, waitForDiagnostics } from './helpers';

const WORKSPACE = path.resolve(__dirname, '../../../test/fixtures/workspace-multi');

async function api(): Promise<FactCheckApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'newsroom-fact-check');
  assert.ok(ext, 'extension found');
  return (await ext.activate()) as FactCheckApi;
}

const group = (roots: FactsNode[], label: string) => roots.find((r) => r.label === label)?.children ?? [];

describe('facts view', () => {
  afterEach(closeAll);

  it('groups the active draft\'s facts: contradicted, used, not used, not in the sheet; a click reveals the place', async () => {
    const { factsView } = await api();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(WORKSPACE, 'council', 'draft.md')));
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, hasRule('number-mismatch'));
    const roots = await poll('the facts view', async () => (factsView.snapshot().length ? factsView.snapshot() : undefined));
    assert.deepEqual(roots.map((r) => r.label), ['Contradicted', 'Used', 'Not used', 'Not in the sheet']);

    const [wrong] = group(roots, 'Contradicted');
    assert.equal(wrong.label, '$48.2 million');
    assert.match(wrong.description ?? '', /number-mismatch/);
    assert.equal(document.getText().slice(wrong.reveal!.start, wrong.reveal!.end), '$84.2 million');
    assert.ok(group(roots, 'Used').some((n) => n.label === 'Delia Okonkwo'));
    assert.ok(group(roots, 'Not used').some((n) => n.factId === 'long-night'));
    assert.ok(group(roots, 'Not in the sheet').some((n) => n.label === 'a triumph for the whole city' && /quote/.test(n.description ?? '')));

    // The tree item's command opens the draft at the flagged figure.
    const item = factsView.getTreeItem(wrong);
    assert.ok(item.command, 'clickable');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), '$84.2 million');
  });

  it('follows the active editor and is empty without a checked draft', async () => {
    const { factsView } = await api();
    const iran = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(WORKSPACE, 'iran', 'draft.md')));
    await vscode.window.showTextDocument(iran);
    await waitForDiagnostics(iran.uri, hasRule('name-mismatch'));
    const roots = await poll('the iran draft in the view', async () => (group(factsView.snapshot(), 'Contradicted').length >= 5 ? factsView.snapshot() : undefined));
    assert.ok(!group(roots, 'Used').some((n) => n.label === 'Delia Okonkwo'), 'another story\'s sheet');
    await closeAll();
    await poll('an empty view', async () => (factsView.snapshot().length === 0 ? true : undefined));
  });
});
