/**
 * Node-only glue for the stream readers: a path (or `-` for stdin) as an
 * async iterable of byte chunks, and writing text to a Node stream. The
 * readers themselves stay browser-safe.
 */
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';

/** Options for opening an input. */
export interface OpenInputOptions {
  /** Bytes per chunk read from a file (default 64 KiB). */
  chunkSize?: number;
}

/** The bytes of a file, or of stdin for `-`, as an async iterable of chunks. */
export function openInput(path: string, options: OpenInputOptions = {}): AsyncIterable<Uint8Array> {
  if (path === '-') return process.stdin as AsyncIterable<Uint8Array>;
  return createReadStream(path, { highWaterMark: options.chunkSize ?? 65536 });
}

/** Writes a byte string to a Node stream (as latin1 bytes), waiting when the stream asks to. */
export async function writeText(stream: Writable, text: string): Promise<void> {
  if (text.length === 0) return;
  if (!stream.write(Buffer.from(text, 'latin1'))) await once(stream, 'drain');
}
