/**
 * A progress line on stderr for long runs, shown only when stderr is a
 * terminal, redrawn at most five times a second, erased when done.
 */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly enabled: boolean;
  private readonly started = Date.now();

  constructor(
    private readonly unit: string,
    private readonly total?: number,
  ) {
    this.enabled = process.stderr.isTTY === true && process.env.CI === undefined;
  }

  /** Reports progress: `done` units (of `total` when known). */
  tick(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    let line: string;
    if (this.total) {
      const fraction = Math.min(1, done / this.total);
      const width = 30;
      const filled = Math.round(fraction * width);
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0)}% ${this.unit}`;
    } else line = `${done.toLocaleString('en')} ${this.unit}`;
    process.stderr.write(`\r${line}, ${seconds.toFixed(1)} s\x1b[K`);
    this.shown = true;
  }

  /** Erases the progress line. */
  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
