/**
 * Ignores live in the project file (.factcheck.json `ignore`): written by the quick fix, honoured by
 * the CLI, left out of the Facts view's contradicted facts, listed and removed by a command, and
 * never written into the draft.
 */
import fs from 'node:fs';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FactCheckApi } from '../../src/extension/extension';
import { closeAll, factDiagnostics, fixturesUri, hasRule, lacksRule, poll, pollCodeAction, runCodeAction, waitForDiagnostics } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const BUNDLED = path.join(ROOT, 'reference', 'facts.json');
const DRAFT = 'Iranian authorities acknowledged 3,171 deaths.\n\nForeign Minister Abbas Araqchi said the talks in Muscat would resume.\n';

async function api(): Promise<FactCheckApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'newsroom-fact-check');
  assert.ok(ext, 'extension found');
  return (await ext.activate()) as FactCheckApi;
}

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const writeText = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

/** The shipped CLI on one draft, from its folder. */
function cli(dir: string, file: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), file], { cwd: dir, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('ignores in the project file (.factcheck.json)', () => {
  // A folder of its own for each test: a file deleted and created again at the same path can
  // reach the extension's watcher late, and the test would see the previous test's config.
  let n = 0;
  let dir: vscode.Uri;
  let config: vscode.Uri;
  let draftUri: vscode.Uri;
  beforeEach(async () => {
    dir = vscode.Uri.joinPath(fixturesUri(), `tmp-ignores-${++n}`);
    config = vscode.Uri.joinPath(dir, '.factcheck.json');
    draftUri = vscode.Uri.joinPath(dir, 'sub', 'talks.md');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(dir, 'sub'));
    await writeText(draftUri, DRAFT);
    // A sheet named by a project file must be inside the project (issue 21): a copy of the bundled story.
    for (const name of ['facts.json', 'article.txt']) fs.copyFileSync(path.join(path.dirname(BUNDLED), name), path.join(dir.fsPath, name));
  });
  afterEach(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(dir, { recursive: true });
  });

  for (const form of ['object', 'array'] as const)
    it(`the quick fix writes the ignore to the ${form}-form config, the CLI and the Facts view honour it, a command removes it`, async () => {
      const a = await api();
      const mapping = { drafts: 'sub/**', facts: 'facts.json' };
      await writeText(config, form === 'array' ? `${JSON.stringify([mapping], null, 2)}\n` : `${JSON.stringify({ sheets: [mapping], severity: { 'quote-unverified': 'warning' } }, null, 2)}\n`);
      assert.equal(cli(dir.fsPath, 'sub/talks.md').code, 1, 'the CLI flags it first');
      const original = await read(fixturesUri().with({ path: `${fixturesUri().path}/.factcheck.json` }));

      const document = await vscode.workspace.openTextDocument(draftUri);
      await vscode.window.showTextDocument(document);
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => hasRule('number-mismatch')(ds) && hasRule('name-mismatch')(ds));
      const number = diagnostics.find((d) => document.getText(d.range) === '3,171')!;
      const ignore = await pollCodeAction(document.uri, number.range, (x) => x.title === 'Ignore this divergence');
      assert.equal(await runCodeAction(ignore), true);
      await waitForDiagnostics(document.uri, (ds) => lacksRule('number-mismatch')(ds) && hasRule('name-mismatch')(ds), 'the ignored one hidden, the other kept').catch(async (e) => {
        throw new Error(`${e.message}; the config now reads:\n${await read(config)}\ndiagnostics: ${factDiagnostics(document.uri).map((d) => d.code && typeof d.code === 'object' ? d.code.value : d.code).join(', ')}`);
      });

      assert.equal(document.getText(), DRAFT, 'nothing is written into the draft');
      assert.equal(document.isDirty, false);
      const saved = JSON.parse(await read(config));
      assert.ok(!Array.isArray(saved), 'an array-form config becomes an object with its mappings as sheets');
      assert.deepEqual(saved.sheets, [mapping]);
      if (form === 'object') assert.deepEqual(saved.severity, { 'quote-unverified': 'warning' });
      assert.equal(saved.ignore.length, 1);
      assert.equal(await read(vscode.Uri.joinPath(fixturesUri(), '.factcheck.json')), original, 'the workspace root config is left alone');
      assert.deepEqual({ ...saved.ignore[0], fact: typeof saved.ignore[0].fact }, { draft: 'sub/talks.md', rule: 'number-mismatch', fact: 'string', text: '3,171' });

      // The CLI honours the same file: only the name is left.
      const r = cli(dir.fsPath, 'sub/talks.md');
      assert.doesNotMatch(r.out, /number-mismatch/);
      assert.match(r.out, /name-mismatch/);

      // The Facts view does not count the ignored figure as contradicted.
      const contradicted = await poll('the Facts view', async () => {
        const group = a.factsView.snapshot().find((n) => n.label === 'Contradicted');
        return group && group.children?.length === 1 ? group.children : undefined;
      });
      assert.match(contradicted[0].description ?? '', /name-mismatch/);

      // Listed and removed by the command: the divergence is back, in the editor and the CLI.
      assert.equal(await vscode.commands.executeCommand('factCheck.listIgnored', { select: [0] }), 1);
      await waitForDiagnostics(document.uri, hasRule('number-mismatch'), 'back after removing the ignore');
      assert.equal(JSON.parse(await read(config)).ignore.length, 0);
      assert.match(cli(dir.fsPath, 'sub/talks.md').out, /number-mismatch/);
    });

  it('an ignore lapses when the flagged wording changes', async () => {
    await writeText(config, JSON.stringify({ sheets: [{ drafts: 'sub/**', facts: 'facts.json' }], ignore: [{ draft: 'sub/talks.md', rule: 'number-mismatch', fact: 'deaths-authorities', text: '3,171' }] }));
    const document = await vscode.workspace.openTextDocument(draftUri);
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (ds) => lacksRule('number-mismatch')(ds) && hasRule('name-mismatch')(ds), 'ignored by the file');
    await editor.edit((b) => b.replace(document.getWordRangeAtPosition(new vscode.Position(0, document.getText().indexOf('3,171') + 1), /[\d,]+/)!, '3,172'));
    await waitForDiagnostics(document.uri, hasRule('number-mismatch'), 'new wording, flagged again');
  });
});
