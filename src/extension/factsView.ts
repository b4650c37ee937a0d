import * as vscode from 'vscode';
import { coverage, type CoverageReport, type Span } from '../core';
import type { CacheEntry, FactCheckController } from './factCheckController';
import type { FactsLoader, LoadedFacts } from './factsLoader';
import { Commands, PREFIX } from './names';

export const FACTS_VIEW_ID = `${PREFIX}.factsView`;

type Group = 'contradicted' | 'used' | 'unused' | 'unknown';
const GROUPS: { id: Group; label: string; icon: string }[] = [
  { id: 'contradicted', label: 'Contradicted', icon: 'error' },
  { id: 'used', label: 'Used', icon: 'pass' },
  { id: 'unused', label: 'Not used', icon: 'circle-large-outline' },
  { id: 'unknown', label: 'Not in the sheet', icon: 'question' },
];

/** One row of the view; plain data, so tests read the same tree the user sees. */
export interface FactsNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  /** Where a click goes: a span of the draft, or a fact's sentence in the article. */
  reveal?: Span;
  factId?: string;
  children?: FactsNode[];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The "Facts" tree in the explorer: for the active draft, which verified facts it uses and
 * where, which it contradicts, which it leaves out, and which of its figures, names and quotes
 * are not in the sheet. A view, never diagnostics. Refreshes whenever the draft is checked.
 */
export class FactsView implements vscode.TreeDataProvider<FactsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private roots: FactsNode[] = [];
  private document: vscode.TextDocument | undefined;
  private view: vscode.TreeView<FactsNode> | undefined;
  /** Why the view is empty for the active draft (a broken sheet, no story matched); undefined otherwise. */
  message: string | undefined;

  constructor(
    private readonly controller: FactCheckController,
    private readonly facts: FactsLoader,
  ) {
    this.disposables.push(
      this.changed,
      controller.onDidCheck((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
    );
    this.refresh();
  }

  /** Shows {@link message} in the view (the welcome text is for when no draft is open). */
  attach(view: vscode.TreeView<FactsNode>): void {
    this.view = view;
    view.message = this.message;
  }

  /** The current tree (for tests and the status of the view). */
  snapshot(): FactsNode[] {
    return this.roots;
  }

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const entry = document && this.controller.currentEntry(document);
    this.document = document;
    this.roots = document && entry?.facts ? this.build(document, entry, entry.facts, coverage(document.getText(), entry.facts.sheet, this.controller.checkOptionsFor(document, entry))) : [];
    this.message = entry ? emptyReason(entry) : undefined;
    if (this.view) this.view.message = this.message;
    this.changed.fire();
  }

  getChildren(node?: FactsNode): FactsNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getTreeItem(node: FactsNode): vscode.TreeItem {
    const state = node.children?.length ? (node.reveal || node.factId ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded) : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    const document = this.document;
    if (node.reveal && document) {
      const range = new vscode.Range(document.positionAt(node.reveal.start), document.positionAt(node.reveal.end));
      item.command = { title: 'Show in the draft', command: 'vscode.open', arguments: [document.uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
    } else if (node.factId && document) {
      item.command = { title: 'Show the source sentence', command: Commands.openReference, arguments: [node.factId, document.uri.toString()] };
    }
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private build(document: vscode.TextDocument, entry: CacheEntry, facts: LoadedFacts, report: CoverageReport): FactsNode[] {
    // Only what the draft shows as a divergence counts as contradicted: ignored ones and rules set to off do not.
    const published = new Set(entry.findings.map((f) => `${f.ruleId} ${f.start} ${f.end}`));
    const contradicted = report.contradicted
      .map((c) => ({ ...c, ranges: c.ranges.filter((r) => published.has(`${c.ruleId} ${r.start} ${r.end}`)) }))
      .filter((c) => c.ranges.length);
    const line = (s: Span) => {
      const p = document.positionAt(s.start);
      return `line ${p.line + 1}, column ${p.character + 1}`;
    };
    const fact = (factId: string, ranges: Span[], extra?: string): FactsNode => {
      const d = this.facts.describe(factId, facts);
      const label = d ? oneLine(d.verified) : factId;
      const about = d && d.label !== d.verified ? oneLine(d.label) : d?.category;
      return {
        label,
        description: [extra, about].filter(Boolean).join(' · '),
        tooltip: d?.source,
        factId,
        reveal: ranges[0],
        children: ranges.length > 1 ? ranges.map((r) => ({ label: line(r), description: oneLine(document.getText().slice(r.start, r.end)), reveal: r })) : undefined,
      };
    };
    const children: Record<Group, FactsNode[]> = {
      contradicted: contradicted.map((c) => fact(c.factId, c.ranges, c.ruleId)),
      used: report.used.map((u) => fact(u.factId, u.ranges)),
      unused: report.unused.map((id) => fact(id, [])),
      unknown: report.unknown.map((u) => ({ label: oneLine(u.text), description: `${u.kind} · ${line(u)}`, reveal: u })),
    };
    return GROUPS.map((g) => ({ label: g.label, description: String(children[g.id].length), icon: g.icon, children: children[g.id] }));
  }
}

/** Why a checked draft has no facts to show, in one sentence. */
function emptyReason(entry: CacheEntry): string | undefined {
  const { draft } = entry;
  if (draft.broken) {
    const where = vscode.workspace.asRelativePath(draft.broken.uri, false);
    return draft.broken.notFound
      ? `This draft is not checked: its fact sheet ${where} was not found.`
      : `This draft is not checked: its ${draft.broken.kind} ${where} is broken (see the Problems view).`;
  }
  if (draft.origin === 'unmatched') return 'This draft names or cites none of the stories, so it is not checked. Click "No story matched" in the status bar to pick its story.';
  return undefined;
}
