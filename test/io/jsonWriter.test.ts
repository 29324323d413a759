import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/ast.js';
import { parseExpression } from '../../src/language/parser.js';
import {
  JsonWriter,
  escapeJsonString,
  formatJsonAd,
  formatJsonValue,
} from '../../src/io/jsonWriter.js';

function ad(...pairs: [string, string][]): { name: string; value: Expr }[] {
  return pairs.map(([name, text]) => ({ name, value: parseExpression(text, { binary: true }) }));
}

const real = (value: number): Expr => ({ kind: 'Real', value, start: -1, end: -1 });

describe('formatJsonAd', () => {
  it("lays an ad out as HTCondor's JSON unparser does", () => {
    const text = formatJsonAd(
      ad(
        ['Activity', '"Idle"'],
        ['Cpus', '1'],
        ['Requirements', 'START && (WithinResourceLimits)'],
        ['List', '{ "a", 1, x }'],
        ['Nested', '[ B = "x"; a = 1 ]'],
        ['Empty', '{}'],
      ),
    );
    expect(text).toBe(
      [
        '{',
        '  "Activity": "Idle",',
        '  "Cpus": 1,',
        '  "Requirements": "\\/Expr(START && (WithinResourceLimits))\\/",',
        '  "List": [',
        '    "a",',
        '    1,',
        '    "\\/Expr(x)\\/"',
        '  ],',
        '  "Nested": {',
        '    "a": 1,',
        '    "B": "x"',
        '  },',
        '  "Empty": [',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  it('writes one line with oneline', () => {
    expect(formatJsonAd(ad(['A', '1'], ['L', '{1, 2}'], ['N', '[x = 1]']), { oneline: true })).toBe(
      '{"A": 1,"L": [1,2],"N": {"x": 1}}',
    );
    expect(formatJsonAd([])).toBe('{\n}');
  });

  it('formats each kind of value', () => {
    const cases: [Expr, string][] = [
      [parseExpression('-7'), '-7'],
      [real(0.27), '0.27'],
      [real(5), '5.0'],
      [real(1e20), '1E+20'],
      [real(0), '0.0'],
      [real(-0), '-0.0'],
      [real(NaN), '"\\/Expr(real(\\"NaN\\"))\\/"'],
      [real(-Infinity), '"\\/Expr(real(\\"-INF\\"))\\/"'],
      [parseExpression('true'), 'true'],
      [parseExpression('undefined'), 'null'],
      [parseExpression('error'), '"\\/Expr(error)\\/"'],
      [parseExpression('a =?= "x\\\\y"'), '"\\/Expr(a is \\"x\\\\\\\\y\\")\\/"'],
      [parseExpression('(1)'), '"\\/Expr((1))\\/"'],
      [parseExpression('- 1'), '"\\/Expr( -1)\\/"'], // unary operators print with a leading space
      [parseExpression('relTime("1:00")'), '"\\/Expr(relTime(\\"01:00\\"))\\/"'],
      [
        parseExpression('absTime("2024-01-31T12:00:00Z")'),
        // HTCondor writes a zero offset as -00:00.
        '"\\/Expr(absTime(\\"2024-01-31T12:00:00-00:00\\"))\\/"',
      ],
    ];
    for (const [expr, json] of cases) expect(formatJsonValue(expr)).toBe(json);
  });

  it('refuses a value with syntax errors', () => {
    expect(() =>
      formatJsonAd([{ name: 'A', value: { kind: 'Invalid', start: 0, end: 0 } }]),
    ).toThrow(/syntax errors/);
  });
});

describe('escapeJsonString', () => {
  it('escapes quotes, backslashes and control bytes, and leaves / and high bytes raw', () => {
    expect(escapeJsonString('a"b\\c/d')).toBe('a\\"b\\\\c/d');
    expect(escapeJsonString('\b\f\n\r\t\x01\x1f\x7f')).toBe('\\b\\f\\n\\r\\t\\u0001\\u001F\x7f');
    expect(escapeJsonString('caf\xe9\xff')).toBe('caf\xe9\xff');
    expect(escapeJsonString('/Expr(x)/')).toBe('/Expr(x)/');
  });
});

describe('JsonWriter', () => {
  it('writes the condor_status -json list layout one ad at a time', () => {
    const w = new JsonWriter();
    expect(w.write(ad(['A', '1']))).toBe('[\n{\n  "A": 1\n}\n');
    expect(w.write(ad(['B', '"x"']))).toBe(',\n{\n  "B": "x"\n}\n');
    expect(w.end()).toBe(']\n');
    expect(new JsonWriter().end()).toBe('[\n]\n');
  });
});
