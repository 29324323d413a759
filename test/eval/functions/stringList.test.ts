// String-list builtins: the core stringListsIntersect (spec §6.10) and
// HTCondor's compat-layer stringList* family (spec §6.11).
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { stringListTokens } from '../../../src/eval/functions/stringList.js';
import { adFromRecord } from '../../../src/eval/scope.js';
import { parseExpression } from '../../../src/language/parser.js';

/** Evaluates `expr` standalone and prints the value. */
function ev(expr: string): string {
  return printValue(evaluateIn(parseExpression(expr), null).value);
}

function table(rows: [string, string][]): void {
  for (const [expr, want] of rows) it(`${expr} → ${want}`, () => expect(ev(expr)).toBe(want));
}

describe('stringListsIntersect', () => {
  table([
    ['stringListsIntersect("a,b", "b,c")', 'true'],
    ['stringListsIntersect("a,b", "B,c")', 'false'],
    ['stringListsIntersect("a b", "b")', 'true'],
    ['stringListsIntersect("a, b", "b ,c")', 'true'],
    ['stringListsIntersect(" ,", "a")', 'false'],
    ['stringListsIntersect("a;b", "b", ";")', 'true'],
    ['stringListsIntersect("a;b", "b;c", ",")', 'false'],
    // An empty delimiter set means the default " ,".
    ['stringListsIntersect("a,b", "b", "")', 'true'],
    ['stringListsIntersect(undefined, "a")', 'undefined'],
    ['stringListsIntersect("a", "a", undefined)', 'undefined'],
    ['stringListsIntersect(error, undefined)', 'error'],
    ['stringListsIntersect("a", "a", error)', 'error'],
    ['stringListsIntersect(1, "1")', 'error'],
    ['stringListsIntersect("a", "a", 1)', 'error'],
    ['stringListsIntersect({"a"}, "a")', 'error'],
    ['stringListsIntersect("a")', 'error'],
    ['stringListsIntersect("a", "a", ",", 1)', 'error'],
  ]);
  it('turns an argument’s evaluation failure into ERROR', () => {
    // A chain of 450 references exceeds the evaluation depth limit (400): a failure.
    const attrs = Array.from({ length: 450 }, (_, i) => `a${i} = a${i + 1} + 1`).join('; ');
    const record = parseExpression(`[ ${attrs}; a450 = "x" ]`);
    if (record.kind !== 'Record') throw new Error('not a record');
    const ad = adFromRecord(record);
    expect(evaluateIn(parseExpression('a0'), ad).failed).toBe(true);
    const r = evaluateIn(parseExpression('stringListsIntersect(a0, "x")'), ad);
    expect(r.failed).toBe(false);
    expect(printValue(r.value)).toBe('error');
  });
});

describe('the stringList tokenizer', () => {
  it('splits at delimiter bytes, trims whitespace, drops empty tokens', () => {
    expect(stringListTokens('cc, BB, , aa', ',')).toEqual(['cc', 'BB', 'aa']);
    expect(stringListTokens('  a b ,c\t', ',')).toEqual(['a b', 'c']);
    expect(stringListTokens('a;;b;', ';')).toEqual(['a', 'b']);
    expect(stringListTokens('abc', '')).toEqual(['abc']);
    expect(stringListTokens('', ',')).toEqual([]);
  });
});

describe('stringListSize', () => {
  table([
    ['stringListSize("a, b,,c")', '3'],
    ['stringListSize("")', '0'],
    ['stringListSize("a;b c", ";")', '2'],
    ['stringListSize(undefined)', 'error'],
    ['stringListSize(error)', 'error'],
    ['stringListSize("a", 1)', 'error'],
    ['stringListSize()', 'error'],
    ['stringListSize("a", ",", 1)', 'error'],
  ]);
});

