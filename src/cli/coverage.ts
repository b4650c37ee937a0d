/**
 * The CLI's `--coverage` summary of one draft: which verified facts it uses and where, which it
 * contradicts, which it leaves out, and what it states that the sheet does not hold. A view, not
 * findings: it never changes the exit status.
 */
import { LineIndex, describeFact, type CoverageReport, type FactSheet, type Span } from '../core';

const MAX_PLACES = 5;

/** The text summary of {@link CoverageReport} for `file` (positions 1-based, as in findings). */
export function formatCoverage(file: string, text: string, sheet: FactSheet, report: CoverageReport): string {
  const idx = new LineIndex(text);
  const at = (s: Span) => {
    const p = idx.position(s.start);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const places = (ranges: Span[]) =>
    ranges.slice(0, MAX_PLACES).map(at).join(', ') + (ranges.length > MAX_PLACES ? ` and ${ranges.length - MAX_PLACES} more` : '');
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const label = (factId: string) => {
    const d = describeFact(sheet, factId);
    if (!d) return factId;
    return d.label === d.verified ? d.verified : `${d.verified} — ${d.label}`;
  };
  const out: string[] = [`${file}: coverage by the fact sheet of "${sheet.story.title}"`];
  const section = (title: string, lines: string[]) => {
    out.push(`  ${title} (${lines.length})`);
    for (const l of lines) out.push(`    ${l}`);
  };
  section(
    'Contradicted',
    report.contradicted.map((c) => `${places(c.ranges)}  ${c.ruleId}  ${oneLine(label(c.factId))}  [${c.factId}]`),
  );
  section('Used', report.used.map((u) => `${places(u.ranges)}  ${oneLine(label(u.factId))}  [${u.factId}]`));
  section('Not used', report.unused.map((id) => `${oneLine(label(id))}  [${id}]`));
  section('Not in the sheet', report.unknown.map((u) => `${at(u)}  ${u.kind}  ${oneLine(u.text)}`));
  return out.join('\n') + '\n';
}
