import * as vscode from 'vscode';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  describeFact,
  findSourceSentence,
  FactSheetError,
  checkCitations,
  frontMatterFactSheet,
  LineIndex,
  loadFactSheet,
  parseProjectConfig,
  pickStory,
  sheetForDraft,
  storySheets,
  type FactDescription,
  type FactSheet,
  type ProjectConfig,
} from '../core';
import { locateProblems } from './jsonLocation';
import { DISPLAY_NAME, PREFIX } from './names';

/** A fact sheet in use, with the article it cites. */
export interface LoadedFacts {
  sheet: FactSheet;
  sheetUri: vscode.Uri;
  /** The story's article (`story.article`, relative to the sheet), if it could be read. */
  articleUri?: vscode.Uri;
  articleText?: string;
  articleLines?: LineIndex;
  /** The article's and the documents' texts, for the checker (CheckOptions.sources). */
  sources?: readonly string[];
  /** The story's other documents (`story.documents`) by id, as read when the sheet loaded. */
  documents?: ReadonlyMap<string, { uri: vscode.Uri; text: string; lines: LineIndex }>;
}

/** A project file in force for a draft. */
export interface LoadedConfig {
  uri: vscode.Uri;
  /** Its directory: globs and paths in it are relative to this. */
  dir: vscode.Uri;
  config: ProjectConfig;
}

/**
 * Where a draft's sheet came from (the precedence, highest first): a setting, front matter or a
 * config name it; `picked` the user chose it for this draft; `matched` the draft is about that
 * story (see core/sheet/storyMatch.ts); `unmatched` the draft is about none of the candidate stories.
 */
export type SheetOrigin = 'setting' | 'front matter' | 'config' | 'picked' | 'matched' | 'unmatched';

/** What a draft is checked against, or why it cannot be. */
export interface DraftFacts {
  origin: SheetOrigin;
  sheetUri: vscode.Uri;
  /** The nearest `.factcheck.json` at or above the draft, if any and readable. */
  config?: LoadedConfig;
  /** The sheet, unless it (or the config) is broken. */
  facts?: LoadedFacts;
  /** A broken sheet or config the draft depends on: the draft gets no findings, only a notice. */
  broken?: { uri: vscode.Uri; kind: 'fact sheet' | 'config'; problems: string[]; notFound?: boolean };
  /** Origin `matched` or `unmatched`: the sheets the draft was matched against. */
  candidates?: vscode.Uri[];
}

/** Globs of the fact sheets in a workspace that drafts with no configured sheet are matched against. */
export const SHEET_GLOB = '**/{facts.json,*.facts.json}';
/** At most this many sheets are read from a workspace for story matching. */
const MAX_DISCOVERED = 50;

type Result<T> = { ok: true; value: T } | { ok: false; problems: string[]; notFound?: boolean };

const decoder = new TextDecoder('utf-8', { fatal: true });
const MAX_SHEET_BYTES = 16 * 1024 * 1024;

/** Codes of the diagnostics on a broken sheet or config file. */
export const SHEET_PROBLEM = 'fact-sheet-problem';
export const CONFIG_PROBLEM = 'config-problem';

/**
 * Loads fact sheets and project files through `vscode.workspace.fs` (so it works in remote and
 * web hosts) and decides, per draft, which sheet checks it, exactly as the CLI does: the
 * `factCheck.factSheet` setting (an explicit override, like `--facts`) > the draft's front matter
 * > the nearest `.factcheck.json` at or above the draft, up to its workspace folder > the bundled
 * story. Sheets and configs are read once and cached by URI; a change on disk (or a save in the
 * editor) drops the cached copy and fires {@link onDidChange}. A broken sheet or config gets
 * diagnostics on the file itself at each problem's JSON path and a line in the output channel;
 * the drafts that depend on it are not checked (no last good copy: the editor never reports what
 * the CLI would not), every other draft is.
 */
