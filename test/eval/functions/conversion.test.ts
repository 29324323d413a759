// Conversion builtins (spec §6.3): int, real, string, bool, absTime, relTime.
import { describe, expect, it } from 'vitest';
import { printValue } from '../../../src/eval/convert.js';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { parseExpression } from '../../../src/language/parser.js';

/** Evaluates `text` standalone and returns the printed value (`FAILED` for an evaluation failure). */
function ev(text: string, strict = false): string {
  const r = evaluateIn(parseExpression(text, { strict }), null, { strict, now: () => 1700000000 });
  return r.failed ? 'FAILED' : printValue(r.value);
}

describe('int', () => {
  it('converts numbers, booleans, strings and times (ToInteger)', () => {
    expect(ev('int(7)')).toBe('7');
    expect(ev('int(-2.9)')).toBe('-2');
    expect(ev('int(true)')).toBe('1');
    expect(ev('int("12abc")')).toBe('12');
    expect(ev('int(" 0x1A")')).toBe('26');
    expect(ev('int("1e3")')).toBe('1000');
    expect(ev('int(absTime("2020-01-01T00:00:00Z"))')).toBe('1577836800');
    expect(ev('int(relTime(90.7))')).toBe('90');
    expect(ev('INT(2.5)')).toBe('2');
  });
  it('gives INT64_MIN for NaN and out-of-range reals', () => {
    expect(ev('int(1e30)')).toBe('-9223372036854775808');
    expect(ev('int(real("NaN"))')).toBe('-9223372036854775808');
    expect(ev('int("9223372036854775808")')).toBe('-9223372036854775808');
  });
  it('is UNDEFINED for UNDEFINED and ERROR for ERROR and unconvertible values', () => {
    expect(ev('int(undefined)')).toBe('undefined');
    expect(ev('int(x)')).toBe('undefined');
    expect(ev('int(error)')).toBe('error');
    expect(ev('int("abc")')).toBe('error');
    expect(ev('int("")')).toBe('error');
    expect(ev('int({1})')).toBe('error');
    expect(ev('int([a=1])')).toBe('error');
  });
  it('is ERROR with other than 1 argument, evaluating none', () => {
    expect(ev('int()')).toBe('error');
    expect(ev('int(1, 2)')).toBe('error');
    expect(ev('int(random(0), 2)')).toBe('error');
  });
});

describe('real', () => {
  it('converts numbers, booleans, strings and times (ToReal)', () => {
    expect(ev('real(7)')).toBe('7.000000000000000E+00');
    expect(ev('real(true)')).toBe('1.000000000000000E+00');
    expect(ev('real(-0.0)')).toBe('-0.0');
    expect(ev('real("inf")')).toBe('real("INF")');
    expect(ev('real("nan")')).toBe('real("NaN")');
    expect(ev('real("0x1p4")')).toBe('1.600000000000000E+01');
    expect(ev('real(relTime(90.7))')).toBe('9.000000000000000E+01');
    expect(ev('real(9223372036854775807)')).toBe('9.223372036854776E+18');
  });
  it('is UNDEFINED for UNDEFINED and ERROR for ERROR and unconvertible values', () => {
    expect(ev('real(undefined)')).toBe('undefined');
    expect(ev('real(error)')).toBe('error');
    expect(ev('real("abc")')).toBe('error');
    expect(ev('real("")')).toBe('error');
    expect(ev('real({1})')).toBe('error');
  });
  it('is ERROR with other than 1 argument', () => {
    expect(ev('real()')).toBe('error');
    expect(ev('real(1, 2)')).toBe('error');
  });
});

describe('string', () => {
  it('prints non-strings in new syntax (ToString)', () => {
    expect(ev('string(-7)')).toBe('"-7"');
    expect(ev('string(2.9)')).toBe('"2.900000000000000E+00"');
    expect(ev('string(true)')).toBe('"true"');
    expect(ev('string({1, "a"})')).toBe('"{ 1,\\"a\\" }"');
    expect(ev('string([a=1])')).toBe('"[ a = 1 ]"');
    expect(ev('string(" 12")')).toBe('" 12"');
    expect(ev('string(absTime(0, 3600))')).toBe('"1970-01-01T01:00:00+01:00"');
  });
  it('prints a RELTIME as whole seconds', () => {
    expect(ev('string(relTime(90.7))')).toBe('"01:30"');
    expect(ev('string(relTime(-90061.5))')).toBe('"-1+01:01:01"');
  });
  it('passes UNDEFINED and ERROR through', () => {
    expect(ev('string(undefined)')).toBe('undefined');
    expect(ev('string(error)')).toBe('error');
  });
  it('is ERROR with other than 1 argument', () => {
    expect(ev('string()')).toBe('error');
    expect(ev('string(1, 2)')).toBe('error');
  });
});

