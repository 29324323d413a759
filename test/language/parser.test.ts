import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/ast.js';
import { ClassAdSyntaxError, SyntaxErrorCode } from '../../src/language/diagnostics.js';
import {
  MAX_PARSE_DEPTH,
  parseExpression,
  parseExpressionWithErrors,
  parseRecordWithErrors,
  tryParseExpression,
  type ParseOptions,
} from '../../src/language/parser.js';
import { printExpr } from '../../src/language/printer.js';

/** A fully parenthesized rendering of the tree, to check structure (not the printer). */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'Integer':
    case 'Real':
      return String(e.value);
    case 'String':
      return JSON.stringify(e.value);
    case 'Boolean':
      return String(e.value);
    case 'AttributeRef':
      return (e.scope ? shape(e.scope) + '.' : e.absolute ? '.' : '') + e.name;
    case 'Unary':
      return `(${e.op}${shape(e.operand)})`;
    case 'Binary':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'Ternary':
      return `(${shape(e.cond)} ? ${shape(e.then)} : ${shape(e.otherwise)})`;
    case 'Elvis':
      return `(${shape(e.left)} ?: ${shape(e.right)})`;
    case 'Paren':
      return `[${shape(e.inner)}]`;
    case 'Subscript':
      return `${shape(e.target)}[${shape(e.index)}]`;
    case 'Call':
      return `${e.name}(${e.args.map(shape).join(', ')})`;
    case 'List':
      return `{${e.items.map(shape).join(', ')}}`;
    case 'Record':
      return `[${e.attrs.map((a) => `${a.name}=${shape(a.value)}`).join('; ')}]`;
    default:
      return e.kind;
  }
}

const p = (s: string, o: ParseOptions = {}) => shape(parseExpression(s, o));

describe('parseExpression: precedence and associativity', () => {
  it('orders the binary levels as HTCondor does', () => {
    expect(p('a || b && c | d ^ e & f == g < h << i + j * k')).toBe(
      '(a || (b && (c | (d ^ (e & (f == (g < (h << (i + (j * k))))))))))',
    );
    expect(p('a * b + c << d < e == f & g ^ h | i && j || k')).toBe(
      '((((((((((a * b) + c) << d) < e) == f) & g) ^ h) | i) && j) || k)',
    );
    expect(p('1 - 2 - 3')).toBe('((1 - 2) - 3)');
    expect(p('1 < 2 < 3')).toBe('((1 < 2) < 3)');
    expect(p('a is b isnt c')).toBe('((a =?= b) =!= c)');
  });
  it('nests the ternary to the right, with an OrExpr condition', () => {
    expect(p('a ? b : c ? d : e')).toBe('(a ? b : (c ? d : e))');
    expect(p('a || b ? 1 : 2')).toBe('((a || b) ? 1 : 2)');
  });
  it('makes elvis a tight postfix operator whose right side is a postfix expression', () => {
    expect(p('x ?: 1 + 2')).toBe('((x ?: 1) + 2)');
    expect(p('a ?: b.c[0]')).toBe('(a ?: b.c[0])');
    expect(p('a ?: b ?: c')).toBe('(a ?: (b ?: c))');
    expect(p('-a ?: b')).toBe('(-(a ?: b))');
    expect(p('1 ?: 2 ? 3 : 4')).toBe('((1 ?: 2) ? 3 : 4)');
    expect(p('a ?: -1')).toBe('(a ?: -1)');
    expect(tryParseExpression('a ?: -b')).toBeUndefined();
  });
  it('reads unary chains, selection, subscripts, absolute references and calls', () => {
    expect(p('!-~+a')).toBe('(!(-(~(+a))))');
    expect(p('a.b.c[1][2]')).toBe('a.b.c[1][2]');
    expect(p('.a + x. y')).toBe('(.a + x.y)');
    expect(p("'f'(1, g(), {})")).toBe('f(1, g(), {})');
    expect(p('(a)')).toBe('[a]');
  });
});

