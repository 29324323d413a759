/**
 * Rule `syntax`: every syntax error the parser found (its recovery reports
 * them all at once), with the parser's numeric code (SyntaxErrorCode) and range.
 */
import type { DiagnosticRule } from './rule.js';

/** Reports the parser's syntax errors. */
export const syntaxErrorsRule: DiagnosticRule = {
  id: 'syntax',
  check: (model) =>
    model.syntaxErrors.map((e) => ({
      code: e.code,
      severity: 'error',
      message: e.message,
      start: e.start,
      end: e.end,
    })),
};
