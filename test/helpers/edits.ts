/** The text edits both fuzz suites mutate drafts and articles with (test/property.test.ts, test/extractProperties.test.ts). */

/** An edit at `at`, a fraction (0 to 1) of the text's length. */
export type TextEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'duplicate'; at: number; length: number };

/** Where a fraction of the text's length falls. */
export const offsetOf = (text: string, at: number) => Math.floor(at * (text.length + 1));

/** `text` with the edit applied. */
export function applyEdit(text: string, m: TextEdit): string {
  const i = offsetOf(text, m.at);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.length);
    case 'replace':
      return text.slice(0, i) + m.text + text.slice(i + m.length);
    case 'duplicate':
      return text.slice(0, i + m.length) + text.slice(i, i + m.length) + text.slice(i + m.length);
  }
}
