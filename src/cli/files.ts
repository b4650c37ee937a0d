/** Reading drafts and writing fixed ones back without ever losing the writer's text. */
import fs from 'node:fs';
import path from 'node:path';

/** The largest draft checked, from a file or standard input. */
export const MAX_BYTES = 32 * 1024 * 1024;

export interface DraftText {
  /** The text without its byte-order mark. */
  text: string;
  bom: boolean;
  /** The bytes as read: --fix rewrites the file only if it still holds exactly these. */
  bytes: Buffer;
  /** How the bytes encode the text; --fix writes the same. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** UTF-8 text with NUL bytes (read as U+FFFD, so offsets hold): what to tell the user. */
  damaged?: string;
}

/** Why a draft was not checked; `skip` marks content that is not text (binary or not UTF-8). */
export interface ReadError {
  error: string;
  skip?: boolean;
}

/** Decodes a draft's bytes, or says why they are not a text draft. */
export function decodeDraft(buf: Buffer): DraftText | ReadError {
  const hasNul = buf.includes(0);
  if (hasNul || (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)))) {
    const encoding = utf16Of(buf);
    if (encoding) {
      try {
        const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buf);
        const bom = text.charCodeAt(0) === 0xfeff;
        if (!BINARY_CONTROLS.test(text) && !text.includes('\u0000')) return { text: bom ? text.slice(1) : text, bom, bytes: buf, encoding };
      } catch {
        /* not UTF-16 after all */
      }
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return hasNul ? { error: 'looks like a binary file (contains NUL bytes); not checked', skip: true } : { error: 'is not valid UTF-8 text; not checked', skip: true };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  let damaged: string | undefined;
  if (hasNul) {
    // NUL bytes beside other control codes are a binary file; alone, stray NULs in text.
    if (BINARY_CONTROLS.test(text)) return { error: 'looks like a binary file (contains NUL bytes); not checked', skip: true };
    // Damaged text, read as CommonMark does (U+0000 as U+FFFD: one code unit each, offsets hold).
    const first = text.indexOf('\u0000');
    const line = text.slice(0, first).split(/\r\n?|\n/);
    let count = 0;
    text = text.replace(/\u0000/g, () => (count++, '\uFFFD'));
    damaged = `contains ${count} NUL byte${count === 1 ? '' : 's'} (the first at ${line.length}:${line[line.length - 1].length + 1}); checked with each read as U+FFFD`;
  }
  return { text, bom, bytes: buf, encoding: 'utf-8', damaged };
}

/**
 * UTF-16 by its byte order mark, or without one by where its NUL bytes fall: the high byte of
 * each Latin character, every other byte (odd offsets little-endian, even ones big-endian).
 */
/** Control codes that text does not hold (all but tab, line breaks, form feed and ESC). */
const BINARY_CONTROLS = /[\u0001-\u0008\u000e-\u001a\u001c-\u001f]/;

function utf16Of(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  // A few bytes say nothing reliable about their encoding.
  if (buf.length % 2 || buf.length < 8) return undefined;
  const n = Math.min(buf.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (buf[i] === 0) i % 2 ? odd++ : even++;
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/** The bytes of a draft's new text, in the draft's own encoding and with its byte order mark. */
export function encodeDraft(draft: DraftText, text: string): Buffer {
  const full = (draft.bom ? '\uFEFF' : '') + text;
  if (draft.encoding === 'utf-8') return Buffer.from(full, 'utf8');
  const le = Buffer.from(full, 'utf16le');
  return draft.encoding === 'utf-16le' ? le : le.swap16();
}

/** Reads a draft as text, or explains why it cannot be checked. */
export function readDraft(file: string): DraftText | ReadError {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    // A FIFO or device would block the read, or never end: only regular files are drafts.
    if (!st.isFile()) return { error: st.isDirectory() ? 'is a directory' : 'is not a regular file; not checked' };
    if (st.size > MAX_BYTES) return { error: `file is too large to check (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB); not checked`, skip: true };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: `cannot read file: ${readError(e)}` };
  }
  return decodeDraft(buf);
}

