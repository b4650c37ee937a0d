/** Shared helpers of the integration tests: waiting on editor events, fixtures, settings. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';

export const SOURCE = 'Newsroom Fact Check';
export const TIMEOUT_MS = 15_000;

/**
 * Resolves with `probe()`'s first defined result, trying now and after every `event`;
 * rejects after `timeoutMs` naming what it waited for. No sleeping: events drive it.
 */
export function waitFor<T>(what: string, event: vscode.Event<unknown>, probe: () => T | undefined, timeoutMs = TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      listener.dispose();
      fn();
    };
    const attempt = () => {
      try {
        const value = probe();
        if (value !== undefined) finish(() => resolve(value));
      } catch (e) {
        finish(() => reject(e));
      }
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    const listener = event(attempt);
    attempt();
  });
}

/**
 * Retries an asynchronous probe until it yields a result (a language feature may answer
 * empty right after the first diagnostics). The only fixed delay in the suite is this retry gap.
 */
export async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** This extension's diagnostics for a document. */
export function factDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Waits until the document's diagnostics satisfy `ok`; returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = 'diagnostics',
): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} on ${path.basename(uri.path)}`, vscode.languages.onDidChangeDiagnostics, () => {
    const diagnostics = factDiagnostics(uri);
    return ok(diagnostics) ? diagnostics : undefined;
  });
}

export const hasRule = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === rule);
export const lacksRule = (rule: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === rule);

/** The folder of fixture drafts: the workspace the runner opened, or the one in the repository. */
export function fixturesUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.path.endsWith('/test/fixtures/integration'));
  return folder?.uri ?? vscode.Uri.file(path.resolve(__dirname, '../../../test/fixtures/integration'));
}

export const fixtureUri = (name: string) => vscode.Uri.joinPath(fixturesUri(), name);

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** Expectations written inline in a fixture, in an HTML comment the checker skips. */
export interface Expectation {
  rule?: string;
  flagged?: string;
  message?: string;
  /** Lines the draft holds once the fix (or fix all) is applied. */
  fixed: string[];
  /** What the hover shows of the cited sentence, verified wording in bold. */
  source?: string;
  confirmed?: string;
}

export function parseExpectations(text: string): Expectation {
  const comment = /<!--([\s\S]*?)-->\s*$/.exec(text);
  assert.ok(comment, 'fixture has no expectation comment at its end');
  const expectation: Expectation = { fixed: [] };
  for (const line of comment[1].split('\n')) {
    const m = /^\s*(\w+):\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const [, key, value] = m;
    if (key === 'fixed') expectation.fixed.push(value);
    else (expectation as unknown as Record<string, string>)[key] = value;
  }
  return expectation;
}

/** Sets a `factCheck.*` user setting and waits until the extension host sees the new value. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const read = () => vscode.workspace.getConfiguration('factCheck').inspect(key)?.globalValue;
  await vscode.workspace.getConfiguration('factCheck').update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(`setting factCheck.${key}`, vscode.workspace.onDidChangeConfiguration, () => (isDeepStrictEqual(read(), value) ? true : undefined));
}

/** Code actions at a range, optionally of one kind (only this extension's). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  // A bare Command has a string `command`; a CodeAction's `command` is an object.
  return all.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string').filter(isOurs);
}

function isOurs(a: vscode.CodeAction): boolean {
  return !!a.command?.command.startsWith('factCheck.') || !!a.kind?.value.startsWith('source.fixAll.factCheck');
}

/** Polls the code actions until one satisfies `pick`. */
export function pollCodeAction(uri: vscode.Uri, range: vscode.Range, pick: (a: vscode.CodeAction) => boolean, kind?: string): Promise<vscode.CodeAction> {
  return poll('a code action', async () => (await codeActions(uri, range, kind)).find(pick));
}

/** Runs a code action as the editor does: its edit, then its command. Returns the command's result. */
export async function runCodeAction(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'code action edit not applied');
  if (action.command) return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return undefined;
}

/** The text of the hovers at a position. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Reverts every changed document (fixtures stay as committed) and closes all editors. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Inserts text at a position through the editor API, as typing would. */
export async function insert(document: vscode.TextDocument, position: vscode.Position, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit not applied');
}

/** The draft's text without its expectation comment (which quotes the fixed lines itself). */
export function draftText(document: vscode.TextDocument): string {
  return document.getText().replace(/<!--[\s\S]*?-->/g, '');
}