export class FactsLoader implements vscode.Disposable {
  private readonly sheets = new Map<string, Promise<Result<LoadedFacts>>>();
  /** Sheets read for story matching only, whose problems are not reported. */
  private readonly quiet = new Map<string, Promise<Result<LoadedFacts>>>();
  /** Config file URI → its content, `undefined` when there is no such file. */
  private readonly configs = new Map<string, Promise<Result<LoadedConfig | undefined>>>();
  /** The last resolution of each document, for hovers, source links and commands. */
  private readonly byDocument = new Map<string, DraftFacts>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly problems = vscode.languages.createDiagnosticCollection(`${PREFIX}.sheets`);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private settingPath = '';
  private errorShown = false;
  /** Sheets the user picked for drafts that matched no story (draft URI → sheet URI), for the session. */
  private readonly picked = new Map<string, vscode.Uri>();
  /** The workspace's fact sheets, found once and again when one is created or deleted. */
  private discovered: Promise<vscode.Uri[]> | undefined;
  /** Fires after a sheet or config changed on disk: every open draft should be checked again. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const onConfig = (uri: vscode.Uri) => this.invalidate(uri);
    const sheetWatcher = vscode.workspace.createFileSystemWatcher(SHEET_GLOB, false, true, false);
    const onSheets = () => {
      this.discovered = undefined;
      this.changed.fire();
    };
    this.disposables.push(
      sheetWatcher,
      sheetWatcher.onDidCreate(onSheets),
      sheetWatcher.onDidDelete(onSheets),
      this.problems,
      this.changed,
      configWatcher,
      configWatcher.onDidChange(onConfig),
      configWatcher.onDidCreate(onConfig),
      configWatcher.onDidDelete(onConfig),
      // Watchers can lag (or miss files outside the workspace): a save in the editor is immediate.
      vscode.workspace.onDidSaveTextDocument((d) => this.invalidate(d.uri, true)),
    );
  }

  /** The bundled sheet that ships with the extension. */
  get bundledSheetUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'reference', 'facts.json');
  }

  /** Sets the `factCheck.factSheet` override ('' for none). */
  setOverride(settingPath: string): void {
    if (settingPath === this.settingPath) return;
    this.settingPath = settingPath;
    this.changed.fire();
  }

  /** Resolves the sheet and config of a draft, loading what is not cached yet. */
  async forDocument(document: vscode.TextDocument): Promise<DraftFacts> {
    const draft = await this.resolve(document.uri, document.getText());
    this.byDocument.set(document.uri.toString(), draft);
    return draft;
  }

  /** The last resolution of a document (undefined before its first check). */
  lastFor(uri: vscode.Uri | string): DraftFacts | undefined {
    return this.byDocument.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.byDocument.delete(uri.toString());
    this.picked.delete(uri.toString());
  }

  /** The facts of a document, or else those of the default sheet (setting or bundled). */
  async factsFor(uri?: vscode.Uri | string): Promise<LoadedFacts | undefined> {
    const last = uri ? this.lastFor(uri) : undefined;
    // A draft about no story lists (and opens) the default story's facts.
    if (last && last.origin !== 'unmatched') return last.facts;
    const r = await this.sheet(this.settingPath ? this.resolveSetting(this.settingPath) : this.bundledSheetUri);
    return r.ok ? r.value : undefined;
  }

  /** The article URIs of every loaded sheet: articles are sources, never drafts. */
  isArticle(uri: vscode.Uri): boolean {
    return this.articles.has(uri.toString());
  }

  describe(factId: string, facts: LoadedFacts | undefined): FactDescription | undefined {
    return facts ? describeFact(facts.sheet, factId) : undefined;
  }

  /** Where the fact's cited sentence sits in the sheet's article, if it is there verbatim. */
  sourceLocation(factId: string, facts: LoadedFacts | undefined): vscode.Location | undefined {
    const description = this.describe(factId, facts);
    if (!facts || !description) return undefined;
    // The cited sentence is in the fact's own document (a transcript, a press release), else in the article.
    const doc = description.document ? facts.documents?.get(description.document.id) : facts.articleUri && facts.articleText !== undefined && facts.articleLines ? { uri: facts.articleUri, text: facts.articleText, lines: facts.articleLines } : undefined;
    if (!doc) return undefined;
    const span = findSourceSentence(doc.text, description.source);
    if (!span) return undefined;
    const start = doc.lines.position(span.start);
    const end = doc.lines.position(span.end);
    return new vscode.Location(doc.uri, new vscode.Range(start.line, start.character, end.line, end.character));
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    for (const d of this.disposables) d.dispose();
  }

  private async resolve(draft: vscode.Uri, text: string): Promise<DraftFacts> {
    const { result: configR, file } = await this.configFor(draft);
    if (!configR.ok) {
      const uri = file;
      return { origin: 'config', sheetUri: uri, broken: { uri, kind: 'config', problems: configR.problems } };
    }
    const config = configR.value;
    let origin: SheetOrigin;
    let sheetUri: vscode.Uri;
    const named = frontMatterFactSheet(text);
    const mapped = config && sheetForDraft(config.config, relativePath(config.dir, draft));
    if (this.settingPath) {
      origin = 'setting';
      sheetUri = this.resolveSetting(this.settingPath);
    } else if (named && draft.scheme !== 'untitled') {
      origin = 'front matter';
      sheetUri = isAbsolute(named) ? draft.with({ path: toPosix(named) }) : vscode.Uri.joinPath(draft, '..', toPosix(named));
    } else if (config && mapped) {
      origin = 'config';
      sheetUri = isAbsolute(mapped) ? draft.with({ path: toPosix(mapped) }) : vscode.Uri.joinPath(config.dir, toPosix(mapped));
    } else {
      const picked = this.picked.get(draft.toString());
      if (picked) {
        origin = 'picked';
        sheetUri = picked;
      } else return this.matchDraft(draft, text, config);
    }
    // A sheet named by a file (front matter, config) must be inside the project: the draft's
    // workspace folder (outside any, its config's folder, else its own folder), or the config's
    // folder for its mappings.
    const project =
      origin === 'config' && config ? config.dir : origin === 'front matter' ? (vscode.workspace.getWorkspaceFolder(draft)?.uri ?? config?.dir ?? vscode.Uri.joinPath(draft, '..')) : undefined;
    if (project && !isInside(project, sheetUri)) {
      const namedBy = origin === 'front matter' ? `facts: ${named} in its front matter` : `${JSON.stringify(mapped)} in ${vscode.workspace.asRelativePath(config!.uri, false)}`;
      return { origin, sheetUri, config, broken: { uri: sheetUri, kind: 'fact sheet', problems: [`not read: ${namedBy} names a fact sheet outside the project folder; a sheet named by a file must be inside it (set factCheck.factSheet to use it anyway)`] } };
    }
    const r = await this.sheet(sheetUri);
    return r.ok ? { origin, sheetUri, config, facts: r.value } : { origin, sheetUri, config, broken: { uri: sheetUri, kind: 'fact sheet', problems: r.problems, notFound: r.notFound } };
  }

  /**
   * The story a draft with no configured sheet is about, among the candidates: the sheets its
   * config names, those of the workspace and the bundled story. Sheets that cannot be read are
   * passed over here (they are reported where they are configured). A draft that matched keeps
   * its story while it is open, so typing does not pay for matching again.
   */
  private async matchDraft(draft: vscode.Uri, text: string, config: LoadedConfig | undefined): Promise<DraftFacts> {
    const candidates = await this.candidatesFor(config);
    const last = this.byDocument.get(draft.toString());
    if (last?.origin === 'matched' && last.facts && sameUris(last.candidates, candidates)) {
      const r = await this.sheet(last.sheetUri);
      if (r.ok && r.value === last.facts) return { ...last, config };
    }
    const loaded: LoadedFacts[] = [];
    for (const uri of candidates) {
      const r = await this.quietSheet(uri);
      if (r.ok) loaded.push(r.value);
    }
    const { index } = pickStory(text, loaded.map((l) => l.sheet));
    if (index < 0) return { origin: 'unmatched', sheetUri: this.bundledSheetUri, config, candidates };
    return { origin: 'matched', sheetUri: loaded[index].sheetUri, config, facts: loaded[index], candidates };
  }

  /** The sheets a draft with no configured sheet may be about, in order, without repeats. */
  async candidatesFor(config: LoadedConfig | undefined): Promise<vscode.Uri[]> {
    const named = config ? storySheets(config.config).map((p) => (isAbsolute(p) ? config.dir.with({ path: toPosix(p) }) : vscode.Uri.joinPath(config.dir, toPosix(p)))) : [];
    this.discovered ??= Promise.resolve(vscode.workspace.findFiles(SHEET_GLOB, '**/node_modules/**', MAX_DISCOVERED)).then(
      (uris) => uris.sort((a, b) => a.toString().localeCompare(b.toString())),
      () => [],
    );
    const all = [...named, ...(await this.discovered), this.bundledSheetUri];
    const seen = new Set<string>();
    return all.filter((u) => !seen.has(u.toString()) && !!seen.add(u.toString()));
  }

  /** Sets the sheet of a draft that matched no story (until the draft is closed); undefined forgets it. */
  pick(draft: vscode.Uri, sheet: vscode.Uri | undefined): void {
    if (sheet) this.picked.set(draft.toString(), sheet);
    else this.picked.delete(draft.toString());
    this.changed.fire();
  }

  /** The title of a sheet's story, if it can be read. */
  async storyTitle(uri: vscode.Uri): Promise<string | undefined> {
    const r = await this.quietSheet(uri);
    return r.ok ? r.value.sheet.story.title : undefined;
  }

  /** A sheet read for matching only: a file that is not a valid sheet gets no diagnostics. */
  private quietSheet(uri: vscode.Uri): Promise<Result<LoadedFacts>> {
    const key = uri.toString();
    const known = this.sheets.get(key);
    if (known) return known;
    let p = this.quiet.get(key);
    if (!p) {
      p = this.loadSheet(uri, false);
      this.quiet.set(key, p);
      this.watch(uri);
      // A good sheet is shared with the loud cache; a bad one stays here, unreported.
      void p.then((r) => r.ok && !this.sheets.has(key) && this.sheets.set(key, p!));
    }
    return p;
  }

  /** The nearest config at or above the draft's directory, up to its workspace folder (or the root). */
  private async configFor(draft: vscode.Uri): Promise<{ result: Result<LoadedConfig | undefined>; file: vscode.Uri }> {
    const none = (file: vscode.Uri) => ({ result: { ok: true as const, value: undefined }, file });
    if (draft.scheme === 'untitled') return none(draft);
    const folder = vscode.workspace.getWorkspaceFolder(draft);
    let dir = vscode.Uri.joinPath(draft, '..');
    for (;;) {
      const file = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
      const result = await this.config(file);
      if (!result.ok || result.value) return { result, file };
      if (folder && dir.toString() === folder.uri.toString()) return none(file);
      const up = vscode.Uri.joinPath(dir, '..');
      if (up.path === dir.path) return none(file);
      dir = up;
    }
  }

  private config(uri: vscode.Uri): Promise<Result<LoadedConfig | undefined>> {
    const key = uri.toString();
    let p = this.configs.get(key);
    if (!p) {
      p = this.loadConfig(uri);
      this.configs.set(key, p);
    }
    return p;
  }

  private async loadConfig(uri: vscode.Uri): Promise<Result<LoadedConfig | undefined>> {
    let text: string;
    try {
      text = await this.read(uri);
    } catch (e) {
      if (isNotFound(e)) return { ok: true, value: undefined };
      this.watch(uri);
      return this.fail(uri, 'config', '', [`cannot read it: ${(e as Error).message}`], CONFIG_PROBLEM);
    }
    // The workspace-wide watcher misses configs outside the workspace folders.
    this.watch(uri);
    try {
      const config = parseProjectConfig(text);
      this.succeed(uri, 'config');
      this.log.info(`Using project config ${uri.toString(true)}.`);
      return { ok: true, value: { uri, dir: vscode.Uri.joinPath(uri, '..'), config } };
    } catch (e) {
      const problems = e instanceof ConfigError ? e.problems : [String((e as Error)?.message ?? e)];
      return this.fail(uri, 'config', text, problems, CONFIG_PROBLEM);
    }
  }

  private sheet(uri: vscode.Uri): Promise<Result<LoadedFacts>> {
    const key = uri.toString();
    let p = this.sheets.get(key);
    if (!p) {
      p = this.loadSheet(uri);
      this.sheets.set(key, p);
      this.watch(uri);
    }
    return p;
  }

  private async loadSheet(uri: vscode.Uri, report = true): Promise<Result<LoadedFacts>> {
    let text = '';
    let sheet: FactSheet;
    try {
      text = await this.read(uri);
      sheet = loadFactSheet(text);
    } catch (e) {
      const problems = e instanceof FactSheetError ? e.problems : [isNotFound(e) ? 'not found' : `cannot read it: ${(e as Error).message}`];
      if (!report) return { ok: false, problems };
      // A missing sheet has no file to put a diagnostic on: the drafts' notices name it.
      if (isNotFound(e)) {
        this.fail(uri, 'fact sheet', text, problems, SHEET_PROBLEM, false);
        return { ok: false, problems, notFound: true };
      }
      return this.fail(uri, 'fact sheet', text, problems, SHEET_PROBLEM);
    }
    const articleUri = vscode.Uri.joinPath(uri, '..', toPosix(sheet.story.article));
    // As in the CLI: the article is in the sheet's folder or below, never any other file.
    if (!isInside(vscode.Uri.joinPath(uri, '..'), articleUri))
      return this.fail(uri, 'fact sheet', text, [`$.story.article: the article ${JSON.stringify(sheet.story.article)} is outside the folder of its fact sheet; put it in that folder or below`], SHEET_PROBLEM);
    this.watch(articleUri, uri);
    let articleText: string;
    try {
      articleText = await this.read(articleUri);
    } catch (e) {
      // As in the CLI: a sheet whose article cannot be read cannot have its citations verified.
      const why = (e as Error).message === 'is not valid UTF-8 text' ? 'is not valid UTF-8 text' : `cannot be read: ${isNotFound(e) ? 'no such file' : (e as Error).message}`;
      if (!report) return { ok: false, problems: [why] };
      return this.fail(uri, 'fact sheet', text, [`$.story.article: the article ${JSON.stringify(sheet.story.article)} ${why}`], SHEET_PROBLEM);
    }
    // The story's other documents (a transcript, a press release), confined and read as its article is.
    const documents: Record<string, string> = {};
    const documentFiles = new Map<string, { uri: vscode.Uri; text: string; lines: LineIndex }>();
    for (const [i, d] of (sheet.story.documents ?? []).entries()) {
      const at = `$.story.documents[${i}].path: the document "${d.id}" (${JSON.stringify(d.path)})`;
      const docUri = vscode.Uri.joinPath(uri, '..', toPosix(d.path));
      if (!isInside(vscode.Uri.joinPath(uri, '..'), docUri)) return this.fail(uri, 'fact sheet', text, [`${at} is outside the folder of its fact sheet; put it in that folder or below`], SHEET_PROBLEM);
      this.watch(docUri, uri);
      try {
        documents[d.id] = await this.read(docUri);
        documentFiles.set(d.id, { uri: docUri, text: documents[d.id], lines: new LineIndex(documents[d.id]) });
      } catch (e) {
        const why = (e as Error).message === 'is not valid UTF-8 text' ? 'is not valid UTF-8 text' : `cannot be read: ${isNotFound(e) ? 'no such file' : (e as Error).message}`;
        if (!report) return { ok: false, problems: [`${at} ${why}`] };
        return this.fail(uri, 'fact sheet', text, [`${at} ${why}`], SHEET_PROBLEM);
      }
    }
    const missing = checkCitations(sheet, articleText, documents);
    if (missing.length) return report ? this.fail(uri, 'fact sheet', text, missing, SHEET_PROBLEM) : { ok: false, problems: missing };
    this.succeed(uri, 'fact sheet');
    this.log.info(`Using fact sheet ${uri.toString(true)} (story "${sheet.story.id}").`);
    return { ok: true, value: { sheet, sheetUri: uri, articleUri, articleText, articleLines: new LineIndex(articleText), documents: documentFiles, sources: [articleText, ...Object.values(documents)] } };
  }

  private async read(uri: vscode.Uri): Promise<string> {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) throw new Error('is a directory');
    if (stat.size > MAX_SHEET_BYTES) throw new Error(`is too large (${(stat.size / 1048576).toFixed(1)} MB)`);
    const bytes = await vscode.workspace.fs.readFile(uri);
    try {
      return decoder.decode(bytes);
    } catch {
      throw new Error('is not valid UTF-8 text');
    }
  }

  /** Diagnostics on the broken file, one per problem at its JSON path, and the output channel. */
  private fail(uri: vscode.Uri, kind: 'fact sheet' | 'config', text: string, problems: string[], code: string, onFile = true): Result<never> {
    if (!onFile) {
      this.log.error(`Bad ${kind} ${uri.toString(true)}: ${problems.join('; ')}; the drafts that use it are not checked.`);
      return { ok: false, problems };
    }
    const lines = new LineIndex(text);
    const pos = (o: number) => {
      const p = lines.position(o);
      return new vscode.Position(p.line, p.character);
    };
    this.problems.set(
      uri,
      locateProblems(text, problems).map((p) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(pos(p.start), pos(p.end)),
          `Bad ${kind}: ${p.path ? `${p.path}: ` : ''}${p.message}. Drafts that use it are not checked.`,
          vscode.DiagnosticSeverity.Error,
        );
        d.source = DISPLAY_NAME;
        d.code = code;
        return d;
      }),
    );
    this.log.error(`Bad ${kind} ${uri.toString(true)}; the drafts that use it are not checked:`);
    for (const p of problems) this.log.error(`  ${p}`);
    // Shown once per session: a broken sheet must not steal focus on every keystroke.
    if (!this.errorShown) {
      this.errorShown = true;
      this.log.show(true);
    }
    return { ok: false, problems };
  }

  private succeed(uri: vscode.Uri, kind: string): void {
    if (this.problems.has(uri)) this.log.info(`The ${kind} ${uri.toString(true)} is fine again.`);
    this.problems.delete(uri);
  }

  /** Reads a file this extension just wrote (a project file) again, and checks the open drafts. */
  reload(uri: vscode.Uri): void {
    this.invalidate(uri, true);
  }

  /** Drops the cached copy of a changed sheet, article or config; re-checks if it was in use. */
  private invalidate(uri: vscode.Uri, fromSave = false): void {
    const key = uri.toString();
    let hit = false;
    if (this.configs.delete(key) || uri.path.endsWith(`/${CONFIG_FILE_NAME}`)) hit = true;
    if (this.sheets.delete(key)) hit = true;
    if (this.quiet.delete(key)) hit = true;
    // An article: drop the sheets that cite it.
    for (const [sheetKey, owner] of this.articles) {
      if (sheetKey === key) {
        this.sheets.delete(owner);
        this.quiet.delete(owner);
        hit = true;
      }
    }
    if (!hit) return;
    // A file with problems on show is read again now, so its diagnostics follow the edit even
    // when no open draft uses it.
    if (this.problems.has(uri)) {
      this.problems.delete(uri);
      void (uri.path.endsWith(`/${CONFIG_FILE_NAME}`) ? this.config(uri) : this.sheet(uri));
    }
    if (!fromSave) this.log.info(`${uri.toString(true)} changed; checking the open drafts again.`);
    this.changed.fire();
  }

  /** Article URI → the sheet URI that cites it. */
  private readonly articles = new Map<string, string>();

  /** Watches a sheet (or the article of `owner`) for changes on disk. */
  private watch(uri: vscode.Uri, owner?: vscode.Uri): void {
    const key = uri.toString();
    if (owner) this.articles.set(key, owner.toString());
    if (this.watchers.has(key)) return;
    const base = vscode.Uri.joinPath(uri, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, uri.path.slice(uri.path.lastIndexOf('/') + 1)));
    const on = () => this.invalidate(uri);
    watcher.onDidChange(on);
    watcher.onDidCreate(on);
    watcher.onDidDelete(on);
    this.watchers.set(key, watcher);
  }

  private resolveSetting(settingPath: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (isAbsolute(settingPath)) return !folder || folder.uri.scheme === 'file' ? vscode.Uri.file(settingPath) : folder.uri.with({ path: toPosix(settingPath) });
    if (!folder) return vscode.Uri.file(settingPath);
    return vscode.Uri.joinPath(folder.uri, toPosix(settingPath));
  }
}

const sameUris = (a: readonly vscode.Uri[] | undefined, b: readonly vscode.Uri[]) => !!a && a.length === b.length && a.every((u, i) => u.toString() === b[i].toString());
const isAbsolute = (p: string) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p);

/** Whether `uri` is the directory `dir` or below it (same scheme and authority; paths normalised). */
function isInside(dir: vscode.Uri, uri: vscode.Uri): boolean {
  if (dir.scheme !== uri.scheme || dir.authority !== uri.authority) return false;
  const a = vscode.Uri.joinPath(dir, '.').path.replace(/\/+$/, '');
  const b = vscode.Uri.joinPath(uri, '.').path;
  return b === a || b.startsWith(a + '/');
}
const toPosix = (p: string) => p.replace(/\\/g, '/');

function isNotFound(e: unknown): boolean {
  return e instanceof vscode.FileSystemError ? e.code === 'FileNotFound' || e.code === 'EntryNotFound' : (e as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** A URI's path relative to a directory URI, with forward slashes. */
export function relativePath(dir: vscode.Uri, file: vscode.Uri): string {
  const base = dir.path.endsWith('/') ? dir.path : `${dir.path}/`;
  return file.path.startsWith(base) ? file.path.slice(base.length) : file.path;
}
