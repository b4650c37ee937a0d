/**
 * Fixture drafts carry their expectations inline, in the same marks as the accuracy corpus:
 *   [[wrong=>right#rule-id]]  must be flagged with that rule; its preferred fix must give `right`
 *   [[wrong#rule-id]]         must be flagged with that rule; no fix is checked
 *   {{text}}                  may or may not be flagged
 * Everything else must not be flagged.
 */
import { applyFixes, check, type FactSheet } from '../../src/core';

export interface Label {
  start: number;
  end: number;
  wrong: string;
  right?: string;
  rule: string;
  optional: boolean;
}

export function renderLabels(template: string): { text: string; labels: Label[] } {
  let text = '';
  const labels: Label[] = [];
  const re = /\[\[([\s\S]*?)\]\]|\{\{([\s\S]*?)\}\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    text += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[2] !== undefined) {
      labels.push({ start: text.length, end: text.length + m[2].length, wrong: m[2], rule: '', optional: true });
      text += m[2];
      continue;
    }
    const body = m[1];
    const hash = body.lastIndexOf('#');
    if (hash < 0) throw new Error(`label without #rule: ${body}`);
    const spec = body.slice(0, hash);
    const arrow = spec.indexOf('=>');
    const wrong = arrow >= 0 ? spec.slice(0, arrow) : spec;
    labels.push({ start: text.length, end: text.length + wrong.length, wrong, right: arrow >= 0 ? spec.slice(arrow + 2) : undefined, rule: body.slice(hash + 1), optional: false });
    text += wrong;
  }
  return { text: text + template.slice(last), labels };
}

export const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/**
 * What a labelled draft's findings get wrong: false alarms, missed labels, the wrong rule, a fix
 * that does not give the label's wording, or a finding left after that fix (the round trip).
 */
export function labelProblems(text: string, labels: Label[], sheet: FactSheet): string[] {
  const findings = check(text, sheet);
  const problems: string[] = [];
  for (const f of findings) {
    if (!labels.some((l) => overlaps(f.start, f.end, l.start, l.end))) problems.push(`false alarm on ${JSON.stringify(text.slice(f.start, f.end))}: ${f.ruleId} ${f.message}`);
  }
  for (const l of labels.filter((x) => !x.optional)) {
    const on = findings.filter((f) => overlaps(f.start, f.end, l.start, l.end));
    if (!on.length) {
      problems.push(`missed ${JSON.stringify(l.wrong)} (${l.rule})`);
      continue;
    }
    if (!on.some((f) => f.ruleId === l.rule)) problems.push(`${JSON.stringify(l.wrong)} flagged as ${on.map((f) => f.ruleId)} not ${l.rule}`);
    if (l.right === undefined) continue;
    const want = text.slice(0, l.start) + l.right + text.slice(l.end);
    const fixed = on.map((f) => applyFixes(text, [f]).text);
    if (!fixed.includes(want)) {
      problems.push(`fix for ${JSON.stringify(l.wrong)} gives ${JSON.stringify(fixed.map((t, i) => t.slice(l.start - 10, l.end + 10 + (t.length - text.length)) + ` [${on[i].fixes[0]?.title ?? 'no fix'}]`))}, want ${JSON.stringify(l.right)}`);
      continue;
    }
    const right = l.right;
    const again = check(want, sheet).filter((f) => overlaps(f.start, f.end, l.start, l.start + right.length));
    if (again.length) problems.push(`after fixing ${JSON.stringify(l.wrong)} still flagged: ${again.map((f) => f.message).join('; ')}`);
  }
  return problems;
}
