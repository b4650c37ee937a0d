/**
 * The command-line front door: `newsroom-factcheck [options] PATH...` (see ./args.ts).
 * Reads drafts, calls the same core as the extension, reports in the chosen format, exits 0/1/2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineIndex, analyze, applyFixes, configCheckOptions, coverage, pickStory, withoutIgnored, withoutOffRules, type FactSheet, type Finding } from '../core';
import { USAGE, UsageError, parseArgs, type Format, type Options } from './args';
import { runExtract } from './extract';
import { ChangedOnDiskError, MAX_BYTES, decodeDraft, encodeDraft, readDraft, replaceFile, writeFileAtomic } from './files';
import { formatGithub } from './formats/github';
import { printable, printableLines } from './printable';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { countFindings, type FileReport, type Problem, type Report } from './report';
import { SheetResolver, portable, verifiedTexts, type ConfigInForce } from './sheets';
import { expandPaths } from './walk';
import type { CliIo } from './io';

export type { CliIo } from './io';

export { expandPaths } from './walk';
export { readDraft } from './files';

/** Runs over more files than this show a progress line on a terminal. */
export const PROGRESS_MIN_FILES = 20;

const FORMATTERS: Record<Format, (r: Report) => string> = { text: formatText, json: formatJson, sarif: formatSarif, junit: formatJunit, github: formatGithub };

/** All of standard input, or as soon as it passes the size limit, that much and a byte more (not all of it in memory). */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of process.stdin) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    chunks.push(b);
    n += b.length;
    if (n > MAX_BYTES) {
      process.stdin.destroy();
      break;
    }
  }
  return Buffer.concat(chunks);
}

