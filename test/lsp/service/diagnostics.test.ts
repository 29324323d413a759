import { describe, expect, it } from 'vitest';
import { getDiagnostics } from '../../../src/lsp/service/diagnostics.js';
import { allRules } from '../../../src/lsp/service/rules/index.js';

describe('getDiagnostics', () => {
  it('runs every rule and returns the findings in source order', () => {
    const text = '[ a = "x" + 1; b = strcatt(); RequestMemmory = 1 ]\n[ c = 1 + ; ]';
    expect(getDiagnostics(text, 'ad').map((d) => [d.code, d.start, d.end])).toEqual([
      ['always-error', 6, 13],
      ['unknown-function', 19, 26],
      ['attribute-typo', 30, 44],
      [2001, 61, 62],
    ]);
  });

  it('has a rule for each kind of finding, each with its own id', () => {
    expect(allRules.map((r) => r.id)).toEqual([
      'syntax',
      'jobq-record',
      'unknown-function',
      'argument-count',
      'always-error',
      'single-quoted-string',
      'attribute-typo',
      'old-backslash-quote',
    ]);
  });

  it('finds nothing wrong with a clean ad', () => {
    const text =
      '[ MyType = "Job"; RequestMemory = 2048; Requirements = TARGET.Memory >= RequestMemory ]';
    expect(getDiagnostics(text, 'ad')).toEqual([]);
  });

  it('gives each finding a severity and a message', () => {
    const [d] = getDiagnostics('A = 1 +\n', 'ad');
    expect(d).toMatchObject({ code: 2002, severity: 'error' });
    expect(d!.message.length).toBeGreaterThan(0);
  });
});
