import { describe, expect, it } from 'vitest';
import { oldBackslashQuoteRule } from '../../../../src/lsp/service/rules/oldBackslashQuote.js';
import { expectMarked, findings } from './harness.js';

describe('old-backslash-quote rule', () => {
  it('reports a \\" followed by more of the expression', () => {
    expectMarked(
      oldBackslashQuoteRule,
      'Iwd = "C:\\condor⟦\\"⟧ && x\nA = strcat("C:\\dir⟦\\"⟧, "f")\n',
      'old-backslash-quote',
    );
  });

  it('reports a \\" followed only by blanks (the line does not end at the quote)', () => {
    expectMarked(oldBackslashQuoteRule, 'Iwd = "C:\\condor⟦\\"⟧  \nB = 1\n', 'old-backslash-quote');
  });

  it('leaves alone a string ending in a backslash at the end of the line, CRLF included', () => {
    expect(
      findings(oldBackslashQuoteRule, 'Iwd = "C:\\condor\\"\nOut = "C:\\x\\"\r\nB = 1\n'),
    ).toEqual([]);
  });

  it('leaves alone quotes inside a string that reads fine, whatever follows them', () => {
    expect(findings(oldBackslashQuoteRule, 'A = "say \\"hi\\" now"\nB = "\\"q\\""\n')).toEqual([]);
    expect(findings(oldBackslashQuoteRule, 'Args = "-c \'echo \\"x\\" > /tmp/f\'"\n')).toEqual([]);
  });

  it('applies to old syntax only', () => {
    expect(findings(oldBackslashQuoteRule, '[ a = "C:\\\\dir\\\\" ]')).toEqual([]);
  });

  it('checks job_queue.log values', () => {
    expectMarked(
      oldBackslashQuoteRule,
      '103 1.0 Iwd "C:\\x⟦\\"⟧ + 1\n',
      'old-backslash-quote',
      'jobQueueLog',
    );
  });
});
