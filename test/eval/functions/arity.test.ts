// Every builtin of spec §6: a wrong number of arguments is ERROR (strcat and
// join take any number), and UNDEFINED or ERROR arguments give a value,
// never an exception. The families' own tests pin the exact values.
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { builtinNames } from '../../../src/eval/functions/registry.js';
import { parseExpression } from '../../../src/language/parser.js';

const value = (text: string) => printValue(evaluateIn(parseExpression(text), null).value);
const variadic = new Set(['strcat', 'join']);

describe('every builtin', () => {
  const names = builtinNames().sort();
  it('is registered (the list is the spec’s, §6.12)', () => {
    expect(names.length).toBeGreaterThanOrEqual(94);
  });
  it('returns ERROR for too many arguments', () => {
    const args = Array.from({ length: 12 }, (_, i) => String(i + 1)).join(',');
    const wrong = names.filter((n) => !variadic.has(n) && value(`${n}(${args})`) !== 'error');
    expect(wrong).toEqual([]);
    expect(value(`strcat(${args})`)).toBe('"123456789101112"');
  });
  it('returns a value for undefined, error and no arguments', () => {
    for (const n of names) {
      for (const call of [`${n}(undefined)`, `${n}(error)`, `${n}()`, `${n}(undefined, error)`]) {
        expect(() => value(call), call).not.toThrow();
      }
    }
  });
});
