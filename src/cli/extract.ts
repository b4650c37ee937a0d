/**
 * `newsroom-factcheck extract ARTICLE [--id ID] [--title TITLE] [--output FILE]`: proposes a fact
 * sheet from a reference article and prints it as JSON (or writes it to a new file). The sheet is
 * a proposal for an editor to review and trim; nothing in it is verified until a person saves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractFacts, validateFactSheet } from '../core';
import { readDraft } from './files';
import type { CliIo } from './io';
import { referenceFile } from './sheets';

const USAGE = `Usage: newsroom-factcheck extract [options] ARTICLE

Proposes a fact sheet from a reference article (Markdown or plain text): every figure with what
it counts and who reported it, every named person, organisation and place with their roles, every
quoted phrase with its speaker, each citing its source sentence. Review and trim it before use.

Options:
  --id ID           story id (default: made from the headline)
  --title TITLE     story title (default: the article's first line)
  --output FILE     write the sheet to FILE (must not exist yet) instead of printing it
  -h, --help        show this help

Exit status: 0 sheet proposed, 2 usage or input error.
`;

class UsageError extends Error {}

interface Options {
  article: string;
  id?: string;
  title?: string;
  output?: string;
}

function parseArgs(argv: string[]): Options | 'help' {
  let article: string | undefined;
  const o: Partial<Options> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--id' || a.startsWith('--id=')) o.id = value('--id');
    else if (a === '--title' || a.startsWith('--title=')) o.title = value('--title');
    else if (a === '--output' || a === '-o' || a.startsWith('--output=')) o.output = value('--output');
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (article !== undefined) throw new UsageError(`only one ARTICLE can be given (got ${article} and ${a})`);
    else article = a;
  }
  if (article === undefined) throw new UsageError('no ARTICLE given');
  return { ...o, article };
}

const posix = (p: string) => p.split(path.sep).join('/');

/**
 * `$schema` for a sheet saved in `dir`: a relative path that resolves from there. An installed copy
 * of the tool in a `node_modules` folder at or above `dir` is preferred (it moves with the project);
 * else this tool's own schema. Undefined when neither resolves (the key is then left out).
 */
function schemaFrom(dir: string): string | undefined {
  const candidates: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    candidates.push(path.join(d, 'node_modules', 'newsroom-fact-check', 'reference', 'facts.schema.json'));
    if (path.dirname(d) === d) break;
  }
  const own = referenceFile('facts.schema.json');
  if (own) candidates.push(own);
  for (const c of candidates) {
    const rel = posix(path.relative(dir, c));
    if (fs.existsSync(path.resolve(dir, rel))) return rel;
  }
  return undefined;
}

/** Runs `extract`; `io.argv` may start with the word `extract`. Resolves to the exit code. */
export async function runExtract(io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const argv = io.argv[0] === 'extract' ? io.argv.slice(1) : io.argv;
  let opts: Options;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    opts = parsed;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`newsroom-factcheck extract: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const articleAbs = path.resolve(cwd, opts.article);
  const read = readDraft(articleAbs);
  if ('error' in read) {
    io.stderr(`newsroom-factcheck extract: ${opts.article}: ${read.error}\n`);
    return 2;
  }
  const outAbs = opts.output ? path.resolve(cwd, opts.output) : undefined;
  if (outAbs && fs.existsSync(outAbs)) {
    io.stderr(`newsroom-factcheck extract: ${opts.output}: already exists; not overwritten (choose a new file)\n`);
    return 2;
  }
  // Paths in the sheet are relative to where it will live: the output file's folder, else beside
  // the article (`extract stories/x/article.md > stories/x/facts.json`), as the editor command does.
  const base = outAbs ? path.dirname(outAbs) : path.dirname(articleAbs);
  // A sheet's article must be in the sheet's folder or below (sheets.ts): an article elsewhere is
  // copied beside the sheet (an identical copy already there is taken as it is).
  let articleRel = path.relative(base, articleAbs);
  let copyTo: string | undefined;
  if (outAbs && (articleRel.startsWith('..') || path.isAbsolute(articleRel))) {
    // The article's own name, else one after the sheet's ("kestrel.facts.article.md"), if free.
    const names = [path.basename(articleAbs), `${path.basename(outAbs).replace(/\.json$/i, '')}.${path.basename(articleAbs)}`];
    const free = names.map((name) => {
      try {
        return fs.readFileSync(path.join(base, name)).equals(read.bytes) ? 'same' : 'taken';
      } catch {
        return 'free';
      }
    });
    const k = free.findIndex((x) => x !== 'taken');
    if (k < 0) {
      io.stderr(`newsroom-factcheck extract: ${path.relative(cwd, path.join(base, names[0]))}: already exists; the article must be copied beside the sheet (a sheet's article is in its folder or below): choose another --output folder\n`);
      return 2;
    }
    articleRel = names[k];
    if (free[k] === 'free') copyTo = path.join(base, names[k]);
  }
  let extraction: ReturnType<typeof extractFacts>;
  try {
    extraction = extractFacts(read.text, {
      articlePath: posix(articleRel),
      storyId: opts.id,
      title: opts.title,
      markdown: /\.(?:md|markdown)$/i.test(articleAbs),
    });
    validateFactSheet(JSON.parse(JSON.stringify(extraction.sheet)));
  } catch (e) {
    // The extractor leaves out whatever would not load; anything left is a bug, reported with the file.
    io.stderr(`newsroom-factcheck extract: ${opts.article}: no sheet could be proposed: ${(e as Error).message}\n`);
    return 2;
  }
  const { sheet, notes } = extraction;
  const schema = schemaFrom(base);
  const json = JSON.stringify(schema ? { $schema: schema, ...sheet } : sheet, null, 2) + '\n';
  for (const n of notes) io.stderr(`newsroom-factcheck extract: note: ${n}\n`);
  if (outAbs) {
    try {
      fs.mkdirSync(path.dirname(outAbs), { recursive: true });
      if (copyTo) {
        fs.writeFileSync(copyTo, read.bytes, { flag: 'wx' });
        io.stderr(`newsroom-factcheck extract: note: copied the article to ${path.relative(cwd, copyTo)}: a sheet's article must be in the sheet's folder or below\n`);
      }
      fs.writeFileSync(outAbs, json, { flag: 'wx' });
    } catch (e) {
      io.stderr(`newsroom-factcheck extract: ${opts.output}: cannot write it: ${(e as Error).message}\n`);
      return 2;
    }
    const n = sheet.entities.length + sheet.figures.length + sheet.dates.length + sheet.quotes.length + sheet.settings.length;
    io.stderr(`newsroom-factcheck extract: proposed ${n} facts in ${opts.output}; review and trim them before use\n`);
  } else io.stdout(json);
  return 0;
}
