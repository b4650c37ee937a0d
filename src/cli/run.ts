/**
 * The command-line front door: `newsroom-factcheck [--facts FILE] [--format text|json] [--fix] PATH...`.
 * Reads files, calls the same core as the extension, prints findings, exits 0/1/2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { FactSheetError, LineIndex, MAX_SHEET_CHARS, analyze, applyFixes, checkCitations, loadFactSheet, type FactSheet, type Finding } from '../core';

export interface CliIo {
  argv: string[];
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Directory relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

const USAGE = `Usage: newsroom-factcheck [options] PATH...

Checks Markdown and plain-text drafts against a story's verified facts.
PATH is a file, a directory (its .md, .markdown and .txt files, recursively) or a glob.

Options:
  --facts FILE          fact sheet to check against (default: the bundled story)
  --format text|json    output format (default: text)
  --fix                 apply each finding's preferred fix and rewrite the file
  --no-unverified       do not report quotes missing from the verified facts
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 no findings, 1 findings, 2 usage or input error.
`;

const DRAFT_EXT = /\.(?:md|markdown|txt)$/i;
const MAX_BYTES = 32 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

class UsageError extends Error {}

interface Options {
  facts?: string;
  format: 'text' | 'json';
  fix: boolean;
  unverified: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', fix: false, unverified: true, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '-v' || a === '--version') return 'version';
    else if (a === '--fix') o.fix = true;
    else if (a === '--no-unverified') o.unverified = false;
    else if (a === '--facts' || a.startsWith('--facts=')) o.facts = value('--facts');
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json (got "${f}")`);
      o.format = f;
    } else if (a === '--') o.paths.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (!o.paths.length) throw new UsageError('no PATH given');
  return o;
}

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out);
    } else if (e.isFile() && DRAFT_EXT.test(e.name)) out.push(p);
  }
}

/** Expands files, directories and globs into the list of drafts to check, in order, without duplicates. */
export function expandPaths(paths: string[], cwd: string, errors: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(abs, found);
      out.push(...found.map((f) => path.join(p, path.relative(abs, f))));
    } else if (stat) out.push(p);
    else if (/[*?[\]{}]/.test(p)) {
      // A glob: walk from its static prefix and match relative paths.
      const parts = p.split(/[\\/]/);
      const first = parts.findIndex((x) => /[*?[\]{}]/.test(x));
      const base = parts.slice(0, first).join('/') || '.';
      const found: string[] = [];
      try {
        walk(path.resolve(cwd, base), found);
      } catch {
        /* no such base: no matches */
      }
      // path.join normalises "./drafts/a.md" to "drafts/a.md": match against the pattern normalised alike.
      const pattern = p.replace(/^(?:\.\/)+/, '');
      const matches = found
        .map((f) => path.join(base, path.relative(path.resolve(cwd, base), f)))
        .filter((f) => minimatch(f.split(path.sep).join('/'), pattern));
      if (!matches.length) errors.push(`${p}: no files match this pattern`);
      out.push(...matches);
    } else errors.push(`${p}: no such file or directory`);
  }
  return [...new Set(out)];
}

/** Reads a draft as text, or explains why it cannot be checked. */
export function readDraft(file: string): { text: string; bom: boolean } | { error: string } {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    // A FIFO or device would block the read, or never end: only regular files are drafts.
    if (!st.isFile()) return { error: st.isDirectory() ? 'is a directory' : 'is not a regular file; not checked' };
    if (st.size > MAX_BYTES) return { error: `file is too large to check (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB)` };
    buf = fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'ENOENT' ? 'no such file' : err.message;
    return { error: `cannot read file: ${why}` };
  }
  if (buf.includes(0)) return { error: 'looks like a binary file (contains NUL bytes); not checked' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return { error: 'is not valid UTF-8 text; not checked' };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/**
 * Reads and validates a fact sheet: size checked before reading, strict UTF-8, and every cited
 * sentence looked up in the article (`story.article`, relative to the sheet). Returns the sheet,
 * or the problems as indented lines, each with its JSON path.
 */
export function readFactSheet(file: string): FactSheet | string {
  const cannot = (e: unknown) => `  cannot read it: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (e as Error).message}`;
  let json: string;
  try {
    const size = fs.statSync(file).size;
    // Checked before reading: a sheet is a few kilobytes, never megabytes.
    if (size > MAX_SHEET_CHARS) return `  $: fact sheet is too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_SHEET_CHARS / 1048576} MB)`;
    const buf = fs.readFileSync(file);
    try {
      json = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      return '  $: fact sheet is not valid UTF-8 text (save it as UTF-8)';
    }
  } catch (e) {
    return cannot(e);
  }
  let sheet: FactSheet;
  try {
    sheet = loadFactSheet(json);
  } catch (e) {
    if (e instanceof FactSheetError) return e.problems.map((p) => `  ${p}`).join('\n');
    throw e;
  }
  const articlePath = path.resolve(path.dirname(file), sheet.story.article);
  let article: string;
  try {
    article = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(articlePath));
  } catch (e) {
    const why = e instanceof TypeError ? 'is not valid UTF-8 text' : cannot(e).replace('  cannot read it: ', 'cannot be read: ');
    return `  $.story.article: the article ${JSON.stringify(sheet.story.article)} ${why}`;
  }
  const problems = checkCitations(sheet, article);
  return problems.length ? problems.map((p) => `  ${p}`).join('\n') : sheet;
}

