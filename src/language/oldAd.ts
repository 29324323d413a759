/**
 * Old ClassAd long form: one `Name = expression` per line, as
 * `condor_status -long`, ad files and the wire protocol write them (spec §9.2).
 */
import type { Expr, RecordAttr, RecordExpr } from './ast.js';
import { SyntaxErrorCode, type SyntaxDiagnostic } from './diagnostics.js';
import { fastLiteral } from './fastLiteral.js';
import { parseExpressionWithErrors, type ParseResult, tryParseExpression } from './parser.js';

/** A long-form line split at its first `=`: the name, and where the value text lies. */
export interface LongFormLine {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Offset of the value's first character (after the spaces that follow `=`). */
  valueStart: number;
  /** Offset just past the value (the line end, before any `\r`). */
  valueEnd: number;
}

/** Whether a long-form line carries no attribute: blank, or a `#` comment. */
export function isSkippableLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  // HTCondor allows only spaces and tabs before a '#'; a line of whitespace is blank.
  if (i < end && text.charCodeAt(i) === 35) return true;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13))) return false;
  }
  return true;
}

/**
 * Splits the line `text[start, end)` the way HTCondor does: leading
 * whitespace skipped, the name is everything before the first `=` less
 * trailing spaces, the value starts after the spaces following `=`.
 * Returns undefined when there is no `=` or the name is empty or quoted.
 */
export function splitLongFormLine(
  text: string,
  start = 0,
  end = text.length,
): LongFormLine | undefined {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) i++;
    else break;
  }
  const nameStart = i;
  let eq = i;
  while (eq < end && text.charCodeAt(eq) !== 61) eq++; // bounded: never past the line
  if (eq >= end) return undefined;
  let nameEnd = eq;
  while (nameEnd > nameStart && text.charCodeAt(nameEnd - 1) === 32) nameEnd--;
  if (nameEnd === nameStart || text.charCodeAt(nameStart) === 39) return undefined;
  let valueStart = eq + 1;
  while (valueStart < end) {
    const c = text.charCodeAt(valueStart);
    if (c === 32 || c === 9) valueStart++;
    else break;
  }
  let valueEnd = end;
  if (valueEnd > valueStart && text.charCodeAt(valueEnd - 1) === 13) valueEnd--;
  return { name: text.slice(nameStart, nameEnd), nameStart, nameEnd, valueStart, valueEnd };
}

/** Options for reading long-form ads. */
export interface OldAdOptions {
  strict?: boolean;
  binary?: boolean;
  /**
   * Reject trailing tokens after a value's expression (job_queue.log's strict
   * check). Default false: HTCondor's ad readers ignore them (`A = 1 2` is `A = 1`).
   */
  full?: boolean;
}

/** Where in a larger text an ad lies (offsets stay relative to the whole text). */
export interface TextRange {
  start?: number;
  end?: number;
}

/**
 * Parses a whole long-form ad (every non-blank, non-comment line is
 * `Name = expr`) into a record, with every error found. Offsets refer to `text`.
 */
export function parseOldAd(
  text: string,
  options: OldAdOptions & TextRange = {},
): ParseResult<RecordExpr> {
  const attrs: RecordAttr[] = [];
  const errors: SyntaxDiagnostic[] = [];
  const start = options.start ?? 0;
  const end = options.end ?? text.length;
  const parseOptions = { strict: options.strict, binary: options.binary, oldSyntax: true };
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (!isSkippableLine(text, lineStart, lineEnd)) {
      const line = splitLongFormLine(text, lineStart, lineEnd);
      if (!line) {
        let end = lineEnd;
        if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
        errors.push({
          code: SyntaxErrorCode.BadAttributeLine,
          message: "expected 'Name = expression'",
          start: lineStart,
          end,
        });
      } else {
        const result = parseExpressionWithErrors(text, {
          strict: parseOptions.strict,
          binary: parseOptions.binary,
          oldSyntax: true,
          full: options.full ?? false,
          start: line.valueStart,
          end: line.valueEnd,
        });
        errors.push(...result.errors);
        attrs.push({
          name: line.name,
          value: result.value,
          nameStart: line.nameStart,
          nameEnd: line.nameEnd,
        });
      }
    }
    lineStart = lineEnd + 1;
  }
  return { value: { kind: 'Record', attrs, start, end }, errors };
}

/**
 * Parses one long-form value (old syntax, trailing tokens ignored as HTCondor
 * does), or undefined if it does not parse. The fast path for lazy readers.
 */
export function parseOldValue(
  text: string,
  start = 0,
  end = text.length,
  options: OldAdOptions = {},
): Expr | undefined {
  // Most values are plain literals: no parser needed. (Options are written
  // out, not spread: a spread costs about 2 µs per call on Node 20.)
  const full = options.full ?? false;
  if (!full) {
    const literal = fastLiteral(text, start, end);
    if (literal) return literal;
  }
  return tryParseExpression(text, {
    strict: options.strict,
    binary: options.binary,
    oldSyntax: true,
    full,
    start,
    end,
  });
}
