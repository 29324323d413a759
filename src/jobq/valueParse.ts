/**
 * Parsing 103 values: old ClassAd syntax, whole value (HTCondor's strict
 * "full" parse of job_queue.log values), in place in the line text.
 *
 * Most values are one token (a number, a string, `true`); those are read
 * with the lexer alone, which is much cheaper than the parser (and a plain
 * `"..."` without quotes or backslashes inside needs not even the lexer).
 * Everything else goes through the parser.
 */
import type * as A from '../language/ast.js';
import type { SyntaxDiagnostic } from '../language/diagnostics.js';
import { lex } from '../language/lexer.js';
import { parseExpressionWithErrors } from '../language/parser.js';
import * as T from '../language/tokens.js';
import type { ClassAdToken } from '../language/tokens.js';

const parseOptions = { oldSyntax: true, binary: true, full: true } as const;

const singleTokenValues = new Set([
  T.StringLiteral,
  T.IntegerLiteral,
  T.RealLiteral,
  T.True,
  T.False,
  T.Undefined,
  T.ErrorKeyword,
  T.Identifier,
]);

/** The value's expression, or its first syntax error (offsets into `text`). */
export type ValueParse =
  { expr: A.Expr; error?: undefined } | { expr?: undefined; error: SyntaxDiagnostic };

function single(text: string, start: number, end: number): ClassAdToken | undefined {
  const lexed = lex(text, { oldSyntax: true, binary: true, start, end });
  if (lexed.errors.length > 0 || lexed.tokens.length !== 1) return undefined;
  const t = lexed.tokens[0]!;
  return singleTokenValues.has(t.tokenType) ? t : undefined;
}

/**
 * Parses the value `text[start, end)`. A lone string literal is returned as a
 * String node built from the lexer's token; anything else is parsed.
 */
export function parseValue(text: string, start: number, end: number): ValueParse {
  // The usual value, `"..."` with no quote or backslash inside, is one literal
  // whose bytes are its contents in either syntax: no need to lex it.
  if (
    end - start >= 2 &&
    text.charCodeAt(start) === 34 &&
    text.indexOf('"', start + 1) === end - 1
  ) {
    const b = text.indexOf('\\', start + 1);
    if (b < 0 || b >= end) {
      const node: A.StringLiteral = {
        kind: 'String',
        value: text.slice(start + 1, end - 1),
        start,
        end,
      };
      return { expr: node };
    }
  }
  const t = single(text, start, end);
  if (t?.tokenType === T.StringLiteral) {
    const node: A.StringLiteral = {
      kind: 'String',
      value: t.payload as string,
      start: t.startOffset,
      end: t.endOffset! + 1,
    };
    return { expr: node };
  }
  const r = parseExpressionWithErrors(text, { ...parseOptions, start, end });
  if (r.errors.length > 0) return { error: r.errors[0]! };
  return { expr: r.value };
}

/** The first syntax error of the value `text[start, end)`, or undefined when it parses. */
export function valueSyntaxError(
  text: string,
  start: number,
  end: number,
): SyntaxDiagnostic | undefined {
  if (single(text, start, end)) return undefined;
  const r = parseExpressionWithErrors(text, { ...parseOptions, start, end });
  return r.errors[0];
}

/** Every string literal of an expression, in source order. */
export function stringLiterals(expr: A.Expr): A.StringLiteral[] {
  const out: A.StringLiteral[] = [];
  const stack: A.Expr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.kind) {
      case 'String':
        out.push(e);
        break;
      case 'AttributeRef':
        if (e.scope) stack.push(e.scope);
        break;
      case 'Unary':
        stack.push(e.operand);
        break;
      case 'Binary':
      case 'Elvis':
        stack.push(e.left, e.right);
        break;
      case 'Ternary':
        stack.push(e.cond, e.then, e.otherwise);
        break;
      case 'Paren':
        stack.push(e.inner);
        break;
      case 'Subscript':
        stack.push(e.target, e.index);
        break;
      case 'Call':
        stack.push(...e.args);
        break;
      case 'List':
        stack.push(...e.items);
        break;
      case 'Record':
        for (const a of e.attrs) stack.push(a.value);
        break;
      default:
        break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
