/**
 * `{"files":[{"path","diagnostics":[{"range","severity","code","message","fixes"}]}]}` on one line,
 * 0-based lines and UTF-16 characters as in VS Code. The accuracy scorer reads this exact shape.
 */
import type { FileReport, Report } from '../report';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function diagnostics(f: FileReport) {
  const range = (s: number, e: number): Range => ({ start: f.lines.position(s), end: f.lines.position(e) });
  return f.findings.map((x) => ({
    range: range(x.start, x.end),
    severity: x.severity,
    code: x.ruleId,
    message: x.message,
    fixes: x.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: range(e.start, e.end), newText: e.text })) })),
  }));
}

export function formatJson(report: Report): string {
  // With --coverage each file also carries `coverage` (UTF-16 offsets, as the core reports it).
  const files: object[] = report.files.map((f) => ({ path: f.path, diagnostics: diagnostics(f), ...(f.coverage ? { coverage: f.coverage } : {}) }));
  // A file that was not checked keeps its entry, with why (as SARIF, JUnit and GitHub report it).
  const checked = new Set(report.files.map((f) => f.path));
  for (const p of report.problems)
    if (p.file && !checked.has(p.file)) {
      checked.add(p.file);
      files.push({ path: p.file, diagnostics: [], notChecked: p.message });
    }
  // Drafts that matched no story (not checked) are listed apart, so `files` keeps its shape.
  return JSON.stringify({ files, ...(report.unmatched?.length ? { unmatched: report.unmatched } : {}) }) + '\n';
}
