/**
 * Benchmark drafts, built from labelled copy written by people: the dev drafts of
 * ../shared/eval/dev (the bundled story, checked against reference/facts.json) and the drafts of
 * each practice story in ../shared/eval/stories/<story>/drafts (each checked against its own
 * facts.json). The mark-up is stripped as ../shared/eval/score.mjs does (`[[wrong=>right#kind]]`
 * → `wrong`, `{{text}}` → `text`), and the labelled errors are counted.
 *
 * A large draft never repeats a paragraph (the checker's paragraph cache and its word memos
 * would make a repeat nearly free). A draft of a corpus is built as follows, deterministic for a
 * given seed:
 *  1. every block (the text between blank lines) of the corpus's drafts, as written, in a
 *     shuffled order;
 *  2. then, while the draft is short of its size, new blocks: two or three prose blocks of the
 *     corpus run together as one paragraph (more when a small corpus has used up those), or a list, table or fact box with its rows in another
 *     order (the first line, and a table's `---` line, stay in place);
 *  3. a paragraph already in the draft is never added again (checked by its text), and the
 *     finished draft is split at its blank lines and checked to have no paragraph twice.
 * A heading, and a block holding a code fence or an HTML comment, is only ever used as written
 * (once). Line endings are normalised to \n.
 *
 * When ../shared/eval is absent (a checkout without it), the corpora fall back to the bundled
 * samples: test/fixtures/drafts (labelled drafts of the bundled story) and the practice stories
 * copied into test/fixtures/integration/stories (unlabelled). The bench says so in its output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadFactSheet, type FactSheet } from '../src/core';
import { rng } from '../test/helpers/rng';

export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** A labelled span of a rendered draft (offsets into the plain text). */
export interface Label {
  start: number;
  end: number;
  kind: string;
  optional: boolean;
}

/**
 * Renders a labelled draft to the plain draft an editor would see, the way score.mjs's
 * `render()` does: `[[wrong=>right#kind]]` and `[[wrong#kind]]` → `wrong`, `{{text}}` → `text`.
 */
export function renderLabelled(template: string): { text: string; labels: Label[] } {
  let out = '';
  const labels: Label[] = [];
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('[[', i)) {
      const close = template.indexOf(']]', i);
      if (close < 0) throw new Error(`unclosed [[ at ${i}`);
      const body = template.slice(i + 2, close);
      const hash = body.lastIndexOf('#');
      if (hash < 0) throw new Error(`label without #kind: ${body}`);
      const spec = body.slice(0, hash);
      const arrow = spec.indexOf('=>');
      const wrong = arrow >= 0 ? spec.slice(0, arrow) : spec;
      labels.push({ start: out.length, end: out.length + wrong.length, kind: body.slice(hash + 1).trim(), optional: false });
      out += wrong;
      i = close + 2;
    } else if (template.startsWith('{{', i)) {
      const close = template.indexOf('}}', i);
      if (close < 0) throw new Error(`unclosed {{ at ${i}`);
      const text = template.slice(i + 2, close);
      labels.push({ start: out.length, end: out.length + text.length, kind: 'optional', optional: true });
      out += text;
      i = close + 2;
    } else {
      out += template[i++];
    }
  }
  return { text: out, labels };
}

/** One labelled draft, rendered. */
export interface SourceDraft {
  name: string;
  /** The plain draft (mark-up stripped), line endings as written. */
  text: string;
  markdown: boolean;
  /** Labelled errors in it (not counting `{{optional}}` spans). */
  errors: number;
}

type BlockKind = 'prose' | 'rows' | 'fixed';
interface Block {
  text: string;
  errors: number;
  kind: BlockKind;
}

/** The drafts of one story and the sheet they are checked against. */
export interface Corpus {
  /** `dev` for the bundled story, else the story's folder name. */
  name: string;
  /** Where the drafts come from (for the output). */
  dir: string;
  sheetFile: string;
  sheet: FactSheet;
  drafts: SourceDraft[];
  blocks: Block[];
}

