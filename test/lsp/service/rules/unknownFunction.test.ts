import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../../src/lsp/service/model.js';
import {
  suggestFunction,
  unknownFunctionRule,
} from '../../../../src/lsp/service/rules/unknownFunction.js';
import { expectMarked, findings } from './harness.js';

describe('unknown-function rule', () => {
  it('reports the name of a call to an unknown function', () => {
    expectMarked(
      unknownFunctionRule,
      '[ a = ⟦strcatt⟧("x", 1); b = ⟦Frobnicate⟧(2) ]',
      'unknown-function',
    );
  });

  it('suggests the closest builtin as the replacement', () => {
    const [d] = unknownFunctionRule.check(analyzeDocument('A = stringListMembr("a", "a,b")', 'ad'));
    expect(d!.replacement).toBe('stringListMember');
    expect(suggestFunction('regex')).toBe('regexp');
    expect(suggestFunction('Frobnicate')).toBeUndefined();
  });

  it('knows builtins in any case, and the daemon-only functions', () => {
    expect(
      findings(unknownFunctionRule, '[ a = STRCAT("x"); b = SlotEval("slot1", Cpus) ]'),
    ).toEqual([]);
  });

  it('covers a quoted function name, quotes included', () => {
    expectMarked(unknownFunctionRule, "A = ⟦'nope'⟧(1)\n", 'unknown-function');
  });

  it('finds calls nested anywhere, in every document kind', () => {
    expectMarked(
      unknownFunctionRule,
      'size({ ⟦foo⟧(1) }) + [ x = ⟦bar⟧() ].x',
      'unknown-function',
      'expression',
    );
    expectMarked(unknownFunctionRule, '103 1.0 A ⟦nope⟧(1)\n', 'unknown-function', 'jobQueueLog');
  });
});
