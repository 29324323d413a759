import { describe, expect, it } from 'vitest';
import { syntaxErrorsRule } from '../../../../src/lsp/service/rules/syntaxErrors.js';
import { spans } from '../../markers.js';
import { expectMarked, findings } from './harness.js';

describe('syntax rule', () => {
  it('reports the errors of every new-syntax ad, not only the first broken one', () => {
    expectMarked(syntaxErrorsRule, '[ a = 1 + ⟦;⟧ ]\n[ b = 2 ]\n[ c = ⟦;⟧ ]\n', 2001);
  });

  it('reports text between ads', () => {
    expectMarked(syntaxErrorsRule, '[ a = 1 ]\n⟦x⟧\n[ b = 2 ]\n', 2001);
  });

  it('reports every line of an old-syntax ad, with the lexer codes', () => {
    const { text, spans: s } = spans('A = 1 +⟦⟧\nB = ⟦@⟧\nC = ⟦"x⟧\n');
    expect(findings(syntaxErrorsRule, text)).toEqual([
      [2002, s[0]!.start, s[0]!.end],
      // `@` is no token at all; the parser's "missing value" right after it is not repeated.
      [1001, s[1]!.start, s[1]!.end],
      [1002, s[2]!.start, s[2]!.end],
    ]);
  });

  it('reports an old-syntax line that is not Name = expression', () => {
    expectMarked(syntaxErrorsRule, 'A = 1\n⟦just words⟧\n', 2008);
  });

  it('reports a single expression', () => {
    expectMarked(syntaxErrorsRule, 'a && ⟦)⟧', 2001, 'expression');
  });

  it('reports job_queue.log values (whole value: trailing tokens too)', () => {
    expectMarked(syntaxErrorsRule, '103 1.0 A 1 ⟦2⟧\n', 2003, 'jobQueueLog');
  });

  it('reports nothing for a valid document', () => {
    expect(findings(syntaxErrorsRule, '[ a = 1; b = a + 1 ]')).toEqual([]);
  });
});
