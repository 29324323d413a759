// Math builtins (spec §6.4): floor, ceiling/ceil, round, pow, quantize, random.
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import type { Value } from '../../../src/eval/values.js';
import { parseExpression } from '../../../src/language/parser.js';

function run(text: string) {
  return evaluateIn(parseExpression(text), null);
}

/** Evaluates `text` standalone and returns the printed value (`FAILED` for an evaluation failure). */
function ev(text: string): string {
  const r = run(text);
  return r.failed ? 'FAILED' : printValue(r.value);
}

describe.each(['floor', 'ceiling', 'ceil', 'round'])('%s', (name) => {
  const f = (arg: string) => ev(`${name}(${arg})`);
  it('returns an integer unchanged', () => {
    expect(f('-3')).toBe('-3');
    expect(f('9223372036854775807')).toBe('9223372036854775807');
  });
  it('converts other values with ToReal', () => {
    expect(f('true')).toBe('1');
    expect(f('absTime(1577836800)')).toBe('1577836800');
    expect(f('relTime(90)')).toBe('90');
    expect(f('-0.0')).toBe('0');
  });
  it('gives INT64_MIN for NaN, infinities and out-of-range results', () => {
    expect(f('1e20')).toBe('-9223372036854775808');
    expect(f('real("NaN")')).toBe('-9223372036854775808');
    expect(f('real("-INF")')).toBe('-9223372036854775808');
  });
  it('is ERROR for UNDEFINED, ERROR and unconvertible values', () => {
    expect(f('undefined')).toBe('error');
    expect(f('x')).toBe('error');
    expect(f('error')).toBe('error');
    expect(f('"abc"')).toBe('error');
    expect(f('{1}')).toBe('error');
  });
  it('is ERROR with other than 1 argument', () => {
    expect(f('')).toBe('error');
    expect(f('1, 2')).toBe('error');
  });
});

describe('floor, ceiling and round values', () => {
  it('round to the usual integers', () => {
    expect(ev('floor(-2.5)')).toBe('-3');
    expect(ev('floor("3.7")')).toBe('3');
    expect(ev('ceiling(-2.5)')).toBe('-2');
    expect(ev('ceil(2.4999)')).toBe('3');
    expect(ev('CEIL(0.5)')).toBe('1');
  });
  it('round half to even', () => {
    expect(ev('round(2.5)')).toBe('2');
    expect(ev('round(3.5)')).toBe('4');
    expect(ev('round(-2.5)')).toBe('-2');
    expect(ev('round(-0.5)')).toBe('0');
    expect(ev('round(2.4999)')).toBe('2');
    expect(ev('round(4503599627370495.5)')).toBe('4503599627370496');
  });
});

describe('pow', () => {
  it('gives an integer for an integer base and a non-negative integer exponent', () => {
    expect(ev('pow(2, 10)')).toBe('1024');
    expect(ev('pow(0, 0)')).toBe('1');
    expect(ev('pow(2, 62)')).toBe('4611686018427387904');
    expect(ev('pow(1, 9223372036854775807)')).toBe('1');
  });
  it('adds 0.5 and truncates, so odd negative powers are one too high', () => {
    expect(ev('pow(-2, 3)')).toBe('-7');
    expect(ev('pow(-3, 3)')).toBe('-26');
    expect(ev('pow(-1, 1)')).toBe('0');
  });
  it('gives INT64_MIN when the integer result is out of range', () => {
    expect(ev('pow(2, 63)')).toBe('-9223372036854775808');
    expect(ev('pow(10, 1000)')).toBe('-9223372036854775808');
  });
  it('gives a real otherwise', () => {
    expect(ev('pow(2, -1)')).toBe('5.000000000000000E-01');
    expect(ev('pow(2.0, 3)')).toBe('8.000000000000000E+00');
    expect(ev('pow("2", 3)')).toBe('8.000000000000000E+00');
    expect(ev('pow(2, true)')).toBe('2.000000000000000E+00');
    expect(ev('pow(-2, 0.5)')).toBe('real("NaN")');
    expect(ev('pow(0, -1)')).toBe('real("INF")');
    expect(ev('pow(-10.0, 309)')).toBe('real("-INF")');
    expect(ev('pow(1.0, real("NaN"))')).toBe('1.000000000000000E+00');
    expect(ev('pow(-1.0, real("INF"))')).toBe('1.000000000000000E+00');
  });
  it('is ERROR for UNDEFINED, ERROR and unconvertible arguments', () => {
    expect(ev('pow(2, undefined)')).toBe('error');
    expect(ev('pow(undefined, 2)')).toBe('error');
    expect(ev('pow(error, 2)')).toBe('error');
    expect(ev('pow({1}, 2)')).toBe('error');
    expect(ev('pow(2, "x")')).toBe('error');
  });
  it('is ERROR with other than 2 arguments', () => {
    expect(ev('pow()')).toBe('error');
    expect(ev('pow(2)')).toBe('error');
    expect(ev('pow(2, 3, 4)')).toBe('error');
  });
});

