/**
 * Input and output helpers for the commands: read a file or stdin as bytes,
 * write output atomically (temporary file, then rename).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Reads a whole file (or stdin for `-`) as a byte string. */
export function readBytes(path: string): string {
  return readFileSync(path === '-' ? 0 : path).toString('latin1');
}

/** Writes a byte string to stdout. */
export function writeStdout(bytes: string): void {
  let buf = Buffer.from(bytes, 'latin1');
  while (buf.length > 0) {
    try {
      const n = writeSync(1, buf);
      buf = buf.subarray(n);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw e;
    }
  }
}

/**
 * Writes a byte string to a file atomically: to a temporary name in the same
 * directory, then renamed over the target, so a failed run never leaves a
 * half-written file.
 */
export function writeFileAtomic(path: string, bytes: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, Buffer.from(bytes, 'latin1'));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    throw e;
  }
}

/** Splits input into lines (without their `\n`), dropping the empty string after a final newline. */
export function splitLines(bytes: string): string[] {
  const lines = bytes.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