describe('parseExpression: records and lists', () => {
  it('accepts extra semicolons but requires one between attributes', () => {
    expect(p('[;;a=1;;b=2;;]')).toBe('[a=1; b=2]');
    expect(p('[]')).toBe('[]');
    expect(tryParseExpression('[a=1 b=2]')).toBeUndefined();
  });
  it('keeps duplicate attributes in source order in the tree', () => {
    expect(p("[a = 1; 'A' = 2]")).toBe('[a=1; A=2]');
  });
  it('rejects trailing commas, keyword keys and empty names', () => {
    for (const bad of ['{1,2,}', 'f(1,)', 'f(,)', '[true = 1]', "['' = 1]", '[a.b = 1]'])
      expect(tryParseExpression(bad), bad).toBeUndefined();
    expect(p("['true' = 1]")).toBe('[true=1]');
  });
});

describe('parseExpression: modes', () => {
  it('accepts ; between function arguments in HTCondor mode only', () => {
    expect(p('strcat("a";"b")')).toBe('strcat("a", "b")');
    expect(tryParseExpression('strcat("a";"b")', { strict: true })).toBeUndefined();
  });
  it('parses old-syntax strings with --old', () => {
    expect(p(String.raw`"C:\condor\spool"`, { oldSyntax: true })).toBe('"C:\\\\condor\\\\spool"');
  });
  it('rejects trailing tokens in a full parse, except after a top-level ternary', () => {
    expect(tryParseExpression('1 + 2 3')).toBeUndefined();
    expect(p('1 + 2 3', { full: false })).toBe('(1 + 2)');
    expect(p('1 ? 2 : 3 4')).toBe('(1 ? 2 : 3)');
  });
  it('folds absTime and relTime string literals, and fails on bad ones', () => {
    const t = parseExpression('absTime("2004-01-01T00:00:00Z")');
    expect(t).toMatchObject({ kind: 'AbsTime', secs: 1072915200, offset: 0 });
    expect(parseExpression('RELTIME("1:00")')).toMatchObject({ kind: 'RelTime', seconds: 60 });
    expect(parseExpression('absTime(0)').kind).toBe('Call');
    expect(parseExpression('absTime("x", 1)').kind).toBe('Call');
    const bad = parseExpressionWithErrors('absTime("garbage")');
    expect(bad.errors.map((e) => [e.code, e.start, e.end])).toEqual([
      [SyntaxErrorCode.BadAbsTime, 8, 17],
    ]);
    expect(parseExpressionWithErrors('relTime("xyz")').errors[0]!.code).toBe(
      SyntaxErrorCode.BadRelTime,
    );
  });
});

describe('parseExpression: positions', () => {
  it('gives every node its source range', () => {
    const e = parseExpression('  f(a, 1 + 2)');
    expect([e.start, e.end]).toEqual([2, 13]);
    if (e.kind !== 'Call') throw new Error('not a call');
    const sum = e.args[1]!;
    expect([sum.start, sum.end]).toEqual([7, 12]);
    const rec = parseExpression('[ ab = 1 ]');
    if (rec.kind !== 'Record') throw new Error('not a record');
    expect(rec.attrs[0]).toMatchObject({ name: 'ab', nameStart: 2, nameEnd: 4 });
  });
});

