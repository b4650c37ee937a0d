import * as vscode from 'vscode';
import { analyze, FRONT_MATTER, isDraftIncluded, type Confirmation, type Finding } from '../core';
import type { DraftFacts, FactsLoader, LoadedFacts } from './factsLoader';
import type { IgnoreStore } from './ignoreStore';
import { Commands, DISPLAY_NAME, PREFIX, RULE_DOCS_BASE } from './names';
import { checkOptions, isPathIncluded, readSettings, toDiagnosticSeverity, withProjectConfig, type Level, type Settings } from './settings';

/** The last check of one document. */
export interface CacheEntry {
  /** `document.version` the findings belong to; offsets are only valid for it. */
  version: number;
  /** Findings as published: rules set to `off` and ignored divergences are left out. */
  findings: Finding[];
  /** Spans that agree with a verified fact. */
  confirmations: Confirmation[];
  /** The sheet the document was checked against; undefined when it (or its config) is broken. */
  facts?: LoadedFacts;
  /** Which sheet and config apply to the document, or which broken file stops it. */
  draft: DraftFacts;
}

/** Code of the notice on a draft whose sheet or config is broken. */
export const NOT_CHECKED = 'not-checked';

/** Bigger drafts are skipped: checking them on every keystroke would stall the host. */
export const MAX_CHARS = 2 * 1024 * 1024;
const UNTITLED_LANGUAGES = ['markdown', 'plaintext'];
/** Schemes of real drafts; other documents (git, output, settings…) count only inside a workspace folder. */
const DRAFT_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

/** Whether `factCheck.enable` (resource scope) is on for a document. */
export function isEnabledFor(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(PREFIX, uri).get<unknown>('enable') !== false;
}

/** The URI of the README section documenting a rule; `diagnostic.code.target`. */
export const ruleDocsUri = (ruleId: string) => vscode.Uri.parse(`${RULE_DOCS_BASE}#rule-${ruleId}`);

/**
 * Owns the editor state of the extension: settings, one debounce timer and one cached
 * result per document, the diagnostic collection and the status bar item. Checks a draft
 * when it opens, as it is typed, on save and when settings or the fact sheet change, and
 * forgets it when it closes. Only results for the document's current version are published.
 */
export class FactCheckController implements vscode.Disposable {
  private settings: Settings;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(PREFIX);
  private readonly statusBar = vscode.window.createStatusBarItem(`${PREFIX}.status`, vscode.StatusBarAlignment.Left, 100);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly cache = new Map<string, CacheEntry>();
  /** Documents already logged as skipped, so the log gets one line each, not one per keystroke. */
  private readonly skipped = new Set<string>();
  /** Documents checked on request ("Check Current Draft") although `include` does not match them. */
  private readonly forced = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  private lastError = '';
  private statusVisible = false;
  /** Fires after a document's diagnostics were published or dropped. */
  readonly onDidCheck = this.checked.event;

  constructor(
    private readonly facts: FactsLoader,
    private readonly ignores: IgnoreStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.settings = readSettings();
    this.statusBar.name = DISPLAY_NAME;
    this.statusBar.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.checked,
      this.diagnostics,
      this.statusBar,
      vscode.workspace.onDidOpenTextDocument((d) => void this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // An empty change list is a dirty-flag flip, not an edit.
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => void this.check(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(PREFIX)) this.onSettingsChanged();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      facts.onDidChange(() => this.checkAll()),
      ignores.onDidChange(() => this.checkAll()),
    );
  }

  /** Applies the sheet setting and checks every open draft. */
  async start(): Promise<void> {
    this.facts.setOverride(this.settings.factSheet);
    this.checkAll();
  }

  /** The cached result, only if it belongs to the document's current version. */
  currentEntry(document: vscode.TextDocument): CacheEntry | undefined {
    const entry = this.cache.get(document.uri.toString());
    return entry && entry.version === document.version ? entry : undefined;
  }

  /**
   * The result for the current version, checking synchronously if the cache is behind
   * (on-save fixes run before the debounce timer fires). Undefined if the document is not
   * checked or the fact sheet is not loaded yet.
   */
  ensureCurrent(document: vscode.TextDocument): CacheEntry | undefined {
    const current = this.currentEntry(document);
    if (current) return current;
    const draft = this.facts.lastFor(document.uri);
    return draft && this.isChecked(document) ? this.checkNow(document, draft) : undefined;
  }

