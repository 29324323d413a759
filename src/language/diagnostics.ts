/**
 * Syntax diagnostics: numeric codes, positions, line:column and code frames.
 */

/** Numeric codes of every syntax error. Stable: tools and the LSP key on them. */
export const SyntaxErrorCode = {
  /** A character that cannot start any token (`@`, `#`, `$`, a byte >= 0x80 outside a string). */
  UnexpectedCharacter: 1001,
  /** A string literal or quoted name with no closing quote. */
  UnterminatedString: 1002,
  /** A malformed number: `5.`, `1e`, `08`, `0x` with no digits. */
  MalformedNumber: 1003,
  /** A multi-digit integer literal with a leading 0, rejected in HTCondor's default mode. */
  LeadingZero: 1004,
  /** A string escape that produces a NUL byte. */
  NulInString: 1005,
  /** `/*` with no closing `*\/`. */
  UnterminatedComment: 1006,
  /** `=?` not followed by `=`. */
  IncompleteOperator: 1007,
  /** The parser found a token it did not expect. */
  UnexpectedToken: 2001,
  /** The input ended in the middle of an expression. */
  UnexpectedEnd: 2002,
  /** A complete expression was followed by more tokens. */
  TrailingInput: 2003,
  /** Nesting deeper than the parser's limit (HTCondor's is 500). */
  TooDeep: 2004,
  /** `absTime("...")` with a string that is not a valid absolute time. */
  BadAbsTime: 2005,
  /** `relTime("...")` with a string that is not a valid relative time. */
  BadRelTime: 2006,
  /** A record attribute with an empty name (`'' = 1`). */
  EmptyName: 2007,
  /** An old-syntax long-form line that is not `Name = expression`. */
  BadAttributeLine: 2008,
} as const;

/** One of the values of SyntaxErrorCode. */
export type SyntaxErrorCodeValue = (typeof SyntaxErrorCode)[keyof typeof SyntaxErrorCode];

/** A syntax error at a source range (offsets in code units, end exclusive). */
export interface SyntaxDiagnostic {
  code: SyntaxErrorCodeValue;
  message: string;
  start: number;
  end: number;
}

/** A 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** The 1-based line and column of an offset in a source text. */
export function lineColumnAt(source: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const limit = Math.min(offset, source.length);
  for (let i = 0; i < limit; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A code frame for a diagnostic: the source line with its number, and a caret
 * line under the offending range.
 */
export function codeFrame(source: string, start: number, end: number): string {
  const { line, column } = lineColumnAt(source, start);
  const lineStart = start - (column - 1);
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  let text = source.slice(lineStart, lineEnd);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  const gutter = String(line);
  const width = Math.max(1, Math.min(end, lineStart + text.length) - start);
  const pad = text.slice(0, column - 1).replace(/[^\t]/g, ' ');
  return `${gutter} | ${text}\n${' '.repeat(gutter.length)} | ${pad}${'^'.repeat(width)}`;
}

/** Formats a diagnostic as `file:line:column: message (code N)` followed by its code frame. */
export function formatDiagnostic(
  source: string,
  d: SyntaxDiagnostic,
  fileName = '<input>',
): string {
  const { line, column } = lineColumnAt(source, d.start);
  return `${fileName}:${line}:${column}: error ${d.code}: ${d.message}\n${codeFrame(source, d.start, d.end)}`;
}

/** Thrown by the strict parse entry points when the text has syntax errors. */
export class ClassAdSyntaxError extends Error {
  /** Every error found, in source order. */
  readonly diagnostics: SyntaxDiagnostic[];
  /** The text that was parsed. */
  readonly source: string;

  constructor(source: string, diagnostics: SyntaxDiagnostic[]) {
    const first = diagnostics[0];
    const where = first ? lineColumnAt(source, first.start) : { line: 1, column: 1 };
    super(first ? `${where.line}:${where.column}: ${first.message}` : 'syntax error');
    this.name = 'ClassAdSyntaxError';
    this.diagnostics = diagnostics;
    this.source = source;
  }
}
