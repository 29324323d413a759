import { describe, expect, it } from 'vitest';
import { printExpr } from '../../src/language/printer.js';
import type { ParsedAd } from '../../src/io/parsedAd.js';
import { parseNewSyntaxAds, readNewSyntaxAds } from '../../src/io/newSyntaxReader.js';
import { chunks, collect } from './helpers.js';

const listForm = [
  '{',
  '[ Name = "slot1"; Cpus = 1; Note = "a ] tricky \\" string [\\\\"; \'odd]name\' = 2 /* ] */;',
  '  List = { 1, 2 }; Nested = [ x = 1 ]; Bytes = "\xe9\xff"; Sub = List[0] ]',
  ',',
  '[ Name = "slot2"; // a comment with a ] in it',
  '  Cpus = 2 ]',
  '}',
  '',
].join('\n');

function summary(ad: ParsedAd) {
  return {
    line: ad.line,
    column: ad.column,
    entries: ad.entries().map((e) => `${e.name} = ${printExpr(e.value)}`),
    errors: ad.errors,
  };
}

const expected = [
  {
    line: 2,
    column: 1,
    entries: [
      'Name = "slot1"',
      'Cpus = 1',
      'Note = "a ] tricky \\" string [\\\\"',
      'odd]name = 2',
      'List = { 1,2 }',
      'Nested = [ x = 1 ]',
      'Bytes = "\\351\\377"',
      'Sub = List[0]',
    ],
    errors: [],
  },
  { line: 5, column: 1, entries: ['Name = "slot2"', 'Cpus = 2'], errors: [] },
];

describe('readNewSyntaxAds', () => {
  it("reads HTCondor's -long:new list form", async () => {
    expect((await collect(readNewSyntaxAds([listForm]))).map(summary)).toEqual(expected);
  });

  it('finds ad boundaries across any chunking, honoring strings, names and comments', async () => {
    for (const size of [1, 2, 3, 5, 11]) {
      expect((await collect(readNewSyntaxAds(chunks(listForm, size)))).map(summary)).toEqual(
        expected,
      );
    }
  });

  it('reads concatenated and whitespace-separated ads, CRLF included', () => {
    const ads = parseNewSyntaxAds('[a=1][b=2]\r\n  [c=[d=3]]\r\n');
    expect(ads.map((ad) => [ad.line, ad.column, ad.text])).toEqual([
      [1, 1, '[a=1]'],
      [1, 6, '[b=2]'],
      [2, 3, '[c=[d=3]]'],
    ]);
    expect(ads[1]!.record).toMatchObject({ kind: 'Record', attrs: [{ name: 'b' }] });
  });

  it('reports syntax errors at their line and column in the input', async () => {
    const text = '[ a = 1 ]\n\n[ b = 2;\n  c = (3 + ;\n  d = 4 ]\n';
    const ads = await collect(readNewSyntaxAds(chunks(text, 1)));
    expect(ads[0]!.errors).toEqual([]);
    expect(ads[1]!.errors).toEqual([
      { line: 4, column: 12, code: 2001, message: expect.stringContaining("';'") },
    ]);
    expect(ads[1]!.line).toBe(3);
  });

  it('reports stray text between ads, and an ad cut off by the end of input', () => {
    const ads = parseNewSyntaxAds('[a=1] junk [b=2]\n[c = "x');
    expect(ads.map((ad) => ad.errors.map((e) => [e.line, e.column, e.code]))).toEqual([
      [],
      [[1, 7, 3001]],
      // The open string swallows the rest of the input: the missing `]` after it
      // is not reported again.
      [
        [2, 1, 3002],
        [2, 6, 1002],
      ],
    ]);
  });

  it('returns an error-only item for junk after the last ad', () => {
    const ads = parseNewSyntaxAds('[a=1]\nxyz\n');
    expect(ads).toHaveLength(2);
    expect(ads[1]!.record.kind).toBe('Invalid');
    expect(ads[1]!.entries()).toEqual([]);
    expect(ads[1]!.errors).toEqual([
      { line: 2, column: 1, code: 3001, message: "unexpected 'x' between ads" },
    ]);
  });

  it('merges duplicate names: last value, first spelling', () => {
    const [ad] = parseNewSyntaxAds('[ A = 1; b = 2; a = 3 ]');
    expect(ad!.entries().map((e) => `${e.name} = ${printExpr(e.value)}`)).toEqual([
      'A = 3',
      'b = 2',
    ]);
  });
});
