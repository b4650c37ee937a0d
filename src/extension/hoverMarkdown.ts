/**
 * The Markdown of fact hovers, built as a string from sheet data (no `vscode` here, so it is
 * unit-tested). Everything that comes from a fact sheet, an article or a draft is escaped: a
 * hostile sheet cannot add a link, a command link, HTML or a theme icon. The only links are the
 * ones written here: the rule's documentation and the command that opens the reference article.
 */
import { printable, sourceLabel, type FactDescription, type Finding } from '../core';
import { Commands } from './names';

/** The commands a hover may run: the only entry of `isTrusted.enabledCommands`. */
export const HOVER_COMMANDS: readonly string[] = [Commands.openReference];

/**
 * Escapes Markdown (and theme icons) so sheet, article and draft text render literally: the marks
 * that start a link, an image, HTML, an entity, code, emphasis, a table or an icon, a leading list
 * marker, and line breaks folded to spaces (a blank line would end the block quote; a new line
 * could start a heading, a list or a link reference definition); bare URLs and e-mail addresses
 * (autolinks); control characters and BiDi overrides written as escapes (core/text/printable.ts).
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

/** A cited sentence longer than this is cut around the verified wording. */
export const MAX_SOURCE_CHARS = 240;
/** How much of the sentence is kept on each side of the verified wording when it is cut. */
const CONTEXT_CHARS = 90;

/**
 * The cited sentence as a block quote, the verified wording in bold; a long sentence is cut at
 * word boundaries around it, with "…" where text was left out.
 */
export function sourceQuote(description: Pick<FactDescription, 'source' | 'highlight'>): string {
  const { source, highlight } = description;
  if (!highlight) return `> ${escapeMarkdown(source.length > MAX_SOURCE_CHARS ? `${source.slice(0, source.lastIndexOf(' ', MAX_SOURCE_CHARS) > 0 ? source.lastIndexOf(' ', MAX_SOURCE_CHARS) : MAX_SOURCE_CHARS)} …` : source)}`;
  let from = 0;
  let to = source.length;
  if (source.length > MAX_SOURCE_CHARS) {
    if (highlight.start > CONTEXT_CHARS) {
      const space = source.indexOf(' ', highlight.start - CONTEXT_CHARS);
      from = space >= 0 && space < highlight.start ? space + 1 : highlight.start;
    }
    if (source.length - highlight.end > CONTEXT_CHARS) {
      const space = source.lastIndexOf(' ', highlight.end + CONTEXT_CHARS);
      to = space >= highlight.end ? space : highlight.end;
    }
  }
  const before = `${from > 0 ? '… ' : ''}${source.slice(from, highlight.start)}`;
  const after = `${source.slice(highlight.end, to)}${to < source.length ? ' …' : ''}`;
  return `> ${escapeMarkdown(before)}**${escapeMarkdown(source.slice(highlight.start, highlight.end))}**${escapeMarkdown(after)}`;
}

function attributionLine(description: FactDescription): string | undefined {
  if (!description.attribution) return undefined;
  if (description.category === 'quote') return `Said by ${escapeMarkdown(description.attribution)}.`;
  if (description.category === 'figure') return `Reported by ${escapeMarkdown(description.attribution)}.`;
  return undefined;
}

function openLink(factId: string, draftUri: string | undefined, where = 'Open the reference article at this sentence'): string {
  // The fact id travels JSON-encoded then URI-encoded, parentheses too (encodeURIComponent keeps
  // them, and a ")" in a hostile id would end the link target early). The draft's URI picks the
  // article of that draft's own sheet.
  const args = encodeURIComponent(JSON.stringify(draftUri === undefined ? [factId] : [factId, draftUri])).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[$(go-to-file) ${escapeMarkdown(where)}](command:${Commands.openReference}?${args})`;
}

/** "Source: article.txt, line 7"; a fact from another story document names it ("Source: Court transcript (transcript.txt, line 3)"). */
function linkLabel(description: FactDescription, where: string | undefined): string | undefined {
  const doc = sourceLabel(description);
  if (doc) return where ? `${doc} (${where})` : doc;
  return where ? `Source: ${where}` : undefined;
}

const join = (lines: (string | undefined)[]) => lines.filter((l) => l !== undefined).join('\n\n');

/**
 * Hover on a flagged span: only what the diagnostic above it lacks (VS Code shows the message,
 * the rule link and the verified wording there): the cited sentence, verified wording in bold and
 * cut around it when long, and one line on where it comes from, with a link that opens the article
 * at that sentence. `where` names the place ("article.txt, line 7"). Empty when the finding cites
 * no fact (an unverified quote): the diagnostic says it all.
 */
export function findingHoverMarkdown(finding: Pick<Finding, 'factId'>, description: FactDescription | undefined, draftUri?: string, where?: string): string {
  if (!description) return '';
  const from = attributionLine(description);
  const link = openLink(finding.factId, draftUri, linkLabel(description, where));
  return join([sourceQuote(description), from ? `${from.replace(/\.$/, '')} · ${link}` : link]);
}

/** Hover on a span that agrees with the facts: a short "Verified" note with its sentence. */
export function confirmationHoverMarkdown(description: FactDescription, draftUri?: string, where?: string): string {
  const from = attributionLine(description);
  const link = openLink(description.factId, draftUri, linkLabel(description, where));
  return join([`$(pass) **Verified** · ${escapeMarkdown(description.label)}`, sourceQuote(description), from ? `${from.replace(/\.$/, '')} · ${link}` : link]);
}
