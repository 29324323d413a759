/**
 * A streaming tar reader (gzip detected from the bytes): the archive is read
 * chunk by chunk and each entry's bytes are handed to the caller as they
 * arrive, so an archive of any size is read in little memory. A damaged
 * archive (bad gzip data, a bad header checksum, a truncated entry) is an
 * error saying so; an error thrown by the caller's handler stops reading.
 */
import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import { Parser, type ReadEntry } from 'tar';
import { MigrateError } from './errors.js';

/** One entry's header. */
export interface TarEntryInfo {
  /** The entry's path, without a trailing `/`. */
  path: string;
  type: 'file' | 'directory';
  size: number;
  mode: number;
  mtime?: Date;
}

/** Receives one file entry's bytes. */
export interface TarEntrySink {
  data(chunk: Buffer): void;
  end(): void;
}

/** Options for reading. */
export interface TarReadOptions {
  /** Called with the archive bytes read so far and the archive's size. */
  onProgress?: (bytes: number, total: number) => void;
}

/**
 * Reads an archive; calls `onEntry` for each entry in order. For a file,
 * the returned sink receives its bytes (no sink: the bytes are skipped).
 */
export async function readTar(
  path: string,
  onEntry: (info: TarEntryInfo) => TarEntrySink | void,
  options: TarReadOptions = {},
): Promise<void> {
  let total = 0;
  try {
    total = statSync(path).size;
  } catch (e) {
    throw new MigrateError(
      `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  let failure: unknown;
  const damaged = (message: string): MigrateError =>
    new MigrateError(`${path}: the archive is damaged: ${message}`);
  const parser = new Parser({ strict: true });
  parser.on('entry', (entry: ReadEntry) => {
    if (failure !== undefined) {
      entry.resume();
      return;
    }
    const type = entry.type;
    const info: TarEntryInfo = {
      path: entry.path.replace(/\/+$/, ''),
      type: type === 'Directory' ? 'directory' : 'file',
      size: entry.size ?? 0,
      mode: entry.mode ?? 0o644,
      mtime: entry.mtime,
    };
    let sink: TarEntrySink | void = undefined;
    try {
      if (
        type !== 'File' &&
        type !== 'OldFile' &&
        type !== 'ContiguousFile' &&
        type !== 'Directory'
      )
        throw new MigrateError(
          `${path}: ${info.path}: unexpected entry type ${type} (only files and directories are installed)`,
        );
      sink = onEntry(info);
    } catch (e) {
      failure = e;
    }
    if (!sink || failure !== undefined) {
      entry.resume();
      return;
    }
    const s = sink;
    entry.on('data', (chunk: Buffer) => {
      if (failure !== undefined) return;
      try {
        s.data(chunk);
      } catch (e) {
        failure = e;
      }
    });
    entry.on('end', () => {
      if (failure !== undefined) return;
      try {
        s.end();
      } catch (e) {
        failure = e;
      }
    });
  });
  parser.on('error', (e: Error) => {
    failure ??= damaged(e.message);
  });
  const ended = new Promise<void>((resolveEnd) => {
    parser.on('end', () => resolveEnd());
    parser.on('abort', () => resolveEnd());
  });
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let read = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (!parser.write(chunk) && failure === undefined) {
        await Promise.race([once(parser, 'drain'), ended]);
      }
      options.onProgress?.(read, total);
      if (failure !== undefined) break;
    }
  } catch (e) {
    failure ??= new MigrateError(
      `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  } finally {
    stream.destroy();
  }
  if (failure === undefined) {
    parser.end();
    await ended;
  }
  if (failure !== undefined) throw failure;
}