const DRAFT_FILE = /\.(?:md|markdown|txt)$/i;
const BLANK = /\r?\n[ \t]*\r?\n/;
const FENCE = /^\s*(?:```|~~~)/m;
/** A line of a list, table, fact box or aligned table. */
const ROW = /^\s*(?:[-*+•|]|\d+[.)]?\s|\*\*[^*]+\*\*)|\S {2,}\S|^[^.!?]{1,60}:\s/;

function classify(text: string): BlockKind {
  if (/^#{1,6}\s/.test(text) || FENCE.test(text) || text.includes('<!--')) return 'fixed';
  const lines = text.split('\n');
  if (lines.length >= 3 && lines.slice(1).filter((l) => ROW.test(l)).length >= (lines.length - 1) / 2) return 'rows';
  return 'prose';
}

/** The blocks of the rendered drafts: text between blank lines, with its labelled errors. */
function blocksOf(rendered: { text: string; labels: Label[] }[]): Block[] {
  const out: Block[] = [];
  for (const { text, labels } of rendered) {
    const re = new RegExp(BLANK.source, 'g');
    let at = 0;
    const take = (end: number) => {
      const raw = text.slice(at, end);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body) {
        const s = at + lead;
        const e = s + body.length;
        const errors = labels.filter((l) => !l.optional && l.start >= s && l.end <= e).length;
        const norm = body.replace(/\r\n?/g, '\n');
        out.push({ text: norm, errors, kind: classify(norm) });
      }
    };
    for (let m = re.exec(text); m; m = re.exec(text)) {
      take(m.index);
      at = m.index + m[0].length;
    }
    take(text.length);
  }
  // A code fence cut by a blank line would mask the rest of a draft: keep such drafts' fences whole.
  return out.filter((b) => !(b.kind === 'fixed' && (b.text.match(/^\s*(?:```|~~~)/gm)?.length ?? 0) % 2 === 1));
}

function readDrafts(dir: string): SourceDraft[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => DRAFT_FILE.test(f))
    .sort()
    .map((f) => {
      const { text, labels } = renderLabelled(fs.readFileSync(path.join(dir, f), 'utf8'));
      return { name: f, text, markdown: !/\.txt$/i.test(f), errors: labels.filter((l) => !l.optional).length };
    });
}

function corpus(name: string, dir: string, sheetFile: string, root: string): Corpus {
  const drafts = readDrafts(dir);
  const sheet = loadFactSheet(fs.readFileSync(sheetFile, 'utf8'));
  const blocks = blocksOf(drafts.map((d) => renderLabelled(fs.readFileSync(path.join(dir, d.name), 'utf8'))));
  return { name, dir: path.relative(root, dir) || '.', sheetFile: path.relative(root, sheetFile), sheet, drafts, blocks };
}

/**
 * The corpora: the bundled story's drafts first, then each practice story's. `shared` says
 * whether they come from ../shared/eval (else from the bundled samples).
 */
export function loadCorpora(root: string): { corpora: Corpus[]; shared: boolean; note: string } {
  const evalDir = path.resolve(root, '..', 'shared', 'eval');
  const shared = fs.existsSync(path.join(evalDir, 'dev'));
  const devDir = shared ? path.join(evalDir, 'dev') : path.join(root, 'test', 'fixtures', 'drafts');
  const storiesDir = shared ? path.join(evalDir, 'stories') : path.join(root, 'test', 'fixtures', 'integration', 'stories');
  const corpora = [corpus('dev', devDir, path.join(root, 'reference', 'facts.json'), root)];
  if (fs.existsSync(storiesDir)) {
    for (const s of fs.readdirSync(storiesDir).sort()) {
      const dir = path.join(storiesDir, s, 'drafts');
      const sheetFile = path.join(storiesDir, s, 'facts.json');
      if (fs.existsSync(dir) && fs.existsSync(sheetFile)) corpora.push(corpus(s, dir, sheetFile, root));
    }
  }
  const note = shared
    ? `drafts from ../shared/eval (dev: ${corpora[0].drafts.length} drafts; ${corpora.slice(1).map((c) => `${c.name}: ${c.drafts.length}`).join(', ')})`
    : `../shared/eval not found: drafts from the bundled samples instead (test/fixtures/drafts, test/fixtures/integration/stories); rows are not comparable with a run on ../shared`;
  return { corpora, shared, note };
}

