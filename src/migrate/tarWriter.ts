/**
 * A streaming tar writer (POSIX ustar, with pax headers for long names),
 * gzip-compressed unless asked not to. Entries are written as their bytes
 * arrive; nothing is buffered beyond one chunk. A file output is written to
 * a temporary name next to it and renamed when the archive is complete, so
 * a failed or killed run never leaves a half-written archive.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, openSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { constants as zlibConstants, createGzip, type Gzip } from 'node:zlib';
import { Header, Pax } from 'tar';
import { MigrateError } from './errors.js';

/** How to write an archive. */
export interface TarWriterOptions {
  /** gzip (default true). */
  gzip?: boolean;
  /** gzip level 1-9 (default 6, gzip's own default). */
  level?: number;
}

const BLOCK = 512;
const ZEROS = Buffer.alloc(BLOCK * 2);

/** Writes one tar archive to a file (atomically) or to stdout (`-`). */
export class TarWriter {
  /** Bytes of the tar stream (before compression). */
  bytes = 0;
  private readonly out: Writable;
  private readonly sink: Writable;
  private readonly gzip: Gzip | undefined;
  private readonly fd: number | undefined;
  private readonly tempPath: string | undefined;
  private done = false;
  private failure: Error | undefined;
  /** Rejects at the first write error (so that a wait for 'drain' ends). */
  private readonly failed: Promise<never>;
  private fail: (e: Error) => void = () => {};

  constructor(
    /** The archive's path, or `-` for stdout. */
    readonly output: string,
    options: TarWriterOptions = {},
  ) {
    if (output === '-') {
      this.sink = process.stdout;
    } else {
      const abs = resolve(output);
      this.tempPath = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        this.fd = openSync(this.tempPath, 'wx', 0o644);
      } catch (e) {
        throw new MigrateError(
          `cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        );
      }
      // The stream owns the descriptor: it syncs (flush) and closes it when it finishes or is destroyed.
      this.sink = createWriteStream('', {
        fd: this.fd,
        autoClose: true,
        flush: true,
        highWaterMark: 1 << 20,
      });
    }
    this.failed = new Promise<never>((_, reject) => {
      this.fail = (e: Error) => {
        this.failure ??= e;
        reject(e);
      };
    });
    this.failed.catch(() => {});
    this.sink.on('error', (e) => this.fail(e));
    if (options.gzip !== false) {
      this.gzip = createGzip({
        level: options.level ?? 6,
        chunkSize: 1 << 18,
        strategy: zlibConstants.Z_DEFAULT_STRATEGY,
      });
      this.gzip.on('error', (e) => this.fail(e));
      this.gzip.pipe(this.sink, { end: this.fd !== undefined });
      this.out = this.gzip;
    } else this.out = this.sink;
  }

  private async put(buf: Buffer): Promise<void> {
    if (this.failure) throw this.writeError(this.failure);
    this.bytes += buf.length;
    if (!this.out.write(buf)) {
      try {
        await Promise.race([once(this.out, 'drain'), this.failed]);
      } catch (e) {
        throw this.writeError(this.failure ?? (e as Error));
      }
    }
  }

  private writeError(e: Error): MigrateError {
    return new MigrateError(
      `cannot write ${this.output}: ${(e as NodeJS.ErrnoException).code ?? e.message}`,
    );
  }

  private async header(
    path: string,
    type: 'File' | 'Directory',
    size: number,
    mode: number,
    mtime: Date,
  ): Promise<void> {
    const h = new Header({ path, type, size, mode, mtime, uid: 0, gid: 0, uname: '', gname: '' });
    if (h.encode()) await this.put(new Pax({ path, size, mtime }).encode());
    await this.put(h.block!);
  }

  /** Adds a directory entry (`path` without a trailing slash). */
  async addDirectory(path: string, mode = 0o755, mtime = new Date()): Promise<void> {
    await this.header(path + '/', 'Directory', 0, mode, mtime);
  }

  /**
   * Adds a file of `size` bytes whose bytes come from `data` (a Buffer, or
   * chunks). Each chunk is passed to `onChunk` (for hashing). Throws if
   * `data` does not hold exactly `size` bytes (a file that changed).
   */
  async addFile(
    path: string,
    size: number,
    data: Buffer | AsyncIterable<Buffer>,
    options: { mode?: number; mtime?: Date; onChunk?: (chunk: Buffer) => void } = {},
  ): Promise<void> {
    await this.header(path, 'File', size, options.mode ?? 0o644, options.mtime ?? new Date());
    let written = 0;
    const chunks: AsyncIterable<Buffer> | Buffer[] = Buffer.isBuffer(data) ? [data] : data;
    for await (const chunk of chunks) {
      if (written + chunk.length > size)
        throw new MigrateError(
          `${path}: the file grew while it was archived (is the schedd running?)`,
        );
      options.onChunk?.(chunk);
      await this.put(chunk);
      written += chunk.length;
    }
    if (written !== size)
      throw new MigrateError(
        `${path}: the file shrank while it was archived (is the schedd running?)`,
      );
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0) await this.put(ZEROS.subarray(0, pad));
  }

  /** Adds a file from this machine, streamed. */
  async addLocalFile(
    path: string,
    local: string,
    size: number,
    options: { mode?: number; mtime?: Date; onChunk?: (chunk: Buffer) => void } = {},
  ): Promise<void> {
    const stream = createReadStream(local, { highWaterMark: 1 << 20 });
    try {
      await this.addFile(path, size, stream as AsyncIterable<Buffer>, options);
    } finally {
      stream.destroy();
    }
  }

  /** Ends the archive and makes it visible (renamed into place). */
  async finish(): Promise<void> {
    await this.put(ZEROS);
    try {
      if (this.gzip) {
        this.gzip.end();
        await finished(this.gzip);
      }
      if (this.fd !== undefined) {
        if (!this.gzip) this.sink.end();
        await finished(this.sink);
      }
    } catch (e) {
      throw this.writeError(e as Error);
    }
    if (this.failure) throw this.writeError(this.failure);
    if (this.fd !== undefined) renameSync(this.tempPath!, resolve(this.output));
    this.done = true;
  }

  /** Discards the archive: nothing is left behind. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.gzip?.unpipe();
    this.gzip?.destroy();
    if (this.fd !== undefined) {
      this.sink.destroy();
      try {
        unlinkSync(this.tempPath!);
      } catch {
        // never created
      }
    }
  }
}
