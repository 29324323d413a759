/**
 * Showing ClassAd text in an editor: printed expressions and names are byte
 * strings (UTF-8 bytes as code units) and become text again; long ones are cut.
 */
import type { Expr } from '../../language/ast.js';
import { isValidUtf8, utf8Decode } from '../../language/bytes.js';
import { printExpr } from '../../language/printer.js';

/** A byte string as text (UTF-8 decoded when it is valid UTF-8, else as it is). */
export function bytesToText(bytes: string): string {
  return isValidUtf8(bytes) ? utf8Decode(bytes) : bytes;
}

/** `text` cut to `max` characters, with `...` when it was longer. */
export function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 3) + '...' : text;
}

/**
 * An expression printed (in old or new syntax) as text, cut to `max`
 * characters. A partial tree (syntax errors) cannot be printed: then its
 * source text is shown, when `source` is given.
 */
export function showExpr(e: Expr, oldSyntax: boolean, max = 400, source?: string): string {
  let printed: string;
  try {
    printed = bytesToText(printExpr(e, { oldSyntax }));
  } catch {
    printed = source !== undefined && e.start >= 0 ? source.slice(e.start, e.end) : '';
  }
  return shorten(printed, max);
}
