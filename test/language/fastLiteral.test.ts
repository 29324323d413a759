import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastLiteral } from '../../src/language/fastLiteral.js';
import { tryParseExpression } from '../../src/language/parser.js';

const strip = (e: unknown) =>
  JSON.parse(
    JSON.stringify(e, (k, v) =>
      k === 'start' || k === 'end' ? undefined : typeof v === 'bigint' ? `${v}n` : v,
    ),
  );

describe('fastLiteral', () => {
  it('recognizes plain literals as the parser would build them', () => {
    for (const text of [
      '0',
      '17',
      '-3',
      '9223372036854775807',
      '99999999999999999999',
      '1.5',
      '-0.25',
      '1.5e10',
      '2.0E-3',
      '"abc"',
      '""',
      'TRUE',
      'false',
      'Undefined',
      'error',
    ]) {
      expect(strip(fastLiteral(text)), text).toEqual(
        strip(tryParseExpression(text, { oldSyntax: true, binary: true })),
      );
    }
  });
  it('leaves everything else to the parser', () => {
    for (const text of [
      '010',
      '0x10',
      '1.',
      '.5',
      '"a\\"b"',
      '"C:\\dir"',
      'a',
      '1 + 2',
      '"x" "y"',
      '5e',
      '"é"',
      'true_x',
      '-',
      '"abc',
    ])
      expect(fastLiteral(text), text).toBeUndefined();
  });
  it('agrees with the parser on random numbers and strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer().map(String),
          fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
          fc.string().map((s) => `"${s}"`),
        ),
        (text) => {
          const fast = fastLiteral(text);
          if (fast)
            expect(strip(fast)).toEqual(
              strip(tryParseExpression(text, { oldSyntax: true, binary: true })),
            );
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('trims surrounding spaces and a carriage return', () => {
    expect(fastLiteral('  42 \r')).toMatchObject({ kind: 'Integer', value: 42n, start: 2, end: 4 });
  });
});
