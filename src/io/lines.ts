/**
 * A streaming line splitter: byte-exact (input is latin1-decoded, see
 * chunks.ts), with 1-based line numbers, holding only the unread tail of the
 * input (the current partial line) plus whatever the caller asks it to retain.
 */
import { chunkText, type Chunk, type ChunkSource } from './chunks.js';

/** One line of input: its bytes (without the `\n`, or a `\r` before it) and its 1-based number. */
export interface Line {
  text: string;
  number: number;
}

/**
 * Splits pushed chunks into lines without copying them out: after `next()`
 * returns true the current line is `text.slice(start, end)`, numbered `line`.
 * Memory: the current buffer (about one chunk) and the partial line, plus the
 * text from a `retainFrom` offset on, if the caller set one.
 */
export class LineSplitter {
  /** The buffered text; the current line is `text[start, end)` (a trailing `\r` is kept). */
  text = '';
  /** Offset in `text` of the current line. */
  start = 0;
  /** Offset in `text` just past the current line, before its `\n`. */
  end = 0;
  /** 1-based number of the current line (0 before the first). */
  line = 0;
  /** Offset in the whole input of `text[0]`, so `base + start` is the current line's input offset. */
  base = 0;

  private pos = 0;
  private pending: string[] = [];
  private pendingNewline = false;
  private finished = false;
  private keep = -1;
  /** Text from `keep` up to `base`, when `keep < base`. */
  private kept: string[] = [];

  /** Adds input. */
  push(chunk: Chunk): void {
    const s = chunkText(chunk);
    if (s.length === 0) return;
    this.pending.push(s);
    if (!this.pendingNewline && s.indexOf('\n') >= 0) this.pendingNewline = true;
  }

  /** Marks the end of input: a last line without `\n` becomes available. */
  finish(): void {
    this.finished = true;
  }

  /**
   * Keeps the input from offset `offset` (at or before the current line) on,
   * for `retained()`; -1 releases it.
   */
  retainFrom(offset: number): void {
    this.keep = offset;
    if (offset < 0) this.kept = [];
  }

  /** The input from the `retainFrom` offset up to input offset `end` (in the current buffer). */
  retained(end: number): string {
    const inText = this.text.slice(Math.max(this.keep - this.base, 0), end - this.base);
    if (this.kept.length === 0) return inText;
    return this.kept.join('') + inText;
  }

  /** Advances to the next complete line; false when more input is needed (or the input is done). */
  next(): boolean {
    const text = this.text;
    let nl = text.indexOf('\n', this.pos);
    if (nl < 0) {
      if (!this.pendingNewline && !(this.finished && this.pending.length > 0)) {
        return this.finished ? this.lastLine() : false;
      }
      this.refill();
      nl = this.text.indexOf('\n', this.pos);
      if (nl < 0) return this.lastLine();
    }
    this.start = this.pos;
    this.end = nl;
    this.pos = nl + 1;
    this.line++;
    return true;
  }

  private refill(): void {
    const pos = this.pos;
    const text = this.text;
    if (this.keep >= 0 && this.keep < this.base + pos) {
      this.kept.push(text.slice(Math.max(this.keep - this.base, 0), pos));
    }
    const tail = pos >= text.length ? '' : text.slice(pos);
    const pending = this.pending;
    const add = pending.length === 1 ? pending[0]! : pending.join('');
    this.text = tail.length > 0 ? tail + add : add;
    this.base += pos;
    this.pos = 0;
    this.pending = [];
    this.pendingNewline = false;
  }

  private lastLine(): boolean {
    if (!this.finished || this.pos >= this.text.length) return false;
    this.start = this.pos;
    this.end = this.text.length;
    this.pos = this.end;
    this.line++;
    return true;
  }
}

/** The lines of a chunk stream, one at a time (a `\r` before each `\n` is dropped). */
export async function* readLines(source: ChunkSource): AsyncGenerator<Line> {
  const splitter = new LineSplitter();
  const drain = function* (): Generator<Line> {
    while (splitter.next()) {
      const { text, start } = splitter;
      let end = splitter.end;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      yield { text: text.slice(start, end), number: splitter.line };
    }
  };
  for await (const chunk of source) {
    splitter.push(chunk);
    yield* drain();
  }
  splitter.finish();
  yield* drain();
}
