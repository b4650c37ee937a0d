import * as vscode from 'vscode';
import {
  describeFact,
  findSourceSentence,
  FactSheetError,
  LineIndex,
  loadFactSheet,
  type FactDescription,
  type FactSheet,
} from '../core';

/** A fact sheet in use, with the article it cites. */
export interface LoadedFacts {
  sheet: FactSheet;
  sheetUri: vscode.Uri;
  /** The story's article (`story.article`, relative to the sheet), if it could be read. */
  articleUri?: vscode.Uri;
  articleText?: string;
  articleLines?: LineIndex;
}

const decoder = new TextDecoder('utf-8');

/**
 * Loads the fact sheet and its article through `vscode.workspace.fs`, so it works in a
 * remote or web extension host. A malformed sheet is logged (the channel is shown once)
 * and the last good sheet stays in use.
 */
export class FactsLoader implements vscode.Disposable {
  private current: LoadedFacts | undefined;
  private queue: Promise<void> = Promise.resolve();
  private watcher: vscode.FileSystemWatcher | undefined;
  private watchedPath: string | undefined;
  private errorShown = false;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a sheet has been loaded and replaced the previous one. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The bundled sheet that ships with the extension. */
  get bundledSheetUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'reference', 'facts.json');
  }

  /** The facts in use, or undefined before the first load finished. */
  get facts(): LoadedFacts | undefined {
    return this.current;
  }

  /** Waits for pending loads, then returns the facts in use. */
  async ready(): Promise<LoadedFacts | undefined> {
    await this.queue;
    return this.current;
  }

  /**
   * Loads the sheet named by the `factSheet` setting (empty: the bundled one). Loads run one
   * after another, so a quick succession of setting changes ends with the last one.
   */
  load(settingPath: string): Promise<void> {
    this.queue = this.queue
      .then(() => this.loadNow(settingPath, true))
      .catch((e) => this.log.error(`Loading the fact sheet failed: ${(e as Error)?.stack ?? e}`));
    return this.queue;
  }

  describe(factId: string): FactDescription | undefined {
    return this.current ? describeFact(this.current.sheet, factId) : undefined;
  }

  /** Where the fact's cited sentence sits in the article, if it is there verbatim. */
  sourceLocation(factId: string): vscode.Location | undefined {
    const facts = this.current;
    const description = this.describe(factId);
    if (!facts?.articleUri || facts.articleText === undefined || !facts.articleLines || !description) return undefined;
    const span = findSourceSentence(facts.articleText, description.source);
    if (!span) return undefined;
    const start = facts.articleLines.position(span.start);
    const end = facts.articleLines.position(span.end);
    return new vscode.Location(facts.articleUri, new vscode.Range(start.line, start.character, end.line, end.character));
  }

  dispose(): void {
    this.watcher?.dispose();
    this.changed.dispose();
  }

  private async loadNow(settingPath: string, watch: boolean): Promise<void> {
    let uri: vscode.Uri;
    try {
      uri = settingPath ? this.resolve(settingPath) : this.bundledSheetUri;
    } catch (e) {
      this.fail(settingPath, e);
      if (!this.current) await this.loadNow('', false);
      return;
    }
    if (watch) this.watch(settingPath, uri);
    try {
      const sheet = loadFactSheet(decoder.decode(await vscode.workspace.fs.readFile(uri)));
      this.current = { sheet, sheetUri: uri, ...(await this.readArticle(uri, sheet)) };
      this.log.info(`Using fact sheet ${uri.toString(true)} (story "${sheet.story.id}").`);
      this.changed.fire();
    } catch (e) {
      this.fail(uri.toString(true), e);
      // Nothing good to keep yet: fall back to the bundled sheet so checking still works.
      if (!this.current && settingPath) await this.loadNow('', false);
    }
  }

  private async readArticle(sheetUri: vscode.Uri, sheet: FactSheet): Promise<Omit<LoadedFacts, 'sheet' | 'sheetUri'>> {
    const articleUri = vscode.Uri.joinPath(sheetUri, '..', sheet.story.article);
    try {
      const articleText = decoder.decode(await vscode.workspace.fs.readFile(articleUri));
      return { articleUri, articleText, articleLines: new LineIndex(articleText) };
    } catch (e) {
      this.log.warn(`Could not read the article ${articleUri.toString(true)}: ${(e as Error).message}. Source links are off.`);
      return {};
    }
  }

  private resolve(settingPath: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const absolute = settingPath.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(settingPath);
    if (absolute) return !folder || folder.uri.scheme === 'file' ? vscode.Uri.file(settingPath) : folder.uri.with({ path: settingPath });
    if (!folder) throw new Error('factCheck.factSheet is a relative path but no workspace folder is open');
    return vscode.Uri.joinPath(folder.uri, settingPath);
  }

  /** Reloads a custom sheet when its file changes on disk. */
  private watch(settingPath: string, uri: vscode.Uri): void {
    if (this.watchedPath === settingPath) return;
    this.watcher?.dispose();
    this.watcher = undefined;
    this.watchedPath = settingPath;
    if (!settingPath) return;
    const pattern = new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.slice(uri.path.lastIndexOf('/') + 1));
    this.watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const reload = () => void this.load(settingPath);
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
  }

  private fail(what: string, e: unknown): void {
    const problems = e instanceof FactSheetError ? e.problems : [(e as Error)?.message ?? String(e)];
    this.log.error(`Fact sheet ${what} not loaded${this.current ? '; still using the last good sheet' : ''}:`);
    for (const p of problems) this.log.error(`  ${p}`);
    // Shown once per session: a broken sheet must not steal focus on every keystroke.
    if (!this.errorShown) {
      this.errorShown = true;
      this.log.show(true);
    }
  }
}
