import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  rewriteValueStrings,
  sourceOffsetOf,
  ValueRewriteError,
} from '../../src/jobq/valueRewrite.js';
import { parseValue } from '../../src/jobq/valueParse.js';

const line = (value: string) => `103 1.0 Attr ${value}`;
const at = 13;
const upper = (s: string) => (s.toUpperCase() === s ? undefined : s.toUpperCase());

function rewrite(value: string, f: (s: string) => string | undefined = upper) {
  const l = line(value);
  return rewriteValueStrings(l, at, l.length, f)?.text.slice(at);
}

describe('applyEdits', () => {
  it('replaces ranges, in any order', () => {
    expect(
      applyEdits('abcdef', [
        { start: 4, end: 5, text: 'E' },
        { start: 0, end: 1, text: 'AA' },
      ]),
    ).toBe('AAbcdEf');
    expect(applyEdits('abc', [])).toBe('abc');
  });
});

describe('rewriteValueStrings', () => {
  it('changes only the literals, every other byte stays', () => {
    expect(rewrite('ifThenElse(x =?= true,"a",  "b" )')).toBe('ifThenElse(x =?= true,"A",  "B" )');
    expect(rewrite('{ "a","b" } // comment "c"')).toBe('{ "A","B" } // comment "c"');
    expect(rewrite(' strcat( "x" , Owner)')).toBe(' strcat( "X" , Owner)');
  });

  it('returns undefined when nothing changes', () => {
    expect(rewrite('"ABC"')).toBeUndefined();
    expect(rewrite('1 + 2')).toBeUndefined();
  });

  it('quotes the old way: only " is escaped, backslashes stay raw', () => {
    expect(rewrite('"a"', () => 'C:\\dir "x" \\')).toBe('"C:\\dir \\"x\\" \\"');
    expect(rewrite('{ "a", "b" }', (s) => (s === 'a' ? 'say "hi"' : undefined))).toBe(
      '{ "say \\"hi\\"", "b" }',
    );
  });

  it('refuses a string ending in a backslash unless it ends the line', () => {
    expect(rewrite('"x"', () => 'D:\\out\\')).toBe('"D:\\out\\"');
    expect(() => rewrite('{ "x", "y" }', (s) => (s === 'x' ? 'D:\\out\\' : undefined))).toThrow(
      ValueRewriteError,
    );
    expect(() => rewrite('"x" ', () => 'D:\\out\\')).toThrow(/last thing on the line/);
  });

  it('refuses line feeds and NUL bytes', () => {
    expect(() => rewrite('"x"', () => 'a\nb')).toThrow(/line feed/);
    expect(() => rewrite('"x"', () => 'a\0b')).toThrow(/NUL/);
  });

  it('reports a value that does not parse, at its offset', () => {
    try {
      rewrite('strcat("a",');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValueRewriteError);
      expect((e as ValueRewriteError).code).toBe('value-syntax');
      expect((e as ValueRewriteError).offset).toBe(24);
    }
  });

  it('maps offsets in the contents to offsets in the quoted literal', () => {
    const l = line('"a\\"b\\"c"');
    const lit = parseValue(l, at, l.length).expr as {
      kind: 'String';
      value: string;
      start: number;
      end: number;
    };
    expect(lit.value).toBe('a"b"c');
    expect(l[sourceOffsetOf(lit, 4)]).toBe('c');
    expect(l[sourceOffsetOf(lit, 2)]).toBe('b');
  });
});
