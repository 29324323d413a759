import { describe, expect, it } from 'vitest';
import { printExpr } from '../../src/language/printer.js';
import { parseJsonAd } from '../../src/io/jsonAd.js';

function printed(text: string): string[] {
  const { value, errors } = parseJsonAd(text);
  expect(errors).toEqual([]);
  if (value.kind !== 'Record') throw new Error('not a record');
  return value.attrs.map((a) => `${a.name} = ${printExpr(a.value)}`);
}

describe('parseJsonAd', () => {
  it('maps JSON values to ClassAd literals, lists and nested ads', () => {
    expect(
      printed(
        '{"I": -12, "Big": 9223372036854775807, "R": 0.5, "E": 1E+20, "S": "x\\ty", "T": true,' +
          ' "F": false, "N": null, "L": [1, "a", [], {}], "Ad": {"b": 2, "A": 1}}',
      ),
    ).toEqual([
      'I = -12',
      'Big = 9223372036854775807',
      'R = 5.000000000000000E-01',
      'E = 1.000000000000000E+20',
      'S = "x\\ty"',
      'T = true',
      'F = false',
      'N = undefined',
      'L = { 1,"a",{  },[  ] }',
      'Ad = [ A = 1; b = 2 ]',
    ]);
  });

  it('reads "\\/Expr(...)\\/" strings as new-syntax expressions, only with the escaped slashes', () => {
    expect(
      printed(
        '{"A": "\\/Expr(a is \\"x\\\\\\\\y\\")\\/", "B": "/Expr(1 + 2)/", "C": "\\/expr(x)\\/", "D": "\\/Expr(1"}',
      ),
    ).toEqual(['A = a is "x\\\\y"', 'B = "/Expr(1 + 2)/"', 'C = x', 'D = "/Expr(1"']);
  });

  it('keeps raw bytes and turns \\u escapes into UTF-8', () => {
    expect(printed('{"A": "caf\xe9 \xff", "B": "\\u00e9\\ud83d\\ude00"}')).toEqual([
      'A = "caf\\351 \\377"',
      'B = "\\303\\251\\360\\237\\230\\200"',
    ]);
  });

  it('tolerates the stray commas HTCondor tolerates', () => {
    expect(printed('{,"A": 1,, "B": 2,}')).toEqual(['A = 1', 'B = 2']);
  });

  it('reports malformed JSON at its offset', () => {
    expect(parseJsonAd('{"A": 1 "B": 2}')).toEqual({
      value: { kind: 'Invalid', start: -1, end: -1 },
      errors: [{ offset: 8, code: 3003, message: "expected ',' or '}' but found '\"'" }],
    });
    expect(parseJsonAd('{"A": tru}').errors[0]).toMatchObject({ offset: 6, code: 3003 });
    expect(parseJsonAd('{"A": "\\u0000"}').errors[0]).toMatchObject({ offset: 7, code: 3003 });
  });

  it('reports a bad expression string but keeps the rest of the ad', () => {
    const { value, errors } = parseJsonAd('{"A": "\\/Expr(1 +)\\/", "B": 2}');
    expect(value.kind).toBe('Record');
    expect(errors).toEqual([
      {
        offset: 6,
        code: 2002,
        message: expect.stringMatching(/^in the expression "1 \+", column 4: /),
      },
    ]);
  });
});
