// String builtins (spec §6.5): strcat, join, toUpper, toLower, substr, size,
// strcmp, stricmp.
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { adFromRecord } from '../../../src/eval/scope.js';
import { utf8Encode } from '../../../src/language/bytes.js';
import { parseExpression } from '../../../src/language/parser.js';

/** Evaluates `text` (UTF-8 source, as the CLI reads it) and prints the value; `FAILED` on a failure. */
function ev(text: string, ad?: string): string {
  const scope = ad ? adFromRecord(parseExpression(ad) as Parameters<typeof adFromRecord>[0]) : null;
  const r = evaluateIn(parseExpression(utf8Encode(text), { binary: true }), scope);
  return r.failed ? 'FAILED' : printValue(r.value);
}

describe('strcat', () => {
  it('concatenates, converting non-strings with ToString', () => {
    expect(ev('strcat()')).toBe('""');
    expect(ev('strcat("a", "b", "c")')).toBe('"abc"');
    expect(ev('strcat(14, " bottles")')).toBe('"14 bottles"');
    expect(ev('strcat("a", 1.5)')).toBe('"a1.500000000000000E+00"');
    expect(ev('strcat("a", {1, 2})')).toBe('"a{ 1,2 }"');
    expect(ev('strcat(true, [a = 1])')).toBe('"true[ a = 1 ]"');
    expect(ev('strcat(absTime(0))')).toBe('"1970-01-01T00:00:00-00:00"');
  });
  it('returns the first UNDEFINED or ERROR argument', () => {
    expect(ev('strcat("a", undefined)')).toBe('undefined');
    expect(ev('strcat("a", x)')).toBe('undefined');
    expect(ev('strcat("a", error)')).toBe('error');
    expect(ev('strcat(undefined, error)')).toBe('undefined');
    expect(ev('strcat(error, undefined)')).toBe('error');
  });
  it('evaluates every argument (a failure fails the call)', () => {
    expect(ev('strcat("a", random(0))')).toBe('FAILED');
  });
});

describe('join', () => {
  it('joins the arguments after the separator', () => {
    expect(ev('join()')).toBe('""');
    expect(ev('join(",")')).toBe('""');
    expect(ev('join(",", "a", "b", "c")')).toBe('"a,b,c"');
    expect(ev('join("0", 1, 2, 3)')).toBe('"10203"');
    expect(ev('join(1, 2, 3)')).toBe('"213"');
    expect(ev('join(B, A)', '[A = "aa"; B = ","]')).toBe('"aa"');
  });
  it('adds the separator only once the output is non-empty', () => {
    expect(ev('join(",", "", "b")')).toBe('"b"');
    expect(ev('join(",", "a", "", "c")')).toBe('"a,,c"');
  });
  it('joins the elements of a list given as the last of one or two arguments', () => {
    expect(ev('join({"aa", "bb", "cc"})')).toBe('"aabbcc"');
    expect(ev('join(",", {"a", 1, 2.5})')).toBe('"a,1,2.500000000000000E+00"');
    expect(ev('join(",", {})')).toBe('""');
    expect(ev('join(",", {{1}, [a = 1]})')).toBe('"{ 1 },[ a = 1 ]"');
    expect(ev('join("-", {1 + 1, x, "z"})')).toBe('"2-z"');
  });
  it('does not expand a list anywhere else', () => {
    expect(ev('join(",", {1, 2}, "x")')).toBe('"{ 1,2 },x"');
    expect(ev('join(",", "a", {"b"})')).toBe('"a,{ \\"b\\" }"');
    expect(ev('join({"a"}, "b")')).toBe('"b"');
  });
  it('skips UNDEFINED; UNDEFINED when nothing else was joined', () => {
    expect(ev('join(undefined)')).toBe('undefined');
    expect(ev('join(",", undefined)')).toBe('undefined');
    expect(ev('join(undefined, "a", "b")')).toBe('"ab"');
    expect(ev('join(",", "a", undefined, "b")')).toBe('"a,b"');
    expect(ev('join(",", {undefined, "a"})')).toBe('"a"');
    expect(ev('join(",", {undefined})')).toBe('undefined');
  });
  it('is ERROR for an ERROR separator or item', () => {
    expect(ev('join(error, "a")')).toBe('error');
    expect(ev('join(",", error)')).toBe('error');
    expect(ev('join(",", {error, "a"})')).toBe('error');
    expect(ev('join(",", "a", undefined, error)')).toBe('error');
  });
  it('evaluates list elements lazily, stopping at the first ERROR', () => {
    expect(ev('join(",", {error, random(0)})')).toBe('error');
    expect(ev('join(",", {"a", random(0)})')).toBe('FAILED');
  });
  it('has no arity limit', () => {
    expect(ev('join("", "a", "b", "c", "d", "e", "f")')).toBe('"abcdef"');
  });
});

describe.each([
  ['toUpper', '"ABC1_!"', '"\\303\\251"', '"TRUE"'],
  ['toLower', '"abc1_!"', '"\\303\\211"', '"true"'],
])('%s', (name, mapped, nonAscii, boolText) => {
  const f = (arg: string) => ev(`${name}(${arg})`);
  it('maps ASCII letters only', () => {
    expect(f(name === 'toUpper' ? '"aBc1_!"' : '"AbC1_!"')).toBe(mapped);
    expect(f(name === 'toUpper' ? '"é"' : '"É"')).toBe(nonAscii);
    expect(f('""')).toBe('""');
  });
  it('converts other values with ToString', () => {
    expect(f('true')).toBe(boolText);
    expect(f('1.5')).toBe(
      name === 'toUpper' ? '"1.500000000000000E+00"' : '"1.500000000000000e+00"',
    );
    expect(f('{"a"}')).toBe(name === 'toUpper' ? '"{ \\"A\\" }"' : '"{ \\"a\\" }"');
  });
  it('keeps UNDEFINED and ERROR', () => {
    expect(f('undefined')).toBe('undefined');
    expect(f('error')).toBe('error');
  });
  it('takes exactly one argument', () => {
    expect(f('')).toBe('error');
    expect(f('"a", "b"')).toBe('error');
  });
});

