/**
 * Text plumbing shared by the checks: masking of Markdown regions that are never checked,
 * sentence and block segmentation, and word tokens. All offsets are UTF-16, as in the input.
 */

/** A word of a sentence: `norm` is lower-cased with possessive endings removed. */
export interface Token {
  text: string;
  norm: string;
  start: number;
  end: number;
}

/** A sentence (or a list item, heading, table row) of the draft. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** For a table row: the header cell above each cell, as [cellStart, cellEnd, headerText]. */
  tableHeaders?: [number, number, string][];
}

/**
 * Returns `text` with every region that must never be checked blanked to spaces (newlines kept,
 * so offsets and lines are unchanged): front matter, fenced code, inline code, HTML comments and
 * tags, link and image targets, reference definitions, URLs and table alignment rows. Plain text
 * (markdown false) only loses URLs and e-mail addresses.
 */
export function maskText(text: string, markdown = true): string {
  const out = text.split('');
  const blankRange = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  const sweep = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else blankRange(m.index, m.index + m[0].length);
    }
  };
  if (markdown) {
    // YAML front matter at the very top.
    const fm = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
    if (fm) blankRange(0, fm[0].length);
    // Fenced code blocks (an unclosed fence runs to the end, as in CommonMark).
    const fence = /^ {0,3}(`{3,}|~{3,})[^\n]*\n/gm;
    for (let m = fence.exec(text); m; m = fence.exec(text)) {
      const marker = m[1];
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
      close.lastIndex = m.index + m[0].length;
      const c = close.exec(text);
      const end = c ? c.index + c[0].length : text.length;
      blankRange(m.index, end);
      fence.lastIndex = end;
    }
    sweep(/<!--[\s\S]*?(?:-->|$)/g);
    // Inline code: a run of backticks closed by a run of the same length.
    const ticks = /(`+)([\s\S]*?[^`])\1(?!`)/g;
    for (let m = ticks.exec(text); m; m = ticks.exec(text)) {
      if (m[0].includes('\n\n')) {
        ticks.lastIndex = m.index + m[1].length;
        continue;
      }
      blankRange(m.index, m.index + m[0].length);
    }
    // Link and image targets: ](target "title")
    const link = /\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(\s+(?:"[^"]*"|'[^']*'))?\)/g;
    for (let m = link.exec(text); m; m = link.exec(text)) blankRange(m.index + 2, m.index + m[0].length - 1);
    sweep(/^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm);
    sweep(/<(?:https?|mailto|ftp):[^\s>]*>/gi);
    sweep(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g);
    sweep(/^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$/gm);
  }
  // Bare URLs and e-mail addresses.
  const url = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'“”‘’)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
  for (let m = url.exec(text); m; m = url.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?]/.test(text[end - 1])) end--;
    blankRange(m.index, end);
  }
  return markdown || out.some((c, i) => c !== text[i]) ? out.join('') : text;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*['’]?/gu;

/** Lower-cases a word and drops a possessive ending (`Iran’s` → `iran`, `authorities'` → `authorities`). */
export function normWord(w: string): string {
  return w
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/'s?$/, '');
}

/** Word tokens of `text` between `start` and `end`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    const t = m[0];
    tokens.push({ text: t, norm: normWord(t), start: m.index, end: m.index + t.length });
  }
  return tokens;
}

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jr|Sr|No|vs|etc|e\.g|i\.e|approx|Inc|Ltd|Co|Corp)|\b[A-Z](?:\.[A-Z])*)\.$/;
const BLOCK_START = /^[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|\||>)/;

/**
 * Splits masked text into sentences. Blank lines, headings, list items, table rows and block
 * quotes start new units; inside a paragraph, sentences end at . ! ? followed by a capital or an
 * opening quote. A single newline inside a paragraph does not end a sentence.
 */
export function splitSentences(masked: string): Sentence[] {
  const sentences: Sentence[] = [];
  // Group lines into blocks.
  const lines: [number, number][] = [];
  for (let s = 0; s <= masked.length; ) {
    let e = masked.indexOf('\n', s);
    if (e < 0) e = masked.length;
    lines.push([s, e]);
    s = e + 1;
  }
  const blocks: [number, number, boolean][] = [];
  let cur: [number, number, boolean] | null = null;
  let prevSingle = false;
  for (const [s, e] of lines) {
    const line = masked.slice(s, e);
    if (!line.trim()) {
      if (cur) blocks.push(cur);
      cur = null;
      continue;
    }
    const isTable = /^[ \t]*\|/.test(line) || (/\|/.test(line) && /^[ \t]*\S.*\|.*\S/.test(line) && /\|[ \t]*$/.test(line));
    const starts = BLOCK_START.test(line) || isTable;
    if (cur && !starts && !prevSingle) {
      cur[1] = e;
    } else {
      if (cur) blocks.push(cur);
      cur = [s, e, isTable];
    }
    // A heading or table row is one line long; a list item may wrap onto following lines.
    prevSingle = isTable || /^[ \t]*#{1,6}\s/.test(line);
  }
  if (cur) blocks.push(cur);

  let header: { cells: [number, number][]; text: string } | null = null;
  for (const [bs, be, isTable] of blocks) {
    if (isTable) {
      const row = masked.slice(bs, be);
      const cells = tableCells(row, bs);
      if (!cells.length) continue;
      const rowHeaders: [number, number, string][] = [];
      if (header && cells.length) {
        cells.forEach(([cs, ce], i) => {
          const h = header!.cells[i];
          if (h) rowHeaders.push([cs, ce, header!.text.slice(h[0], h[1])]);
        });
      }
      sentences.push({ start: bs, end: be, text: row, tokens: tokenize(masked, bs, be), tableHeaders: header ? rowHeaders : undefined });
      if (!header) header = { cells, text: masked };
      continue;
    }
    header = null;
    splitBlock(masked, bs, be, sentences);
  }
  return sentences;
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

function splitBlock(masked: string, bs: number, be: number, out: Sentence[]): void {
  const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}*#_])/gu;
  re.lastIndex = bs;
  let s = bs;
  for (let m = re.exec(masked); m && m.index < be; m = re.exec(masked)) {
    const end = m.index + m[0].length;
    if (end > be) break;
    const before = masked.slice(Math.max(s, m.index - 12), m.index + 1);
    if (m[0] === '.' && ABBREV.test(before)) continue;
    push(masked, s, end, out);
    s = end;
  }
  push(masked, s, be, out);
}

function push(masked: string, s: number, e: number, out: Sentence[]): void {
  while (s < e && /\s/.test(masked[s])) s++;
  while (e > s && /\s/.test(masked[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e, text: masked.slice(s, e), tokens: tokenize(masked, s, e) });
}

/** Matches `case` of `model` onto `text`: all caps, capitalised first letter, or as is. */
export function matchCase(model: string, text: string): string {
  const letters = model.replace(/[^\p{L}]/gu, '');
  // Upper-case copy ("ARAQCHI SAYS"), but not a short acronym standing in for a name ("CNN").
  const acronym = letters.length <= 4 && !/\s/.test(model.trim());
  if (letters.length > 1 && !acronym && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return text.toUpperCase();
  if (/^\p{Lu}/u.test(model) && /^\p{Ll}/u.test(text)) return text[0].toUpperCase() + text.slice(1);
  if (/^\p{Ll}/u.test(model) && /^\p{Lu}\p{Ll}/u.test(text) && !/\p{Lu}/u.test(text.slice(1))) return text[0].toLowerCase() + text.slice(1);
  return text;
}

/** Splits a phrase into normalised words (for matching context and mention phrases). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

/** Index of tokens by normalised word, for phrase look-ups within one sentence. */
export function findPhrase(tokens: Token[], words: string[]): number[] {
  const hits: number[] = [];
  outer: for (let i = 0; i + words.length <= tokens.length; i++) {
    for (let j = 0; j < words.length; j++) if (tokens[i + j].norm !== words[j]) continue outer;
    hits.push(i);
  }
  return hits;
}
