/** The default report: `file:line:col  severity  rule-id  message` per finding, then a summary. */
import { formatCoverage } from '../coverage';
import { printable } from '../printable';
import { countFindings, explainLines, noun, type Report } from '../report';

export function formatText(report: Report): string {
  const lines: string[] = [];
  for (const f of report.files)
    for (const x of f.findings) {
      const p = f.lines.position(x.start);
      // The path and the message carry draft, sheet and file-name text: escaped (../printable.ts).
      lines.push(`${printable(f.path)}:${p.line + 1}:${p.character + 1}  ${x.severity}  ${x.ruleId}  ${printable(x.message)}`);
      if (report.explain) for (const l of explainLines(f.sheet, x)) lines.push(`    ${printable(l)}`);
    }
  for (const f of report.files) if (f.coverage) lines.push(formatCoverage(f.path, f.text, f.sheet, f.coverage).trimEnd().split('\n').map(printable).join('\n'));
  const unmatched = report.unmatched ?? [];
  if (unmatched.length)
    lines.push(
      `${noun(unmatched.length, 'draft')} matched no story and ${unmatched.length === 1 ? 'was' : 'were'} not checked (name a sheet with --facts, front matter or .factcheck.json): ${unmatched.map(printable).join(', ')}`,
    );
  const c = countFindings(report.files);
  const fixed = report.fixed !== undefined ? `; fixed ${report.fixed}` : '';
  // Information and hints are counted only when there are some, so the usual line stays short.
  const more = `${c.info ? `, ${c.info} info` : ''}${c.hints ? `, ${noun(c.hints, 'hint')}` : ''}`;
  lines.push(`${noun(c.total, 'finding')} (${noun(c.errors, 'error')}, ${noun(c.warnings, 'warning')}${more}) in ${noun(report.files.length, 'file')}${fixed}`);
  return lines.join('\n') + '\n';
}
