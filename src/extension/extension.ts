import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { FactCheckController } from './factCheckController';
import { FactCodeActionProvider } from './factCodeActionProvider';
import { FactHoverProvider } from './factHoverProvider';
import { FactsLoader } from './factsLoader';
import { IgnoreStore } from './ignoreStore';
import { DISPLAY_NAME } from './names';

/**
 * Wires the editor adapter: everything it creates is owned by `context.subscriptions`,
 * so there is no module-level state and deactivation needs no code.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(DISPLAY_NAME, { log: true });
  const ignores = new IgnoreStore(context.workspaceState);
  const facts = new FactsLoader(context.extensionUri, log);
  const controller = new FactCheckController(facts, ignores, log);
  const actions = new FactCodeActionProvider(controller, ignores, log);
  // Every language: `factCheck.include` may name any file; providers answer only for checked drafts.
  const selector: vscode.DocumentSelector = '*';
  context.subscriptions.push(
    log,
    ignores,
    facts,
    controller,
    vscode.languages.registerHoverProvider(selector, new FactHoverProvider(controller, facts)),
    vscode.languages.registerCodeActionsProvider(selector, actions, FactCodeActionProvider.metadata),
    ...registerCommands({ controller, actions, facts, ignores }),
  );
  controller.start().catch((e) => log.error(`Starting failed: ${(e as Error)?.stack ?? e}`));
}

export function deactivate(): void {}
