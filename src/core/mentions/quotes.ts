/**
 * Quotations as the draft writes them: straight, curly, single, double and guillemet marks,
 * told apart from apostrophes and elisions (`rock 'n' roll`, `'90s`).
 */
import { CodePointClass } from '../text/tokens';
import { sorted } from '../search';

/** A quotation of the draft: `start`/`end` delimit the words inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Whether another quotation sits inside this one. */
  nested: boolean;
}

/** Letters and numbers, spaces, and what may stand right before an opening straight quote, by UTF-16 code unit. */
const LETTERS = new CodePointClass(/^[\p{L}\p{N}]$/u);
const SPACE = new CodePointClass(/^\s$/);
const OPENING = new CodePointClass(/^[\s([{—–\-/:>*_“‘«„]$/);
const isLetter = (c: number) => c >= 0 && LETTERS.has(c);
/** Drops the stack positions from `k` on. */
const popFrom = (l: number[], k: number) => {
  while (l.length && l[l.length - 1] >= k) l.pop();
};
const ELISION = /^(?:n['’]|tis\b|twas\b|em\b|cause\b|til\b|till\b|bout\b|round\b|\d0s\b|\d\ds\b)/i;

type Kind = 'double' | 'single';
interface Open {
  kind: Kind;
  at: number;
  children: number;
}

/**
 * Every quotation in `masked`. Paragraph breaks close nothing: an unclosed mark is dropped.
 * Apostrophes (Ruiz’s, protesters’, ’Twas, rock ’n’ roll, didn’t, the ’90s) are not marks.
 */
export function findQuotes(masked: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const stack: Open[] = [];
  // Stack positions of the open marks by kind and by mark, so a look-up is O(1) however deep
  // the nesting (a run of 100k opening marks stays linear).
  const byKind: Record<Kind, number[]> = { double: [], single: [] };
  const straight: number[] = [];
  const lowOpen: number[] = [];
  const truncate = (k: number) => {
    // Quotes dropped unclosed still held closed quotes: their parent is nested all the same.
    let inner = false;
    for (let j = k; j < stack.length; j++) if (stack[j].children > 0) inner = true;
    stack.length = k;
    popFrom(byKind.double, k);
    popFrom(byKind.single, k);
    popFrom(straight, k);
    popFrom(lowOpen, k);
    return inner;
  };
  const close = (kind: Kind, at: number, onlyStraight = false): boolean => {
    const l = onlyStraight ? straight : byKind[kind];
    if (!l.length) return false;
    const k = l[l.length - 1];
    const o = stack[k];
    const nested = truncate(k + 1) || o.children > 0;
    if (at > o.at + 1) {
      out.push({ start: o.at + 1, end: at, nested });
      if (k > 0) stack[k - 1].children++;
    } else if (nested && k > 0) stack[k - 1].children++;
    truncate(k);
    return true;
  };
  /** Opens a quote at `at`; `mark` is the opening mark's UTF-16 code unit. */
  const open = (kind: Kind, at: number, mark: number) => {
    byKind[kind].push(stack.length);
    if (mark === 0x22) straight.push(stack.length); // "
    if (mark === 0x201e) lowOpen.push(stack.length); // „
    stack.push({ kind, at, children: 0 });
  };
  const hasOpen = (kind: Kind) => byKind[kind].length > 0;

  // Jump from one mark (or line break) to the next instead of visiting every character; test(),
  // not exec(): the mark is one character, so where it is needs no match object. The marks and
  // their neighbours are read as UTF-16 code units (-1 past either end), not one-letter strings.
  const marks = /["'“”‘’«»„‚\n]/g;
  while (marks.test(masked)) {
    const i = marks.lastIndex - 1;
    const c = masked.charCodeAt(i);
    if (c === 0x0a && /^\s*\n/.test(masked.slice(i + 1, i + 80))) {
      truncate(0); // a blank line ends the paragraph
      continue;
    }
    const prev = i > 0 ? masked.charCodeAt(i - 1) : -1;
    const next = i + 1 < masked.length ? masked.charCodeAt(i + 1) : -1;
    switch (c) {
      case 0x201c: // “
        if (lowOpen.length) close('double', i);
        else open('double', i, c);
        break;
      case 0x201d: // ”
        close('double', i);
        break;
      case 0x201e: // „
      case 0xab: // «
        open('double', i, c);
        break;
      case 0xbb: // »
        close('double', i);
        break;
      case 0x22: {
        // "
        const canClose = straight.length > 0;
        const opening = (prev < 0 || OPENING.has(prev)) && next >= 0 && !SPACE.has(next);
        if (canClose && !opening) close('double', i, true);
        else if (opening) open('double', i, c);
        else if (canClose) close('double', i, true);
        break;
      }
      case 0x2018: // ‘
      case 0x201a: // ‚
        if (!isLetter(prev) && !ELISION.test(masked.slice(i + 1, i + 6)) && next >= 0 && !SPACE.has(next)) open('single', i, c);
        break;
      case 0x2019: // ’
      case 0x27: // '
        if (isLetter(prev) && isLetter(next)) break; // didn't, Ruiz's
        if (!isLetter(prev) && next >= 0 && !SPACE.has(next)) {
          // Looks like an opening mark, unless it is an elision ('Twas, 'n', '90s).
          if (c === 0x27 && !ELISION.test(masked.slice(i + 1, i + 6))) open('single', i, c);
          break;
        }
        // A closing mark needs an open single quote; otherwise it is a plural possessive (protesters').
        if (hasOpen('single') && !isLetter(next)) close('single', i);
        break;
    }
  }
  return sorted(out, (a, b) => a.start - b.start);
}
