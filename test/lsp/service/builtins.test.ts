import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import '../../../src/eval/functions/index.js';
import { builtinNames } from '../../../src/eval/functions/registry.js';
import { parseExpression } from '../../../src/language/parser.js';
import {
  allBuiltins,
  arityText,
  builtinInfo,
  builtinSignature,
} from '../../../src/lsp/service/builtins.js';

describe('builtins table', () => {
  it("lists exactly the evaluator's builtins, plus the daemon-only functions", () => {
    const listed = allBuiltins()
      .filter((b) => !b.daemonOnly)
      .map((b) => b.name.toLowerCase())
      .sort();
    expect(listed).toEqual(builtinNames().sort());
    expect(
      allBuiltins()
        .filter((b) => b.daemonOnly)
        .map((b) => b.name),
    ).toEqual(['ResourcesInUseByUser', 'ResourcesInUseByUsersGroup', 'SlotEval']);
  });

  it('agrees with the evaluator: one argument too many or too few is error', () => {
    const call = (name: string, n: number) =>
      parseExpression(`${name}(${Array<string>(n).fill('1').join(', ')})`);
    for (const b of allBuiltins().filter((x) => !x.daemonOnly)) {
      if (b.maxArgs !== Infinity)
        expect(printValue(evaluateIn(call(b.name, b.maxArgs + 1), null).value), b.name).toBe(
          'error',
        );
      if (b.minArgs > 0)
        expect(printValue(evaluateIn(call(b.name, b.minArgs - 1), null).value), b.name).toBe(
          'error',
        );
    }
  });

  it('looks names up in any case and describes them', () => {
    const substr = builtinInfo('SUBSTR')!;
    expect(builtinSignature(substr)).toBe('substr(s, offset, [length]) -> string');
    expect(arityText(substr)).toBe('2 to 3');
    expect(arityText(builtinInfo('strcat')!)).toBe('any number');
    expect(arityText(builtinInfo('time')!)).toBe('0');
    expect(builtinInfo('nope')).toBeUndefined();
  });

  it('has a one-line summary for every builtin', () => {
    for (const b of allBuiltins()) expect(b.summary, b.name).toMatch(/^[^\n]+\.$/);
  });
});
