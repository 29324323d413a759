import { describe, expect, it } from 'vitest';
import { argumentCountRule } from '../../../../src/lsp/service/rules/argumentCount.js';
import { expectMarked, findings } from './harness.js';

describe('argument-count rule', () => {
  it('reports the whole call when arguments are missing', () => {
    expectMarked(
      argumentCountRule,
      '[ a = ⟦substr("abc")⟧; b = ⟦ifThenElse(x, 1)⟧ ]',
      'argument-count',
    );
  });

  it('reports the extra arguments when there are too many', () => {
    expectMarked(
      argumentCountRule,
      '[ a = size("a", ⟦"b", "c"⟧); b = time(⟦1⟧) ]',
      'argument-count',
    );
  });

  it('accepts every count a builtin takes', () => {
    const ok =
      '[ a = strcat(); b = strcat(1, 2, 3, 4); c = absTime(); d = substr("a", 1, 1); e = random() ]';
    expect(findings(argumentCountRule, ok)).toEqual([]);
  });

  it('follows the specification where relTime takes exactly one argument', () => {
    expectMarked(argumentCountRule, 'A = relTime(5, ⟦1⟧)\n', 'argument-count');
  });

  it('ignores unknown functions and matches names in any case', () => {
    expectMarked(argumentCountRule, '[ a = nope(); b = ⟦TOUPPER()⟧ ]', 'argument-count');
  });
});
