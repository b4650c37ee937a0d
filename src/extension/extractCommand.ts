import * as vscode from 'vscode';
import type { extractFacts as ExtractFacts } from '../core/extract/extract';
import { DISPLAY_NAME, PREFIX } from './names';

/** Command id of "Propose Fact Sheet from Article…". */
export const EXTRACT_COMMAND = `${PREFIX}.extractFacts`;

/**
 * The extractor ships as its own bundle (dist/extractor.js), loaded on the first use of the
 * command: most sessions never propose a sheet, and it would add a fifth to the size (and load
 * time) of the extension that checks drafts as the editor types.
 */
function loadExtractor(context: vscode.ExtensionContext): typeof ExtractFacts {
  const file = vscode.Uri.joinPath(context.extensionUri, 'dist', 'extractor.js').fsPath;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { extractFacts: typeof ExtractFacts }).extractFacts;
}

const ARTICLE_LANGUAGES = new Set(['markdown', 'plaintext']);

/** The article to read: the active Markdown or plain-text editor's document, else one the user picks. */
async function pickArticle(arg: unknown): Promise<{ text: string; uri: vscode.Uri; markdown: boolean } | undefined> {
  // From the explorer's context menu or another command: a file URI.
  let uri = arg instanceof vscode.Uri ? arg : undefined;
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString()) : vscode.window.activeTextEditor?.document;
  if (doc && (uri || ARTICLE_LANGUAGES.has(doc.languageId))) {
    // The buffer as it is now, saved or not.
    return { text: doc.getText(), uri: doc.uri, markdown: doc.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(doc.uri.path) };
  }
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Propose Fact Sheet',
      title: 'Reference article to propose a fact sheet from',
      filters: { 'Articles (Markdown, plain text)': ['md', 'markdown', 'txt'], 'All files': ['*'] },
    });
    uri = picked?.[0];
    if (!uri) return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    throw new Error(`${uri.fsPath || uri.toString()}: cannot read it (${(e as Error).message})`);
  }
  if (bytes.includes(0)) throw new Error(`${uri.fsPath || uri.toString()}: looks like a binary file (contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${uri.fsPath || uri.toString()}: is not valid UTF-8 text`);
  }
  return { text, uri, markdown: /\.(?:md|markdown)$/i.test(uri.path) };
}

/**
 * Registers `factCheck.extractFacts`: proposes a fact sheet from the active article (or a picked
 * file) and opens it in a new untitled JSON document for the editor to review, trim and save.
 * Nothing is saved or verified by the command itself. Resolves to the opened document.
 */
export function registerExtractCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXTRACT_COMMAND, async (arg?: unknown): Promise<vscode.TextDocument | undefined> => {
      let article: Awaited<ReturnType<typeof pickArticle>>;
      try {
        article = await pickArticle(arg);
      } catch (e) {
        void vscode.window.showErrorMessage(`${DISPLAY_NAME}: ${(e as Error).message}`);
        return undefined;
      }
      if (!article) return undefined;
      const name = article.uri.path.split('/').pop() || 'article.txt';
      // The sheet is meant to be saved beside its article: story.article is the article's file name.
      const { sheet, notes } = loadExtractor(context)(article.text, { articlePath: name, markdown: article.markdown });
      // No "$schema": the extension's own folder is no path to write into a story's sheet (it differs
      // per machine and moves with each update). VS Code validates a sheet saved as NAME.facts.json.
      const content = JSON.stringify(sheet, null, 2) + '\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
      await vscode.window.showTextDocument(doc, { preview: false });
      const n = sheet.entities.length + sheet.figures.length + sheet.dates.length + sheet.quotes.length + sheet.settings.length;
      const left = notes.length ? ` Left out: ${notes.join('; ')}.` : '';
      void vscode.window.showInformationMessage(`Proposed ${n} facts from ${name}. Review and trim them, then save the sheet beside the article as ${name.replace(/\.[^.]*$/, '')}.facts.json (VS Code validates *.facts.json); nothing is verified until you do.${left}`);
      return doc;
    }),
  );
}
