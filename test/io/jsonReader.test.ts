import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/ast.js';
import { printExpr } from '../../src/language/printer.js';
import { JsonWriter } from '../../src/io/jsonWriter.js';
import { parseJsonAds, readJsonAds } from '../../src/io/jsonReader.js';
import { parseLongFormAds } from '../../src/io/longFormReader.js';
import type { ParsedAd } from '../../src/io/parsedAd.js';
import { chunks, collect } from './helpers.js';

const condorJson = [
  '[',
  '{',
  '  "Activity": "Idle",',
  '  "Name": "slot1@host {x}",',
  '  "Requirements": "\\/Expr(START && (WithinResourceLimits))\\/"',
  '}',
  ',',
  '{',
  '  "Activity": "Busy",',
  '  "Note": "a \\"}\\" here"',
  '}',
  ']',
  '',
].join('\n');

function summary(ad: ParsedAd) {
  return {
    line: ad.line,
    entries: ad.entries().map((e) => `${e.name} = ${printExpr(e.value)}`),
    errors: ad.errors,
  };
}

const expected = [
  {
    line: 2,
    entries: [
      'Activity = "Idle"',
      'Name = "slot1@host {x}"',
      'Requirements = START && (WithinResourceLimits)',
    ],
    errors: [],
  },
  { line: 8, entries: ['Activity = "Busy"', 'Note = "a \\"}\\" here"'], errors: [] },
];

describe('readJsonAds', () => {
  it('reads condor_status -json output across any chunking', async () => {
    for (const size of [1, 2, 3, 7, 1000]) {
      expect((await collect(readJsonAds(chunks(condorJson, size)))).map(summary)).toEqual(expected);
    }
  });

  it('reads JSON lines and CRLF', () => {
    const ads = parseJsonAds('{"A": 1}\r\n{"B": 2}{"C": 3}\r\n');
    expect(ads.map((ad) => [ad.line, ad.column, ad.entries().map((e) => e.name)])).toEqual([
      [1, 1, ['A']],
      [2, 1, ['B']],
      [2, 9, ['C']],
    ]);
  });

  it('reports errors with input line and column', () => {
    const ads = parseJsonAds('[\n{"A": 1},\n{"B":\n   oops}\n] x');
    expect(ads.map((ad) => ad.errors)).toEqual([
      [],
      [{ line: 4, column: 4, code: 3003, message: "expected a JSON value but found 'o'" }],
      [{ line: 5, column: 3, code: 3001, message: "unexpected 'x' between JSON ads" }],
    ]);
  });

  it('round-trips: written JSON reads back to the same printed expressions', async () => {
    const longForm = [
      'Activity = "Idle"',
      'Cpus = 8',
      'LoadAvg = 0.27',
      'Zero = 0.0',
      'Huge = 1.5E+300',
      'IsOwner = false',
      'Missing = undefined',
      'Err = error',
      'Spool = "C:\\condor\\spool\\"',
      'Quote = "say \\"hi\\" now"',
      'Bytes = "caf\xe9 \xff\x80"',
      'Requirements = START && (WithinResourceLimits) && (TARGET.Arch =?= "X86_64")',
      'Rank = -(Memory * 2) + Cpus',
      'Ternary = a ? "yes" : undefined',
      'Elvis = Missing ?: 3',
      'List = { "a","b",1,2.5,x + 1 }',
      'Nested = [ b = 2; A = { 1 }; c = [ d = "e" ] ]',
      'When = absTime("2024-01-31T12:00:00+01:00")',
      'Dur = relTime("1+02:03:04")',
      'Call = strcat("a",Name,"/x")',
      'Slash = "a/b\\\\c"',
    ].join('\n');
    const [ad] = parseLongFormAds(longForm);
    const entries = ad!.entries();
    expect(ad!.errors()).toEqual([]);
    const writer = new JsonWriter();
    const json = writer.write(entries) + writer.write(entries.slice(0, 2)) + writer.end();
    const back = await collect(readJsonAds(chunks(json, 3)));
    expect(back).toHaveLength(2);
    expect(back[0]!.errors).toEqual([]);
    const print = (e: { name: string; value: Expr }) => `${e.name} = ${printExpr(e.value)}`;
    expect(back[0]!.entries().map(print)).toEqual(entries.map(print));
    expect(back[1]!.entries().map(print)).toEqual(entries.slice(0, 2).map(print));
    // And in old syntax, as long form would print them.
    const printOld = (e: { name: string; value: Expr }) =>
      `${e.name} = ${printExpr(e.value, { oldSyntax: true })}`;
    expect(back[0]!.entries().map(printOld)).toEqual(entries.map(printOld));
    expect(back[0]!.entries().map(printOld)[8]).toBe('Spool = "C:\\condor\\spool\\"');
  });

  it('keeps a 64-bit integer exact', () => {
    const [ad] = parseJsonAds('{"A": -9223372036854775808, "B": 9223372036854775808}');
    expect(ad!.entries().map((e) => e.value)).toEqual([
      { kind: 'Integer', value: -9223372036854775808n, start: -1, end: -1 },
      { kind: 'Real', value: 9223372036854775808, start: -1, end: -1 },
    ]);
  });
});
