/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
 * per finding (warnings as `::warning`, info and hints as `::notice`), so findings show on the
 * pull request's diff. Columns are 1-based UTF-16 units, as in the other formats.
 */
import path from 'node:path';
import type { Severity } from '../../core';
import { printable, printableLines } from '../printable';
import { explainLines, type Report } from '../report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * Escapes a command's message: %, CR and LF as the runner reads them; other control characters
 * (ESC above all) and BiDi overrides, which the log would show raw, as printable escapes.
 */
export const escapeData = (s: string) =>
  s
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .split(/(%0[AD])/)
    .map((part, i) => (i % 2 ? part : printable(part)))
    .join('');
/** Escapes a property value: as data, plus : and , that would end it. */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const file = (p: string) => escapeProperty(p.split(path.sep).join('/'));

export function formatGithub(report: Report): string {
  const out: string[] = [];
  for (const f of report.files)
    for (const x of f.findings) {
      const s = f.lines.position(x.start);
      const e = f.lines.position(x.end);
      const props = [`file=${file(f.path)}`, `line=${s.line + 1}`, `col=${s.character + 1}`, `endLine=${e.line + 1}`, `endColumn=${e.character + 1}`, `title=${escapeProperty(x.ruleId)}`];
      // A line break inside sheet or draft text is escaped; only the lines of --explain stay lines.
      const message = (report.explain ? [x.message, ...explainLines(f.sheet, x)] : [x.message]).map(printable).join('\n');
      out.push(`::${COMMAND[x.severity]} ${props.join(',')}::${escapeData(message)}`);
    }
  for (const p of report.problems) out.push(`::${p.kind === 'error' ? 'error' : 'notice'} ${p.file ? `file=${file(p.file)},` : ''}title=newsroom-factcheck::${escapeData(printableLines(p.message))}`);
  return out.length ? out.join('\n') + '\n' : '';
}
