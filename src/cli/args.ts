/** Command-line options of `newsroom-factcheck` and their usage text. */

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: newsroom-factcheck [options] PATH...

Checks Markdown and plain-text drafts against a story's verified facts.
PATH is a file, a directory (its drafts, recursively, as the config's include/exclude and
.gitignore allow), a glob, or - for standard input.

Options:
  --facts FILE          fact sheet to check every draft against (default: the draft's
                        front matter \`facts:\`, else the nearest .factcheck.json, else
                        the bundled story)
  --config FILE         project config to use instead of the nearest .factcheck.json
  --no-config           ignore .factcheck.json files
  --format FORMAT       report format on stdout: text (default), json, sarif, junit, github
  --output-file FILE    write the report to FILE; stdout then shows the text report
  --output-format FMT   format of --output-file (default: --format); stdout keeps --format
  --max-warnings N      fail (exit 1) when there are more than N warnings (default 0)
  -q, --quiet           report errors only; warnings, info and hints are left out
  --explain             under each finding, the verified fact and its source sentence
  --coverage            also show, per draft, the verified facts it uses, contradicts
                        and leaves out, and what it states that the sheet does not hold
  --stdin-filename NAME path of the draft read from - (for config, sheet and file type)
  --fix                 apply each finding's preferred fix and rewrite the file
  --no-unverified       do not report quotes missing from the verified facts
  -h, --help            show this help
  -v, --version         show the version

Subcommand:
  extract ARTICLE       propose a fact sheet from a reference article (see
                        newsroom-factcheck extract --help)

Exit status: 0 no errors and no more warnings than allowed, 1 errors or too many
warnings, 2 usage or input error.
`;

export class UsageError extends Error {}

export interface Options {
  facts?: string;
  config?: string;
  useConfig: boolean;
  format: Format;
  outputFile?: string;
  outputFormat?: Format;
  /** Warnings tolerated before the run fails; -1: any number. */
  maxWarnings: number;
  quiet: boolean;
  explain: boolean;
  /** Add each draft's coverage by its sheet to the report (text and json). */
  coverage: boolean;
  stdinFilename?: string;
  fix: boolean;
  unverified: boolean;
  paths: string[];
}

function format(name: string, f: string): Format {
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`${name} must be one of ${FORMATS.join(', ')} (got "${f}")`);
  return f as Format;
}

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', fix: false, unverified: true, useConfig: true, maxWarnings: 0, quiet: false, explain: false, coverage: false, paths: [] };
  let formatGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    const is = (name: string) => a === name || a.startsWith(`${name}=`);
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '-v' || a === '--version') return 'version';
    else if (a === '--fix') o.fix = true;
    else if (a === '--no-unverified') o.unverified = false;
    else if (a === '--quiet' || a === '-q') o.quiet = true;
    else if (a === '--explain') o.explain = true;
    else if (a === '--coverage') o.coverage = true;
    else if (a === '--no-config') o.useConfig = false;
    else if (is('--facts')) o.facts = value('--facts');
    else if (is('--config')) o.config = value('--config');
    else if (is('--stdin-filename')) o.stdinFilename = value('--stdin-filename');
    else if (is('--output-file')) o.outputFile = value('--output-file');
    else if (is('--output-format')) o.outputFormat = format('--output-format', value('--output-format'));
    else if (is('--format')) (o.format = format('--format', value('--format'))), (formatGiven = true);
    else if (is('--max-warnings')) {
      const v = value('--max-warnings');
      if (!/^-?\d+$/.test(v.trim()) || Number(v) < -1) throw new UsageError(`--max-warnings must be a whole number, or -1 for no limit (got "${v}")`);
      o.maxWarnings = Number(v);
    } else if (a === '--') o.paths.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (!o.paths.length) throw new UsageError('no PATH given');
  if (o.paths.filter((p) => p === '-').length > 1) throw new UsageError('- (standard input) can be given only once');
  if (o.stdinFilename !== undefined && !o.paths.includes('-')) throw new UsageError('--stdin-filename needs - among the PATHs');
  if (o.stdinFilename !== undefined && !o.stdinFilename.trim()) throw new UsageError('--stdin-filename needs a non-empty name');
  if (o.fix && o.paths.includes('-')) throw new UsageError('--fix cannot rewrite standard input; check it without --fix');
  if (o.outputFormat && !o.outputFile) throw new UsageError('--output-format needs --output-file');
  if (o.outputFile !== undefined && !o.outputFile.trim()) throw new UsageError('--output-file needs a file name');
  // `--format sarif --output-file x.sarif`: the SARIF goes to the file, the text report to stdout.
  if (o.outputFile && !o.outputFormat) {
    o.outputFormat = o.format;
    if (formatGiven) o.format = 'text';
  }
  return o;
}
