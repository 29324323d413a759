import { describe, expect, it } from 'vitest';
import { dominantEol, isSpace, lineText, splitPhysicalLines } from '../../src/config/lines.js';

describe('physical lines', () => {
  it('splits at LF, keeps CR LF as the line end, and a last line without one', () => {
    const text = 'A = 1\r\nB = 2\nC = 3';
    const lines = splitPhysicalLines(text);
    expect(lines).toEqual([
      { number: 1, start: 0, end: 5, eol: '\r\n' },
      { number: 2, start: 7, end: 12, eol: '\n' },
      { number: 3, start: 13, end: 18, eol: '' },
    ]);
    expect(lines.map((l) => lineText(text, l))).toEqual(['A = 1', 'B = 2', 'C = 3']);
  });
  it('has no lines for an empty file and no phantom line after a final LF', () => {
    expect(splitPhysicalLines('')).toEqual([]);
    expect(splitPhysicalLines('x\n')).toHaveLength(1);
    expect(splitPhysicalLines('\n\n')).toHaveLength(2);
  });
  it('keeps a CR that is not before an LF in the content', () => {
    const text = 'a\rb\n';
    expect(lineText(text, splitPhysicalLines(text)[0]!)).toBe('a\rb');
  });
  it("knows C's white space and a file's usual line end", () => {
    expect([' ', '\t', '\r', '\v', '\f', 'x', '\xa0'].map((c) => isSpace(c.charCodeAt(0)))).toEqual(
      [true, true, true, true, true, false, false],
    );
    expect(dominantEol(splitPhysicalLines('a\r\nb\n'))).toBe('\r\n');
    expect(dominantEol(splitPhysicalLines('a'))).toBe('\n');
  });
});
