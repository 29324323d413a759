import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/ast.js';
import { parseExpression } from '../../src/language/parser.js';
import {
  printExpr,
  printName,
  printOldAdLines,
  printReal,
  quoteBytes,
} from '../../src/language/printer.js';

const both = (source: string) => {
  const e = parseExpression(source, { strict: true });
  return [printExpr(e), printExpr(e, { oldSyntax: true })];
};

describe('printExpr', () => {
  it('prints the spec §7.10 examples in new and old syntax', () => {
    expect(both('[b=1;a=2;cc=3;B=4]')).toEqual([
      '[ a = 2; b = 4; cc = 3 ]',
      '[ a = 2; b = 4; cc = 3 ]',
    ]);
    expect(both('{1,2,3}')).toEqual(['{ 1,2,3 }', '{ 1,2,3 }']);
    expect(both('"a\\tb\\nc\\\\d\\"e\'f"')).toEqual([
      '"a\\tb\\nc\\\\d\\"e\'f"',
      '"a\tb\nc\\d\\"e\'f"',
    ]);
    expect(both('1.5')).toEqual(['1.500000000000000E+00', '1.5']);
    expect(both('a=?=b')).toEqual(['a is b', 'a =?= b']);
    expect(both('a isnt b')).toEqual(['a isnt b', 'a =!= b']);
    expect(both('- 3')).toEqual([' -3', ' -3']);
    expect(both('-3')).toEqual(['-3', '-3']);
    expect(both('2--1')).toEqual(['2 - -1', '2 - -1']);
    expect(both('x ?: 1 + 2')).toEqual(['x ?: 1 + 2', 'x ?: 1 + 2']);
    expect(both('f(1, 2, g(3))')).toEqual(['f(1,2,g(3))', 'f(1,2,g(3))']);
    expect(both("'quoted'(1)")).toEqual(['quoted(1)', 'quoted(1)']);
    expect(both('absTime(1.5e9)')).toEqual([
      'absTime(1.500000000000000E+09)',
      'absTime(1500000000.0)',
    ]);
    expect(both('strcat("a",{1,2})')).toEqual(['strcat("a",{ 1,2 })', 'strcat("a",{ 1,2 })']);
  });
  it('gives unary operators a leading space and no trailing one', () => {
    expect(both('a && !b')[0]).toBe('a &&  !b');
    expect(both('!a == b')[0]).toBe(' !a == b');
    expect(both('- -1')[0]).toBe(' --1');
    expect(both('~x')[0]).toBe(' ~x');
  });
  it('keeps parentheses as written and never adds any', () => {
    expect(both('((a + b)) * c')[0]).toBe('((a + b)) * c');
    const built: Expr = {
      kind: 'Binary',
      op: '*',
      left: { kind: 'Binary', op: '+', left: int(1), right: int(2), start: -1, end: -1 },
      right: int(3),
      start: -1,
      end: -1,
    };
    expect(printExpr(built)).toBe('1 + 2 * 3');
  });
  it('prints empty lists and records with two spaces', () => {
    expect(both('{}')[0]).toBe('{  }');
    expect(both('[]')[0]).toBe('[  ]');
  });
  it('quotes names that are not plain identifiers or are reserved, except after a scope', () => {
    expect(both("['a b' = 1; 'true' = 2; 'parent' = 3]")[0]).toBe(
      "[ 'a b' = 1; 'true' = 2; 'parent' = 3 ]",
    );
    expect(both('parent.a')[0]).toBe("'parent'.a");
    expect(both("x.'a b'")[0]).toBe('x.a b');
    expect(both('.a')[0]).toBe('.a');
    expect(both('my.x + TARGET.y + self')[0]).toBe('my.x + TARGET.y + self');
  });
  it('prints time literals canonically', () => {
    expect(both('absTime("2004-01-01T00:00:00Z")')[0]).toBe('absTime("2004-01-01T00:00:00-00:00")');
    expect(both('relTime("1d2h3m4.5s")')[0]).toBe('relTime("1+02:03:4.5")');
  });
  it('refuses to print a tree with syntax errors', () => {
    expect(() => printExpr({ kind: 'Invalid', start: 0, end: 0 })).toThrow(/syntax errors/);
  });
});

function int(n: number): Expr {
  return { kind: 'Integer', value: BigInt(n), start: -1, end: -1 };
}

describe('quoteBytes', () => {
  it('escapes control bytes and bytes >= 0x80 as octal in new syntax', () => {
    expect(quoteBytes('\xc3\xa9\x01\x7f', '"')).toBe('"\\303\\251\\001\\177"');
    expect(quoteBytes('\x07\b\f\v\r', '"')).toBe('"\\a\\b\\f\\v\\r"');
  });
  it('escapes only the delimiter in old syntax', () => {
    expect(quoteBytes('C:\\dir\\"x"\n\xc3\xa9', '"', true)).toBe('"C:\\dir\\\\"x\\"\n\xc3\xa9"');
    expect(quoteBytes("it's", "'", true)).toBe("'it\\'s'");
  });
});

describe('printName and printReal', () => {
  it('quotes reserved words in any case', () => {
    expect(printName('Undefined')).toBe("'Undefined'");
    expect(printName('IsNt')).toBe("'IsNt'");
    expect(printName('isnt_x')).toBe('isnt_x');
    expect(printName("c'd")).toBe("'c\\'d'");
  });
  it('formats reals per syntax', () => {
    expect(printReal(0.1)).toBe('1.000000000000000E-01');
    expect(printReal(0.1, true)).toBe('0.1');
    expect(printReal(1e20, true)).toBe('1E+20');
    expect(printReal(-0)).toBe('-0.0');
    expect(printReal(NaN)).toBe('real("NaN")');
    expect(printReal(-Infinity, true)).toBe('real("-INF")');
  });
});

describe('printOldAdLines', () => {
  it('writes Name = expr lines in the order given', () => {
    const e = parseExpression('[Memory = 1024; Arch = "X86_64"; LoadAvg = 0.27]');
    if (e.kind !== 'Record') throw new Error('not a record');
    expect(printOldAdLines(e.attrs)).toBe('Memory = 1024\nArch = "X86_64"\nLoadAvg = 0.27\n');
  });
});

describe('printExpr with pretty (the unparse() layout, spec §7.9)', () => {
  const pp = (text: string) => printExpr(parseExpression(text), { pretty: true });
  it('breaks records over lines, indented by 4, with "; " before each newline', () => {
    expect(pp('[b = 1; a = [c = 2]]')).toBe(
      '\n    [\n        a = \n            [\n                c = 2\n            ]; \n        b = 1\n    ]',
    );
    expect(pp('[]')).toBe('\n    [\n    ]');
  });
  it('breaks lists over lines, indented by 3', () => {
    expect(pp('{1, {2}}')).toBe(
      '\n   {\n      1,\n      \n         {\n            2\n         }\n   }',
    );
    expect(pp('{}')).toBe('\n   {\n   }');
  });
  it('prints everything else as the plain unparser does', () => {
    expect(pp('-a + (b =?= c) ? f(1, "x") : x.y[0] ?: .z')).toBe(
      ' -a + (b is c) ? f(1,"x") : x.y[0] ?: .z',
    );
    expect(pp("'parent'.a + 'a b' + 1.5")).toBe("'parent'.a + 'a b' + 1.500000000000000E+00");
  });
  it('prints a very deep tree', () => {
    const text = Array.from({ length: 50_000 }, () => '1').join('+');
    expect(pp(text)).toHaveLength(50_000 + 49_999 * 3);
  });
});
