import * as vscode from 'vscode';
import { allFacts, type Fact } from '../core';
import type { FactCheckController } from './factCheckController';
import type { FactCodeActionProvider } from './factCodeActionProvider';
import type { FactsLoader } from './factsLoader';
import type { IgnoreStore } from './ignoreStore';
import { Commands } from './names';

interface Deps {
  extensionUri: vscode.Uri;
  controller: FactCheckController;
  actions: FactCodeActionProvider;
  facts: FactsLoader;
  ignores: IgnoreStore;
}

const CATEGORY_ICONS: Record<Fact['category'], string> = {
  entity: 'person',
  figure: 'symbol-number',
  date: 'calendar',
  quote: 'quote',
  setting: 'location',
};

/** Registers the extension's commands; returns their disposables. */
export function registerCommands({ extensionUri, controller, actions, facts, ignores }: Deps): vscode.Disposable[] {
  const register = vscode.commands.registerCommand;

  /** The sheet of a draft (by URI), else of the active draft, else the default one. */
  const factsOf = (draft?: string) => facts.factsFor(draft ?? vscode.window.activeTextEditor?.document.uri);

  /** Opens the reference article of a draft's sheet, or at a fact's cited sentence (in the article or the story document it cites) if one is given. */
  async function openReference(factId?: string, draft?: string): Promise<vscode.TextEditor | undefined> {
    const loaded = await factsOf(draft);
    if (!loaded?.articleUri) {
      void vscode.window.showWarningMessage('The reference article of the fact sheet could not be read; see the "Newsroom Fact Check" output.');
      return undefined;
    }
    const location = typeof factId === 'string' ? facts.sourceLocation(factId, loaded) : undefined;
    const editor = await vscode.window.showTextDocument(location?.uri ?? loaded.articleUri, {
      selection: location?.range,
      // Beside the draft when following a fact, so the draft stays in view.
      viewColumn: location ? vscode.ViewColumn.Beside : undefined,
      preview: true,
    });
    // The article is the source of truth (and the bundled one lives in the extension's folder):
    // read-only, so typing cannot change it.
    if (vscode.window.activeTextEditor === editor) await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
    return editor;
  }

  async function showFacts(): Promise<void> {
    const editorNow = vscode.window.activeTextEditor;
    const loaded = await factsOf();
    if (!loaded) {
      void vscode.window.showWarningMessage('The fact sheet of this draft could not be loaded; see the problems on the sheet and the "Newsroom Fact Check" output.');
      return;
    }
    const { sheet } = loaded;
    const ids = allFacts(sheet).map((f) => f.id);
    const reveal: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Show the source sentence in the reference article' };
    type Item = vscode.QuickPickItem & { factId: string; verified: string };
    const items: Item[] = [];
    for (const id of ids) {
      const d = facts.describe(id, loaded);
      if (!d) continue;
      items.push({
        label: `$(${CATEGORY_ICONS[d.category]}) ${d.verified}`,
        description: d.label === d.verified ? d.category : d.label,
        detail: d.source,
        buttons: [reveal],
        factId: id,
        verified: d.verified,
      });
    }
    const editor = editorNow;
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = 'Verified facts';
    pick.placeholder = editor ? 'Enter inserts the verified wording at the cursor; the button shows its source' : 'Pick a fact to see its source sentence';
    pick.items = items;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.onDidTriggerItemButton((e) => {
      pick.hide();
      void openReference(e.item.factId, editor?.document.uri.toString());
    });
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      pick.hide();
      if (!item) return;
      // Never write into the reference article itself.
      const intoArticle = editor && facts.isArticle(editor.document.uri);
      if (editor && !editor.document.isClosed && !intoArticle) {
        void editor.edit((b) => editor.selections.forEach((s) => b.replace(s, item.verified)));
      } else {
        void openReference(item.factId, editor?.document.uri.toString());
      }
    });
    pick.onDidHide(() => pick.dispose());
    pick.show();
  }

  /** Lists the ignores; those picked are removed. `select` (indexes into the list) removes without asking. */
  async function listIgnored(arg?: unknown): Promise<number | undefined> {
    const all = await ignores.list();
    const select = (arg as { select?: unknown } | undefined)?.select;
    if (Array.isArray(select)) {
      const chosen = all.filter((_, i) => select.includes(i));
      await ignores.remove(chosen);
      return chosen.length;
    }
    if (!all.length) {
      void vscode.window.showInformationMessage('No ignored fact divergences.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      all.map((listed) => ({
        label: listed.entry?.text ?? listed.item?.text ?? '',
        description: `${listed.entry?.rule ?? listed.item?.ruleId} · ${listed.entry?.fact ?? listed.item?.factId}`,
        detail: listed.file
          ? `${listed.entry!.draft} · in ${vscode.workspace.asRelativePath(listed.file, false)}`
          : `${vscode.workspace.asRelativePath(vscode.Uri.parse(listed.item!.uri), false)} · this workspace only`,
        listed,
      })),
      { canPickMany: true, title: 'Ignored fact divergences', placeHolder: 'Select the ones to check again (they are removed from the project file)' },
    );
    if (picked?.length) await ignores.remove(picked.map((p) => p.listed));
    return picked?.length ?? 0;
  }

  /**
   * Picks the story a draft that matched none is about (until the draft is closed). With a sheet
   * URI (tests, other extensions) that sheet is used; otherwise a quick pick lists the candidates.
   */
  async function pickStory(draftArg?: unknown, sheetArg?: unknown): Promise<string | undefined> {
    const uri = typeof draftArg === 'string' ? vscode.Uri.parse(draftArg) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) return undefined;
    let sheet = typeof sheetArg === 'string' ? vscode.Uri.parse(sheetArg) : undefined;
    if (!sheet) {
      const candidates = await facts.candidatesFor(facts.lastFor(uri)?.config);
      const items = await Promise.all(
        candidates.map(async (c) => ({
          label: (await facts.storyTitle(c)) ?? vscode.workspace.asRelativePath(c, false),
          description: c.toString() === facts.bundledSheetUri.toString() ? 'the story bundled with the extension' : vscode.workspace.asRelativePath(c, false),
          uri: c,
        })),
      );
      const choice = await vscode.window.showQuickPick(items, { title: 'Check this draft against which story?', placeHolder: 'The draft names none of these stories; pick the one it is about' });
      sheet = choice?.uri;
    }
    if (!sheet) return undefined;
    facts.pick(uri, sheet);
    return sheet.toString();
  }

  /** The walkthrough's first step: a short draft about the bundled story, as a new untitled document. */
  async function openSample(): Promise<string> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'sample-draft.md'));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
    await vscode.window.showTextDocument(document);
    return document.uri.toString();
  }

  return [
    register(Commands.openSample, openSample),
    register(Commands.pickStory, pickStory),
    register(Commands.checkDraft, async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Open a draft to check it against the verified facts.');
        return undefined;
      }
      return (await controller.checkDraft(document))?.findings.length;
    }),
    register(Commands.fixAll, (uri?: unknown, version?: unknown) =>
      actions.fixAll(typeof uri === 'string' ? uri : undefined, typeof version === 'number' ? version : undefined),
    ),
    // Returns whether the article opened: an editor object must not cross to the workbench.
    register(
      Commands.openReference,
      async (factId?: unknown, draft?: unknown) =>
        !!(await openReference(typeof factId === 'string' ? factId : undefined, typeof draft === 'string' ? draft : undefined)),
    ),
    register(Commands.showFacts, showFacts),
    register(Commands.listIgnored, listIgnored),
    register(Commands.clearIgnored, async () => {
      const count = await ignores.clear();
      void vscode.window.showInformationMessage(`Cleared ${count} ignored fact ${count === 1 ? 'divergence' : 'divergences'}.`);
      return count;
    }),
    register(Commands.applyFix, (ref) => actions.applyFix(ref)),
    register(Commands.ignore, (ref) => actions.ignore(ref)),
  ];
}
