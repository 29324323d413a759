/**
 * A progress bar for long runs, drawn on a terminal only (stderr when it is a
 * TTY), at most ten times a second, and erased at the end.
 */

/** Where progress goes: called with the bytes read so far. */
export type ProgressCallback = (bytesRead: number) => void;

/** A text progress bar on a TTY stream. */
export class ProgressBar {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Whether a bar makes sense: a terminal, and a log big enough to wait for. */
  static wanted(total: number | undefined, stream: NodeJS.WriteStream = process.stderr): boolean {
    return Boolean(stream.isTTY) && total !== undefined && total >= 16 << 20;
  }

  update(done: number): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const width = 30;
    const frac = this.total > 0 ? Math.min(1, done / this.total) : 0;
    const filled = Math.round(frac * width);
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? done / 1e6 / secs : 0;
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    this.stream.write(
      `\r${this.label} [${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ${(done / 1e6).toFixed(1)}/${(this.total / 1e6).toFixed(1)} MB ${rate.toFixed(0)} MB/s`,
    );
    this.shown = true;
  }

  /** Erases the bar. */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
