/**
 * The Markdown of fact hovers, built as a string from sheet data (no `vscode` here, so it is
 * unit-tested). Everything that comes from a fact sheet, an article or a draft is escaped: a
 * hostile sheet cannot add a link, a command link, HTML or a theme icon. The only links are the
 * ones written here: the rule's documentation and the command that opens the reference article.
 */
import { printable, type FactDescription, type Finding } from '../core';
import { Commands, DISPLAY_NAME, RULE_DOCS_BASE } from './names';

/** The commands a hover may run: the only entry of `isTrusted.enabledCommands`. */
export const HOVER_COMMANDS: readonly string[] = [Commands.openReference];

/**
 * Escapes Markdown (and theme icons) so sheet, article and draft text render literally: the marks
 * that start a link, an image, HTML, an entity, code, emphasis, a table or an icon, a leading list
 * marker, and line breaks folded to spaces (a blank line would end the block quote; a new line
 * could start a heading, a list or a link reference definition); bare URLs and e-mail addresses
 * (autolinks); control characters and BiDi overrides written as escapes (core/printable.ts).
 */
export function escapeMarkdown(text: string): string {
  return (
    printable(text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' '))
      .replace(/[\\`*_[\]<>|~&$#]/g, (c) => `\\${c}`)
      .replace(/^([-+]|\d+\.)(?=\s)/, '\\$1')
      // GFM autolinks: a bare URL or e-mail address would render as a link; an escaped ':' after
      // the scheme, '.' after www and '@' keep them text.
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
  );
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

function openLink(factId: string, draftUri: string | undefined): string {
  // The fact id travels JSON-encoded then URI-encoded, parentheses too (encodeURIComponent keeps
  // them, and a ")" in a hostile id would end the link target early). The draft's URI picks the
  // article of that draft's own sheet.
  const args = encodeURIComponent(JSON.stringify(draftUri === undefined ? [factId] : [factId, draftUri])).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[$(go-to-file) Open the reference article at this sentence](command:${Commands.openReference}?${args})`;
}

const join = (lines: (string | undefined)[]) => lines.filter((l) => l !== undefined).join('\n\n');

/** Hover on a flagged span: the verified wording, who said or reported it, the cited sentence, a link there. */
export function findingHoverMarkdown(finding: Pick<Finding, 'ruleId' | 'message' | 'verified' | 'factId'>, description: FactDescription | undefined, draftUri?: string): string {
  const lines: (string | undefined)[] = [
    `**${DISPLAY_NAME}** · [${finding.ruleId}](${RULE_DOCS_BASE}#rule-${finding.ruleId})`,
    escapeMarkdown(finding.message),
    `**Verified:** ${escapeMarkdown(finding.verified)}`,
  ];
  if (description) {
    if (description.category !== 'quote') lines.push(`Fact: ${escapeMarkdown(description.label)}`);
    lines.push(attributionLine(description), sourceQuote(description), openLink(finding.factId, draftUri));
  }
  return join(lines);
}

/** Hover on a span that agrees with the facts: a short "Verified" note with its sentence. */
export function confirmationHoverMarkdown(description: FactDescription, draftUri?: string): string {
  return join([`$(pass) **Verified** · ${escapeMarkdown(description.label)}`, attributionLine(description), sourceQuote(description), openLink(description.factId, draftUri)]);
}
