import type { Finding } from './types';

/**
 * Applies the preferred (first) fix of each finding to `text`. Edits that overlap an
 * edit already taken are skipped, so the result is always well formed.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const edits = findings
    .filter((f) => f.fixes.length > 0)
    .map((f) => f.fixes[0].edits)
    .sort((a, b) => a[0].start - b[0].start);
  const taken: { start: number; end: number; text: string }[] = [];
  let applied = 0;
  let lastEnd = -1;
  for (const group of edits) {
    const sorted = [...group].sort((a, b) => a.start - b.start);
    if (sorted[0].start < lastEnd) continue;
    taken.push(...sorted);
    lastEnd = sorted[sorted.length - 1].end;
    applied++;
  }
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return { text: out + text.slice(pos), applied };
}
