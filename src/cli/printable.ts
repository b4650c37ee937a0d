/** Printing text from drafts, sheets and file names: see ../core/text/printable.ts. */
import { printable } from '../core/text/printable';

export { printable };

/**
 * A message of several lines of our own (a heading, then indented lines), each line escaped:
 * only a line break followed by the two spaces of an indented line is kept.
 */
export function printableLines(s: string): string {
  return s.split(/\n(?= {2})/).map(printable).join('\n');
}