describe('bool', () => {
  it('converts numbers, booleans and relative times by zero-ness', () => {
    expect(ev('bool(0)')).toBe('false');
    expect(ev('bool(-7)')).toBe('true');
    expect(ev('bool(0.1)')).toBe('true');
    expect(ev('bool(-0.0)')).toBe('false');
    expect(ev('bool(real("NaN"))')).toBe('true');
    expect(ev('bool(false)')).toBe('false');
    expect(ev('bool(relTime(90))')).toBe('true');
    expect(ev('bool(relTime(0))')).toBe('false');
  });
  it('accepts exactly "true" and "false" in any case; other strings are UNDEFINED', () => {
    expect(ev('bool("TRUE")')).toBe('true');
    expect(ev('bool("FaLsE")')).toBe('false');
    expect(ev('bool("True ")')).toBe('undefined');
    expect(ev('bool("1")')).toBe('undefined');
    expect(ev('bool("")')).toBe('undefined');
  });
  it('is UNDEFINED for UNDEFINED and ERROR for ERROR, lists, ads and absolute times', () => {
    expect(ev('bool(undefined)')).toBe('undefined');
    expect(ev('bool(error)')).toBe('error');
    expect(ev('bool({1})')).toBe('error');
    expect(ev('bool([a=1])')).toBe('error');
    expect(ev('bool(absTime(0))')).toBe('error');
  });
  it('is ERROR with other than 1 argument', () => {
    expect(ev('bool()')).toBe('error');
    expect(ev('bool(1, 2)')).toBe('error');
  });
});

describe('absTime', () => {
  it('makes an absolute time from seconds, with an optional offset', () => {
    expect(ev('absTime(0)')).toBe('absTime("1970-01-01T00:00:00-00:00")');
    expect(ev('absTime(1700000000, 3600)')).toBe('absTime("2023-11-14T23:13:20+01:00")');
    expect(ev('absTime(1700000000.7)')).toBe('absTime("2023-11-14T22:13:20-00:00")');
    expect(ev('absTime(2.5, 1.5)')).toBe('absTime("1970-01-01T00:00:03+00:00")');
    expect(ev('absTime(relTime(60), relTime(-3600))')).toBe('absTime("1969-12-31T23:01:00-01:00")');
    expect(ev('absTime(absTime(5), 3600)')).toBe('absTime("1970-01-01T00:00:05-00:00")');
  });
  it('truncates an integer to 32 bits', () => {
    expect(ev('absTime(253402300799)')).toBe('absTime("1969-12-23T02:12:15-00:00")');
  });
  it('returns a run-time string unchanged (HTCondor fall-through)', () => {
    expect(ev('absTime({"2004-01-01"}[0])')).toBe('"2004-01-01"');
    expect(ev('absTime({"bad"}[0], 3600)')).toBe('"bad"');
  });
  it('is the current time without arguments', () => {
    expect(ev('absTime()')).toBe('absTime("2023-11-14T22:13:20-00:00")');
  });
  it('fails for an integer time with an offset of exactly -1', () => {
    expect(ev('absTime(0, -1)')).toBe('FAILED');
    expect(ev('absTime(0.0, -1)')).toBe('absTime("1969-12-31T23:59:59-00:00")');
  });
  it('is UNDEFINED for UNDEFINED and ERROR for other types', () => {
    expect(ev('absTime(undefined)')).toBe('undefined');
    expect(ev('absTime(error)')).toBe('error');
    expect(ev('absTime(true)')).toBe('error');
    expect(ev('absTime({1})')).toBe('error');
    expect(ev('absTime(0, "x")')).toBe('error');
    expect(ev('absTime(undefined, "x")')).toBe('error');
  });
  it('is ERROR with more than 2 arguments', () => {
    expect(ev('absTime(1, 2, 3)')).toBe('error');
  });
});

describe('relTime', () => {
  it('makes a relative time from seconds or an absolute time', () => {
    expect(ev('relTime(90061)')).toBe('relTime("1+01:01:01")');
    expect(ev('relTime(90061.5)')).toBe('relTime("1+01:01:1.5")');
    expect(ev('relTime(-1)')).toBe('relTime("-01")');
    expect(ev('relTime(absTime(90))')).toBe('relTime("01:30")');
    expect(ev('relTime(relTime(5))')).toBe('relTime("05")');
  });
  it('gives relTime(0) for a run-time string (HTCondor fall-through)', () => {
    expect(ev('relTime({"1:30"}[0])')).toBe('relTime("00")');
  });
  it('keeps the parse-time literal a REAL (HTCondor 24+)', () => {
    expect(ev('relTime("1:30")')).toBe('9.000000000000000E+01');
  });
  it('is UNDEFINED for UNDEFINED and ERROR for other types', () => {
    expect(ev('relTime(undefined)')).toBe('undefined');
    expect(ev('relTime(error)')).toBe('error');
    expect(ev('relTime(true)')).toBe('error');
    expect(ev('relTime([a=1])')).toBe('error');
  });
  it('is ERROR with other than 1 argument', () => {
    expect(ev('relTime()')).toBe('error');
    expect(ev('relTime(1, 2)')).toBe('error');
  });
});
