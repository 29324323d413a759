import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatG, formatRealNew, formatRealOld } from '../../src/language/numberFormat.js';

/** Corpus cases of a .jsonl file, one JSON object a line. */
function readCorpus(path: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../corpus/${path}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, string>);
}

/** A real literal with an optional leading minus, as the lexer reads it (strtod). */
const REAL_LITERAL = /^-?(?:\d+\.\d+|\.\d+|\d+(?:\.\d+)?[eE][+-]?\d+|\.\d+[eE][+-]?\d+)$/;

describe('formatRealNew (%1.15E)', () => {
  it('prints the spec examples', () => {
    expect(formatRealNew(1.0)).toBe('1.000000000000000E+00');
    expect(formatRealNew(1.5)).toBe('1.500000000000000E+00');
    expect(formatRealNew(0.1)).toBe('1.000000000000000E-01');
    expect(formatRealNew(123456789.123)).toBe('1.234567891230000E+08');
    expect(formatRealNew(1e308)).toBe('1.000000000000000E+308');
    expect(formatRealNew(5e-324)).toBe('4.940656458412465E-324');
    expect(formatRealNew(2.5e-310)).toBe('2.500000000000017E-310');
    expect(formatRealNew(-1.5)).toBe('-1.500000000000000E+00');
    expect(formatRealNew(1e-100)).toBe('1.000000000000000E-100');
  });

  it('prints zeros, NaN and infinities in ClassAd spelling', () => {
    expect(formatRealNew(0)).toBe('0.0');
    expect(formatRealNew(-0)).toBe('-0.0');
    expect(formatRealNew(NaN)).toBe('real("NaN")');
    expect(formatRealNew(Infinity)).toBe('real("INF")');
    expect(formatRealNew(-Infinity)).toBe('real("-INF")');
  });

  it('rounds exact decimal ties to even like glibc', () => {
    // 1 + 2^-16 = 1.0000152587890625 exactly: the 17th digit is a 5 with nothing after it.
    expect(formatRealNew(1.0000152587890625)).toBe('1.000015258789062E+00');
    expect(formatRealNew(-1.0000152587890625)).toBe('-1.000015258789062E+00');
    expect(formatRealNew(75752.71606445312)).toBe('7.575271606445312E+04');
    expect(formatRealNew(0.6992874145507812)).toBe('6.992874145507812E-01');
    expect(formatRealNew(58.519195556640625)).toBe('5.851919555664062E+01');
    // not a tie: the exact value is above the halfway point, so it rounds up
    expect(formatRealNew(1.0000152587890627)).toBe('1.000015258789063E+00');
  });

  it('keeps a three-digit exponent and pads one-digit exponents', () => {
    expect(formatRealNew(1.7976931348623157e308)).toBe('1.797693134862316E+308');
    expect(formatRealNew(1e5)).toBe('1.000000000000000E+05');
    expect(formatRealNew(1e-5)).toBe('1.000000000000000E-05');
  });

  it('reads back within the 16th significant digit (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = formatRealNew(x);
        if (x === 0) return s === (Object.is(x, -0) ? '-0.0' : '0.0');
        if (!/^-?\d\.\d{15}E[+-]\d{2,3}$/.test(s)) return false;
        const back = Number(s);
        // 16 digits of the largest doubles round up past DBL_MAX
        if (!Number.isFinite(back)) return Math.abs(x) > 1.797693134862315e308;
        return Math.abs(back - x) <= Math.abs(x) * 1e-15 + 5e-324;
      }),
      { numRuns: 20000 },
    );
  });
});

describe('formatRealOld (%.16G)', () => {
  it('prints the spec examples', () => {
    expect(formatRealOld(1.0)).toBe('1.0');
    expect(formatRealOld(0.5)).toBe('0.5');
    expect(formatRealOld(1e5)).toBe('100000.0');
    expect(formatRealOld(1e20)).toBe('1E+20');
    expect(formatRealOld(1e-5)).toBe('1E-05');
    expect(formatRealOld(1.5e9)).toBe('1500000000.0');
    expect(formatRealOld(1e15)).toBe('1000000000000000.0');
    expect(formatRealOld(1e16)).toBe('1E+16');
    expect(formatRealOld(1 / 3)).toBe('0.3333333333333333');
    expect(formatRealOld(123456789012345678)).toBe('1.234567890123457E+17');
    expect(formatRealOld(-1.5)).toBe('-1.5');
    expect(formatRealOld(0.0001)).toBe('0.0001');
  });

  it('shares the special spellings', () => {
    expect(formatRealOld(0)).toBe('0.0');
    expect(formatRealOld(-0)).toBe('-0.0');
    expect(formatRealOld(NaN)).toBe('real("NaN")');
    expect(formatRealOld(Infinity)).toBe('real("INF")');
    expect(formatRealOld(-Infinity)).toBe('real("-INF")');
  });

  it('rounds exact ties to even', () => {
    expect(formatRealOld(1.0000152587890625)).toBe('1.000015258789062');
    expect(formatRealOld(75752.71606445312)).toBe('75752.71606445312');
  });
});

