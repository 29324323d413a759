/**
 * The record writer: where a rewritten log goes. Lines are written as byte
 * ranges of the input buffers (unchanged lines never pass through a string),
 * buffered, to
 *
 * - a file: a temporary file next to it (mode 0600: a job queue holds
 *   claim ids), fsynced and renamed over the target at the end, so a failed
 *   or interrupted run never leaves a partial output and never touches an
 *   existing one. SIGINT/SIGTERM/SIGHUP and process exit remove the
 *   temporary file; a SIGKILL cannot be caught, so a later run removes the
 *   temporary files of dead processes;
 * - stdout: held in memory (up to 8 MiB, then in an anonymous temporary
 *   file) and written only when the whole log has been read without error.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fdatasync,
  fsync,
  fsyncSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  write as fsWrite,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { JobqUsageError } from './issues.js';

/** Receives the bytes of a rewritten log. */
export interface ByteSink {
  /** Appends `buf[start, end)`. */
  write(buf: Buffer, start: number, end: number): void;
  /** Appends a byte string (latin1). */
  writeBytes(bytes: string): void;
  /** Bytes appended so far. */
  readonly bytes: number;
  /** Resolves when the sink can take more (writes in flight are bounded). */
  ready?(): Promise<void>;
  /** Makes the output visible (rename, or copy to stdout). */
  commit(): Promise<void>;
  /** Discards everything written; nothing is left behind. */
  abort(): void;
}

const STAGE = 1 << 20;
/** A large output is synced in the background every this many bytes. */
const SYNC_EVERY = 32 << 20;

function fsyncAsync(fd: number): Promise<void> {
  return new Promise((resolvePromise, reject) =>
    fsync(fd, (err) => (err ? reject(err) : resolvePromise())),
  );
}

/** Buffers small writes into 1 MiB blocks for a file descriptor. */
class StagedFd {
  private readonly stage = Buffer.allocUnsafe(STAGE);
  private used = 0;

  constructor(public fd: number) {}

  write(buf: Buffer, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    if (this.used + n <= STAGE) {
      buf.copy(this.stage, this.used, start, end);
      this.used += n;
      return;
    }
    this.flush();
    if (n >= STAGE / 4) writeAll(this.fd, buf, start, end);
    else {
      buf.copy(this.stage, 0, start, end);
      this.used = n;
    }
  }

  flush(): void {
    if (this.used > 0) writeAll(this.fd, this.stage, 0, this.used);
    this.used = 0;
  }
}

/**
 * Like StagedFd, but full blocks are written asynchronously (on libuv's
 * thread pool, at explicit file positions), so the copy into the page cache
 * overlaps the reading and rewriting. At most `maxInFlight` blocks wait;
 * `ready` applies the back-pressure.
 */
class AsyncStagedFd {
  private stage: Buffer = Buffer.allocUnsafe(STAGE);
  private used = 0;
  private position = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private readonly spare: Buffer[] = [];
  private waiters: (() => void)[] = [];
  private closeWhenIdle = false;
  private synced = 0;
  private syncing = false;

  constructor(
    public fd: number,
    private readonly maxInFlight = 8,
  ) {}

  write(buf: Buffer, start: number, end: number): void {
    let pos = start;
    while (pos < end) {
      const n = Math.min(end - pos, STAGE - this.used);
      buf.copy(this.stage, this.used, pos, pos + n);
      this.used += n;
      pos += n;
      if (this.used === STAGE) this.submit();
    }
  }

  /** Appends a byte string (latin1) without an intermediate Buffer. */
  writeBytes(bytes: string): void {
    if (bytes.length > STAGE - this.used) {
      const b = Buffer.from(bytes, 'latin1');
      this.write(b, 0, b.length);
      return;
    }
    this.used += this.stage.write(bytes, this.used, 'latin1');
    if (this.used === STAGE) this.submit();
  }

  private submit(): void {
    if (this.used === 0) return;
    if (this.position - this.synced >= SYNC_EVERY) this.syncInBackground();
    const block = this.stage;
    const length = this.used;
    const position = this.position;
    this.position += length;
    this.stage = this.spare.pop() ?? Buffer.allocUnsafe(STAGE);
    this.used = 0;
    this.inFlight++;
    const done = (err: Error | null) => {
      this.spare.push(block);
      this.done(err);
    };
    const step = (offset: number) => {
      fsWrite(this.fd, block, offset, length - offset, position + offset, (err, n) => {
        if (err) done(err);
        else if (offset + n < length) step(offset + n);
        else done(null);
      });
    };
    step(0);
  }

