/** What a run found, as the report formats see it. */
import { LineIndex, describeFact, type CoverageReport, type FactSheet, type Finding } from '../core';

export interface FileReport {
  /** The path as the user gave it (or the walk found it), OS separators. */
  path: string;
  /** The text the findings refer to: after --fix, the fixed text; without a byte-order mark. */
  text: string;
  findings: Finding[];
  sheet: FactSheet;
  /** Lazily built line index of `text`. */
  lines: LineIndex;
  /** With --coverage: the facts the draft uses, contradicts and leaves out. */
  coverage?: CoverageReport;
}

/** A file that could not be checked (`error`), or a note about one that was skipped (`notice`). */
export interface Problem {
  kind: 'error' | 'notice';
  /** The path as shown, when the problem concerns one file. */
  file?: string;
  message: string;
}

export interface Report {
  files: FileReport[];
  /** Drafts with no configured sheet that name or cite none of the candidate stories: not checked. */
  unmatched?: string[];
  problems: Problem[];
  /** Fixes applied, when --fix ran. */
  fixed?: number;
  explain: boolean;
  /** Directory the paths are relative to. */
  cwd: string;
  toolVersion: string;
}

/** 0-based line and UTF-16 character of an offset. */
export type Position = { line: number; character: number };

export const noun = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function countFindings(files: FileReport[]): { total: number; errors: number; warnings: number; info: number; hints: number } {
  let total = 0;
  let errors = 0;
  let warnings = 0;
  let info = 0;
  let hints = 0;
  for (const f of files)
    for (const x of f.findings) {
      total++;
      if (x.severity === 'error') errors++;
      else if (x.severity === 'warning') warnings++;
      else if (x.severity === 'info') info++;
      else hints++;
    }
  return { total, errors, warnings, info, hints };
}

/**
 * What the hover shows about a finding's fact, as plain lines: the verified wording, what the
 * fact is, who said or reported it, and the cited sentence of the reference article.
 */
export function explainLines(sheet: FactSheet, f: Finding): string[] {
  const out: string[] = [];
  if (f.verified) out.push(`Verified: ${f.verified}`);
  const d = f.factId ? describeFact(sheet, f.factId) : undefined;
  if (!d) {
    if (!f.verified) out.push('Verified: none in the fact sheet');
    return out;
  }
  if (d.category !== 'quote') out.push(`Fact: ${d.label}`);
  if (d.attribution && d.category === 'quote') out.push(`Said by: ${d.attribution}`);
  else if (d.attribution && d.category === 'figure') out.push(`Reported by: ${d.attribution}`);
  out.push(`Source: “${d.source}”`);
  return out;
}
