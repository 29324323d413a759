// The list builtins (spec §6.8): size, member, identicalMember, sum, avg, min,
// max, anyCompare, allCompare. Expected values are HTCondor's (see the corpus).
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { adFromRecord } from '../../../src/eval/scope.js';
import { parseExpression } from '../../../src/language/parser.js';

/** Evaluates `expr` (in `ad`, a record's text, if given) and prints the value. */
function ev(expr: string, ad?: string): string {
  const record = ad === undefined ? undefined : parseExpression(ad);
  const scope = record?.kind === 'Record' ? adFromRecord(record) : null;
  return printValue(evaluateIn(parseExpression(expr), scope).value);
}

function table(rows: [string, string][]): void {
  for (const [expr, want] of rows) it(`${expr} → ${want}`, () => expect(ev(expr)).toBe(want));
}

describe('size', () => {
  table([
    ['size({1,2,3})', '3'],
    ['size({})', '0'],
    ['size({undefined,error})', '2'],
    ['size("abc")', '3'],
    ['size("\\303\\251")', '2'],
    ['size([a=1;b=2])', '2'],
    ['size([a=1;a=2])', '1'],
    ['size(undefined)', 'undefined'],
    ['size(error)', 'error'],
    ['size(1)', 'error'],
    ['size(true)', 'error'],
    ['size()', 'error'],
    ['size({1},{2})', 'error'],
  ]);
  it('counts an ad’s own attributes only', () => {
    expect(ev('size(self)', '[a=1; b=2; c=3]')).toBe('3');
  });
});

describe('member and identicalMember', () => {
  table([
    ['member(1.0, {1,2})', 'true'],
    ['member("A", {"a"})', 'true'],
    ['member(1, {"a",1})', 'true'],
    ['member(1, {error,1})', 'true'],
    ['member(3, {1,2})', 'false'],
    ['member(1, {})', 'false'],
    ['member(undefined, {undefined})', 'undefined'],
    ['member(error, {error})', 'error'],
    ['member(error, undefined)', 'undefined'],
    ['member(1, undefined)', 'undefined'],
    ['member(1, "a")', 'error'],
    ['member({1}, {{1}})', 'error'],
    ['member([a=1], {1})', 'error'],
    ['member(1)', 'error'],
    ['member(1, {1}, 2)', 'error'],
    ['identicalMember("A", {"a"})', 'false'],
    ['identicalMember(1, {1.0})', 'false'],
    ['identicalMember(1, {1.0, 1})', 'true'],
    ['identicalMember(undefined, {undefined})', 'true'],
    ['identicalMember(error, {error})', 'true'],
    ['identicalMember(undefined, "a")', 'error'],
    ['identicalMember(1, undefined)', 'undefined'],
    ['identicalMember({1}, {1})', 'error'],
    ['identicalMember(1)', 'error'],
    ['identicalMember(1, {1}, 2)', 'error'],
  ]);
  it('evaluates the elements in the list’s scope', () => {
    expect(ev('member(2, {x, y})', '[x = 1; y = x + 1]')).toBe('true');
  });
});

describe('sum and avg', () => {
  table([
    ['sum({1,2,3})', '6'],
    ['sum({1,2.5})', '3.500000000000000E+00'],
    ['sum({true})', 'true'],
    ['sum({true,1})', '2'],
    ['sum({1,undefined})', '1'],
    ['sum({})', '0'],
    ['sum({undefined})', '0'],
    ['sum({9223372036854775807,1})', '-9223372036854775808'],
    ['sum({1e308,1e308})', 'error'],
    ['sum({1,"a"})', 'error'],
    ['sum({1,error})', 'error'],
    ['sum({relTime(5)})', 'error'],
    ['sum(undefined)', 'undefined'],
    ['sum(error)', 'error'],
    ['sum(1)', 'error'],
    ['sum()', 'error'],
    ['sum({1},{2})', 'error'],
    ['avg({2,2})', '2.000000000000000E+00'],
    ['avg({1,2.5})', '1.750000000000000E+00'],
    ['avg({true,false})', '5.000000000000000E-01'],
    ['avg({1,undefined})', '1.000000000000000E+00'],
    ['avg({})', '0'],
    ['avg({undefined})', '0'],
    ['avg({1,"a"})', 'error'],
    ['avg(undefined)', 'undefined'],
    ['avg("abc")', 'error'],
    ['avg()', 'error'],
    ['avg({1},{2})', 'error'],
  ]);
});

describe('min and max', () => {
  table([
    ['min({3,1,2})', '1'],
    ['max({3,1,2})', '3'],
    ['min({3,1.0,2})', '1.000000000000000E+00'],
    // The comparison promotes in place: an integer compared with a real stays real.
    ['min({1,2.5})', '1.000000000000000E+00'],
    ['max({2.5,1})', '2.500000000000000E+00'],
    ['max({1,2.0})', '2.000000000000000E+00'],
    ['min({true,2})', '1'],
    ['min({true,false})', '0'],
    ['min({true})', 'true'],
    ['min({real("NaN"),1})', 'real("NaN")'],
    ['min({1,undefined})', '1'],
    ['min({})', 'undefined'],
    ['max({undefined})', 'undefined'],
    ['min({1,"a"})', 'error'],
    ['max({1,error})', 'error'],
    ['min(undefined)', 'undefined'],
    ['max(error)', 'error'],
    ['min(1)', 'error'],
    ['min()', 'error'],
    ['max({1},{2})', 'error'],
  ]);
});

describe('anyCompare and allCompare', () => {
  table([
    ['anyCompare("<", {1,2,3}, 2)', 'true'],
    ['anyCompare("==", {"a","B"}, "b")', 'true'],
    ['anyCompare("is", {1,2}, 2)', 'true'],
    ['anyCompare("isnt", {2}, 2)', 'false'],
    ['anyCompare("==", {}, 1)', 'false'],
    ['anyCompare("==", {undefined,1}, 1)', 'false'],
    ['anyCompare("==", {1,undefined}, 1)', 'true'],
    ['anyCompare("<", {1,"a"}, 1)', 'error'],
    ['anyCompare("==", {1,2}, error)', 'error'],
    ['anyCompare("==", {1,2}, undefined)', 'false'],
    ['anyCompare("=?=", {1}, 1)', 'error'],
    ['anyCompare("IS", {1}, 1)', 'error'],
    ['anyCompare(1, {1}, 1)', 'error'],
    ['anyCompare(undefined, {1}, 1)', 'undefined'],
    ['anyCompare("==", undefined, 1)', 'undefined'],
    ['anyCompare("==", 1, 1)', 'error'],
    ['anyCompare("<", {1})', 'error'],
    ['anyCompare("<", {1}, 1, 2)', 'error'],
    ['allCompare("<", {1,2}, 3)', 'true'],
    ['allCompare(">=", {1,2,3}, 2)', 'false'],
    ['allCompare("==", {}, 1)', 'true'],
    ['allCompare("==", {1,undefined}, 1)', 'false'],
    ['allCompare("<", {1,"a"}, 1)', 'false'],
    ['allCompare("==", {1,"a"}, 1)', 'error'],
    ['allCompare("==", {1,2}, error)', 'error'],
    ['allCompare(undefined, {1}, 1)', 'undefined'],
    ['allCompare("<", undefined, 1)', 'undefined'],
    ['allCompare("<>", {1}, 1)', 'error'],
    ['allCompare("<", {1})', 'error'],
  ]);
});
