import * as vscode from 'vscode';
import type { Finding } from '../core';
import type { FactCheckController } from './factCheckController';
import type { FactsLoader, LoadedFacts } from './factsLoader';
import { confirmationHoverMarkdown, findingHoverMarkdown, HOVER_COMMANDS } from './hoverMarkdown';

export { escapeMarkdown } from './hoverMarkdown';

/**
 * Hover on a flagged span: what the diagnostic lacks, the cited sentence with the fact in bold
 * (cut around it when long) and one line on its source with a link that opens the reference
 * article there. Hover on a span that agrees with the facts: a short "Verified" note with its sentence.
 */
export class FactHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly controller: FactCheckController,
    private readonly facts: FactsLoader,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.controller.currentEntry(document);
    if (!entry) return undefined;
    const offset = document.offsetAt(position);
    const inside = (s: { start: number; end: number }) => s.start <= offset && offset < s.end;
    const finding = entry.findings.filter(inside).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (finding) return this.findingHover(document, finding, entry.facts);
    const confirmation = entry.confirmations.find(inside);
    if (!confirmation) return undefined;
    const description = this.facts.describe(confirmation.factId, entry.facts);
    if (!description) return undefined;
    return new vscode.Hover(this.markdown(confirmationHoverMarkdown(description, document.uri.toString(), this.where(confirmation.factId, entry.facts))), this.controller.rangeOf(document, confirmation));
  }

  private findingHover(document: vscode.TextDocument, finding: Finding, facts: LoadedFacts | undefined): vscode.Hover | undefined {
    const markdown = findingHoverMarkdown(finding, this.facts.describe(finding.factId, facts), document.uri.toString(), this.where(finding.factId, facts));
    return markdown ? new vscode.Hover(this.markdown(markdown), this.controller.rangeOf(document, finding)) : undefined;
  }

  /** "article.txt, line 7": the file and line of a fact's cited sentence. */
  private where(factId: string, facts: LoadedFacts | undefined): string | undefined {
    const location = this.facts.sourceLocation(factId, facts);
    if (!location) return undefined;
    return `${location.uri.path.slice(location.uri.path.lastIndexOf('/') + 1)}, line ${location.range.start.line + 1}`;
  }

  private markdown(value: string): vscode.MarkdownString {
    // Theme icons on (escaped in sheet text); no HTML; trusted for our own command only.
    const md = new vscode.MarkdownString(value, true);
    md.supportHtml = false;
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return md;
  }
}
