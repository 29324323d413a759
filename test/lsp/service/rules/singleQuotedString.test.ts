import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../../src/lsp/service/model.js';
import { singleQuotedStringRule } from '../../../../src/lsp/service/rules/singleQuotedString.js';
import { expectMarked, findings } from './harness.js';

describe('single-quoted-string rule', () => {
  it('reports a single-quoted reference, quotes included, with the string as the replacement', () => {
    expectMarked(
      singleQuotedStringRule,
      "Requirements = Owner == ⟦'alice'⟧\n",
      'single-quoted-string',
    );
    const [d] = singleQuotedStringRule.check(analyzeDocument('A = \'say "hi"\'\n', 'adOld'));
    expect(d!.replacement).toBe('"say \\"hi\\""');
  });

  it('reports the name after a scope', () => {
    expectMarked(singleQuotedStringRule, "[ a = MY.⟦'x y'⟧ ]", 'single-quoted-string');
  });

  it('leaves alone quoted names the document defines, and record keys', () => {
    expect(
      findings(singleQuotedStringRule, "[ 'my attr' = 1; b = 'my attr' + 1; c = 'B' ]"),
    ).toEqual([]);
  });

  it('leaves alone bare names and double-quoted strings', () => {
    expect(findings(singleQuotedStringRule, '[ a = Owner == "alice" && b ]')).toEqual([]);
  });

  it('checks job_queue.log values', () => {
    expectMarked(
      singleQuotedStringRule,
      "103 1.0 Requirements Owner == ⟦'bob'⟧\n",
      'single-quoted-string',
      'jobQueueLog',
    );
  });
});
