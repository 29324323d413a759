import { describe, expect, it } from 'vitest';
import { printExpr } from '../../src/language/printer.js';
import type { LongFormAd } from '../../src/io/longFormAd.js';
import {
  parseLongFormAds,
  readLongFormAdBatches,
  readLongFormAds,
} from '../../src/io/longFormReader.js';
import { chunks, collect, stringChunks } from './helpers.js';

const input = [
  '# condor_status -long',
  'Activity = "Idle"',
  'Arch = "X86_64"',
  'Cpus = 1',
  '# a comment inside an ad',
  'LoadAvg = 0.27',
  'Requirements = START && (WithinResourceLimits)',
  'Spool = "C:\\condor\\spool"',
  'Env = "A=1;B=C:\\dir\\"',
  'Motd = "caf\xe9 \xff\x80"',
  'activity = "Busy"',
  '',
  '   ',
  '',
  'Name = "slot2@host"',
  'this line has no equals sign',
  '  = 5',
  'Broken = (1 +',
  'Rank = 0',
].join('\n');

/** What an ad looks like, every value printed in old syntax. */
function summary(ad: LongFormAd) {
  return {
    line: ad.line,
    names: ad.names(),
    lines: ad.names().map((_, i) => ad.lineOf(i)),
    texts: ad.names().map((_, i) => ad.valueText(i)),
    badLines: ad.badLines,
  };
}

const expected = [
  {
    line: 2,
    names: [
      'Activity',
      'Arch',
      'Cpus',
      'LoadAvg',
      'Requirements',
      'Spool',
      'Env',
      'Motd',
      'activity',
    ],
    lines: [2, 3, 4, 6, 7, 8, 9, 10, 11],
    texts: [
      '"Idle"',
      '"X86_64"',
      '1',
      '0.27',
      'START && (WithinResourceLimits)',
      '"C:\\condor\\spool"',
      '"A=1;B=C:\\dir\\"',
      '"caf\xe9 \xff\x80"',
      '"Busy"',
    ],
    badLines: [],
  },
  {
    line: 15,
    names: ['Name', 'Broken', 'Rank'],
    lines: [15, 18, 19],
    texts: ['"slot2@host"', '(1 +', '0'],
    badLines: [
      {
        line: 16,
        column: 1,
        code: 2008,
        message: "expected 'Name = value': this line has no '='",
      },
      { line: 17, column: 3, code: 2008, message: "expected 'Name = value': the name is empty" },
    ],
  },
];

