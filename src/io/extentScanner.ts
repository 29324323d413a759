/**
 * Finds where each ad of a stream begins and ends, across chunk boundaries,
 * without parsing it: bracket depth, honoring string literals (with
 * backslash escapes), quoted names and, optionally, comments. Between ads it
 * accepts whitespace, list punctuation and comments, and reports anything else.
 */
import { chunkText, type Chunk } from './chunks.js';
import { IoErrorCode, type InputError } from './inputError.js';

/** The lexical shape of a stream of ads. */
export interface ExtentSyntax {
  /** The code of the character that opens an ad (`[` or `{`). */
  open: number;
  /** The code of the character that closes it. */
  close: number;
  /** Codes of the quote characters; inside quotes a backslash escapes the next character. */
  quotes: readonly number[];
  /** Characters allowed between ads besides whitespace (list brackets, commas). */
  separators: string;
  /** Whether `//` and `/* *\/` comments may appear. */
  comments: boolean;
  /** What an ad is called in error messages (`ad`, `JSON ad`). */
  what: string;
}

/** The text of one ad and where it starts in the input. */
export interface Extent {
  text: string;
  /** 1-based line and column of the opening bracket. */
  line: number;
  column: number;
  /** False when the input ended before the closing bracket. */
  complete: boolean;
  /** Stray text between the previous ad and this one, and an unterminated ad. */
  errors: InputError[];
}

const enum State {
  Between,
  Inside,
  Quoted,
  Escaped,
  Slash,
  LineComment,
  BlockComment,
  BlockStar,
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Splits a chunk stream into ad extents (push chunks, collect extents and errors). */
export class ExtentScanner {
  /** Errors found between ads and not yet attached to an extent. */
  private errors: InputError[] = [];
  private adErrors: InputError[] = [];
  private state = State.Between;
  /** The state a comment returns to. */
  private outer = State.Between;
  private quote = 0;
  private depth = 0;
  /** Line and column of `text[counted]` in the chunk being scanned (counted lazily). */
  private line = 1;
  private column = 1;
  private counted = 0;
  private pieces: string[] = [];
  private startLine = 0;
  private startColumn = 0;
  private strayReported = false;
  private readonly separators: Set<number>;

  constructor(private readonly syntax: ExtentSyntax) {
    this.separators = new Set([...syntax.separators].map((c) => c.charCodeAt(0)));
  }

  /** Moves the line/column count forward to `text[to]`. */
  private countTo(text: string, to: number): void {
    let from = this.counted;
    let nl = text.indexOf('\n', from);
    while (nl >= 0 && nl < to) {
      this.line++;
      this.column = 1;
      from = nl + 1;
      nl = text.indexOf('\n', from);
    }
    this.column += to - from;
    this.counted = to;
  }

  /** Scans a chunk; returns the ads it completes. */
  push(chunk: Chunk): Extent[] {
    const text = chunkText(chunk);
    const n = text.length;
    const out: Extent[] = [];
    const { open, close, comments } = this.syntax;
    const q1 = this.syntax.quotes[0] ?? -1;
    const q2 = this.syntax.quotes[1] ?? -1;
    let state = this.state;
    let adStart = this.depth > 0 ? 0 : -1;
    let backslash = -1; // the next backslash at or after i, n if none (valid while >= i)
    this.counted = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      switch (state) {
        case State.Inside:
          if (c === close) {
            if (--this.depth === 0) {
              this.pieces.push(text.slice(adStart, i + 1));
              out.push(this.take(true));
              adStart = -1;
              state = State.Between;
            }
          } else if (c === open) this.depth++;
          else if (c === q1 || c === q2) {
            this.quote = c;
            state = State.Quoted;
          } else if (c === 47 && comments) {
            this.outer = State.Inside;
            state = State.Slash;
          }
          break;
        case State.Quoted: {
          // Jump to the closing quote or the next backslash, whichever comes first.
          if (backslash < i) {
            backslash = text.indexOf('\\', i);
            if (backslash < 0) backslash = n;
          }
          let q = text.indexOf(this.quote === 34 ? '"' : "'", i);
          if (q < 0) q = n;
          if (backslash < q) {
            i = backslash;
            state = State.Escaped;
          } else if (q < n) {
            i = q;
            state = State.Inside;
          } else i = n;
          break;
        }
        case State.Escaped:
          state = State.Quoted;
          break;
        case State.Between:
          if (c === open) {
            state = State.Inside;
            this.depth = 1;
            adStart = i;
            this.countTo(text, i);
            this.startLine = this.line;
            this.startColumn = this.column;
            this.strayReported = false;
            this.adErrors = this.errors;
            this.errors = [];
          } else if (c === 47 && comments) {
            this.outer = State.Between;
            state = State.Slash;
          } else if (!isSpace(c) && !this.separators.has(c)) this.stray(c, text, i);
          break;
        case State.Slash:
          if (c === 47) state = State.LineComment;
          else if (c === 42) state = State.BlockComment;
          else {
            state = this.outer;
            if (state === State.Between) this.stray(47, text, i - 1);
            i--; // look at this character again
          }
          break;
        case State.LineComment:
          if (c === 10) state = this.outer;
          break;
        case State.BlockComment:
          if (c === 42) state = State.BlockStar;
          break;
        case State.BlockStar:
          if (c === 47) state = this.outer;
          else if (c !== 42) state = State.BlockComment;
          break;
      }
    }
    if (adStart >= 0) this.pieces.push(text.slice(adStart));
    this.countTo(text, n);
    this.state = state;
    return out;
  }

  /** Ends input; returns an unfinished last ad, if any. */
  finish(): Extent[] {
    if (this.pieces.length === 0 && this.depth === 0) return [];
    this.adErrors.push({
      line: this.startLine,
      column: this.startColumn,
      code: IoErrorCode.UnterminatedAd,
      message: `the input ended inside the ${this.syntax.what} that starts here`,
    });
    this.state = State.Between;
    this.depth = 0;
    return [this.take(false)];
  }

  private take(complete: boolean): Extent {
    const text = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces = [];
    const errors = this.adErrors;
    this.adErrors = [];
    return { text, line: this.startLine, column: this.startColumn, complete, errors };
  }

  /** Errors after the last ad (stray text at the end of input); call after finish(). */
  trailingErrors(): InputError[] {
    const errors = this.errors;
    this.errors = [];
    return errors;
  }

  private stray(c: number, text: string, at: number): void {
    if (this.strayReported) return;
    this.strayReported = true;
    let line: number;
    let column: number;
    if (at < 0) {
      // The '/' ended the previous chunk.
      line = this.line;
      column = this.column - 1;
    } else {
      this.countTo(text, at);
      line = this.line;
      column = this.column;
    }
    const shown =
      c >= 0x21 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`;
    this.errors.push({
      line,
      column,
      code: IoErrorCode.StrayText,
      message: `unexpected ${shown} between ${this.syntax.what}s`,
    });
  }
}
