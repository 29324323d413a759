/**
 * Parsing 103 values: old ClassAd syntax, whole value (HTCondor's strict
 * "full" parse of job_queue.log values), in place in the line text.
 *
 * Most values are plain literals (a number, a string, `true`): those take
 * the language's literal fast path. Everything else goes through the fast
 * (non-recovering) parser, and only a value that fails is parsed again by the
 * recovering one, for its first error.
 */
import type * as A from '../language/ast.js';
import type { SyntaxDiagnostic } from '../language/diagnostics.js';
import { fastLiteral } from '../language/fastLiteral.js';
import { forEachNode } from '../language/walk.js';
import { parseExpressionWithErrors, tryParseExpression } from '../language/parser.js';

/** The value's expression, or its first syntax error (offsets into `text`). */
export type ValueParse =
  { expr: A.Expr; error?: undefined } | { expr?: undefined; error: SyntaxDiagnostic };

function firstError(text: string, start: number, end: number): SyntaxDiagnostic {
  // Options written out: an object spread costs microseconds per call.
  const r = parseExpressionWithErrors(text, {
    oldSyntax: true,
    binary: true,
    full: true,
    start,
    end,
  });
  return r.errors[0] ?? { code: 2001, message: 'the value does not parse', start, end };
}

/** Parses the value `text[start, end)` (old syntax, whole value). */
export function parseValue(text: string, start: number, end: number): ValueParse {
  const literal = fastLiteral(text, start, end);
  if (literal) return { expr: literal };
  const expr = tryParseExpression(text, { oldSyntax: true, binary: true, full: true, start, end });
  return expr ? { expr } : { error: firstError(text, start, end) };
}

/** The first syntax error of the value `text[start, end)`, or undefined when it parses. */
export function valueSyntaxError(
  text: string,
  start: number,
  end: number,
): SyntaxDiagnostic | undefined {
  const r = parseValue(text, start, end);
  return r.error;
}

/** Every string literal of an expression, in source order. */
export function stringLiterals(expr: A.Expr): A.StringLiteral[] {
  const out: A.StringLiteral[] = [];
  forEachNode(expr, (e) => {
    if (e.kind === 'String') out.push(e);
  });
  return out;
}