function defaultFacts(): string {
  // dist/cli.js → ../reference/facts.json; also works from out/ test bundles.
  for (const dir of [path.join(__dirname, '..', 'reference'), path.join(__dirname, '..', '..', 'reference')]) {
    const p = path.join(dir, 'facts.json');
    if (fs.existsSync(p)) return p;
  }
  return path.join(__dirname, '..', 'reference', 'facts.json');
}

function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.factcheck.tmp`);
  const mode = fs.statSync(file).mode;
  try {
    fs.writeFileSync(tmp, text, { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
  fixes: { title: string; edits: { range: JsonDiagnostic['range']; newText: string }[] }[];
}

function toJson(text: string, findings: Finding[]): JsonDiagnostic[] {
  const idx = new LineIndex(text);
  const range = (s: number, e: number) => ({ start: idx.position(s), end: idx.position(e) });
  return findings.map((f) => ({
    range: range(f.start, f.end),
    severity: f.severity,
    code: f.ruleId,
    message: f.message,
    fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: range(e.start, e.end), newText: e.text })) })),
  }));
}

/** Runs the CLI; resolves to the exit code. */
export async function run(io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let opts: Options;
  try {
    const parsed = parseArgs(io.argv);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (parsed === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    opts = parsed;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`newsroom-factcheck: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }

  const factsPath = opts.facts ? path.resolve(cwd, opts.facts) : defaultFacts();
  const sheetOrError = readFactSheet(factsPath);
  if (typeof sheetOrError === 'string') {
    io.stderr(`newsroom-factcheck: ${opts.facts ?? factsPath}: bad fact sheet\n${sheetOrError}\n`);
    return 2;
  }
  const sheet: FactSheet = sheetOrError;

  const errors: string[] = [];
  const files = expandPaths(opts.paths, cwd, errors);
  const report: { path: string; diagnostics: JsonDiagnostic[] }[] = [];
  let total = 0;
  let errorsCount = 0;
  let warnings = 0;
  let fixedTotal = 0;
  const lines: string[] = [];
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    const read = readDraft(abs);
    if ('error' in read) {
      errors.push(`${file}: ${read.error}`);
      continue;
    }
    const options = { reportUnverifiedQuotes: opts.unverified, markdown: !/\.txt$/i.test(file) };
    let text = read.text;
    let findings = analyze(text, sheet, options).findings;
    if (opts.fix && findings.some((f) => f.fixes.length)) {
      // Fixes can uncover or settle others; apply until nothing more changes (bounded).
      for (let round = 0; round < 3 && findings.some((f) => f.fixes.length); round++) {
        const { text: next, applied } = applyFixes(text, findings);
        if (!applied || next === text) break;
        fixedTotal += applied;
        text = next;
        findings = analyze(text, sheet, options).findings;
      }
      if (text !== read.text) {
        try {
          writeAtomic(abs, (read.bom ? '\uFEFF' : '') + text);
        } catch (e) {
          errors.push(`${file}: cannot write the fixed file: ${(e as Error).message}`);
        }
      }
    }
    report.push({ path: file, diagnostics: toJson(text, findings) });
    const idx = new LineIndex(text);
    for (const f of findings) {
      const p = idx.position(f.start);
      lines.push(`${file}:${p.line + 1}:${p.character + 1}  ${f.severity}  ${f.ruleId}  ${f.message}`);
      total++;
      if (f.severity === 'error') errorsCount++;
      else if (f.severity === 'warning') warnings++;
    }
  }
  if (opts.format === 'json') io.stdout(JSON.stringify({ files: report }) + '\n');
  else {
    if (lines.length) io.stdout(lines.join('\n') + '\n');
    const fixed = opts.fix ? `; fixed ${fixedTotal}` : '';
    const noun = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    io.stdout(`${noun(total, 'finding')} (${noun(errorsCount, 'error')}, ${noun(warnings, 'warning')}) in ${noun(report.length, 'file')}${fixed}\n`);
  }
  for (const e of errors) io.stderr(`newsroom-factcheck: ${e}\n`);
  if (errors.length) return 2;
  return total > 0 ? 1 : 0;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
