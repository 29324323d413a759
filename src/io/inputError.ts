/**
 * Errors found while reading ads from a stream, located by 1-based line and
 * column (columns count bytes) in the whole input.
 */
import type { SyntaxDiagnostic, SyntaxErrorCodeValue } from '../language/diagnostics.js';

/** A problem in the input at a line and column. */
export interface InputError {
  line: number;
  column: number;
  /** A SyntaxErrorCode, or one of IoErrorCode. */
  code: number;
  message: string;
}

/** Codes of errors that only the stream readers report (the language's are in SyntaxErrorCode). */
export const IoErrorCode = {
  /** Text between ads that is not whitespace, a separator or a comment. */
  StrayText: 3001,
  /** The input ended inside an ad. */
  UnterminatedAd: 3002,
  /** Malformed JSON. */
  BadJson: 3003,
} as const;

/** The line and column of `text[offset]`, when `text[0]` is at `line`:`column` of the input. */
export function positionIn(
  text: string,
  offset: number,
  line: number,
  column: number,
): { line: number; column: number } {
  let lineStart = -1;
  let i = text.indexOf('\n');
  while (i >= 0 && i < offset) {
    line++;
    lineStart = i;
    i = text.indexOf('\n', i + 1);
  }
  return lineStart < 0 ? { line, column: column + offset } : { line, column: offset - lineStart };
}

/** A syntax diagnostic with offsets into `text`, located in the input (see positionIn). */
export function locateDiagnostic(
  d: SyntaxDiagnostic,
  text: string,
  line: number,
  column: number,
): InputError {
  const at = positionIn(text, d.start, line, column);
  return {
    line: at.line,
    column: at.column,
    code: d.code satisfies SyntaxErrorCodeValue,
    message: d.message,
  };
}

/** Formats an error as `name:line:column: message`. */
export function formatInputError(e: InputError, name = '<input>'): string {
  return `${name}:${e.line}:${e.column}: ${e.message}`;
}

/** Orders errors by position. */
export function compareInputErrors(a: InputError, b: InputError): number {
  return a.line - b.line || a.column - b.column;
}
