/**
 * Which drafts a run checks: PATH arguments (files, directories, globs, `-`) expanded the way
 * markdownlint-cli2 does. A file named on the command line is always checked; files found by
 * walking a directory or a glob must pass the project config's include/exclude (relative to the
 * config's directory; without `include`, Markdown and text files) and the `.gitignore` files
 * from the repository root down. Symbolic links are followed only within the tree walked (each
 * directory at most once, so a link loop cannot trap the walk): a link out of it would let a
 * walk, and --fix, reach files the user never named (a link to `/` walks the whole disk).
 * A link named on the command line is the user's choice and is walked.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { isDraftIncluded, type ProjectConfig } from '../core';

export interface Target {
  /** The path as reported: as given, or given directory + relative path; for stdin the --stdin-filename or `<stdin>`. */
  display: string;
  /** Absolute path (for stdin: where the draft would be, for config and sheet lookup). */
  abs: string;
  /** Named on the command line (or stdin), not found by a walk: problems reading it are errors, not notices. */
  explicit: boolean;
  stdin?: boolean;
}

export interface WalkContext {
  cwd: string;
  /** The project config governing a file, if any (a broken config counts as none here: the check reports it). */
  configFor(abs: string): { dir: string; config: ProjectConfig } | undefined;
  errors: string[];
  notices: string[];
}

/** Drafts recognised by their extension when no config says otherwise. */
export const DRAFT_EXT = /\.(?:md|markdown|txt)$/i;
/** Never descended into: dependencies and hidden directories (.git, .vscode, ...). */
const SKIP_DIR = (name: string) => name === 'node_modules' || name.startsWith('.');
const GLOB_CHARS = /[*?[\]{}]/;
const posix = (p: string) => p.split(path.sep).join('/');

/** The `.gitignore` files of a tree, read once each, applied as git does (deeper files win, `!` re-includes). */
export class GitIgnores {
  private readonly files = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string>();

  constructor(private readonly notices: string[] = []) {}

  /** The directory whose .gitignore is the first to apply under `dir`: the repository root, else `dir`. */
  top(dir: string): string {
    let r = this.roots.get(dir);
    if (r === undefined) {
      r = dir;
      for (let d = dir; ; ) {
        if (fs.existsSync(path.join(d, '.git'))) {
          r = d;
          break;
        }
        const up = path.dirname(d);
        if (up === d) break;
        d = up;
      }
      this.roots.set(dir, r);
    }
    return r;
  }

