import { describe, expect, it } from 'vitest';
import { alwaysErrorRule } from '../../../../src/lsp/service/rules/alwaysError.js';
import { expectMarked, findings } from './harness.js';

describe('always-error rule', () => {
  it('reports operations on literal operands that evaluate to error', () => {
    expectMarked(
      alwaysErrorRule,
      '[ a = ⟦"a" + 1⟧; b = ⟦1 / 0⟧; c = ⟦"x" == 2⟧; d = ⟦{1, 2}[5]⟧; e = ⟦-"s"⟧ ]',
      'always-error',
    );
  });

  it('reports builtin calls on literal arguments that evaluate to error', () => {
    expectMarked(
      alwaysErrorRule,
      '[ a = ⟦substr("abc", 1.5)⟧; b = ⟦int("abc")⟧; c = ⟦getYear(time())⟧ ]',
      'always-error',
    );
  });

  it('reports only the innermost operation', () => {
    expectMarked(alwaysErrorRule, 'A = (⟦"a" + 1⟧) * 2 + isError(⟦"b" * 3⟧)\n', 'always-error');
  });

  it('leaves alone what depends on attributes, chance, or is error on purpose', () => {
    const text =
      '[ a = x + 1; b = error; c = isError(error); d = random(0); e = "a" + b; f = false && error ]';
    expect(findings(alwaysErrorRule, text)).toEqual([]);
  });

  it('leaves alone calls other rules report (unknown functions, wrong counts)', () => {
    expect(findings(alwaysErrorRule, '[ a = nope(1); b = substr("a") ]')).toEqual([]);
  });

  it('checks unevaluated branches and every document kind', () => {
    expectMarked(alwaysErrorRule, 'true ? 1 : ⟦"a" - 1⟧', 'always-error', 'expression');
    expectMarked(alwaysErrorRule, '103 1.0 A ⟦"a" * 2⟧\n', 'always-error', 'jobQueueLog');
  });

  it('does not exhaust the stack on a deep tree', () => {
    const text = 'A = ' + Array(20000).fill('1').join(' + ') + ' + "x"\n';
    expect(findings(alwaysErrorRule, text)).toEqual([['always-error', 4, text.length - 1]]);
  });
});
