import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/language/parser.js';
import { NewSyntaxWriter, formatNewSyntaxAd } from '../../src/io/newSyntaxWriter.js';
import { writeAll } from '../../src/io/adWriter.js';
import { parseNewSyntaxAds } from '../../src/io/newSyntaxReader.js';

const entries = [
  { name: 'Name', value: parseExpression('"slot1"') },
  { name: 'is', value: parseExpression('1') },
  { name: 'Start', value: parseExpression('a =?= "x\\\\y"') },
];

describe('NewSyntaxWriter', () => {
  it('writes one [ ... ] per line in the given order, quoting names that need it', () => {
    expect(formatNewSyntaxAd(entries)).toBe(
      '[ Name = "slot1"; \'is\' = 1; Start = a is "x\\\\y" ]',
    );
    expect(formatNewSyntaxAd([])).toBe('[  ]');
    expect(writeAll(new NewSyntaxWriter(), [entries.slice(0, 1), entries.slice(1, 2)])).toBe(
      '[ Name = "slot1" ]\n[ \'is\' = 1 ]\n',
    );
  });

  it("writes HTCondor's -long:new list layout", () => {
    expect(
      writeAll(new NewSyntaxWriter({ list: true }), [entries.slice(0, 1), entries.slice(1, 2)]),
    ).toBe('{\n[ Name = "slot1" ]\n,\n[ \'is\' = 1 ]\n}\n');
    expect(new NewSyntaxWriter({ list: true }).end()).toBe('{\n}\n');
  });

  it('reads back what it writes', () => {
    const text = writeAll(new NewSyntaxWriter({ list: true }), [entries, entries]);
    const ads = parseNewSyntaxAds(text);
    expect(ads.map((ad) => ad.errors)).toEqual([[], []]);
    expect(ads.map((ad) => formatNewSyntaxAd(ad.entries()))).toEqual([
      formatNewSyntaxAd(entries),
      formatNewSyntaxAd(entries),
    ]);
  });
});
