/**
 * Which fact sheet and which project config apply to a draft on disk, the same way the editor
 * decides: `--facts` > the draft's front matter > the nearest `.factcheck.json` (its mappings, then
 * its `facts`) > the story the draft is about, among the config's sheets and the bundled story
 * (none: the draft is not checked). Each sheet and config is read and validated once per run.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  FactSheetError,
  MAX_SHEET_CHARS,
  SHEET_LIMIT_WHY,
  checkCitations,
  frontMatterFactSheet,
  loadFactSheet,
  parseProjectConfig,
  sheetForDraft,
  storySheets,
  type FactSheet,
  type ProjectConfig,
} from '../core';
import { readError } from './files';
import { printable } from './printable';

/** A config in force for a draft: the file, its directory (globs are relative to it) and content. */
export interface ConfigInForce {
  file: string;
  dir: string;
  config: ProjectConfig;
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_SHEET_BYTES = 16 * 1024 * 1024;

/** A file of the bundled reference/ folder: dist/cli.js → ../reference/NAME; also from out/ test bundles. */
export function referenceFile(name: string): string | undefined {
  for (const dir of [path.join(__dirname, '..', 'reference'), path.join(__dirname, '..', '..', 'reference')]) {
    const p = path.join(dir, name);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

export function defaultFactsPath(): string {
  return referenceFile('facts.json') ?? path.join(__dirname, '..', 'reference', 'facts.json');
}

function readText(file: string): string {
  const st = fs.statSync(file);
  if (!st.isFile()) throw new Error(st.isDirectory() ? 'is a directory' : 'is not a regular file');
  if (st.size > MAX_SHEET_BYTES) throw new Error(`is too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_SHEET_BYTES / 1048576} MB)`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch (e) {
    if (e instanceof TypeError) throw new Error('is not valid UTF-8 text');
    throw e;
  }
}


/**
 * A path written in a sheet, config or front matter, for this system: `\` and `/` both separate
 * (a sheet written on Windows works in Linux CI, as it does in the editor).
 */
export const portable = (p: string): string => (path.sep === '/' ? p.replace(/\\/g, '/') : p);

/** Whether `target` is `dir` or below it. */
export function inside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

/** The path with its symbolic links resolved, as far as it exists. */
function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    const up = path.dirname(p);
    return up === p ? p : path.join(realOrSelf(up), path.basename(p));
  }
}

/**
 * The project a draft belongs to, which sheets named by its front matter must be in: the folder
 * of its config, else the git work tree it is in, else the working directory.
 */
export function projectRoot(absDraft: string, config: ConfigInForce | undefined, cwd: string): string {
  if (config) return config.dir;
  for (let d = path.dirname(absDraft); ; ) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return cwd;
    d = up;
  }
}

/** A sheet, or the problems (with JSON paths) that keep it from being used. */
export function readFactSheet(file: string): FactSheet | string[] {
  let json: string;
  try {
    const size = fs.statSync(file).size;
    // Checked before reading: a sheet is a few kilobytes, never megabytes.
    if (size > MAX_SHEET_CHARS) return [`$: fact sheet is too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_SHEET_CHARS / 1048576} MB: ${SHEET_LIMIT_WHY})`];
    json = readText(file);
  } catch (e) {
    if ((e as Error).message === 'is not valid UTF-8 text') return ['$: fact sheet is not valid UTF-8 text (save it as UTF-8)'];
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [NOT_FOUND];
    return [`cannot read it: ${readError(e)}`];
  }
  let sheet: FactSheet;
  try {
    sheet = loadFactSheet(json);
  } catch (e) {
    if (e instanceof FactSheetError) return e.problems;
    throw e;
  }
  let article: string;
  try {
    const articlePath = path.resolve(path.dirname(file), portable(sheet.story.article));
    // Confined to the sheet's folder and below (links resolved): a sheet cannot make the citation
    // check an oracle on any other readable file.
    if (!inside(realOrSelf(path.dirname(file)), realOrSelf(articlePath))) return [`$.story.article: the article ${JSON.stringify(sheet.story.article)} is outside the folder of its fact sheet; put it in that folder or below`];
    article = readText(articlePath);
  } catch (e) {
    const why = (e as Error).message === 'is not valid UTF-8 text' ? 'is not valid UTF-8 text' : `cannot be read: ${readError(e)}`;
    return [`$.story.article: the article ${JSON.stringify(sheet.story.article)} ${why}`];
  }
  // The story's other documents (a transcript, a press release), confined as its article is.
  const documents: Record<string, string> = {};
  for (const [i, d] of (sheet.story.documents ?? []).entries()) {
    const at = `$.story.documents[${i}].path: the document "${d.id}" (${JSON.stringify(d.path)})`;
    try {
      const docPath = path.resolve(path.dirname(file), portable(d.path));
      if (!inside(realOrSelf(path.dirname(file)), realOrSelf(docPath))) return [`${at} is outside the folder of its fact sheet; put it in that folder or below`];
      documents[d.id] = readText(docPath);
    } catch (e) {
      return [`${at} ${(e as Error).message === 'is not valid UTF-8 text' ? 'is not valid UTF-8 text' : `cannot be read: ${readError(e)}`}`];
    }
  }
  const problems = checkCitations(sheet, article, documents);
  if (problems.length) return problems;
  verified.set(sheet, [article, ...Object.values(documents)]);
  return sheet;
}

/** The verified texts (article, then documents) each sheet was read with. */
const verified = new WeakMap<FactSheet, readonly string[]>();

/** The article and documents `sheet` was read and verified with (CheckOptions.sources), if it was read by readFactSheet. */
export function verifiedTexts(sheet: FactSheet): readonly string[] | undefined {
  return verified.get(sheet);
}

/** The one problem of a sheet path that names no file. */
const NOT_FOUND = 'not found';

export class SheetResolver {
  private readonly sheets = new Map<string, Resolved<FactSheet>>();
  private readonly configs = new Map<string, Resolved<ConfigInForce | undefined>>();
  private readonly explicitConfig?: string;
  /** Files outside the folder of `--config`, which therefore does not apply to them. */
  readonly outside = new Set<string>();
  /** Sheets named by a file but outside its project, with the reason they are not read. */
  private readonly refused = new Map<string, string>();