/** Runs the CLI; resolves to the exit code. */
export async function run(io: CliIo): Promise<number> {
  // Subcommands (`newsroom-factcheck <name> ...`) are dispatched here, before option parsing.
  if (io.argv[0] === 'extract') return runExtract(io);

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
      // One line on what is wrong and one on where help is, as ESLint and markdownlint-cli2 do.
      io.stderr(`newsroom-factcheck: ${e.message}\nRun newsroom-factcheck --help for the options.\n`);
      return 2;
    }
    throw e;
  }

  const sheets = new SheetResolver(cwd, { facts: opts.facts, config: opts.config, useConfig: opts.useConfig });
  // A sheet or config named on the command line is checked first: nothing can be checked without it.
  const explicit = [
    opts.facts ? sheets.sheet(path.resolve(cwd, opts.facts)) : undefined,
    opts.config && opts.useConfig ? sheets.configFor(cwd, true) : undefined,
  ];
  for (const r of explicit)
    if (r && !r.ok) {
      io.stderr(`newsroom-factcheck: ${printableLines(r.error)}\n`);
      return 2;
    }

  const problems: Problem[] = [];
  const reported = new Set<string>();
  const once = (message: string) => {
    if (!reported.has(message)) reported.add(message), problems.push({ kind: 'error', message });
  };
  const noticed = new Set<string>();
  const notice = (message: string) => {
    if (!noticed.has(message)) noticed.add(message), problems.push({ kind: 'notice', message });
  };
  const walkErrors: string[] = [];
  const walkNotices: string[] = [];
  const targets = expandPaths(
    opts.paths,
    {
      cwd,
      configFor: (abs) => {
        const r = sheets.configFor(abs);
        return r.ok ? r.value : undefined;
      },
      errors: walkErrors,
      notices: walkNotices,
    },
    opts.stdinFilename,
  );
  for (const message of walkErrors) problems.push({ kind: 'error', message });
  for (const message of walkNotices) problems.push({ kind: 'notice', message });

  // First every draft is read and its config and sheet resolved: a reference article that a walk
  // finds beside its sheet is then known, and left unchecked (as in the editor).
  type Prepared = { target: (typeof targets)[number]; read: Exclude<ReturnType<typeof readDraft>, { error: string }>; config: ConfigInForce | undefined; sheet: FactSheet | undefined };
  const prepared: Prepared[] = [];
  const articles = new Map<string, string>();
  /** Drafts that name or cite no story among the candidates: not checked. */
  const unmatched: string[] = [];
  for (const target of targets) {
    const file = target.display;
    const abs = target.abs;
    let read: ReturnType<typeof readDraft>;
    if (target.stdin) {
      const data = await (io.stdin ?? readStdin)();
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      read = bytes.length > MAX_BYTES ? { error: `standard input is too large to check (more than ${MAX_BYTES / 1048576} MB; the limit is ${MAX_BYTES / 1048576} MB); not checked` } : decodeDraft(bytes);
    } else read = readDraft(abs);
    if ('error' in read) {
      // Found by a walk, a file that is not text is passed over; named on the command line, it is an error.
      if (read.skip && !target.explicit) problems.push({ kind: 'notice', file, message: read.error.replace(/; not checked$/, '; skipped') });
      else problems.push({ kind: 'error', file, message: read.error });
      continue;
    }
    if (read.damaged) problems.push({ kind: 'notice', file, message: read.damaged });
    const configR = sheets.configFor(abs);
    if (!configR.ok) {
      once(configR.error);
      problems.push({ kind: 'error', file, message: 'not checked: its config is broken' });
      continue;
    }
    const config = configR.value;
    const choice = sheets.sheetPathFor(abs, read.text, config);
    let sheetPath: string;
    if ('candidates' in choice) {
      // No sheet is configured for it: the story it is about, if any.
      const loaded: { path: string; sheet: FactSheet }[] = [];
      for (const candidate of choice.candidates) {
        const r = sheets.sheet(candidate);
        if (r.ok) loaded.push({ path: candidate, sheet: r.value });
        // A broken sheet fails the drafts configured for it; here it is only passed over.
        else notice(`${r.error.split('\n')[0]}; not used to match drafts to their story`);
      }
      const { index } = pickStory(read.text, loaded.map((l) => l.sheet));
      if (index < 0) {
        // Decided after every sheet in use is known: it may be one's article, passed over with a notice.
        prepared.push({ target, read, config, sheet: undefined });
        continue;
      }
      sheetPath = loaded[index].path;
    } else sheetPath = choice.sheet;
    const sheetR = sheets.sheet(sheetPath);
    if (!sheetR.ok) {
      once(sheetR.error);
      problems.push({ kind: 'error', file, message: `not checked: its fact sheet ${sheetR.error.endsWith(': fact sheet not found') ? 'was not found' : 'is broken'}` });
      continue;
    }
    articles.set(path.resolve(path.dirname(sheetPath), portable(sheetR.value.story.article)), sheetPath);
    prepared.push({ target, read, config, sheet: sheetR.value });
  }

  if (sheets.outside.size && opts.config) {
    const n = sheets.outside.size;
    problems.push({ kind: 'notice', message: `${n} draft${n === 1 ? ' is' : 's are'} outside the folder of --config ${opts.config}: its globs and sheet mappings, relative to that folder, do not apply to ${n === 1 ? 'it' : 'them'} (run from that folder, or put the config above the drafts)` });
  }
  const progress = prepared.length > PROGRESS_MIN_FILES && io.isTTY === true;
  const files: FileReport[] = [];
  let fixed = 0;
  for (let i = 0; i < prepared.length; i++) {
    if (progress) io.stderr(`\rchecked ${i}/${prepared.length}`);
    // Between drafts, a Ctrl-C can be handled (main.ts): never in the middle of rewriting one.
    if (opts.fix && i > 0) await new Promise((resolve) => setImmediate(resolve));
    const { target, read, config, sheet } = prepared[i];
    const file = target.display;
    const abs = target.abs;
    const articleOf = target.stdin ? undefined : articles.get(abs);
    if (articleOf) {
      problems.push({ kind: 'notice', file, message: `skipped: it is the reference article of ${sheets.display(articleOf)}` });
      continue;
    }
    if (!sheet) {
      unmatched.push(file);
      continue;
    }
    const options = { ...configCheckOptions(config?.config, !/\.txt$/i.test(file)), sources: verifiedTexts(sheet) };
    if (!opts.unverified) options.reportUnverifiedQuotes = false;
    // The desk's ignores (.factcheck.json `ignore`) name the draft relative to the config.
    const rel = config ? path.relative(config.dir, abs) : '';
    const check = (t: string) => withoutIgnored(config?.config, rel, t, withoutOffRules(config?.config, analyze(t, sheet, options).findings));
    let text = read.text;
    let findings: Finding[] = check(text);
    if (opts.fix && findings.some((f) => f.fixes.length)) {
      const original = { text, findings };
      let applied = 0;
      // Fixes can uncover or settle others; apply until nothing more changes (bounded).
      for (let round = 0; round < 3 && findings.some((f) => f.fixes.length); round++) {
        const { text: next, applied: n } = applyFixes(text, findings);
        if (!n || next === text) break;
        applied += n;
        text = next;
        findings = check(text);
      }
      if (text !== read.text) {
        try {
          // A draft with NUL bytes was read with U+FFFD in their place: writing that back would change more than the fixes.
          if (read.damaged) throw new Error('it contains NUL bytes (damaged text); remove them, then run --fix again');
          replaceFile(abs, read.bytes, encodeDraft(read, text), io.beforeReplace);
          fixed += applied;
        } catch (e) {
          const why = e instanceof ChangedOnDiskError ? `not fixed: ${e.message}; run again to check the new text` : `cannot write the fixed file: ${(e as Error).message}`;
          problems.push({ kind: 'error', file, message: why });
          ({ text, findings } = original);
        }
      }
    }
    if (opts.quiet) findings = findings.filter((f) => f.severity === 'error');
    // Coverage is a view of the text as reported (after --fix), never findings: it leaves the exit status alone.
    const cov = opts.coverage ? coverage(text, sheet, options) : undefined;
    files.push({ path: file, text, findings, sheet, lines: new LineIndex(text), coverage: cov });
  }
  if (progress) io.stderr('\r\x1b[K');

  const report: Report = { files, unmatched, problems, fixed: opts.fix ? fixed : undefined, explain: opts.explain, cwd, toolVersion: VERSION };
  if (opts.outputFile && opts.outputFormat) {
    const out = path.resolve(cwd, opts.outputFile);
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      // Through a temporary file: a full disk leaves the old report, never a truncated one.
      writeFileAtomic(out, FORMATTERS[opts.outputFormat](report));
    } catch (e) {
      problems.push({ kind: 'error', message: `${opts.outputFile}: cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    }
  }
  io.stdout(FORMATTERS[opts.format](report));
  for (const p of problems) io.stderr(`newsroom-factcheck: ${p.kind === 'notice' ? 'notice: ' : ''}${p.file ? `${printable(p.file)}: ` : ''}${printableLines(p.message)}\n`);

  if (problems.some((p) => p.kind === 'error')) return 2;
  const c = countFindings(files);
  if (c.errors > 0) return 1;
  return opts.maxWarnings >= 0 && c.warnings > opts.maxWarnings ? 1 : 0;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