  /**
   * Starts an fdatasync of what is written so far, on the thread pool, so
   * the final fsync of a large output has little left to wait for.
   */
  private syncInBackground(): void {
    if (this.syncing) return;
    this.syncing = true;
    this.synced = this.position;
    this.inFlight++;
    fdatasync(this.fd, (err) => {
      this.syncing = false;
      this.done(err);
    });
  }

  private done(err: Error | null): void {
    this.inFlight--;
    if (err) this.failure ??= err;
    if (this.inFlight === 0 && this.closeWhenIdle) this.closeNow();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private wait(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }

  async ready(): Promise<void> {
    while (this.inFlight >= this.maxInFlight) await this.wait();
    if (this.failure) throw this.failure;
  }

  /** Writes everything staged and waits for every write. */
  async drain(): Promise<void> {
    this.submit();
    while (this.inFlight > 0) await this.wait();
    if (this.failure) throw this.failure;
  }

  /** Closes the descriptor, once no write uses it any more (its number could be reused). */
  close(): void {
    if (this.inFlight === 0) this.closeNow();
    else this.closeWhenIdle = true;
  }

  private closeNow(): void {
    if (this.fd < 0) return;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = -1;
  }
}

function writeAll(fd: number, buf: Buffer, start: number, end: number): void {
  let pos = start;
  while (pos < end) pos += writeSync(fd, buf, pos, end - pos);
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const signalNumbers: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The temporary name pattern of outputs for `target`: `.NAME.jobqmd-PID-HEX.tmp`. */
export function tempNamePattern(target: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(basename(target))}\\.jobqmd-(\\d+)-[0-9a-f]+\\.tmp$`);
}

/** Removes temporary outputs for `target` left by processes that no longer run (killed with SIGKILL). */
export function removeStaleTemporaries(target: string): string[] {
  const dir = dirname(resolve(target));
  const pattern = tempNamePattern(target);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** A file written through a temporary file and renamed at commit. */
export class FileSink implements ByteSink {
  bytes = 0;
  /** The temporary file's path. */
  readonly tempPath: string;
  private readonly out: AsyncStagedFd;
  private done = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.abort();
    process.exit(128 + (signalNumbers[signal] ?? 1));
  };
  private readonly onExit = () => this.abort();

  constructor(readonly target: string) {
    const abs = resolve(target);
    removeStaleTemporaries(abs);
    this.tempPath = join(
      dirname(abs),
      `.${basename(abs)}.jobqmd-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
    );
    let fd: number;
    try {
      if (statSync(abs, { throwIfNoEntry: false })?.isDirectory())
        throw new JobqUsageError(`cannot write ${target}: it is a directory`);
      fd = openSync(this.tempPath, 'wx', 0o600);
    } catch (e) {
      if (e instanceof JobqUsageError) throw e;
      const err = e as NodeJS.ErrnoException;
      throw new JobqUsageError(
        `cannot write ${target}: ${err.code === 'ENOENT' ? 'no such directory' : (err.code ?? err.message)}`,
      );
    }
    this.out = new AsyncStagedFd(fd);
    for (const s of signals) process.on(s, this.onSignal);
    process.on('exit', this.onExit);
  }

  write(buf: Buffer, start: number, end: number): void {
    this.out.write(buf, start, end);
    this.bytes += end - start;
  }

  writeBytes(bytes: string): void {
    this.out.writeBytes(bytes);
    this.bytes += bytes.length;
  }

  ready(): Promise<void> {
    return this.out.ready();
  }

  async commit(): Promise<void> {
    if (this.done) throw new Error('output already committed or aborted');
    try {
      await this.out.drain();
      await fsyncAsync(this.out.fd);
      this.out.close();
      renameSync(this.tempPath, resolve(this.target));
    } catch (e) {
      this.abort();
      throw e;
    }
    this.done = true;
    this.unhook();
    try {
      const dirFd = openSync(dirname(resolve(this.target)), 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch {
      // directory fsync is best effort (not supported everywhere)
    }
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    this.unhook();
    this.out.close();
    try {
      unlinkSync(this.tempPath);
    } catch {
      // never created, or already renamed
    }
  }

  private unhook(): void {
    for (const s of signals) process.off(s, this.onSignal);
    process.off('exit', this.onExit);
  }
}

/** Where stdout bytes wait: memory first, then an anonymous temporary file. */
export class StdoutSink implements ByteSink {
  bytes = 0;
  private chunks: Buffer[] = [];
  private held = 0;
  private spill: StagedFd | undefined;
  private spillPath: string | undefined;
  private done = false;

  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly memoryLimit = 8 << 20,
  ) {}

  write(buf: Buffer, start: number, end: number): void {
    if (end <= start) return;
    this.bytes += end - start;
    if (!this.spill && this.held + (end - start) <= this.memoryLimit) {
      this.chunks.push(Buffer.from(buf.subarray(start, end)));
      this.held += end - start;
      return;
    }
    if (!this.spill) this.openSpill();
    this.spill!.write(buf, start, end);
  }

  writeBytes(bytes: string): void {
    const b = Buffer.from(bytes, 'latin1');
    this.write(b, 0, b.length);
  }

  private openSpill(): void {
    const path = join(tmpdir(), `.jobqmd-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    const fd = openSync(path, 'wx+', 0o600);
    try {
      unlinkSync(path); // anonymous from now on: nothing is left even after SIGKILL
    } catch {
      this.spillPath = path; // platforms that cannot unlink an open file
    }
    this.spill = new StagedFd(fd);
    for (const c of this.chunks) this.spill.write(c, 0, c.length);
    this.chunks = [];
    this.held = 0;
  }

  async commit(): Promise<void> {
    if (this.done) throw new Error('output already committed or aborted');
    this.done = true;
    let broken = false;
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') broken = true;
    };
    this.stream.on('error', onError);
    try {
      if (!this.spill) {
        if (this.held > 0) await this.emit(Buffer.concat(this.chunks, this.held));
        this.chunks = [];
        return;
      }
      this.spill.flush();
      const buf = Buffer.allocUnsafe(STAGE);
      let pos = 0;
      while (!broken) {
        const n = readSync(this.spill.fd, buf, 0, buf.length, pos);
        if (n <= 0) break;
        pos += n;
        await this.emit(Buffer.from(buf.subarray(0, n)));
      }
    } finally {
      this.stream.off('error', onError);
      this.release();
    }
  }

  /** Writes a chunk and waits until the stream has taken it (EPIPE: the reader left; not an error). */
  private emit(chunk: Buffer): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      this.stream.write(chunk, (err) => {
        if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') reject(err);
        else resolvePromise();
      });
    });
  }

  abort(): void {
    this.done = true;
    this.chunks = [];
    this.release();
  }

  private release(): void {
    if (this.spill) {
      try {
        closeSync(this.spill.fd);
      } catch {
        // closed
      }
      this.spill = undefined;
    }
    if (this.spillPath) {
      try {
        unlinkSync(this.spillPath);
      } catch {
        // gone
      }
      this.spillPath = undefined;
    }
  }
}

/** Discards everything (validation-only runs, benchmarks of the reader). */
export class NullSink implements ByteSink {
  bytes = 0;
  write(_buf: Buffer, start: number, end: number): void {
    this.bytes += end - start;
  }
  writeBytes(bytes: string): void {
    this.bytes += bytes.length;
  }
  async commit(): Promise<void> {}
  abort(): void {}
}

/** Collects the output in memory (tests, library callers with small logs). */
export class BufferSink implements ByteSink {
  bytes = 0;
  private chunks: Buffer[] = [];
  /** The output, once committed. */
  result: Buffer | undefined;
  write(buf: Buffer, start: number, end: number): void {
    if (end <= start) return;
    this.chunks.push(Buffer.from(buf.subarray(start, end)));
    this.bytes += end - start;
  }
  writeBytes(bytes: string): void {
    const b = Buffer.from(bytes, 'latin1');
    this.write(b, 0, b.length);
  }
  async commit(): Promise<void> {
    this.result = Buffer.concat(this.chunks);
    this.chunks = [];
  }
  abort(): void {
    this.chunks = [];
  }
}

/**
 * The sink for an output path: stdout for undefined or `-`, else a FileSink.
 * Refuses to write over the input (`inputPath`, absolute): the input is never touched.
 */
export function openOutput(output: string | undefined, inputPath?: string): ByteSink {
  if (output === undefined || output === '-') return new StdoutSink();
  const abs = resolve(output);
  let same = inputPath !== undefined && abs === resolve(inputPath);
  if (!same && inputPath !== undefined) {
    try {
      same = realpathSync(abs) === realpathSync(inputPath);
    } catch {
      // the output does not exist yet
    }
  }
  if (same)
    throw new JobqUsageError(`the output ${output} is the input: it is never rewritten in place`);
  return new FileSink(output);
}
