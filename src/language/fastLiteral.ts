/**
 * A fast path for the values most ad lines hold: a plain integer, real,
 * string, boolean, `undefined` or `error` literal is recognized with a few
 * character tests and turned into the same AST node the parser would build,
 * without running the parser. Anything else returns undefined (parse it).
 *
 * The rules are the parser's, restricted: integers in decimal without a
 * leading 0 (HTCondor's default mode rejects those, so they go to the
 * parser for the error); strings without backslashes (old syntax and new
 * agree on those); reals in `digits.digits[e±digits]` form.
 */
import type { Expr } from './ast.js';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The literal `text[start, end)` (trimmed of spaces) as an AST node, or undefined. */
export function fastLiteral(text: string, start = 0, end = text.length): Expr | undefined {
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (
    end > start &&
    (text.charCodeAt(end - 1) === 32 ||
      text.charCodeAt(end - 1) === 9 ||
      text.charCodeAt(end - 1) === 13)
  )
    end--;
  if (start >= end) return undefined;
  const c = text.charCodeAt(start);
  if (c === 34) {
    // "..." with no backslash and no other quote inside, ending the value.
    if (end - start < 2 || text.charCodeAt(end - 1) !== 34) return undefined;
    for (let i = start + 1; i < end - 1; i++) {
      const d = text.charCodeAt(i);
      if (d === 34 || d === 92 || d >= 0x80) return undefined; // escapes, or bytes vs text: the parser decides
    }
    return { kind: 'String', value: text.slice(start + 1, end - 1), start, end };
  }
  if (isDigit(c) || (c === 45 && end - start > 1 && isDigit(text.charCodeAt(start + 1)))) {
    let i = c === 45 ? start + 1 : start;
    const digits = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === end) {
      if (text.charCodeAt(digits) === 48 && end - digits > 1) return undefined; // leading 0: the parser decides
      let value: bigint;
      if (end - start <= 15) value = BigInt(Number(text.slice(start, end)));
      else {
        value = BigInt(text.slice(start, end));
        if (value > INT64_MAX || value < INT64_MIN) value = 0n;
      }
      return { kind: 'Integer', value, start, end };
    }
    if (text.charCodeAt(i) !== 46 || !isDigit(text.charCodeAt(i + 1))) return undefined;
    i++;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i < end) {
      const e = text.charCodeAt(i);
      if (e !== 101 && e !== 69) return undefined;
      i++;
      if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
      if (!isDigit(text.charCodeAt(i))) return undefined;
      while (i < end && isDigit(text.charCodeAt(i))) i++;
      if (i < end) return undefined;
    }
    return { kind: 'Real', value: Number(text.slice(start, end)), start, end };
  }
  const n = end - start;
  if (n >= 4 && n <= 9) {
    const word = text.slice(start, end).toLowerCase();
    if (word === 'true') return { kind: 'Boolean', value: true, start, end };
    if (word === 'false') return { kind: 'Boolean', value: false, start, end };
    if (word === 'undefined') return { kind: 'Undefined', start, end };
    if (word === 'error') return { kind: 'Error', start, end };
  }
  return undefined;
}