  constructor(
    private readonly cwd: string,
    private readonly opts: { facts?: string; config?: string; useConfig?: boolean } = {},
  ) {
    if (opts.config) this.explicitConfig = path.resolve(cwd, opts.config);
  }

  /** Shows a path the way the user knows it: relative to the working directory when inside it. */
  display(file: string): string {
    const rel = path.relative(this.cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  }

  /**
   * The fact sheet at an absolute path, read and validated once: its size (before reading), UTF-8,
   * its shape, and every cited sentence against its article (`story.article`, beside the sheet).
   */
  sheet(file: string): Resolved<FactSheet> {
    const refused = this.refused.get(file);
    if (refused) return { ok: false, error: refused };
    let r = this.sheets.get(file);
    if (!r) {
      const problems = readFactSheet(file);
      if (!Array.isArray(problems)) r = { ok: true, value: problems };
      else if (problems.length === 1 && problems[0] === NOT_FOUND) r = { ok: false, error: `${this.display(file)}: fact sheet not found` };
      else r = { ok: false, error: `${this.display(file)}: bad fact sheet\n${problems.map((p) => `  ${printable(p)}`).join('\n')}` };
      this.sheets.set(file, r);
    }
    return r;
  }

  /** The project config that governs a file or directory: `--config`, else the nearest `.factcheck.json` above it. */
  configFor(absPath: string, isDir = false): Resolved<ConfigInForce | undefined> {
    if (this.opts.useConfig === false) return { ok: true, value: undefined };
    if (this.explicitConfig) {
      const r = this.loadConfig(this.explicitConfig, true);
      // Its globs and paths are relative to its folder: they cannot speak of a file outside it.
      const rel = path.relative(path.dirname(this.explicitConfig), absPath);
      if (r.ok && !isDir && (rel.startsWith('..') || path.isAbsolute(rel))) {
        this.outside.add(absPath);
        return { ok: true, value: undefined };
      }
      return r;
    }
    let dir = isDir ? absPath : path.dirname(absPath);
    for (;;) {
      const r = this.loadConfig(path.join(dir, CONFIG_FILE_NAME), false);
      if (!r.ok || r.value) return r;
      const up = path.dirname(dir);
      if (up === dir) return { ok: true, value: undefined };
      dir = up;
    }
  }

  private loadConfig(file: string, required: boolean): Resolved<ConfigInForce | undefined> {
    let r = this.configs.get(file);
    if (!r) {
      try {
        r = { ok: true, value: { file, dir: path.dirname(file), config: parseProjectConfig(readText(file)) } };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (!required && (code === 'ENOENT' || code === 'ENOTDIR')) r = { ok: true, value: undefined };
        else {
          const problems = e instanceof ConfigError ? e.problems : [`cannot read it: ${readError(e)}`];
          r = { ok: false, error: `${this.display(file)}: bad config\n${problems.map((p) => `  ${printable(p)}`).join('\n')}` };
        }
      }
      this.configs.set(file, r);
    }
    return r;
  }

  /**
   * The sheet for a draft (absolute) and its text, see the precedence at the top of this file:
   * a configured sheet (`--facts`, front matter, a mapping or the config's `facts`), else the
   * candidates the draft is matched against (the config's sheets and the bundled story).
   */
  sheetPathFor(absDraft: string, text: string | undefined, config: ConfigInForce | undefined): { sheet: string; origin: 'facts' | 'front matter' | 'config' } | { candidates: string[] } {
    if (this.opts.facts) return { sheet: path.resolve(this.cwd, this.opts.facts), origin: 'facts' };
    const named = text === undefined ? undefined : frontMatterFactSheet(text);
    if (named) return { sheet: this.confined(path.resolve(path.dirname(absDraft), portable(named)), projectRoot(absDraft, config, this.cwd), `facts: ${named} in the front matter of ${this.display(absDraft)}`), origin: 'front matter' };
    if (config) {
      const mapped = sheetForDraft(config.config, path.relative(config.dir, absDraft));
      if (mapped) return { sheet: this.confined(path.resolve(config.dir, portable(mapped)), config.dir, `${JSON.stringify(mapped)} in ${this.display(config.file)}`), origin: 'config' };
    }
    const candidates = (config ? storySheets(config.config).map((p) => path.resolve(config.dir, portable(p))) : []).concat(defaultFactsPath());
    return { candidates: [...new Set(candidates)] };
  }

  /** `sheet` if it is inside `root`; else it is refused (and {@link sheet} says why). */
  private confined(sheet: string, root: string, namedBy: string): string {
    if (!inside(realOrSelf(root), realOrSelf(sheet)) && !this.refused.has(sheet))
      this.refused.set(
        sheet,
        `${this.display(sheet)}: not read: ${namedBy} names a fact sheet outside the project ${this.display(root) || '.'}; a sheet named by a file must be inside its project (give it with --facts to use it anyway)`,
      );
    return sheet;
  }
}
