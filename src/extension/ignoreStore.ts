import * as vscode from 'vscode';
import type { RuleId } from '../core';
import { PREFIX } from './names';

/**
 * One divergence the user chose to ignore. Keyed by what was flagged rather than where, so
 * the entry survives edits elsewhere in the draft and never has to be written into the text.
 */
export interface IgnoredItem {
  uri: string;
  ruleId: RuleId;
  /** The flagged text, as it stood when ignored. */
  text: string;
  factId: string;
}

const same = (a: IgnoredItem, b: IgnoredItem) =>
  a.uri === b.uri && a.ruleId === b.ruleId && a.text === b.text && a.factId === b.factId;

/** Ignored divergences, kept in `workspaceState` so they survive reloads. */
export class IgnoreStore implements vscode.Disposable {
  static readonly key = `${PREFIX}.ignored`;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires whenever an item is added or removed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  all(): IgnoredItem[] {
    const stored = this.memento.get<unknown>(IgnoreStore.key);
    return Array.isArray(stored) ? (stored as IgnoredItem[]) : [];
  }

  has(item: IgnoredItem): boolean {
    return this.all().some((i) => same(i, item));
  }

  async add(item: IgnoredItem): Promise<void> {
    if (this.has(item)) return;
    await this.save([...this.all(), item]);
  }

  async remove(items: readonly IgnoredItem[]): Promise<void> {
    await this.save(this.all().filter((i) => !items.some((r) => same(i, r))));
  }

  /** Forgets every ignored item; returns how many there were. */
  async clear(): Promise<number> {
    const count = this.all().length;
    await this.save([]);
    return count;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async save(items: IgnoredItem[]): Promise<void> {
    await this.memento.update(IgnoreStore.key, items.length ? items : undefined);
    this.changed.fire();
  }
}