describe('readLongFormAds', () => {
  it('splits ads at blank lines, skips comments, keeps file order and line numbers', async () => {
    const ads = await collect(readLongFormAds([input]));
    expect(ads.map(summary)).toEqual(expected);
  });

  it('reads the same ads from 1-byte and other awkward chunks', async () => {
    for (const size of [1, 2, 3, 7, 13, 100]) {
      expect((await collect(readLongFormAds(chunks(input, size)))).map(summary)).toEqual(expected);
      expect((await collect(readLongFormAds(stringChunks(input, size)))).map(summary)).toEqual(
        expected,
      );
    }
  });

  it('reads CRLF input the same way', async () => {
    const crlf = input.replace(/\n/g, '\r\n');
    for (const size of [1, 5, 4096]) {
      const ads = await collect(readLongFormAds(chunks(crlf, size)));
      expect(ads.map(summary)).toEqual(expected);
      expect(printExpr(ads[0]!.get('Env')!, { oldSyntax: true })).toBe('"A=1;B=C:\\dir\\"');
    }
  });

  it('looks names up case-insensitively, the last line winning', () => {
    const [ad] = parseLongFormAds(input);
    expect(ad!.has('ACTIVITY')).toBe(true);
    expect(ad!.indexOf('activity')).toBe(8);
    expect(ad!.getText('Activity')).toBe('"Busy"');
    expect(ad!.get('NoSuchThing')).toBeUndefined();
    expect(
      ad!.entries().map((e) => `${e.name} = ${printExpr(e.value, { oldSyntax: true })}`),
    ).toEqual([
      'Activity = "Busy"',
      'Arch = "X86_64"',
      'Cpus = 1',
      'LoadAvg = 0.27',
      'Requirements = START && (WithinResourceLimits)',
      'Spool = "C:\\condor\\spool"',
      'Env = "A=1;B=C:\\dir\\"',
      'Motd = "caf\xe9 \xff\x80"',
    ]);
  });

  it('keeps backslashes in old-syntax strings and non-UTF-8 bytes as they are', () => {
    const [ad] = parseLongFormAds(input);
    expect(ad!.get('Spool')).toMatchObject({ kind: 'String', value: 'C:\\condor\\spool' });
    expect(ad!.get('Env')).toMatchObject({ kind: 'String', value: 'A=1;B=C:\\dir\\' });
    expect(ad!.get('Motd')).toMatchObject({ kind: 'String', value: 'caf\xe9 \xff\x80' });
  });

  it('parses nothing until a value is asked for, and each value once', async () => {
    const ads = await collect(readLongFormAds(chunks(input, 3)));
    const ad = ads[0]!;
    expect(ad.parsedCount).toBe(0);
    expect(ad.has('Requirements')).toBe(true);
    expect(ad.getText('Requirements')).toBe('START && (WithinResourceLimits)');
    expect(ad.parsedCount).toBe(0);
    const req = ad.get('requirements')!;
    expect(printExpr(req, { oldSyntax: true })).toBe('START && (WithinResourceLimits)');
    expect(ad.parsedCount).toBe(1);
    expect(ad.isParsed(4)).toBe(true);
    expect(ad.isParsed(0)).toBe(false);
    expect(ad.get('Requirements')).toBe(req);
    expect(ad.parsedCount).toBe(1);
    ad.entries();
    expect(ad.parsedCount).toBe(8); // not the first 'Activity' line: a later one overrides it
    expect(ad.isParsed(0)).toBe(false);
  });

  it('reports bad lines and bad values with line and column', () => {
    const ads = parseLongFormAds(input);
    expect(ads[0]!.errors()).toEqual([]);
    expect(ads[1]!.get('Broken')).toMatchObject({ kind: 'Invalid' });
    expect(ads[1]!.errors()).toEqual([
      { line: 16, column: 1, code: 2008, message: "expected 'Name = value': this line has no '='" },
      { line: 17, column: 3, code: 2008, message: "expected 'Name = value': the name is empty" },
      {
        line: 18,
        column: 14,
        code: 2002,
        message: expect.stringContaining('the end of the input'),
      },
    ]);
  });

  it('also ends ads at delimiter lines when given a prefix', () => {
    const text = 'A = 1\n*** Cluster 1\nB = 2\nC = 3\n*** Cluster 2\n\n*** x\nD = 4\n';
    const ads = parseLongFormAds(text, { delimiter: '***' });
    expect(ads.map((ad) => [ad.line, ad.names()])).toEqual([
      [1, ['A']],
      [3, ['B', 'C']],
      [8, ['D']],
    ]);
    // Without the prefix, blank lines still separate ads and '***' lines are bad lines.
    expect(
      parseLongFormAds(text).map((ad) => [ad.names(), ad.badLines.map((b) => b.line)]),
    ).toEqual([
      [
        ['A', 'B', 'C'],
        [2, 5],
      ],
      [['D'], [7]],
    ]);
  });

  it('takes a name up to the first = and the value after the spaces that follow', () => {
    const [ad] = parseLongFormAds('  My Attr  =   a == b\nX=1\n');
    expect(ad!.names()).toEqual(['My Attr', 'X']);
    expect(ad!.valueText(0)).toBe('a == b');
    expect(printExpr(ad!.value(0), { oldSyntax: true })).toBe('a == b');
  });

  it('ignores trailing tokens after a value, as HTCondor does', () => {
    const [ad] = parseLongFormAds('A = 1 2\n');
    expect(ad!.get('A')).toMatchObject({ kind: 'Integer', value: 1n });
  });

  it('yields the ads a chunk completes as one batch', async () => {
    const batches = await collect(readLongFormAdBatches(['A = 1\n\nB = 2\n\nC', ' = 3\n']));
    expect(batches.map((b) => b.map((ad) => ad.names()))).toEqual([[['A'], ['B']], [['C']]]);
  });

  it('reads nothing from empty or comment-only input', () => {
    expect(parseLongFormAds('')).toEqual([]);
    expect(parseLongFormAds('\n\n# only\n  \n')).toEqual([]);
  });

  it("passes the strict option to the value parser (HTCondor's default rejects 010)", () => {
    const [loose] = parseLongFormAds('A = 010\n');
    expect(loose!.get('A')!.kind).toBe('Invalid');
    expect(loose!.errors()).toEqual([
      { line: 1, column: 5, code: 1004, message: expect.stringContaining('leading 0') },
    ]);
    const [strict] = parseLongFormAds('A = 010\n', { strict: true });
    expect(strict!.get('A')).toMatchObject({ kind: 'Integer', value: 10n });
    expect(strict!.valueRange(0)).toEqual({ start: 4, end: 7 });
  });

  it('reads an ad that spans many chunks, and many bad lines, exactly', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => `A${i} = ${i}`).join('\n');
    const junk = Array.from({ length: 3000 }, () => 'junk').join('\n');
    const ads = await collect(readLongFormAds(chunks(`${big}\n\n${junk}\nZ = "z"\n`, 97)));
    expect(ads.map((ad) => [ad.line, ad.size, ad.badLines.length])).toEqual([
      [1, 3000, 0],
      [3002, 1, 3000],
    ]);
    expect(ads[0]!.lineOf(2999)).toBe(3000);
    expect(ads[0]!.get('a2999')).toMatchObject({ kind: 'Integer', value: 2999n });
    expect(ads[0]!.text.length).toBe(big.length);
    expect(ads[1]!.badLines[2999]!.line).toBe(6001);
    expect(ads[1]!.lineOf(0)).toBe(6002);
  });
});
