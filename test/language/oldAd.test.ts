import { describe, expect, it } from 'vitest';
import { SyntaxErrorCode } from '../../src/language/diagnostics.js';
import {
  isSkippableLine,
  parseOldAd,
  parseOldValue,
  splitLongFormLine,
} from '../../src/language/oldAd.js';
import { printExpr } from '../../src/language/printer.js';

describe('splitLongFormLine', () => {
  it('splits at the first = and trims spaces around the name and before the value', () => {
    expect(splitLongFormLine('  Requirements = a == b')).toEqual({
      name: 'Requirements',
      nameStart: 2,
      nameEnd: 14,
      valueStart: 17,
      valueEnd: 23,
    });
    expect(splitLongFormLine('My Attr   =1')).toMatchObject({ name: 'My Attr', valueStart: 11 });
  });
  it('drops a trailing carriage return from the value', () => {
    expect(splitLongFormLine('A = 1\r')).toMatchObject({ valueStart: 4, valueEnd: 5 });
  });
  it('rejects lines without =, with an empty name, or a quoted name', () => {
    expect(splitLongFormLine('no equals here')).toBeUndefined();
    expect(splitLongFormLine(' = 1')).toBeUndefined();
    expect(splitLongFormLine("'a' = 1")).toBeUndefined();
  });
});

describe('isSkippableLine', () => {
  it('skips blank and # comment lines only', () => {
    expect(isSkippableLine('   ', 0, 3)).toBe(true);
    expect(isSkippableLine('  # comment', 0, 11)).toBe(true);
    expect(isSkippableLine('A = 1 # not a comment', 0, 21)).toBe(false);
  });
});

describe('parseOldValue', () => {
  it('reads old-syntax strings and ignores trailing tokens, as HTCondor does', () => {
    expect(printExpr(parseOldValue('"C:\\condor\\spool"')!)).toBe('"C:\\\\condor\\\\spool"');
    expect(printExpr(parseOldValue('1 2')!)).toBe('1');
    expect(printExpr(parseOldValue('3 $ 4')!)).toBe('3');
    expect(parseOldValue('1 + $ 2')).toBeUndefined();
    expect(parseOldValue('1 2', 0, 3, { full: true })).toBeUndefined();
  });
});

describe('parseOldAd', () => {
  it('parses every attribute line, with positions in the whole text', () => {
    const text = '# a slot\nName = "slot1@host"\nMemory = 1024\n\nCpus = 4\n';
    const { value, errors } = parseOldAd(text);
    expect(errors).toEqual([]);
    expect(value.attrs.map((a) => [a.name, printExpr(a.value), a.nameStart])).toEqual([
      ['Name', '"slot1@host"', 9],
      ['Memory', '1024', 29],
      ['Cpus', '4', 44],
    ]);
    expect(text.slice(value.attrs[1]!.value.start, value.attrs[1]!.value.end)).toBe('1024');
  });
  it('reports every bad line and keeps the good ones', () => {
    const { value, errors } = parseOldAd('A = 1 +\nnot an attribute\nB = 2\nC = "open\n');
    expect(errors.map((e) => e.code)).toEqual([
      SyntaxErrorCode.UnexpectedEnd,
      SyntaxErrorCode.BadAttributeLine,
      SyntaxErrorCode.UnterminatedString,
    ]);
    expect(value.attrs.map((a) => a.name)).toEqual(['A', 'B', 'C']);
  });
  it('parses only the requested range', () => {
    const text = 'A = 1\n\nB = 2\n';
    expect(parseOldAd(text, { start: 7 }).value.attrs.map((a) => a.name)).toEqual(['B']);
  });
});