describe('quantize', () => {
  it('rounds up to a multiple of an integer step', () => {
    expect(ev('quantize(3, 8)')).toBe('8');
    expect(ev('quantize(8, 3)')).toBe('9');
    expect(ev('quantize(-7, 2)')).toBe('-6');
    expect(ev('quantize(-3, -2)')).toBe('-6');
    expect(ev('quantize(3, -2)')).toBe('0');
    expect(ev('quantize(3.5, 2)')).toBe('4.000000000000000E+00');
    expect(ev('quantize(true, 2)')).toBe('2.000000000000000E+00');
    expect(ev('quantize(9223372036854775807, 2)')).toBe('-9223372036854775808');
  });
  it('rounds up to a multiple of a real step', () => {
    expect(ev('quantize(1.5, 6.8)')).toBe('6.800000000000000E+00');
    expect(ev('quantize(6.8, 1.2)')).toBe('7.199999999999999E+00');
    expect(ev('quantize(10, 5.1)')).toBe('1.020000000000000E+01');
    expect(ev('quantize(3, "2")')).toBe('4.000000000000000E+00');
  });
  it('returns the first argument unchanged for a zero (or tiny) step', () => {
    expect(ev('quantize(7, 0)')).toBe('7');
    expect(ev('quantize(3, 0.0)')).toBe('3');
    expect(ev('quantize(1e300, 1e-300)')).toBe('1.000000000000000E+300');
    expect(ev('quantize("3", 0)')).toBe('"3"');
  });
  it('picks the first list element at least the value, else multiples of the last', () => {
    expect(ev('quantize(0, {4})')).toBe('4');
    expect(ev('quantize(2, {1, 2, "A"})')).toBe('2');
    expect(ev('quantize(2.7, {1, 2, 0.5})')).toBe('3.000000000000000E+00');
    expect(ev('quantize(11, {2, 5})')).toBe('15');
    expect(ev('quantize(11, {2.5})')).toBe('1.250000000000000E+01');
    expect(ev('quantize(7, {2, 1.5})')).toBe('7.500000000000000E+00');
    expect(ev('quantize(3, {})')).toBe('3');
  });
  it('is ERROR for an unconvertible list element on the way', () => {
    expect(ev('quantize(3, {1, 2, "A"})')).toBe('error');
    expect(ev('quantize(3, {undefined, 5})')).toBe('error');
    expect(ev('quantize(2, {1, error})')).toBe('error');
  });
  it('is ERROR for UNDEFINED, ERROR and unconvertible arguments', () => {
    expect(ev('quantize(undefined, 2)')).toBe('error');
    expect(ev('quantize(2, undefined)')).toBe('error');
    expect(ev('quantize(error, 2)')).toBe('error');
    expect(ev('quantize(3, [a=1])')).toBe('error');
  });
  it('is ERROR with other than 2 arguments', () => {
    expect(ev('quantize()')).toBe('error');
    expect(ev('quantize(3)')).toBe('error');
    expect(ev('quantize(1, 2, 3)')).toBe('error');
  });
});

describe('random', () => {
  const draws = (text: string): Value[] => Array.from({ length: 200 }, () => run(text).value);
  it('draws an integer in [0, n) for an integer bound', () => {
    for (const v of draws('random(10)')) {
      expect(v.type).toBe('integer');
      const n = Number((v as { value: number }).value);
      expect(n >= 0 && n < 10 && Number.isInteger(n)).toBe(true);
    }
    expect(ev('random(1)')).toBe('0');
  });
  it('draws a real in [0, x) for a real bound, and in [0, 1) without arguments', () => {
    for (const [text, max] of [
      ['random(2.5)', 2.5],
      ['random()', 1],
    ] as const) {
      for (const v of draws(text)) {
        expect(v.type).toBe('real');
        const x = (v as { value: number }).value;
        expect(x >= 0 && x < max).toBe(true);
      }
    }
  });
  it('fails the whole evaluation for a bound that is not positive', () => {
    expect(ev('random(0)')).toBe('FAILED');
    expect(ev('random(-1)')).toBe('FAILED');
    expect(ev('random(-0.5)')).toBe('FAILED');
    expect(ev('isError(random(0))')).toBe('FAILED');
    expect(ev('random(4294967296)')).toBe('FAILED'); // the bound is truncated to 32 bits
    expect(ev('false && random(0)')).toBe('false');
  });
  it('is ERROR for UNDEFINED, ERROR and non-numbers', () => {
    expect(ev('random(undefined)')).toBe('error');
    expect(ev('random(error)')).toBe('error');
    expect(ev('random("x")')).toBe('error');
    expect(ev('random(true)')).toBe('error');
    expect(ev('random({})')).toBe('error');
  });
  it('is ERROR with more than 1 argument', () => {
    expect(ev('random(1, 2)')).toBe('error');
  });
});
