import { describe, expect, it } from 'vitest';
import { ExtentScanner, type Extent } from '../../src/io/extentScanner.js';

function scanner() {
  return new ExtentScanner({
    open: 91,
    close: 93,
    quotes: [34, 39],
    separators: '{},',
    comments: true,
    what: 'ad',
  });
}

function scanAll(text: string, size: number): Extent[] {
  const s = scanner();
  const out: Extent[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  return [...out, ...s.finish()];
}

describe('ExtentScanner', () => {
  const text = '/* [ */ [a = "]\\"]"] // ]\n{ [b = \'x]\' /* ] */ ] , [c=[d=[]]] }';

  it('finds each ad, skipping brackets in strings, quoted names and comments', () => {
    for (const size of [1, 2, 3, 100]) {
      expect(scanAll(text, size).map((e) => [e.text, e.line, e.column, e.complete])).toEqual([
        ['[a = "]\\"]"]', 1, 9, true],
        ["[b = 'x]' /* ] */ ]", 2, 3, true],
        ['[c=[d=[]]]', 2, 25, true],
      ]);
    }
  });

  it('gives back an unterminated ad at the end, with an error', () => {
    const extents = scanAll('[a = 1] [b = "]', 1);
    expect(extents[1]).toEqual({
      text: '[b = "]',
      line: 1,
      column: 9,
      complete: false,
      errors: [
        {
          line: 1,
          column: 9,
          code: 3002,
          message: 'the input ended inside the ad that starts here',
        },
      ],
    });
  });

  it('reports one error per run of stray text, attached to the next ad', () => {
    for (const size of [1, 2, 100]) {
      const s = scanner();
      const text = '\n  / more [a=1]\n // c\n x';
      const extents: Extent[] = [];
      for (let i = 0; i < text.length; i += size) extents.push(...s.push(text.slice(i, i + size)));
      extents.push(...s.finish());
      expect(extents.map((e) => e.errors)).toEqual([
        [{ line: 2, column: 3, code: 3001, message: "unexpected '/' between ads" }],
      ]);
      expect(s.trailingErrors()).toEqual([
        { line: 4, column: 2, code: 3001, message: "unexpected 'x' between ads" },
      ]);
    }
  });
});