describe('syntax errors', () => {
  it('say what was expected in plain words, with a code and position', () => {
    const r = parseExpressionWithErrors('(1 + 2');
    expect(r.errors).toEqual([
      {
        code: SyntaxErrorCode.UnexpectedEnd,
        message: "expected ')' but found the end of the input",
        start: 6,
        end: 6,
      },
    ]);
    const r2 = parseExpressionWithErrors('1 + * 2');
    expect(r2.errors[0]).toMatchObject({
      code: SyntaxErrorCode.UnexpectedToken,
      message: "expected an expression but found '*'",
      start: 4,
    });
  });
  it('are thrown as ClassAdSyntaxError by parseExpression', () => {
    expect(() => parseExpression('1 +')).toThrow(ClassAdSyntaxError);
    expect(() => parseExpression('1 +')).toThrow(/^1:4: expected an expression/);
  });
  it('are all reported from one document, with a partial tree', () => {
    const r = parseRecordWithErrors('[ a = 1 +; b = 2; c = (3; d = {1,}; e = 5 ]');
    expect(r.errors.map((e) => e.code)).toEqual([
      SyntaxErrorCode.UnexpectedToken,
      SyntaxErrorCode.UnexpectedToken,
      SyntaxErrorCode.UnexpectedToken,
    ]);
    expect(r.value.kind).toBe('Record');
    if (r.value.kind !== 'Record') return;
    expect(r.value.attrs.map((a) => a.name)).toContain('e');
    expect(r.value.attrs.find((a) => a.name === 'b')?.value).toMatchObject({
      kind: 'Integer',
      value: 2n,
    });
  });
});

describe('limits: deep input gives an error or a result, never a crash', () => {
  it('parses 165 nested parentheses and rejects 600 (HTCondor allows 500 levels)', () => {
    expect(tryParseExpression('('.repeat(165) + '1' + ')'.repeat(165))).toBeDefined();
    expect(
      tryParseExpression('('.repeat(MAX_PARSE_DEPTH - 1) + '1' + ')'.repeat(MAX_PARSE_DEPTH - 1)),
    ).toBeDefined();
    const r = parseExpressionWithErrors('('.repeat(600) + '1' + ')'.repeat(600));
    expect(r.errors.map((e) => e.code)).toEqual([SyntaxErrorCode.TooDeep]);
  });
  it('rejects 100,000 nested parentheses with a clear error', () => {
    const r = parseExpressionWithErrors('('.repeat(100_000) + '1' + ')'.repeat(100_000));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toBe('expression nested more than 500 levels deep');
  });
  it('rejects 100,000 nested lists, records and unary operators', () => {
    for (const [open, close] of [
      ['{', '}'],
      ['[a=', ']'],
      ['-', ''],
      ['!', ''],
      ['x ?: ', ''],
    ]) {
      const r = parseExpressionWithErrors(open!.repeat(100_000) + 'x' + close!.repeat(100_000));
      expect(
        r.errors.map((e) => e.code),
        open,
      ).toEqual([SyntaxErrorCode.TooDeep]);
    }
  });
  it('parses and prints a 1,000,000-term sum (a left-deep tree)', () => {
    const e = parseExpression(Array(1_000_000).fill('1').join('+'));
    expect(e.kind).toBe('Binary');
    const printed = printExpr(e);
    expect(printed.length).toBe(1_000_000 + 3 * 999_999);
    expect(printed.startsWith('1 + 1 + 1')).toBe(true);
  });
  it('parses a 100,000-step selection chain', () => {
    const e = parseExpression('a' + '.b'.repeat(100_000));
    expect(printExpr(e).length).toBe(1 + 2 * 100_000);
  });
});

describe('the chevrotain grammar', () => {
  it('passes chevrotain’s own grammar validations (skipped at run time for speed)', async () => {
    const { ClassAdGrammar } = await import('../../src/language/parser.js');
    expect(() => new ClassAdGrammar(false, true)).not.toThrow();
    expect(() => new ClassAdGrammar(true, true)).not.toThrow();
  });
});

describe('errors after a bad character', () => {
  it('reports the character once, not the gap it leaves', () => {
    expect(parseExpressionWithErrors('1 + @').errors.map((e) => [e.code, e.start])).toEqual([
      [SyntaxErrorCode.UnexpectedCharacter, 4],
    ]);
    expect(parseRecordWithErrors('[a = $; b = (1]').errors.map((e) => [e.code, e.start])).toEqual([
      [SyntaxErrorCode.UnexpectedCharacter, 5],
      [SyntaxErrorCode.UnexpectedToken, 14],
    ]);
  });
});
