import * as vscode from 'vscode';
import type { FactDescription, Finding } from '../core';
import { ruleDocsUri, type FactCheckController } from './factCheckController';
import type { FactsLoader, LoadedFacts } from './factsLoader';
import { Commands, DISPLAY_NAME } from './names';

/** Escapes Markdown (and theme icons) so article and draft text render literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&$#]/g, (c) => `\\${c}`).replace(/^([-+]|\d+\.)(?=\s)/, '\\$1');
}

/** The cited sentence as a block quote, the verified wording in bold. */
function sourceQuote(description: FactDescription): string {
  const { source, highlight } = description;
  const body = highlight
    ? `${escapeMarkdown(source.slice(0, highlight.start))}**${escapeMarkdown(source.slice(highlight.start, highlight.end))}**${escapeMarkdown(source.slice(highlight.end))}`
    : escapeMarkdown(source);
  return `> ${body}`;
}

function attributionLine(description: FactDescription): string | undefined {
  if (!description.attribution) return undefined;
  if (description.category === 'quote') return `Said by ${escapeMarkdown(description.attribution)}.`;
  if (description.category === 'figure') return `Reported by ${escapeMarkdown(description.attribution)}.`;
  return undefined;
}

function openLink(factId: string, draft: vscode.Uri): string {
  // The draft's URI picks the article of that draft's sheet.
  const args = encodeURIComponent(JSON.stringify([factId, draft.toString()]));
  return `[$(go-to-file) Open the reference article at this sentence](command:${Commands.openReference}?${args})`;
}

/**
 * Hover on a flagged span: the verified wording, who said or reported it, the cited sentence
 * with the fact in bold, and a link that opens the reference article there. Hover on a span
 * that agrees with the facts: a short "Verified" note with its sentence.
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
    const lines = [
      `$(pass) **Verified** · ${escapeMarkdown(description.label)}`,
      attributionLine(description),
      sourceQuote(description),
      openLink(description.factId, document.uri),
    ];
    return new vscode.Hover(this.markdown(lines), this.controller.rangeOf(document, confirmation));
  }

  private findingHover(document: vscode.TextDocument, finding: Finding, facts: LoadedFacts | undefined): vscode.Hover {
    const description = this.facts.describe(finding.factId, facts);
    const lines: (string | undefined)[] = [
      `**${DISPLAY_NAME}** · [${finding.ruleId}](${ruleDocsUri(finding.ruleId).toString(true)})`,
      escapeMarkdown(finding.message),
      `**Verified:** ${escapeMarkdown(finding.verified)}`,
    ];
    if (description) {
      if (description.category !== 'quote') lines.push(`Fact: ${escapeMarkdown(description.label)}`);
      lines.push(attributionLine(description), sourceQuote(description), openLink(finding.factId, document.uri));
    }
    return new vscode.Hover(this.markdown(lines), this.controller.rangeOf(document, finding));
  }

  private markdown(lines: (string | undefined)[]): vscode.MarkdownString {
    const md = new vscode.MarkdownString(lines.filter((l) => l !== undefined).join('\n\n'), true);
    // Trusted for our one command only: the link that opens the reference article.
    md.isTrusted = { enabledCommands: [Commands.openReference] };
    return md;
  }
}
