/**
 * Where a log comes from: a file or stdin (`-`), read as a stream of byte
 * chunks (1 MiB), never as a whole.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { JobqInputError } from './issues.js';
import type { RecordReader } from './recordReader.js';

/** A log to read. */
export interface LogSource {
  /** The name used in messages (`<stdin>` for `-`). */
  name: string;
  /** The file's absolute path (undefined for stdin and streams). */
  path?: string;
  /** Size in bytes, when known (for progress). */
  size?: number;
  /** The bytes, chunk by chunk. */
  chunks(): AsyncIterable<Buffer>;
}

/** Chunk size of file reads. */
export const CHUNK_SIZE = 1 << 20;
/** Files up to this size are read in one piece. */
const SMALL_FILE = 4 << 20;

async function* oneChunk(path: string): AsyncIterable<Buffer> {
  yield readFileSync(path);
}

/** A file, or stdin for `-`. The file is opened when reading starts. */
export function fileSource(path: string): LogSource {
  if (path === '-') {
    return {
      name: '<stdin>',
      chunks: () => process.stdin as AsyncIterable<Buffer>,
    };
  }
  let size: number | undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) size = st.size;
  } catch {
    // reported when reading
  }
  return {
    name: path,
    path: resolve(path),
    size,
    // A small file is read at once (no stream to set up); a large one streams.
    chunks: () =>
      size !== undefined && size <= SMALL_FILE
        ? oneChunk(path)
        : createReadStream(path, { highWaterMark: CHUNK_SIZE }),
  };
}

/** A source over bytes in memory (a Buffer or a latin1 byte string), in chunks of `chunkSize`. */
export function bufferSource(
  data: Buffer | string,
  name = '<buffer>',
  chunkSize = CHUNK_SIZE,
): LogSource {
  const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return {
    name,
    size: buf.length,
    async *chunks() {
      for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize);
    },
  };
}

/** A source given as a path, `-`, or a LogSource. */
export function toSource(input: string | LogSource): LogSource {
  return typeof input === 'string' ? fileSource(input) : input;
}

/** The error for a log that could not be read (an I/O error), or undefined for any other error. */
export function logReadError(name: string, e: unknown): JobqInputError | undefined {
  if (!(e as NodeJS.ErrnoException | undefined)?.code) return undefined;
  return new JobqInputError(name, [
    {
      severity: 'error',
      code: 'io',
      line: 0,
      message: `cannot read the log: ${(e as Error).message}`,
    },
  ]);
}

/** Feeds every chunk of a log to a record reader, reporting progress; I/O errors become JobqInputError. */
export async function feedLog(
  source: LogSource,
  reader: RecordReader,
  progress?: (bytes: number) => void,
): Promise<void> {
  try {
    for await (const chunk of source.chunks()) {
      reader.push(chunk);
      progress?.(reader.bytes);
    }
  } catch (e) {
    throw logReadError(source.name, e) ?? e;
  }
}
