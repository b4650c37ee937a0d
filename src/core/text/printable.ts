/**
 * Text from a draft, a fact sheet or a file name, made safe to print on a terminal or in a CI
 * log: C0 and C1 control characters (line breaks included), DEL and the BiDi embeddings,
 * overrides and isolates are written as escapes (`\x1B`, `\n`, `\u202E`), so an ESC sequence
 * cannot move the cursor or erase earlier lines, a line break cannot start a line of its own
 * (a `::error` workflow command), and right-to-left overrides cannot reorder what is shown.
 * Tabs are kept.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: number, width: number) => c.toString(16).toUpperCase().padStart(width, '0');

/** {@link printable}: `s` with its control characters and BiDi overrides written as escapes. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0x0a) return '\\n';
    if (c === 0x0d) return '\\r';
    return c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}
