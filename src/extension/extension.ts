import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { FactCheckController } from './factCheckController';
import { FactCodeActionProvider } from './factCodeActionProvider';
import { FactHoverProvider } from './factHoverProvider';
import { registerExtractCommand } from './extractCommand';
import { FactsLoader } from './factsLoader';
import { FACTS_VIEW_ID, FactsView } from './factsView';
import { IgnoreStore } from './ignoreStore';
import { DISPLAY_NAME } from './names';

/**
 * Wires the editor adapter: everything it creates is owned by `context.subscriptions`,
 * so there is no module-level state and deactivation needs no code.
 */
/** What the extension hands to other extensions (and its integration tests). */
export interface FactCheckApi {
  factsView: FactsView;
  /** Fires after a document's diagnostics were published or dropped. */
  onDidCheck: vscode.Event<vscode.Uri>;
  /** How a document was last checked: the sheet's origin and URI, for its current version only. */
  storyOf(document: vscode.TextDocument): { origin: string; sheet?: string } | undefined;
  /** What the status bar item shows. */
  status(): { text: string; tooltip?: string; command?: string; visible: boolean };
}

export function activate(context: vscode.ExtensionContext): FactCheckApi {
  const log = vscode.window.createOutputChannel(DISPLAY_NAME, { log: true });
  const facts = new FactsLoader(context.extensionUri, log);
  const ignores = new IgnoreStore(context.workspaceState, facts);
  const controller = new FactCheckController(facts, ignores, log);
  const actions = new FactCodeActionProvider(controller, ignores, log);
  const factsView = new FactsView(controller, facts);
  const factsTree = vscode.window.createTreeView(FACTS_VIEW_ID, { treeDataProvider: factsView });
  factsView.attach(factsTree);
  // Every language: `factCheck.include` may name any file; providers answer only for checked drafts.
  const selector: vscode.DocumentSelector = '*';
  context.subscriptions.push(
    log,
    ignores,
    facts,
    controller,
    factsView,
    factsTree,
    vscode.languages.registerHoverProvider(selector, new FactHoverProvider(controller, facts)),
    vscode.languages.registerCodeActionsProvider(selector, actions, FactCodeActionProvider.metadata),
    ...registerCommands({ extensionUri: context.extensionUri, controller, actions, facts, ignores }),
  );
  registerExtractCommand(context);
  controller.start().catch((e) => log.error(`Starting failed: ${(e as Error)?.stack ?? e}`));
  return {
    factsView,
    onDidCheck: controller.onDidCheck,
    storyOf: (document) => {
      const entry = controller.currentEntry(document);
      return entry && { origin: entry.draft.origin, sheet: entry.facts?.sheetUri.toString() };
    },
    status: () => controller.status(),
  };
}

export function deactivate(): void {}
