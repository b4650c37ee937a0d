/**
 * Fixture drafts carry their expectations inline, in the same marks as the accuracy corpus:
 *   [[wrong=>right#rule-id]]  must be flagged with that rule; its preferred fix must give `right`
 *   [[wrong#rule-id]]         must be flagged with that rule; no fix is checked
 *   {{text}}                  may or may not be flagged
 * Everything else must not be flagged.
 */
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