describe('corpus real literals', () => {
  const literals = readCorpus('print/literals.jsonl').filter((c) => REAL_LITERAL.test(c.expr!));
  const lexReals = readCorpus('language/lex-real.jsonl').filter(
    (c) => REAL_LITERAL.test(c.expr!) && c.expect !== 'PARSE_ERROR',
  );

  it('covers the literal cases', () => {
    expect(literals.length).toBeGreaterThanOrEqual(20);
    expect(lexReals.length).toBeGreaterThanOrEqual(15);
  });

  it.each(literals.map((c) => [c.id!, c] as const))('%s', (_id, c) => {
    const x = Number(c.expr);
    expect(formatRealNew(x)).toBe(c.print);
    if (c.print_old !== undefined) expect(formatRealOld(x)).toBe(c.print_old);
  });

  it.each(lexReals.map((c) => [c.id!, c] as const))('%s', (_id, c) => {
    expect(formatRealNew(Number(c.expr))).toBe(c.expect);
  });
});

describe('formatG', () => {
  // [x, %g, %.1g, %.3G, %.16G, %02g, %#.5g, %8.3g, %08.3g, %.17g], printed by glibc
  const table: [number, ...string[]][] = [
    [2.5, '2.5', '2', '2.5', '2.5', '2.5', '2.5000', '     2.5', '000002.5', '2.5'],
    [0.125, '0.125', '0.1', '0.125', '0.125', '0.125', '0.12500', '   0.125', '0000.125', '0.125'],
    [
      1.0000152587890625,
      '1.00002',
      '1',
      '1',
      '1.000015258789062',
      '1.00002',
      '1.0000',
      '       1',
      '00000001',
      '1.0000152587890625',
    ],
    [
      1.015625,
      '1.01562',
      '1',
      '1.02',
      '1.015625',
      '1.01562',
      '1.0156',
      '    1.02',
      '00001.02',
      '1.015625',
    ],
    [25, '25', '2e+01', '25', '25', '25', '25.000', '      25', '00000025', '25'],
    [
      2.5e21,
      '2.5e+21',
      '2e+21',
      '2.5E+21',
      '2.5E+21',
      '2.5e+21',
      '2.5000e+21',
      ' 2.5e+21',
      '02.5e+21',
      '2.5e+21',
    ],
    [9.5, '9.5', '1e+01', '9.5', '9.5', '9.5', '9.5000', '     9.5', '000009.5', '9.5'],
    [99.5, '99.5', '1e+02', '99.5', '99.5', '99.5', '99.500', '    99.5', '000099.5', '99.5'],
    [
      999999.5,
      '1e+06',
      '1e+06',
      '1E+06',
      '999999.5',
      '1e+06',
      '1.0000e+06',
      '   1e+06',
      '0001e+06',
      '999999.5',
    ],
    [
      0.0001,
      '0.0001',
      '0.0001',
      '0.0001',
      '0.0001',
      '0.0001',
      '0.00010000',
      '  0.0001',
      '000.0001',
      '0.0001',
    ],
    [
      1e-5,
      '1e-05',
      '1e-05',
      '1E-05',
      '1E-05',
      '1e-05',
      '1.0000e-05',
      '   1e-05',
      '0001e-05',
      '1.0000000000000001e-05',
    ],
    [
      100000,
      '100000',
      '1e+05',
      '1E+05',
      '100000',
      '100000',
      '1.0000e+05',
      '   1e+05',
      '0001e+05',
      '100000',
    ],
    [
      1000000,
      '1e+06',
      '1e+06',
      '1E+06',
      '1000000',
      '1e+06',
      '1.0000e+06',
      '   1e+06',
      '0001e+06',
      '1000000',
    ],
    [
      123456789.123,
      '1.23457e+08',
      '1e+08',
      '1.23E+08',
      '123456789.123',
      '1.23457e+08',
      '1.2346e+08',
      '1.23e+08',
      '1.23e+08',
      '123456789.123',
    ],
    [
      1 / 3,
      '0.333333',
      '0.3',
      '0.333',
      '0.3333333333333333',
      '0.333333',
      '0.33333',
      '   0.333',
      '0000.333',
      '0.33333333333333331',
    ],
    [-0, '-0', '-0', '-0', '-0', '-0', '-0.0000', '      -0', '-0000000', '-0'],
    [0, '0', '0', '0', '0', '00', '0.0000', '       0', '00000000', '0'],
    [
      16.123,
      '16.123',
      '2e+01',
      '16.1',
      '16.123',
      '16.123',
      '16.123',
      '    16.1',
      '000016.1',
      '16.123000000000001',
    ],
    [
      59.9999999,
      '60',
      '6e+01',
      '60',
      '59.9999999',
      '60',
      '60.000',
      '      60',
      '00000060',
      '59.999999899999999',
    ],
    [
      5e-324,
      '4.94066e-324',
      '5e-324',
      '4.94E-324',
      '4.940656458412465E-324',
      '4.94066e-324',
      '4.9407e-324',
      '4.94e-324',
      '4.94e-324',
      '4.9406564584124654e-324',
    ],
    [
      1.7976931348623157e308,
      '1.79769e+308',
      '2e+308',
      '1.8E+308',
      '1.797693134862316E+308',
      '1.79769e+308',
      '1.7977e+308',
      '1.8e+308',
      '1.8e+308',
      '1.7976931348623157e+308',
    ],
    [
      75752.71606445312,
      '75752.7',
      '8e+04',
      '7.58E+04',
      '75752.71606445312',
      '75752.7',
      '75753.',
      '7.58e+04',
      '7.58e+04',
      '75752.716064453125',
    ],
    [
      0.6992874145507812,
      '0.699287',
      '0.7',
      '0.699',
      '0.6992874145507812',
      '0.699287',
      '0.69929',
      '   0.699',
      '0000.699',
      '0.69928741455078125',
    ],
    [
      9.999995,
      '10',
      '1e+01',
      '10',
      '9.999995',
      '10',
      '10.000',
      '      10',
      '00000010',
      '9.9999950000000002',
    ],
    [0.5, '0.5', '0.5', '0.5', '0.5', '0.5', '0.50000', '     0.5', '000000.5', '0.5'],
  ];

  it.each(table)('%s', (x, g, g1, G3, G16, g02, alt5, w8, z8, g17) => {
    expect(formatG(x, 6)).toBe(g);
    expect(formatG(x, 1)).toBe(g1);
    expect(formatG(x, 3, 0, { upper: true })).toBe(G3);
    expect(formatG(x, 16, 0, { upper: true })).toBe(G16);
    expect(formatG(x, 6, 2, { zeroPad: true })).toBe(g02);
    expect(formatG(x, 5, 0, { alternate: true })).toBe(alt5);
    expect(formatG(x, 3, 8)).toBe(w8);
    expect(formatG(x, 3, 8, { zeroPad: true })).toBe(z8);
    expect(formatG(x, 17)).toBe(g17);
  });

  it('treats precision 0 as 1', () => {
    expect(formatG(0.5, 0)).toBe('0.5');
    expect(formatG(2.5, 0)).toBe('2');
  });

  it('prints long exact expansions', () => {
    expect(formatG(0.1, 20)).toBe('0.10000000000000000555');
    expect(formatG(2 ** -20, 120)).toBe('9.5367431640625e-07');
    expect(formatG(0.1, 120)).toBe('0.1000000000000000055511151231257827021181583404541015625');
  });

  it('prints infinities and NaN, space-padded even with the 0 flag', () => {
    expect(formatG(Infinity, 6)).toBe('inf');
    expect(formatG(-Infinity, 6, 0, { upper: true })).toBe('-INF');
    expect(formatG(Infinity, 6, 5)).toBe('  inf');
    expect(formatG(-Infinity, 6, 5, { zeroPad: true })).toBe(' -inf');
    expect(formatG(NaN, 6)).toBe('nan');
    expect(formatG(NaN, 6, 0, { upper: true })).toBe('NAN');
  });

  it('round-trips every double at 17 digits (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = Number(formatG(x, 17));
        return Object.is(back, x);
      }),
      { numRuns: 20000 },
    );
  });
});
