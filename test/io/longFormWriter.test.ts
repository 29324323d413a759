import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/language/parser.js';
import { LongFormWriter, formatLongFormAd } from '../../src/io/longFormWriter.js';
import { writeAll } from '../../src/io/adWriter.js';
import { parseLongFormAds } from '../../src/io/longFormReader.js';

const entries = [
  { name: 'Name', value: parseExpression('"slot1@host"') },
  { name: 'LoadAvg', value: parseExpression('0.27') },
  { name: 'Start', value: parseExpression('a is b && x[0] > -1') },
  { name: 'Path', value: parseExpression('"C:\\\\dir\\\\"') },
];

describe('LongFormWriter', () => {
  it('writes Name = <old syntax> lines in the given order, a blank line after each ad', () => {
    const text = writeAll(new LongFormWriter(), [entries, entries.slice(0, 1)]);
    expect(text).toBe(
      [
        'Name = "slot1@host"',
        'LoadAvg = 0.27',
        'Start = a =?= b && x[0] > -1',
        'Path = "C:\\dir\\"',
        '',
        'Name = "slot1@host"',
        '',
        '',
      ].join('\n'),
    );
    expect(formatLongFormAd([])).toBe('\n');
  });

  it('reads back what it writes', () => {
    const ads = parseLongFormAds(writeAll(new LongFormWriter(), [entries, entries]));
    expect(ads).toHaveLength(2);
    expect(ads[1]!.names()).toEqual(['Name', 'LoadAvg', 'Start', 'Path']);
    expect(ads[1]!.get('Path')).toMatchObject({ kind: 'String', value: 'C:\\dir\\' });
  });
});