describe('stringListSum, Avg, Min, Max', () => {
  table([
    ['stringListSum("1,2,3")', '6'],
    ['stringListSum("1, 2.5")', '3.500000000000000E+00'],
    ['stringListSum("12abc")', '1.200000000000000E+01'],
    ['stringListSum("")', '0.0'],
    ['stringListSum("1,x")', 'error'],
    ['stringListSum(undefined)', 'error'],
    ['stringListSum("1", 1)', 'error'],
    ['stringListSum()', 'error'],
    ['stringListAvg("1,2")', '1'],
    ['stringListAvg("1,2.0")', '1.500000000000000E+00'],
    ['stringListAvg("")', '0.0'],
    ['stringListAvg(error)', 'error'],
    ['stringListAvg("1", ",", 2)', 'error'],
    ['stringListMin("3;1;2", ";")', '1'],
    ['stringListMin("")', 'undefined'],
    ['stringListMin(undefined)', 'error'],
    ['stringListMin()', 'error'],
    ['stringListMax("3,1,2")', '3'],
    // Max starts from FLT_MIN, a positive number: an all-negative list gives 0 (HTCondor's bug).
    ['stringListMax("-1,-2")', '0'],
    ['stringListMax("-1.0,-2")', '1.175494350822288E-38'],
    ['stringListMax("")', 'undefined'],
    ['stringListMax(1)', 'error'],
    ['stringListMax("1", ",", 2)', 'error'],
  ]);
});

describe('stringListMember, stringListIMember', () => {
  table([
    ['stringListMember("bb", "aa bb cc")', 'true'],
    ['stringListMember("BB", "aa bb cc")', 'false'],
    ['stringListMember("bb", "aa;bb", ";")', 'true'],
    ['stringListMember("b", "a\\tb\\nc")', 'true'],
    ['stringListMember(" ", "cc, BB, , aa", ",")', 'false'],
    ['stringListMember("", "a,,")', 'false'],
    ['stringListMember(undefined, "a")', 'false'],
    ['stringListMember("a", undefined)', 'false'],
    ['stringListMember(undefined, undefined)', 'undefined'],
    ['stringListMember("a", "a", undefined)', 'true'],
    ['stringListMember(error, "a")', 'error'],
    ['stringListMember("a", {"a"})', 'error'],
    ['stringListMember("a", "a", 1)', 'error'],
    ['stringListMember("a")', 'error'],
    ['stringListMember("a", "a", ",", "x")', 'error'],
    ['stringListIMember("BB", "aa bb cc")', 'true'],
    ['stringListIMember(undefined, undefined)', 'undefined'],
    ['stringListIMember(1, "1")', 'error'],
    ['stringListIMember("a")', 'error'],
  ]);
});

describe('stringListSubsetMatch, stringListISubsetMatch', () => {
  table([
    ['stringListSubsetMatch("aa,cc", "aa bb cc")', 'true'],
    ['stringListSubsetMatch("aa,dd", "aa bb cc")', 'false'],
    ['stringListSubsetMatch("AA", "aa bb cc")', 'false'],
    ['stringListSubsetMatch("", "aa")', 'true'],
    ['stringListSubsetMatch(undefined, "aa")', 'true'],
    ['stringListSubsetMatch("aa", undefined)', 'false'],
    ['stringListSubsetMatch(undefined, undefined)', 'undefined'],
    // A non-empty first list with no tokens is not a subset.
    ['stringListSubsetMatch(" ", "cc, BB, , aa", ",")', 'false'],
    ['stringListSubsetMatch(error, "a")', 'error'],
    ['stringListSubsetMatch("a", 1)', 'error'],
    ['stringListSubsetMatch()', 'error'],
    ['stringListISubsetMatch("AA,Cc", "aa bb cc")', 'true'],
    ['stringListISubsetMatch("AA,dd", "aa bb cc")', 'false'],
    ['stringListISubsetMatch(undefined, undefined)', 'undefined'],
    ['stringListISubsetMatch("a", {"a"})', 'error'],
    ['stringListISubsetMatch("a", "a", ",", 1)', 'error'],
  ]);
});

describe('stringList_regexpMember', () => {
  table([
    ['stringList_regexpMember("^b", "aa, bb")', 'true'],
    ['stringList_regexpMember("^a$", "ab, bb")', 'false'],
    ['stringList_regexpMember("^B", "aa;bb", ";", "I")', 'true'],
    ['stringList_regexpMember("^B", "aa;bb", ";", "i")', 'true'],
    ['stringList_regexpMember("a b", "xab", ",", "x")', 'true'],
    ['stringList_regexpMember("a", "")', 'undefined'],
    ['stringList_regexpMember("(", "aa")', 'error'],
    ['stringList_regexpMember("(", "")', 'error'],
    ['stringList_regexpMember("a", undefined)', 'error'],
    ['stringList_regexpMember(error, "a")', 'error'],
    ['stringList_regexpMember("a", "a", 1)', 'error'],
    ['stringList_regexpMember("a")', 'error'],
    ['stringList_regexpMember("a", "a", ",", "i", 1)', 'error'],
  ]);
});
