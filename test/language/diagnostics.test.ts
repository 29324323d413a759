import { describe, expect, it } from 'vitest';
import {
  ClassAdSyntaxError,
  codeFrame,
  formatDiagnostic,
  lineColumnAt,
  SyntaxErrorCode,
} from '../../src/language/diagnostics.js';

describe('lineColumnAt', () => {
  it('counts 1-based lines and columns', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});

describe('codeFrame and formatDiagnostic', () => {
  it('shows the line and underlines the range', () => {
    expect(codeFrame('x\nA = 1 +\r\ny', 8, 9)).toBe('2 | A = 1 +\n  |       ^');
    const d = {
      code: SyntaxErrorCode.UnexpectedCharacter,
      message: "unexpected character '$'",
      start: 4,
      end: 5,
    };
    expect(formatDiagnostic('A = $', d, 'job.ad')).toBe(
      "job.ad:1:5: error 1001: unexpected character '$'\n1 | A = $\n  |     ^",
    );
  });
  it('keeps tabs so the caret lines up', () => {
    expect(codeFrame('\ta $', 3, 4)).toBe('1 | \ta $\n  | \t  ^');
  });
});

describe('ClassAdSyntaxError', () => {
  it('names the first error with its line and column', () => {
    const e = new ClassAdSyntaxError('a\n  $', [
      { code: SyntaxErrorCode.UnexpectedCharacter, message: 'bad', start: 4, end: 5 },
    ]);
    expect(e.message).toBe('2:3: bad');
    expect(e.diagnostics).toHaveLength(1);
  });
});