  private rules(dir: string): Ignore | null {
    let ig = this.files.get(dir);
    if (ig === undefined) {
      ig = null;
      const file = path.join(dir, '.gitignore');
      try {
        if (fs.statSync(file).isFile()) ig = ignore().add(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') this.notices.push(`${file}: cannot read it (${(e as Error).message}); its patterns are not applied`);
      }
      this.files.set(dir, ig);
    }
    return ig;
  }

  /** Whether a path below `top` is ignored by the .gitignore files from `top` down to its directory. */
  ignored(abs: string, isDir: boolean, top: string): boolean {
    const rel = path.relative(top, abs);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    let ignored = false;
    let dir = top;
    for (let i = 0; i < parts.length; i++) {
      const ig = this.rules(dir);
      if (ig) {
        const r = ig.test(parts.slice(i).join('/') + (isDir ? '/' : ''));
        if (r.ignored) ignored = true;
        else if (r.unignored) ignored = false;
      }
      dir = path.join(dir, parts[i]);
    }
    return ignored;
  }
}

/** Expands PATH arguments into the drafts to check, in order, each file once. */
export function expandPaths(paths: string[], ctx: WalkContext, stdinFilename?: string): Target[] {
  const { cwd, errors, notices } = ctx;
  const gitignores = new GitIgnores(notices);
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (t: Target) => {
    let key = t.abs;
    if (!t.stdin)
      try {
        key = fs.realpathSync(t.abs);
      } catch {
        /* reported when read */
      }
    if (!seen.has(key)) seen.add(key), out.push(t);
  };

  /** Whether a file found by a walk is a draft: include/exclude of its config, else its extension. */
  const isDraft = (abs: string): boolean => {
    const c = ctx.configFor(abs);
    if (!c) return DRAFT_EXT.test(abs);
    const rel = path.relative(c.dir, abs);
    // Without `include`, the extension decides (case-insensitively, as without a config).
    if (!c.config.include) return DRAFT_EXT.test(abs) && isDraftIncluded({ ...c.config, include: ['**'] }, rel);
    return isDraftIncluded(c.config, rel);
  };

  /** Files under `root` that are drafts, as absolute paths, sorted per directory. */
  const walk = (root: string): string[] => {
    const found: string[] = [];
    const top = gitignores.top(root);
    const visited = new Set<string>();
    let tree: string;
    try {
      tree = fs.realpathSync(root);
    } catch {
      return found;
    }
    const inTree = (real: string) => {
      const rel = path.relative(tree, real);
      return !rel.startsWith('..') && !path.isAbsolute(rel);
    };
    const shownRoot = path.relative(cwd, root) === '' ? '.' : display(root);
    const visit = (dir: string, ancestors: Set<string>) => {
      let real: string;
      try {
        real = fs.realpathSync(dir);
      } catch {
        return;
      }
      if (ancestors.has(real)) {
        notices.push(`${display(dir)}: symbolic link loop (back to ${display(real)}); not followed`);
        return;
      }
      if (visited.has(real)) return; // reached before by another link: its files are already listed
      visited.add(real);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        notices.push(`${display(dir)}: cannot read this directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped`);
        return;
      }
      const inner = new Set(ancestors).add(real);
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const p = path.join(dir, e.name);
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          let real: string;
          try {
            const st = fs.statSync(p);
            isDir = st.isDirectory();
            isFile = st.isFile();
            real = fs.realpathSync(p);
          } catch (err) {
            const loop = (err as NodeJS.ErrnoException).code === 'ELOOP';
            notices.push(`${display(p)}: ${loop ? 'symbolic link loop' : 'broken symbolic link'}; skipped`);
            continue;
          }
          if ((isDir || isFile) && !inTree(real)) {
            notices.push(`${display(p)}: symbolic link to a ${isDir ? 'directory' : 'file'} outside ${shownRoot}; not followed`);
            continue;
          }
        }
        if (isDir) {
          if (!SKIP_DIR(e.name) && !gitignores.ignored(p, true, top)) visit(p, inner);
        } else if (isFile && isDraft(p) && !gitignores.ignored(p, false, top)) found.push(p);
      }
    };
    visit(root, new Set());
    return found;
  };

  const display = (abs: string) => {
    const rel = path.relative(cwd, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  };

  for (const p of paths) {
    if (p === '-') {
      const name = stdinFilename ?? '<stdin>';
      add({ display: name, abs: path.resolve(cwd, name), explicit: true, stdin: true });
      continue;
    }
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = walk(abs);
      if (!found.length) notices.push(`${p}: no drafts in this directory (see the config's include/exclude and .gitignore)`);
      for (const f of found) add({ display: path.join(p, path.relative(abs, f)), abs: f, explicit: false });
    } else if (stat) add({ display: p, abs, explicit: true });
    else if (GLOB_CHARS.test(p)) {
      // A glob narrows what a walk from its static prefix finds.
      const parts = p.split(/[\\/]/);
      const first = parts.findIndex((x) => GLOB_CHARS.test(x));
      const base = parts.slice(0, first).join('/') || '.';
      const baseAbs = path.resolve(cwd, base);
      let found: string[] = [];
      try {
        if (fs.statSync(baseAbs).isDirectory()) found = walk(baseAbs);
      } catch {
        /* no such base: no matches */
      }
      // path.join normalises "./drafts/a.md" to "drafts/a.md": match against the pattern normalised alike.
      const pattern = p.replace(/^(?:\.\/)+/, '');
      const matches = found.map((f) => path.join(base, path.relative(baseAbs, f))).filter((f) => minimatch(posix(f), pattern));
      if (!matches.length) errors.push(`${p}: no files match this pattern`);
      for (const m of matches) add({ display: m, abs: path.resolve(cwd, m), explicit: false });
    } else errors.push(`${p}: no such file or directory`);
  }
  return out;
}
