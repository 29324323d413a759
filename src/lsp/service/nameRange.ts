/**
 * Where the name of a reference or a call is written: the AST keeps the whole
 * node's range, and a name may be quoted (`'a b'`), so the token is found in
 * the text (bare names by scanning, quoted ones through the lexer).
 */
import type { AttributeRef, Call } from '../../language/ast.js';
import { lex } from '../../language/lexer.js';
import type { Span } from './span.js';

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

/** The range of the name token of an attribute reference (`Memory` in `TARGET.Memory`), quotes included. */
export function referenceNameSpan(text: string, ref: AttributeRef, oldSyntax: boolean): Span {
  const end = ref.end;
  if (end > 0 && isNameChar(text.charCodeAt(end - 1))) {
    let start = end - 1;
    while (start > ref.start && isNameChar(text.charCodeAt(start - 1))) start--;
    return { start, end };
  }
  const tokens = lex(text, { start: ref.start, end, oldSyntax }).tokens;
  const last = tokens[tokens.length - 1];
  return last ? { start: last.startOffset, end: last.endOffset! + 1 } : { start: ref.start, end };
}

/** The range of a call's function name (`strcat` in `strcat(a, b)`), quotes included. */
export function callNameSpan(text: string, call: Call, oldSyntax: boolean): Span {
  const start = call.start;
  if (isNameChar(text.charCodeAt(start))) {
    let end = start + 1;
    while (end < call.end && isNameChar(text.charCodeAt(end))) end++;
    return { start, end };
  }
  const first = lex(text, { start, end: call.end, oldSyntax }).tokens[0];
  return first ? { start: first.startOffset, end: first.endOffset! + 1 } : { start, end: call.end };
}

/** Whether the name at a span is written in single quotes. */
export function isQuotedName(text: string, span: Span): boolean {
  return text.charCodeAt(span.start) === 39;
}
