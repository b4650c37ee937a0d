import * as vscode from 'vscode';
import { preferredEdits, type Edit, type RuleId } from '../core';
import type { CacheEntry, FactCheckController } from './factCheckController';
import type { IgnoreStore } from './ignoreStore';
import { Commands, DISPLAY_NAME, FIX_ALL_KIND_SUFFIX } from './names';

/** Names a finding of one document version: what a code action's command carries. */
export interface FindingRef {
  uri: string;
  version: number;
  ruleId: RuleId;
  start: number;
  end: number;
}

/** `source.fixAll.factCheck`, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append(FIX_ALL_KIND_SUFFIX);

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

/**
 * Quick fixes for fact divergences. The finding behind a diagnostic is looked up in the
 * controller's cache by rule id and range, and nothing is offered while the cache is behind
 * the document. Fixes run as commands that carry the document version and re-check it, so a
 * stale fix is never applied.
 */
export class FactCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly controller: FactCheckController,
    private readonly ignores: IgnoreStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const only = context.only;
    if (only && only.contains(FIX_ALL_KIND)) return this.sourceFixAll(document);
    if (only && !only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const entry = this.controller.currentEntry(document);
    if (!entry) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DISPLAY_NAME) continue;
      const finding = entry.findings.find(
        (f) => f.ruleId === codeOf(diagnostic) && this.controller.rangeOf(document, f).isEqual(diagnostic.range),
      );
      if (!finding) continue;
      const ref: FindingRef = { uri: document.uri.toString(), version: entry.version, ruleId: finding.ruleId, start: finding.start, end: finding.end };
      const fix = finding.fixes[0];
      if (fix) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        action.command = { title: fix.title, command: Commands.applyFix, arguments: [ref] };
        actions.push(action);
      }
      const ignore = new vscode.CodeAction('Ignore this divergence', vscode.CodeActionKind.QuickFix);
      ignore.diagnostics = [diagnostic];
      ignore.command = { title: ignore.title, command: Commands.ignore, arguments: [ref] };
      actions.push(ignore);
    }
    if (actions.length && preferredEdits(entry.findings).edits.length) {
      const all = new vscode.CodeAction('Fix all fact divergences in this draft', vscode.CodeActionKind.QuickFix);
      all.command = { title: all.title, command: Commands.fixAll, arguments: [document.uri.toString(), entry.version] };
      actions.push(all);
    }
    return actions;
  }

  /** Applies the preferred fix of one finding, if the document has not changed since. */
  async applyFix(ref: FindingRef): Promise<boolean> {
    const found = this.lookUp(ref.uri, ref.version);
    const finding = found?.entry.findings.find((f) => f.ruleId === ref.ruleId && f.start === ref.start && f.end === ref.end);
    if (!found || !finding?.fixes[0]) return false;
    return this.apply(found.document, finding.fixes[0].edits);
  }

  /**
   * Applies every preferred fix of a draft. With a version (from a code action) the draft must
   * still be at it; without one (the command palette) the current version is checked first.
   */
  async fixAll(uri?: string, version?: number): Promise<boolean> {
    const document = uri ? this.documentFor(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return false;
    const entry = version === undefined ? this.controller.ensureCurrent(document) : this.lookUp(document.uri.toString(), version)?.entry;
    if (!entry) return false;
    const edits = preferredEdits(entry.findings).edits;
    return edits.length > 0 && this.apply(document, edits);
  }

  /** Stores the finding as ignored (its diagnostic disappears on the re-check that follows). */
  async ignore(ref: FindingRef): Promise<boolean> {
    const found = this.lookUp(ref.uri, ref.version);
    const finding = found?.entry.findings.find((f) => f.ruleId === ref.ruleId && f.start === ref.start && f.end === ref.end);
    if (!found || !finding) return false;
    await this.ignores.add(found.document, found.entry.draft, finding);
    return true;
  }

  private sourceFixAll(document: vscode.TextDocument): vscode.CodeAction[] {
    // On save the debounce timer may not have fired yet: check now rather than skip the fix.
    const entry = this.controller.ensureCurrent(document);
    const edits = entry ? preferredEdits(entry.findings).edits : [];
    if (!edits.length) return [];
    const action = new vscode.CodeAction('Fix all fact divergences in this draft', FIX_ALL_KIND);
    action.edit = this.workspaceEdit(document, edits);
    return [action];
  }

  private lookUp(uri: string, version: number): { document: vscode.TextDocument; entry: CacheEntry } | undefined {
    const document = this.documentFor(uri);
    const entry = document && document.version === version ? this.controller.currentEntry(document) : undefined;
    if (!document || !entry) {
      this.log.info(`Fix not applied: ${uri} changed since the fix was offered.`);
      return undefined;
    }
    return { document, entry };
  }

  private documentFor(uri: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }

  private workspaceEdit(document: vscode.TextDocument, edits: readonly Edit[]): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(document.uri, this.controller.rangeOf(document, e), e.text);
    return edit;
  }

  private apply(document: vscode.TextDocument, edits: readonly Edit[]): Thenable<boolean> {
    return vscode.workspace.applyEdit(this.workspaceEdit(document, edits));
  }
}
