import { describe, expect, it } from 'vitest';
import { parseExpressionWithErrors } from '../../src/language/parser.js';
import { parseValue, stringLiterals, valueSyntaxError } from '../../src/jobq/valueParse.js';

const line = (value: string) => `103 1.0 Attr ${value}`;
const at = 13;

describe('parseValue', () => {
  it('reads a lone string literal with old-syntax rules, in place', () => {
    const l = line('"C:\\condor\\spool \\"x\\""');
    const r = parseValue(l, at, l.length);
    expect(r.expr).toEqual({
      kind: 'String',
      value: 'C:\\condor\\spool "x"',
      start: 13,
      end: l.length,
    });
  });

  it('keeps a trailing backslash when the literal ends the value', () => {
    const l = line('"Z:\\results\\hiro\\"');
    expect(parseValue(l, at, l.length).expr).toMatchObject({ value: 'Z:\\results\\hiro\\' });
  });

  it('agrees with the parser on every other value', () => {
    for (const v of [
      '1',
      '-TARGET.LoadAvg',
      ' !(ExitCode == 0)',
      'ifThenElse(a, "x", "y")',
      'time()',
      '{ "a", "b" }',
    ]) {
      const l = line(v);
      const mine = parseValue(l, at, l.length);
      const parser = parseExpressionWithErrors(l, { oldSyntax: true, binary: true, start: at });
      expect(mine.error).toBeUndefined();
      if (mine.expr!.kind !== 'String') expect(mine.expr).toEqual(parser.value);
    }
  });

  it('returns the first syntax error, with its offset in the line', () => {
    const l = line('strcat("a", )');
    expect(parseValue(l, at, l.length).error).toMatchObject({ start: 25 });
    expect(valueSyntaxError(l, at, l.length)).toMatchObject({ start: 25 });
    expect(valueSyntaxError(line('"ok"'), at, line('"ok"').length)).toBeUndefined();
    // HTCondor's default mode: a multi-digit integer with a leading 0 is an error.
    expect(valueSyntaxError(line('007'), at, line('007').length)).toBeDefined();
  });
});

describe('stringLiterals', () => {
  it('finds every string literal, in source order, however deep', () => {
    const l = line(
      'ifThenElse(TARGET.HasGPU =?= true, { "a", strcat("b", Owner) }, [ x = "c"; y = "d" ]["x"]) ?: "e"',
    );
    const r = parseValue(l, at, l.length);
    expect(stringLiterals(r.expr!).map((s) => s.value)).toEqual(['a', 'b', 'c', 'd', 'x', 'e']);
    for (const s of stringLiterals(r.expr!)) expect(l[s.start]).toBe('"');
  });
});
