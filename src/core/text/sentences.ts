/**
 * Stage 1, text: reads a draft by its markup into scoped prose. Receives the draft with its
 * never-checked regions blanked (mask.ts) and hands the next stages (mentions, claims) its
 * sentences: blocks (headings, list items, table rows with their header cells, quotes) split at
 * sentence ends, each with its word tokens (tokens.ts). All offsets are UTF-16, as in the input.
 */
import { type Token, type WordSink, tokenize } from './tokens';

/** A sentence (or a list item, heading, table row) of the draft. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** For a table row: the header cell above each cell, as [cellStart, cellEnd, headerText]. */
  tableHeaders?: [number, number, string][];
}

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jr|Sr|No|vs|etc|e\.g|i\.e|approx|Inc|Ltd|Co|Corp)|\b[A-Z](?:\.[A-Z])*)\.$/;
const ASCII_LETTER = /[A-Za-z]/;
/** A fact box's line: a capitalised label of a few words, a colon, and its value ("Dead:   87 (ministry)"). */
const FACT_LABEL = /^[ \t]*(?:\*\*|__)?\p{Lu}[\p{L}\p{N} ,'’()&/-]{0,40}:(?:\*\*|__)?[ \t]+\S/u;
// (A thread's numbered posts, "4/ " before a capital, and a bullet "• " start lines of their own
// too; "3/4 of members" and "9/11 Commission" do not.)
const BLOCK_START = /^[ \t]*(?:#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|\d{1,3}\/[ \t]+["“‘(]?\p{Lu}|\||>)/u;

/**
 * Splits masked text into sentences. Blank lines, headings, list items, table rows and block
 * quotes start new units; inside a paragraph, sentences end at . ! ? followed by a capital or an
 * opening quote. A single newline inside a paragraph does not end a sentence.
 */
export function splitSentences(masked: string, sink?: WordSink): Sentence[] {
  const sentences: Sentence[] = [];
  // Group lines into blocks.
  const lines: [number, number][] = [];
  for (let s = 0; s <= masked.length; ) {
    let e = masked.indexOf('\n', s);
    if (e < 0) e = masked.length;
    lines.push([s, e]);
    s = e + 1;
  }
  // A plain-text table: a header line, a rule of dash runs under its columns, rows until a blank line.
  const columnsOf = new Map<number, [number, number][]>();
  for (let li = 1; li < lines.length; li++) {
    const rule = masked.slice(lines[li][0], lines[li][1]);
    // The line above names the columns: a header with words, not another rule.
    if (!COLUMN_RULE.test(rule) || !/\p{L}/u.test(masked.slice(lines[li - 1][0], lines[li - 1][1]))) continue;
    const cols: [number, number][] = [];
    for (const m of rule.matchAll(/-+/g)) cols.push([m.index!, m.index! + m[0].length]);
    columnsOf.set(li - 1, cols);
    columnsOf.set(li, []);
    let r = li + 1;
    for (; r < lines.length && masked.slice(lines[r][0], lines[r][1]).trim() && !COLUMN_RULE.test(masked.slice(lines[r][0], lines[r][1])); r++) columnsOf.set(r, cols);
    // Each line is read once: the scan goes on from the table's end.
    li = Math.max(li, r - 2);
  }
  // [start, end, isTable, startsNewTable, the columns of a plain-text table's line ([] for its rule)]
  const blocks: [number, number, boolean, boolean, ([number, number][] | undefined)?][] = [];
  let cur: [number, number, boolean, boolean] | null = null;
  let prevSingle = false;
  let prevLength = 0;
  let prevListLike = false;
  let afterBlank = true;
  for (let li = 0; li < lines.length; li++) {
    const [s, e] = lines[li];
    const line = masked.slice(s, e);
    const columns = columnsOf.get(li);
    if (columns) {
      if (cur) blocks.push(cur);
      cur = null;
      if (columns.length) blocks.push([s, e, true, !columnsOf.has(li - 1), columns]);
      afterBlank = false;
      prevSingle = true;
      continue;
    }
    if (!line.trim()) {
      if (cur) blocks.push(cur);
      cur = null;
      // A truly empty line ends a table; a line of spaces is a masked alignment row inside one.
      if (!/^[ \t]{3,}\r?$/.test(line)) afterBlank = true;
      continue;
    }
    const isTable = /^[ \t]*\|/.test(line) || (/\|/.test(line) && /^[ \t]*\S.*\|.*\S/.test(line) && /\|[ \t]*$/.test(line));
    // A short line followed by a capitalised one is a line of its own (fact boxes, headlines),
    // not a paragraph wrapped at the margin.
    const ownLine = prevLength > 0 && prevLength < 50 && prevListLike && /^[ \t]*["“‘'(*]?\p{Lu}/u.test(line);
    // "Wounded:      77, of whom 9 critical": a fact box's labelled line, however long the one before.
    const labelLine = FACT_LABEL.test(line);
    const starts = BLOCK_START.test(line) || isTable || ownLine || (labelLine && prevListLike);
    if (cur && !starts && !prevSingle) {
      cur[1] = e;
    } else {
      if (cur) blocks.push(cur);
      cur = [s, e, isTable, isTable && afterBlank];
    }
    afterBlank = false;
    prevLength = line.trim().length;
    // "Jobs cut: 1,204", "BY THE NUMBERS": a label, a figure or a headline, not prose cut at the margin.
    prevListLike = endsListLike(line) || line.includes(':') || (!/[a-z]/.test(line) && /\p{Lu}/u.test(line) && line === line.toUpperCase());
    // A heading or table row is one line long; a list item may wrap onto following lines.
    prevSingle = isTable || /^[ \t]*#{1,6}\s/.test(line);
  }
  if (cur) blocks.push(cur);

  // Candidate sentence ends of the whole text, found in one pass: a match never spans a line
  // break, so the matches inside a block are the ones a scan of the block alone would find.
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(masked); m; m = SENTENCE_END.exec(masked)) ends.push(m.index, m.index + m[0].length);
  let next = 0;

  let header: { cells: [number, number][]; text: string } | null = null;
  for (const [bs, be, isTable, newTable, columns] of blocks) {
    while (next < ends.length && ends[next] < bs) next += 2;
    if (newTable) header = null;
    if (isTable) {
      const row = masked.slice(bs, be);
      const cells = columns ? alignedCells(row, bs, columns) : tableCells(row, bs);
      if (!cells.length) continue;
      const rowHeaders: [number, number, string][] = [];
      if (header && cells.length) {
        cells.forEach(([cs, ce], i) => {
          const h = header!.cells[i];
          if (h) rowHeaders.push([cs, ce, header!.text.slice(h[0], h[1])]);
        });
      }
      sentences.push({ start: bs, end: be, text: row, tokens: tokenize(masked, bs, be, sink), tableHeaders: header ? rowHeaders : undefined });
      if (!header) header = { cells, text: masked };
      continue;
    }
    header = null;
    next = splitBlock(masked, bs, be, ends, next, sentences, sink);
  }
  return sentences;
}

/** Whether the line's last character before trailing white space is a digit or one of . ! ? : % ) (what /[\d.!?:%)]\s*$/ tests, read from the end; exported for its test). */
export function endsListLike(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && WHITE_SPACE.test(line[i])) i--;
  if (i < 0) return false;
  const c = line.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x25 || c === 0x29;
}
const WHITE_SPACE = /\s/;

/** The rule under a plain-text table's header: two or more runs of dashes, two spaces or more apart. */
const COLUMN_RULE = /^[ \t]*-{3,}(?:[ \t]{2,}-{3,})+[ \t]*\r?$/;

/** A plain-text table row's cells: each column's text, from its rule's start to the next column's. */
function alignedCells(row: string, base: number, columns: readonly [number, number][]): [number, number][] {
  const cells: [number, number][] = [];
  columns.forEach(([from], c) => {
    const to = c + 1 < columns.length ? columns[c + 1][0] : row.length;
    const cell = row.slice(from, to);
    const a = cell.search(/\S/);
    if (a >= 0) cells.push([base + from + a, base + from + cell.trimEnd().length]);
  });
  return cells;
}

function tableCells(row: string, base: number): [number, number][] {
  const cells: [number, number][] = [];
  let s = row.indexOf('|') === row.search(/\S/) ? row.indexOf('|') + 1 : 0;
  for (let i = s; i <= row.length; i++) {
    if (i === row.length || (row[i] === '|' && row[i - 1] !== '\\')) {
      if (i > s && (i < row.length || row.slice(s).trim())) cells.push([base + s, base + i]);
      s = i + 1;
    }
  }
  return cells;
}

const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}*#_])/gu;

/** Splits block [bs, be) at the candidate ends from `ends[next]` on; returns the next unused candidate. */
function splitBlock(masked: string, bs: number, be: number, ends: number[], next: number, out: Sentence[], sink: WordSink | undefined): number {
  let s = bs;
  for (; next < ends.length && ends[next] < be; next += 2) {
    const index = ends[next];
    const end = ends[next + 1];
    if (end > be) break;
    // Every abbreviation ends in a letter right before its full stop.
    if (end - index === 1 && masked[index] === '.' && index > s && ASCII_LETTER.test(masked[index - 1]) && ABBREV.test(masked.slice(Math.max(s, index - 12), index + 1))) continue;
    push(masked, s, end, out, sink);
    s = end;
  }
  push(masked, s, be, out, sink);
  return next;
}

function push(masked: string, s: number, e: number, out: Sentence[], sink: WordSink | undefined): void {
  while (s < e && /\s/.test(masked[s])) s++;
  while (e > s && /\s/.test(masked[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e, text: masked.slice(s, e), tokens: tokenize(masked, s, e, sink) });
}