describe('substr', () => {
  it('follows the offset and length rules', () => {
    expect(ev('substr("abcdef", 2)')).toBe('"cdef"');
    expect(ev('substr("abcdef", 2, 2)')).toBe('"cd"');
    expect(ev('substr("abcdef", -2)')).toBe('"ef"');
    expect(ev('substr("abcdef", 2, -1)')).toBe('"cde"');
    expect(ev('substr("abcdef", 10)')).toBe('""');
    expect(ev('substr("abcdef", -10, 2)')).toBe('"ab"');
    expect(ev('substr("abcdef", 1, 0)')).toBe('""');
    expect(ev('substr("abcde", 4, 2)')).toBe('"e"');
    expect(ev('substr("abcde", 1, -10)')).toBe('""');
  });
  it('counts bytes', () => {
    expect(ev('substr("été", 1)')).toBe('"\\251t\\303\\251"');
  });
  it('truncates integers to 32 bits', () => {
    expect(ev('substr("abc", 9223372036854775807)')).toBe('"c"');
    expect(ev('substr("abc", -9223372036854775807)')).toBe('"bc"');
    expect(ev('substr("abc", 1, 9223372036854775807)')).toBe('"b"');
    expect(ev('substr("abcdef", 4294967297)')).toBe('"bcdef"');
  });
  it('is UNDEFINED when any argument is UNDEFINED', () => {
    expect(ev('substr(undefined, 1)')).toBe('undefined');
    expect(ev('substr("abc", undefined)')).toBe('undefined');
    expect(ev('substr("abc", 1, undefined)')).toBe('undefined');
    expect(ev('substr(error, undefined)')).toBe('undefined');
  });
  it('is ERROR for ERROR and for wrong types (reals and booleans included)', () => {
    expect(ev('substr(error, 1)')).toBe('error');
    expect(ev('substr("abc", error)')).toBe('error');
    expect(ev('substr("abcdef", 1.5)')).toBe('error');
    expect(ev('substr("abcde", 1, 2.9)')).toBe('error');
    expect(ev('substr("abcde", true)')).toBe('error');
    expect(ev('substr("abcde", "1")')).toBe('error');
    expect(ev('substr(12345, 1, 2)')).toBe('error');
    expect(ev('substr({"abc"}, 1)')).toBe('error');
  });
  it('takes two or three arguments', () => {
    expect(ev('substr("abc")')).toBe('error');
    expect(ev('substr("abc", 1, 2, 3)')).toBe('error');
  });
});

describe('size', () => {
  it('counts bytes, list elements and own attributes', () => {
    expect(ev('size("")')).toBe('0');
    expect(ev('size("a b c")')).toBe('5');
    expect(ev('size("é")')).toBe('2');
    expect(ev('size({1, error, undefined})')).toBe('3');
    expect(ev('size([a = 1; b = 2])')).toBe('2');
  });
  it('is UNDEFINED for UNDEFINED and ERROR for other types', () => {
    expect(ev('size(undefined)')).toBe('undefined');
    expect(ev('size(x)')).toBe('undefined');
    expect(ev('size(error)')).toBe('error');
    expect(ev('size(123)')).toBe('error');
    expect(ev('size(2.5)')).toBe('error');
    expect(ev('size(true)')).toBe('error');
  });
  it('takes exactly one argument', () => {
    expect(ev('size()')).toBe('error');
    expect(ev('size("a", "b")')).toBe('error');
  });
});

describe('strcmp and stricmp', () => {
  it('strcmp compares bytes and normalizes to -1, 0, 1', () => {
    expect(ev('strcmp("a", "b")')).toBe('-1');
    expect(ev('strcmp("b", "a")')).toBe('1');
    expect(ev('strcmp("a", "a")')).toBe('0');
    expect(ev('strcmp("a", "A")')).toBe('1');
    expect(ev('strcmp("abc", "ab")')).toBe('1');
    expect(ev('strcmp("é", "e")')).toBe('1');
  });
  it('stricmp folds ASCII case (to lower: "[" < "a")', () => {
    expect(ev('stricmp("a", "A")')).toBe('0');
    expect(ev('stricmp("abc", "ABD")')).toBe('-1');
    expect(ev('stricmp("[", "a")')).toBe('-1');
    expect(ev('stricmp("Z", "a")')).toBe('1');
  });
  it('converts other values with ToString', () => {
    expect(ev('strcmp(1, "1")')).toBe('0');
    expect(ev('strcmp(10, 9)')).toBe('-1');
    expect(ev('strcmp({1}, "{ 1 }")')).toBe('0');
    expect(ev('stricmp(true, "TRUE")')).toBe('0');
  });
  it('is UNDEFINED if either is UNDEFINED, else ERROR for ERROR', () => {
    expect(ev('strcmp(undefined, "a")')).toBe('undefined');
    expect(ev('stricmp("a", undefined)')).toBe('undefined');
    expect(ev('strcmp(undefined, error)')).toBe('undefined');
    expect(ev('strcmp(error, "a")')).toBe('error');
    expect(ev('stricmp("a", error)')).toBe('error');
  });
  it('takes exactly two arguments', () => {
    expect(ev('strcmp("a")')).toBe('error');
    expect(ev('stricmp("a", "b", "c")')).toBe('error');
  });
});
