import { applyEdits, modify, parse, type FormattingOptions } from 'jsonc-parser';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ignoreEntryFor, sameIgnore, withoutIgnored, type Finding, type IgnoreEntry, type RuleId } from '../core';
import { relativePath, type DraftFacts, type FactsLoader } from './factsLoader';
import { PREFIX } from './names';

/**
 * One ignored divergence of a draft outside any workspace folder (an untitled draft), kept in
 * `workspaceState`. Keyed by what was flagged rather than where, like the project file's entries.
 */
export interface IgnoredItem {
  uri: string;
  ruleId: RuleId;
  /** The flagged text, as it stood when ignored. */
  text: string;
  factId: string;
}

/** An ignore as the "List Ignored Divergences" command shows it. */
export interface ListedIgnore {
  /** The project file that holds it; undefined for a draft outside any workspace folder. */
  file?: vscode.Uri;
  entry?: IgnoreEntry;
  item?: IgnoredItem;
}

const same = (a: IgnoredItem, b: IgnoredItem) => a.uri === b.uri && a.ruleId === b.ruleId && a.text === b.text && a.factId === b.factId;
const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Ignored divergences. A draft in a workspace folder keeps them in the project file
 * (`.factcheck.json`, its `ignore` list, the nearest one at or above the draft, else a new one at
 * the folder's root), so the desk and the CLI share them and nothing is written into the draft.
 * Only a draft with no folder (untitled) keeps them in `workspaceState`.
 */
export class IgnoreStore implements vscode.Disposable {
  static readonly key = `${PREFIX}.ignored`;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires whenever an untitled draft's item is added or removed (project files have their watcher). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly facts: FactsLoader,
  ) {}

  /** The findings of a draft less those ignored, by its project file or (untitled) the workspace state. */
  filter(document: vscode.TextDocument, draft: DraftFacts, text: string, findings: Finding[]): Finding[] {
    const config = draft.config;
    const kept = config ? withoutIgnored(config.config, relativePath(config.dir, document.uri), text, findings) : findings;
    const own = this.memento.get<unknown>(IgnoreStore.key);
    if (!Array.isArray(own) || !own.length) return kept;
    const uri = document.uri.toString();
    return kept.filter((f) => !(own as IgnoredItem[]).some((i) => same(i, { uri, ruleId: f.ruleId, text: text.slice(f.start, f.end), factId: f.factId })));
  }

  /** Ignores a finding of a draft: written to the project file, or kept in the workspace state. */
  async add(document: vscode.TextDocument, draft: DraftFacts, finding: Finding): Promise<void> {
    const text = document.getText();
    const folder = document.uri.scheme === 'untitled' ? undefined : vscode.workspace.getWorkspaceFolder(document.uri);
    const file = draft.config?.uri ?? (folder && vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME));
    if (!file) {
      const item: IgnoredItem = { uri: document.uri.toString(), ruleId: finding.ruleId, text: text.slice(finding.start, finding.end), factId: finding.factId };
      const all = this.untitled();
      if (!all.some((i) => same(i, item))) await this.save([...all, item]);
      return;
    }
    const entry = ignoreEntryFor(relativePath(vscode.Uri.joinPath(file, '..'), document.uri), text, finding);
    await this.edit(file, (json) => {
      const current = ignoresIn(json);
      if (current.some((e) => sameIgnore(e, entry))) return json;
      return applyEdits(json, modify(json, ['ignore', -1], entry, { formattingOptions: FORMAT, isArrayInsertion: true }));
    });
  }

  /** Every ignore: those of the workspace's project files, then those of untitled drafts. */
  async list(): Promise<ListedIgnore[]> {
    const out: ListedIgnore[] = [];
    const files = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**', 200);
    for (const file of files.sort((a, b) => a.toString().localeCompare(b.toString()))) {
      let json: string;
      try {
        json = decoder.decode(await vscode.workspace.fs.readFile(file));
      } catch {
        continue;
      }
      for (const entry of ignoresIn(json)) out.push({ file, entry });
    }
    for (const item of this.untitled()) out.push({ item });
    return out;
  }

  /** Removes ignores (they are checked again). */
  async remove(items: readonly ListedIgnore[]): Promise<void> {
    const byFile = new Map<string, { file: vscode.Uri; entries: IgnoreEntry[] }>();
    for (const i of items)
      if (i.file && i.entry) {
        const k = i.file.toString();
        if (!byFile.has(k)) byFile.set(k, { file: i.file, entries: [] });
        byFile.get(k)!.entries.push(i.entry);
      }
    for (const { file, entries } of byFile.values())
      await this.edit(file, (json) => {
        const list = ignoresIn(json);
        let out = json;
        for (let i = list.length - 1; i >= 0; i--) if (entries.some((e) => sameIgnore(e, list[i]))) out = applyEdits(out, modify(out, ['ignore', i], undefined, { formattingOptions: FORMAT }));
        return out;
      });
    const own = items.filter((i) => i.item).map((i) => i.item!);
    if (own.length) await this.save(this.untitled().filter((i) => !own.some((r) => same(i, r))));
  }

  /** Forgets every ignore; returns how many there were. */
  async clear(): Promise<number> {
    const all = await this.list();
    await this.remove(all);
    return all.length;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private untitled(): IgnoredItem[] {
    const stored = this.memento.get<unknown>(IgnoreStore.key);
    return Array.isArray(stored) ? (stored as IgnoredItem[]) : [];
  }

  private async save(items: IgnoredItem[]): Promise<void> {
    await this.memento.update(IgnoreStore.key, items.length ? items : undefined);
    this.changed.fire();
  }

  /** Rewrites a project file (creating it if needed); an array-form file becomes `{"sheets": [...]}` first. */
  private async edit(file: vscode.Uri, change: (json: string) => string): Promise<void> {
    let json = '';
    try {
      json = decoder.decode(await vscode.workspace.fs.readFile(file));
    } catch {
      json = '';
    }
    if (!json.trim()) json = '{}\n';
    const body = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
    // The short form (a list of mappings) has nowhere for an `ignore` list: keep its mappings as `sheets`.
    if (Array.isArray(parse(body))) json = `{\n  "sheets": ${body.trim().replace(/\n/g, '\n  ')}\n}\n`;
    const next = change(json);
    if (next === json && json === body) return;
    await vscode.workspace.fs.writeFile(file, encoder.encode(next.endsWith('\n') ? next : `${next}\n`));
    // The watcher may lag; the loader reads the file again now.
    this.facts.reload(file);
  }
}

/** The well-formed entries of a project file's `ignore` list (its text may be in either form). */
function ignoresIn(json: string): IgnoreEntry[] {
  const data: unknown = parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  const list = data && typeof data === 'object' && !Array.isArray(data) ? (data as { ignore?: unknown }).ignore : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is IgnoreEntry => !!e && typeof e === 'object' && ['draft', 'rule', 'fact', 'text'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string'),
  );
}
