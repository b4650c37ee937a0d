/**
 * JUnit XML for CI test reports: one <testsuite> per run, one <testcase> per draft, a <failure>
 * listing the findings of a draft that has any, an <error> for a draft that could not be checked.
 */
import { countFindings, explainLines, noun, type Report } from '../report';

/** Characters XML 1.0 does not allow, even escaped: other C0 controls, lone surrogates, U+FFFE/F. */
const INVALID_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute or element; characters XML cannot carry become U+FFFD. */
export function xmlEscape(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/[&<>"'\r\n\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : c === "'" ? '&apos;' : `&#${c.charCodeAt(0)};`,
  );
}
/** Element text keeps its line breaks and tabs. */
const xmlText = (s: string) => xmlEscape(s).replace(/&#(?:10|9);/g, (m) => (m === '&#10;' ? '\n' : '\t'));

const NAME = 'newsroom-factcheck';

export function formatJunit(report: Report): string {
  const cases: string[] = [];
  let failures = 0;
  for (const f of report.files) {
    const name = xmlEscape(f.path);
    if (!f.findings.length) {
      cases.push(`    <testcase classname="${NAME}" name="${name}" file="${name}"/>`);
      continue;
    }
    failures++;
    const c = countFindings([f]);
    const body: string[] = [];
    for (const x of f.findings) {
      const p = f.lines.position(x.start);
      body.push(`${f.path}:${p.line + 1}:${p.character + 1}  ${x.severity}  ${x.ruleId}  ${x.message}`);
      if (report.explain) for (const l of explainLines(f.sheet, x)) body.push(`    ${l}`);
    }
    const message = `${noun(c.total, 'finding')} (${noun(c.errors, 'error')}, ${noun(c.warnings, 'warning')})`;
    cases.push(
      `    <testcase classname="${NAME}" name="${name}" file="${name}">\n` +
        `      <failure message="${xmlEscape(message)}" type="${c.errors ? 'error' : 'warning'}">${xmlText(body.join('\n'))}</failure>\n` +
        `    </testcase>`,
    );
  }
  const errors = report.problems.filter((p) => p.kind === 'error');
  for (const p of errors) {
    const name = xmlEscape(p.file ?? NAME);
    cases.push(`    <testcase classname="${NAME}" name="${name}"${p.file ? ` file="${name}"` : ''}>\n      <error message="${xmlEscape(p.message)}" type="input"/>\n    </testcase>`);
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors.length}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${NAME}" ${counts}>\n` +
    `  <testsuite name="${NAME}" ${counts} skipped="0">\n` +
    cases.map((c) => c + '\n').join('') +
    `  </testsuite>\n` +
    `</testsuites>\n`
  );
}