export interface DraftOptions {
  /** Stop at this many words… */
  words?: number;
  /** …or this many UTF-8 bytes. */
  bytes?: number;
  seed: number;
}

export interface BuiltDraft {
  text: string;
  words: number;
  bytes: number;
  paragraphs: number;
  /** Labelled errors the draft contains (each copy of a labelled block counts). */
  errors: number;
}

/** Paragraphs (text between blank lines, trimmed) that occur more than once. */
export function repeatedParagraphs(text: string): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const p of text.split(BLANK)) {
    const t = p.trim();
    if (!t) continue;
    if (seen.has(t)) repeats++;
    else seen.add(t);
  }
  return repeats;
}

/** Builds a draft of about the requested size from one corpus (see the file's comment). */
export function buildDraft(c: Corpus, opts: DraftOptions): BuiltDraft {
  const r = rng(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const shuffled = <T>(xs: readonly T[]) => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const out: string[] = [];
  const seen = new Set<string>();
  let words = 0;
  let bytes = 0;
  let errors = 0;
  const done = () => (opts.words !== undefined && words >= opts.words) || (opts.bytes !== undefined && bytes >= opts.bytes);
  const add = (text: string, errs: number) => {
    if (seen.has(text)) return false;
    seen.add(text);
    out.push(text);
    words += countWords(text);
    bytes += Buffer.byteLength(text, 'utf8') + 2;
    errors += errs;
    return true;
  };
  for (const b of shuffled(c.blocks)) {
    if (done()) break;
    add(b.text, b.errors);
  }
  const prose = c.blocks.filter((b) => b.kind === 'prose');
  const rows = c.blocks.filter((b) => b.kind === 'rows');
  const variable = [...prose, ...rows];
  if (!variable.length && !done()) throw new Error(`corpus ${c.name} has no prose or rows to vary`);
  let misses = 0;
  while (!done()) {
    const b = pick(variable);
    let ok: boolean;
    if (b.kind === 'rows') {
      const lines = b.text.split('\n');
      const fixed = /^\s*\|?\s*:?-{3,}/.test(lines[1] ?? '') ? 2 : 1;
      const text = [...lines.slice(0, fixed), ...shuffled(lines.slice(fixed))].join('\n');
      ok = add(text, b.errors);
    } else {
      const parts = [b];
      // Two or three paragraphs; more once the short combinations of a small corpus run out.
      const n = Math.min(prose.length, (r() < 0.35 ? 3 : 2) + Math.floor(misses / 50));
      while (parts.length < n) {
        const q = pick(prose);
        if (!parts.includes(q)) parts.push(q);
      }
      const joint = parts.some((p) => p.text.includes('\n')) ? '\n' : ' ';
      ok = parts.length > 1 && add(parts.map((p) => p.text).join(joint), parts.reduce((n, p) => n + p.errors, 0));
    }
    if (ok) misses = 0;
    else if (++misses > 10000) throw new Error(`corpus ${c.name}: no new paragraph after 10,000 tries (${out.length} made)`);
  }
  const text = out.join('\n\n') + '\n';
  const repeats = repeatedParagraphs(text);
  if (repeats) throw new Error(`draft of ${c.name} (seed ${opts.seed}) repeats ${repeats} paragraphs`);
  return { text, words, bytes: Buffer.byteLength(text), paragraphs: out.length, errors };
}

/** A copy of `s` in a string of its own (not a slice or a rope sharing another string's characters). */
export function ownCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
