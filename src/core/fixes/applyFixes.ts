/**
 * Stage 5, fixes: receives the findings of the rules, each with its fixes as data, and applies
 * them to the draft (the CLI's `--fix`, the editor's "fix all"): the preferred fix of each, none
 * overlapping another.
 */
import type { Edit, Finding } from '../types';

/**
 * The edits of each finding's preferred (first) fix, in text order. A fix whose edits overlap
 * an edit already taken is skipped whole, so the edits can always be applied together.
 */
export function preferredEdits(findings: readonly Finding[]): { edits: Edit[]; applied: number } {
  const groups = findings
    .filter((f) => f.fixes.length > 0 && f.fixes[0].edits.length > 0)
    .map((f) => [...f.fixes[0].edits].sort((a, b) => a.start - b.start))
    .sort((a, b) => a[0].start - b[0].start);
  const edits: Edit[] = [];
  let applied = 0;
  let lastEnd = -1;
  for (const group of groups) {
    if (group[0].start < lastEnd) continue;
    edits.push(...group);
    lastEnd = group[group.length - 1].end;
    applied++;
  }
  return { edits, applied };
}

/** Applies the preferred fix of each finding to `text` (see {@link preferredEdits}). */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const { edits, applied } = preferredEdits(findings);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return { text: out + text.slice(pos), applied };
}
