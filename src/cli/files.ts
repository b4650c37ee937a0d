/** Reading drafts and writing fixed ones back without ever losing the writer's text. */
import fs from 'node:fs';
import path from 'node:path';

const MAX_BYTES = 32 * 1024 * 1024;

export interface DraftText {
  /** The text without its byte-order mark. */
  text: string;
  bom: boolean;
  /** The bytes as read: --fix rewrites the file only if it still holds exactly these. */
  bytes: Buffer;
}

/** Why a draft was not checked; `skip` marks content that is not text (binary or not UTF-8). */
export interface ReadError {
  error: string;
  skip?: boolean;
}

/** Decodes a draft's bytes, or says why they are not a text draft. */
export function decodeDraft(buf: Buffer): DraftText | ReadError {
  if (buf.includes(0)) return { error: 'looks like a binary file (contains NUL bytes); not checked', skip: true };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return { error: 'is not valid UTF-8 text; not checked', skip: true };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, bytes: buf };
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
export function replaceFile(file: string, expected: Buffer, text: string, beforeReplace?: (file: string) => void): void {
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  // A file nobody may write is protected on purpose: a rename would replace it all the same.
  if ((st.mode & 0o222) === 0) throw new Error('it is read-only; not rewritten');
  // node:crypto is loaded here, when a file is written, not by every run (it costs a short run ~8 ms).
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.factcheck.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', st.mode & 0o7777);
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
    let now: Buffer;
    try {
      now = fs.readFileSync(target);
    } catch (e) {
      throw new ChangedOnDiskError(`it can no longer be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (!now.equals(expected)) throw new ChangedOnDiskError('it changed on disk since it was read');
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