  /** Checks a document now, even if `include` does not match it, until it is closed. */
  async checkDraft(document: vscode.TextDocument): Promise<CacheEntry | undefined> {
    this.forced.add(document.uri.toString());
    return this.check(document);
  }

  /** The core options a document is checked with (settings and its project file). */
  checkOptionsFor(document: vscode.TextDocument, entry: CacheEntry) {
    const markdown = document.languageId === 'markdown' || /\.(md|markdown)$/i.test(document.uri.path);
    return { ...checkOptions(withProjectConfig(this.settings, entry.draft.config?.config), markdown), sources: entry.facts?.sources };
  }

  /** The diagnostic range of a finding. */
  rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
    return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  }

  /** Whether a document is a draft this extension checks under the current settings. */
  isChecked(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    // `factCheck.enable: false` turns the extension off for a folder, even for "Check Current Draft".
    if (!isEnabledFor(document.uri)) return false;
    if (this.forced.has(key)) return true;
    // The reference article is the source of truth, not a draft.
    const { uri } = document;
    if (this.facts.isArticle(uri)) return false;
    if (uri.scheme === 'untitled') return UNTITLED_LANGUAGES.includes(document.languageId);
    if (!DRAFT_SCHEMES.includes(uri.scheme) && !vscode.workspace.getWorkspaceFolder(uri)) return false;
    return isPathIncluded(this.settings, vscode.workspace.asRelativePath(uri, false));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.cache.clear();
    for (const d of this.disposables) d.dispose();
  }

  private onSettingsChanged(): void {
    const previous = this.settings;
    this.settings = readSettings();
    // A new override fires the loader's change event, which checks everything again.
    if (previous.factSheet !== this.settings.factSheet) this.facts.setOverride(this.settings.factSheet);
    else this.checkAll();
  }

  private checkAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.check(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!this.isChecked(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, this.settings.debounceMs),
    );
  }

  private async check(document: vscode.TextDocument): Promise<CacheEntry | undefined> {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (document.isClosed) return undefined;
    if (!this.isChecked(document)) {
      this.drop(key, document.uri);
      return undefined;
    }
    const version = document.version;
    const draft = await this.facts.forDocument(document);
    if (document.isClosed) return undefined;
    // Edited while its sheet loaded: the sheet was chosen for older text (its front matter may have
    // changed), and the edit has scheduled a check of its own. Publishing this one could undo it.
    if (document.version !== version) return this.cache.get(key);
    // Loading the sheet may have just revealed this document as its article.
    if (this.facts.isArticle(document.uri) && !this.forced.has(key)) {
      this.drop(key, document.uri);
      return undefined;
    }
    // The project file's include/exclude, relative to it, narrow the drafts further.
    const config = draft.config;
    if (config && !this.forced.has(key) && (config.config.include || config.config.exclude)) {
      const rel = document.uri.path.slice(config.dir.path.replace(/\/?$/, '/').length);
      if (!isDraftIncluded(config.config, rel)) {
        this.drop(key, document.uri);
        return undefined;
      }
    }
    return this.checkNow(document, draft);
  }

  private checkNow(document: vscode.TextDocument, draft: DraftFacts): CacheEntry | undefined {
    const key = document.uri.toString();
    const version = document.version;
    const text = document.getText();
    const skip = text.length > MAX_CHARS ? `larger than ${MAX_CHARS / 1024 / 1024} MB` : text.includes('\0') ? 'binary (contains NUL characters)' : '';
    if (skip) {
      if (!this.skipped.has(key)) this.log.info(`Skipped ${document.uri.toString(true)}: ${skip}.`);
      this.skipped.add(key);
      this.drop(key, document.uri);
      return undefined;
    }
    this.skipped.delete(key);
    if (draft.origin === 'unmatched') return this.unmatched(document, draft);
    if (!draft.facts) return this.notChecked(document, draft);
    const facts = draft.facts;
    const settings = withProjectConfig(this.settings, draft.config?.config);
    try {
      const markdown = document.languageId === 'markdown' || /\.(md|markdown)$/i.test(document.uri.path);
      const analysis = analyze(text, facts.sheet, { ...checkOptions(settings, markdown), sources: facts.sources });
      const findings = this.ignores.filter(
        document,
        draft,
        text,
        analysis.findings.filter((f) => settings.levels[f.ruleId] !== 'off'),
      );
      // Checking is synchronous, so this holds; kept as the rule the cache relies on.
      if (document.version !== version) return undefined;
      const entry: CacheEntry = { version, findings, confirmations: analysis.confirmations, facts, draft };
      this.cache.set(key, entry);
      this.diagnostics.set(document.uri, findings.map((f) => this.toDiagnostic(document, f, settings, facts)));
      this.updateStatus();
      this.checked.fire(document.uri);
      return entry;
    } catch (e) {
      const message = `Checking ${document.uri.toString(true)} failed: ${(e as Error)?.stack ?? e}`;
      // Typing repeats the same failure on every keystroke; log it once.
      if (message !== this.lastError) this.log.error(message);
      this.lastError = message;
      return undefined;
    }
  }

  /** A draft about none of the candidate stories: no findings; the status bar offers to pick one. */
  private unmatched(document: vscode.TextDocument, draft: DraftFacts): CacheEntry {
    const key = document.uri.toString();
    if (this.cache.get(key)?.draft.origin !== 'unmatched') this.log.info(`${document.uri.toString(true)} names or cites none of ${draft.candidates?.length ?? 0} stories; not checked.`);
    const entry: CacheEntry = { version: document.version, findings: [], confirmations: [], draft };
    this.cache.set(key, entry);
    this.diagnostics.delete(document.uri);
    this.updateStatus();
    this.checked.fire(document.uri);
    return entry;
  }

  /** A draft whose sheet or config is broken: no findings, one notice at its top naming the file. */
  private notChecked(document: vscode.TextDocument, draft: DraftFacts): CacheEntry {
    const broken = draft.broken!;
    const where = vscode.workspace.asRelativePath(broken.uri, false);
    const named = draft.origin === 'front matter' ? frontMatterFactsLine(document) : undefined;
    const diagnostic = broken.notFound
      ? new vscode.Diagnostic(
          named ?? document.lineAt(0).range,
          `Not checked: its fact sheet ${where} was not found${draft.origin === 'setting' ? ' (setting factCheck.factSheet)' : draft.origin === 'config' ? ` (named in ${vscode.workspace.asRelativePath(draft.config?.uri ?? broken.uri, false)})` : ''}.`,
          vscode.DiagnosticSeverity.Warning,
        )
      : new vscode.Diagnostic(
          named ?? document.lineAt(0).range,
          `Not checked: its ${broken.kind} ${where} is broken (${broken.problems[0]}${broken.problems.length > 1 ? `, and ${broken.problems.length - 1} more` : ''}); see the problems on that file.`,
          vscode.DiagnosticSeverity.Information,
        );
    diagnostic.source = DISPLAY_NAME;
    diagnostic.code = NOT_CHECKED;
    // A file that does not exist cannot be linked.
    if (!broken.notFound) diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(broken.uri, new vscode.Position(0, 0)), `The broken ${broken.kind}`)];
    const entry: CacheEntry = { version: document.version, findings: [], confirmations: [], draft };
    this.cache.set(document.uri.toString(), entry);
    this.diagnostics.set(document.uri, [diagnostic]);
    this.updateStatus();
    this.checked.fire(document.uri);
    return entry;
  }

  private toDiagnostic(document: vscode.TextDocument, finding: Finding, settings: Settings, facts: LoadedFacts): vscode.Diagnostic {
    const level = settings.levels[finding.ruleId];
    const diagnostic = new vscode.Diagnostic(
      this.rangeOf(document, finding),
      finding.message,
      toDiagnosticSeverity(level === 'off' ? 'hint' : level),
    );
    diagnostic.source = DISPLAY_NAME;
    diagnostic.code = { value: finding.ruleId, target: ruleDocsUri(finding.ruleId) };
    const location = this.facts.sourceLocation(finding.factId, facts);
    if (location) {
      const d = this.facts.describe(finding.factId, facts);
      const attribution = d?.attribution;
      diagnostic.relatedInformation = [
        new vscode.DiagnosticRelatedInformation(
          location,
          // The message already gives the verified wording: this line only names the place.
          `The cited sentence of ${d?.document ? JSON.stringify(d.document.title) : 'the reference article'}${attribution ? ` (${attribution})` : ''}`,
        ),
      ];
    }
    return diagnostic;
  }

  /** Forgets everything about a closed document. */
  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.drop(key, document.uri);
    this.skipped.delete(key);
    this.forced.delete(key);
    this.facts.forget(document.uri);
  }

  private drop(key: string, uri: vscode.Uri): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    // Unchecked documents (output, git…) pass through here on every check-all: stay quiet for them.
    if (!this.cache.has(key) && !this.diagnostics.has(uri)) return;
    this.cache.delete(key);
    this.diagnostics.delete(uri);
    this.updateStatus();
    this.checked.fire(uri);
  }

  /** What the status bar item shows (for tests). */
  status(): { text: string; tooltip?: string; command?: string; visible: boolean } {
    const c = this.statusBar.command;
    return { text: this.statusBar.text, tooltip: typeof this.statusBar.tooltip === 'string' ? this.statusBar.tooltip : undefined, command: typeof c === 'string' ? c : c?.command, visible: this.statusVisible };
  }

  /** The level a finding is published at (settings and the draft's project file). */
  private levelOf(entry: CacheEntry, finding: Finding): Exclude<Level, 'off'> {
    const level = withProjectConfig(this.settings, entry.draft.config?.config).levels[finding.ruleId];
    return level === 'off' ? 'hint' : level;
  }

  private updateStatus(): void {
    const document = vscode.window.activeTextEditor?.document;
    const entry = document && this.cache.get(document.uri.toString());
    if (!entry) {
      this.statusBar.hide();
      this.statusVisible = false;
      return;
    }
    if (entry.draft.broken) {
      this.statusBar.command = 'workbench.actions.view.problems';
      this.statusBar.text = entry.draft.broken.notFound ? '$(error) Fact sheet not found' : `$(error) Fact ${entry.draft.broken.kind === 'config' ? 'config' : 'sheet'} broken`;
      this.statusBar.tooltip = `${DISPLAY_NAME}: this draft is not checked because ${vscode.workspace.asRelativePath(entry.draft.broken.uri, false)} is broken. Click to open the Problems view.`;
      this.statusBar.show();
      this.statusVisible = true;
      return;
    }
    if (entry.draft.origin === 'unmatched') {
      this.statusBar.text = '$(circle-slash) No story matched';
      this.statusBar.tooltip = `${DISPLAY_NAME}: this draft names or cites none of the ${entry.draft.candidates?.length ?? 0} stories' people, figures and quotes, so it is not checked. Click to pick the story it is about.`;
      // (Assigned only when it changes: each new command object with arguments replaces VS Code's
      // handle for the old one, and a click that lands during a refresh would find no command.)
      const c = this.statusBar.command;
      const uri = document.uri.toString();
      if (typeof c !== 'object' || c.command !== Commands.pickStory || c.arguments?.[0] !== uri) this.statusBar.command = { title: 'Pick the story', command: Commands.pickStory, arguments: [uri] };
      this.statusBar.show();
      this.statusVisible = true;
      return;
    }
    this.statusBar.command = 'workbench.actions.view.problems';
    const count = entry.findings.length;
    const worst = Math.min(...entry.findings.map((f) => toDiagnosticSeverity(this.levelOf(entry, f))));
    const icon = !count ? 'check' : worst === vscode.DiagnosticSeverity.Error ? 'error' : worst === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
    this.statusBar.text = count ? `$(${icon}) ${count} fact ${count === 1 ? 'divergence' : 'divergences'}` : '$(check) Facts OK';
    this.statusBar.tooltip = `${DISPLAY_NAME}: ${count || 'no'} ${count === 1 ? 'divergence' : 'divergences'} from the verified facts in this draft. Click to open the Problems view.`;
    this.statusBar.show();
    this.statusVisible = true;
  }
}

/** The range of the `facts:` line of a draft's front matter, if it has one. */
function frontMatterFactsLine(document: vscode.TextDocument): vscode.Range | undefined {
  const text = document.getText();
  const fm = FRONT_MATTER.exec(text);
  if (!fm) return undefined;
  const m = /^(?:facts|fact-?sheet|factcheck-facts)[ \t]*:.*$/im.exec(fm[1]);
  if (!m) return undefined;
  const start = fm.index + fm[0].indexOf(fm[1]) + m.index;
  return new vscode.Range(document.positionAt(start), document.positionAt(start + m[0].replace(/\r$/, '').length));
}
