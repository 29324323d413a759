// Version comparison builtins (spec §6.6): versioncmp, versionLT/LE/GT/GE/EQ,
// version_in_range, and the natural_cmp order behind them.
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { naturalCompare } from '../../../src/eval/functions/version.js';
import { parseExpression } from '../../../src/language/parser.js';

function ev(text: string): string {
  const r = evaluateIn(parseExpression(text), null);
  return r.failed ? 'FAILED' : printValue(r.value);
}

describe('naturalCompare', () => {
  it('orders 000 < 00 < 01 < 010 < 09 < 0 < 1 < 9 < 10', () => {
    const order = ['000', '00', '01', '010', '09', '0', '1', '9', '10'];
    for (let i = 0; i < order.length; i++) {
      for (let j = 0; j < order.length; j++) {
        expect(Math.sign(naturalCompare(order[i]!, order[j]!)), `${order[i]} vs ${order[j]}`).toBe(
          Math.sign(i - j),
        );
      }
    }
  });
  it('returns raw differences', () => {
    expect(naturalCompare('a', 'c')).toBe(-2);
    expect(naturalCompare('abc', 'ab')).toBe(99);
    expect(naturalCompare('1.0.0', '1.0')).toBe(46);
    expect(naturalCompare('01', '010')).toBe(-48);
    expect(naturalCompare('010', '09')).toBe(-8);
    expect(naturalCompare('1.500000000000000E+00', '1.5')).toBe(14);
  });
  it('treats bytes as signed chars', () => {
    expect(naturalCompare('\xe9', 'e')).toBe(0xe9 - 256 - 101);
  });
});

describe('versioncmp', () => {
  it('compares numerically inside digit runs', () => {
    expect(ev('versioncmp("1.10", "1.9")')).toBe('1');
    expect(ev('versioncmp("8.9.7", "8.10.0")')).toBe('-1');
    expect(ev('versioncmp("1.0", "1.0")')).toBe('0');
    expect(ev('versioncmp("a", "c")')).toBe('-2');
    expect(ev('versioncmp("000", "00")')).toBe('-1');
    expect(ev('versioncmp("23.0.0", "23.0.0-rc1")')).toBe('-45');
  });
  it('converts arguments with ToString', () => {
    expect(ev('versioncmp(10, 9)')).toBe('1');
    expect(ev('versioncmp(1.5, "1.5")')).toBe('14');
    expect(ev('versioncmp({1}, "1")')).toBe('74');
    expect(ev('versioncmp(true, "true")')).toBe('0');
  });
  it('is UNDEFINED for UNDEFINED, ERROR for ERROR', () => {
    expect(ev('versioncmp(undefined, "1")')).toBe('undefined');
    expect(ev('versioncmp("1", x)')).toBe('undefined');
    expect(ev('versioncmp(error, "1")')).toBe('error');
    expect(ev('versioncmp("1", error)')).toBe('error');
  });
  it('takes exactly two arguments', () => {
    expect(ev('versioncmp("1")')).toBe('error');
    expect(ev('versioncmp("1", "2", "3")')).toBe('error');
  });
});

describe.each([
  ['versionLT', ['true', 'false', 'false']],
  ['versionLE', ['true', 'true', 'false']],
  ['versionGT', ['false', 'false', 'true']],
  ['versionGE', ['false', 'true', 'true']],
  ['versionEQ', ['false', 'true', 'false']],
])('%s', (name, [less, equal, greater]) => {
  it('compares with natural_cmp', () => {
    expect(ev(`${name}("1.9", "1.10")`)).toBe(less);
    expect(ev(`${name}("1.10", "1.10")`)).toBe(equal);
    expect(ev(`${name}("1.10", "1.9")`)).toBe(greater);
    expect(ev(`${name}("1.00", "1.0")`)).toBe(less); // more leading zeros sort first
    expect(ev(`${name}(2, 10)`)).toBe(less);
  });
  it('is UNDEFINED for UNDEFINED, ERROR for ERROR', () => {
    expect(ev(`${name}(undefined, "1")`)).toBe('undefined');
    expect(ev(`${name}("1", undefined)`)).toBe('undefined');
    expect(ev(`${name}("1", error)`)).toBe('error');
  });
  it('takes exactly two arguments', () => {
    expect(ev(`${name}("1")`)).toBe('error');
    expect(ev(`${name}("1", "2", "3")`)).toBe('error');
  });
  it('has a case-insensitive name', () => {
    expect(ev(`${name.toUpperCase()}("1.9", "1.10")`)).toBe(less);
  });
});

describe('version_in_range', () => {
  it('is inclusive at both ends', () => {
    expect(ev('version_in_range("1.5", "1.0", "2.0")')).toBe('true');
    expect(ev('version_in_range("1.0", "1.0", "2.0")')).toBe('true');
    expect(ev('version_in_range("2.0", "1.0", "2.0")')).toBe('true');
    expect(ev('version_in_range("2.1", "1.0", "2.0")')).toBe('false');
    expect(ev('version_in_range("1.10", "1.9", "1.11")')).toBe('true');
    expect(ev('version_in_range(1.5, 1, 2)')).toBe('true');
  });
  it('is ERROR for an UNDEFINED version, UNDEFINED for an UNDEFINED bound', () => {
    expect(ev('version_in_range(undefined, "1", "2")')).toBe('error');
    expect(ev('version_in_range("1", undefined, "2")')).toBe('undefined');
    expect(ev('version_in_range("1", "1", undefined)')).toBe('undefined');
  });
  it('is ERROR for ERROR', () => {
    expect(ev('version_in_range(error, "1", "2")')).toBe('error');
    expect(ev('version_in_range("1", error, "2")')).toBe('error');
    expect(ev('version_in_range("1", "1", error)')).toBe('error');
  });
  it('takes exactly three arguments', () => {
    expect(ev('version_in_range("1", "1")')).toBe('error');
    expect(ev('version_in_range("1.5", "1.0", "2.0", "x")')).toBe('error');
  });
});
