/** Shared by the CLI tests: run the CLI in process, fresh temporary directories, small drafts. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, type CliIo } from '../src/cli/run';

export const root = path.resolve(__dirname, '..', '..');
export const distCli = path.join(root, 'dist', 'cli.js');
export const councilDir = path.join(root, 'test', 'fixtures', 'cli', 'council');

// The clause after the figure makes the one-line draft about the bundled story: a draft that names or
// cites none of a story's people, figures and quotes is not checked against it.
export const WRONG = 'Iranian authorities acknowledged 3,171 deaths; Araghchi spoke in Muscat.\n'; // verified: 3,117
export const CLEAN = 'Iranian authorities acknowledged 3,117 deaths; Araghchi spoke in Muscat.\n';
/** Two unverified quotes: two warnings, no error. */
// In Tehran, on the day Araghchi flew to Muscat: the draft is about the bundled story, whose sheet has neither quote.
export const WARNINGS = 'In Tehran, as Araghchi flew to Muscat, a resident said it was “a very long night for all of us”. Another said “we will rebuild the whole street”.\n';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in process; `extra` sets stdin, isTTY or the test seam. */
export async function cli(argv: string[], cwd: string, extra: Partial<CliIo> = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run({ argv, cwd, stdout: (s) => (out += s), stderr: (s) => (err += s), ...extra });
  return { code, out, err };
}

export const tmpDir = { path: '' };

/** Gives each test of the calling suite a fresh temporary directory (tmpDir.path), removed afterwards. */
export function useTmp(): void {
  beforeEach(() => {
    tmpDir.path = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-cli-')));
  });
  afterEach(() => {
    fs.rmSync(tmpDir.path, { recursive: true, force: true });
  });
}

/** Writes a file under the temporary directory, creating its folders; returns its absolute path. */
export function write(rel: string, content: string | Buffer): string {
  const p = path.join(tmpDir.path, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

/** Paths of a JSON report, with / separators. */
export const reportPaths = (out: string): string[] => (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path.split(path.sep).join('/'));

/** 1-based line and UTF-16 column → offset, computed independently of the CLI (lines end at \n). */
export function offsetAt(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let off = 0;
  for (let i = 0; i < line - 1; i++) off += lines[i].length + 1;
  if (column - 1 > lines[line - 1].length) throw new Error(`column ${column} is past the end of line ${line}`);
  return off + column - 1;
}