/** Why a file could not be read, in words (for ENOENT, EACCES and friends). */
export function readError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'ENOENT') return 'no such file';
  return err.message;
}

/** The file changed between the read and the write: the fix is not written. */
export class ChangedOnDiskError extends Error {}

/**
 * Replaces a file's content atomically: the new text goes to a temporary file beside it (same
 * mode, and owner when permitted), flushed to disk, then renamed over the file; a crash leaves
 * the old file or the new one, never a mix. Just before the rename the file is read again and
 * must still hold `expected` byte for byte, else {@link ChangedOnDiskError} and nothing changes.
 * A symbolic link is kept: its target is rewritten.
 */
export function replaceFile(file: string, expected: Buffer, text: string | Buffer, beforeReplace?: (file: string) => void): void {
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  // A file nobody may write is protected on purpose: a rename would replace it all the same.
  if ((st.mode & 0o222) === 0) throw new Error('it is read-only; not rewritten');
  /** Writes over the file itself, after the same check that it is unchanged. */
  const inPlace = () => {
    beforeReplace?.(target);
    unchanged(target, expected);
    fs.writeFileSync(target, text);
  };
  // A file with several names (hard links) keeps them all only if written in place.
  if (st.nlink > 1) return inPlace();
  // node:crypto is loaded here, when a file is written, not by every run (it costs a short run ~8 ms).
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.factcheck.tmp`);
  let fd: number;
  pendingTemps.arm();
  try {
    fd = fs.openSync(tmp, 'wx', st.mode & 0o7777);
  } catch (e) {
    // A folder the user may not write (or add to): as ESLint and Prettier do, write the file in place.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return inPlace();
    throw e;
  }
  pendingTemps.add(tmp);
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, st.mode & 0o7777); // the umask may have narrowed the mode given to open
    try {
      fs.chownSync(tmp, st.uid, st.gid);
    } catch {
      /* only the owner or root may give a file away; the content still counts most */
    }
    beforeReplace?.(target);
    unchanged(target, expected);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    pendingTemps.delete(tmp);
  }
}

/** Throws {@link ChangedOnDiskError} unless the file still holds `expected` byte for byte. */
function unchanged(target: string, expected: Buffer): void {
  let now: Buffer;
  try {
    now = fs.readFileSync(target);
  } catch (e) {
    throw new ChangedOnDiskError(`it can no longer be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!now.equals(expected)) throw new ChangedOnDiskError('it changed on disk since it was read');
}

/** Temporary files being written; removed by {@link removePendingTemps} when a signal ends the run. */
const pendingTemps = {
  files: new Set<string>(),
  /** Called before a temporary file is created: the first call arms the signal handlers (main.ts). */
  arm() {
    // A run that writes nothing keeps Node's own Ctrl-C, which stops it at once, even mid-check.
    if (beforeFirstTemp) beforeFirstTemp = (beforeFirstTemp(), undefined);
  },
  add(tmp: string) {
    this.files.add(tmp);
  },
  delete(tmp: string) {
    this.files.delete(tmp);
  },
};
let beforeFirstTemp: (() => void) | undefined;

/** Calls `hook` once, before the first temporary file is created. */
export function onFirstTemporaryFile(hook: () => void): void {
  beforeFirstTemp = hook;
}

/** Removes the temporary files of writes not finished (called on SIGINT and SIGTERM). */
export function removePendingTemps(): void {
  for (const tmp of pendingTemps.files) fs.rmSync(tmp, { force: true });
  pendingTemps.files.clear();
}

/**
 * Writes a file through a temporary file beside it and a rename: a failed write (a full disk)
 * leaves the old file whole and no temporary file. `write` is a test seam.
 */
export function writeFileAtomic(file: string, data: string, write: (fd: number, data: string) => void = (fd, d) => fs.writeFileSync(fd, d)): void {
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.factcheck.tmp`);
  pendingTemps.arm();
  pendingTemps.add(tmp);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o666);
    try {
      write(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    pendingTemps.delete(tmp);
  }
}
