/**
 * Rule `old-backslash-quote`: in old syntax (long-form ad lines,
 * job_queue.log values) a string ending in a backslash, `"C:\dir\"`, ends
 * there only at the end of the line; anywhere else `\"` is a quote inside
 * the string, which then runs on (`"C:\dir\" && x` is one unterminated
 * string). Reported at a `\"` when the value does not read (a syntax error
 * at or after it) and what follows the `\"` looks like the rest of an
 * expression (an operator or separator) or is only trailing blanks; quotes
 * inside strings that read fine (`"echo \"x\" > f"`) are left alone.
 */
import { SyntaxErrorCode } from '../../../language/diagnostics.js';
import { lex } from '../../../language/lexer.js';
import * as T from '../../../language/tokens.js';
import type { ServiceDiagnostic } from '../diagnostics.js';
import type { DiagnosticRule } from './rule.js';

const continuation = new Set('&|,)]};=!<>?:+-*/%^'.split('').map((c) => c.charCodeAt(0)));

/** Whether the text from `at` to `lineEnd` looks like what follows the end of a string. */
function looksLikeStringEnded(text: string, at: number, lineEnd: number): boolean {
  let i = at;
  while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i >= lineEnd || continuation.has(text.charCodeAt(i));
}

/** Reports `\"` pitfalls in old-syntax strings. */
export const oldBackslashQuoteRule: DiagnosticRule = {
  id: 'old-backslash-quote',
  check(model) {
    const out: ServiceDiagnostic[] = [];
    if (model.syntax !== 'old') return out;
    const text = model.text;
    if (!text.includes('\\"')) return out;
    const errorStarts = model.syntaxErrors.map((e) => e.start).sort((a, b) => a - b);
    /** Whether a syntax error starts in [from, to]. */
    const errorIn = (from: number, to: number) => {
      let lo = 0;
      let hi = errorStarts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (errorStarts[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      return lo < errorStarts.length && errorStarts[lo]! <= to;
    };
    for (const d of model.definitions) {
      if (d.ad.parent && !d.ad.chained) continue; // nested records lie on their top-level line
      const from = d.nameSpan.end;
      let lineEnd = text.indexOf('\n', from);
      if (lineEnd < 0) lineEnd = text.length;
      if (lineEnd > from && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      if (!text.slice(from, lineEnd).includes('\\"')) continue;
      const lexed = lex(text, { start: from, end: lineEnd, oldSyntax: true });
      for (const t of lexed.tokens) {
        if (t.tokenType !== T.StringLiteral) continue;
        const end = t.endOffset! + 1;
        const unterminated = lexed.errors.some(
          (e) => e.code === SyntaxErrorCode.UnterminatedString && e.start === t.startOffset,
        );
        const last = unterminated ? end : end - 2; // a \" that closes the string is fine
        for (let p = text.indexOf('\\"', t.startOffset + 1); p >= 0 && p < last;) {
          const broken = unterminated || errorIn(p, lineEnd);
          if (broken && looksLikeStringEnded(text, p + 2, lineEnd)) {
            out.push({
              code: 'old-backslash-quote',
              severity: 'warning',
              message:
                'in old ClassAd syntax \\" ends a string only at the end of the line: here the quote is part of the string, which goes on (to keep a trailing backslash, end the line after the string)',
              start: p,
              end: p + 2,
            });
          }
          p = text.indexOf('\\"', p + 2);
        }
      }
    }
    return out;
  },
};
