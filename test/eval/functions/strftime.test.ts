// glibc strftime in the "C" locale, as formatTime uses it (spec §6.9). The expected strings
// were checked against glibc 2.36's strftime. Run with TZ=UTC (vitest.config.ts).
import { describe, expect, it } from 'vitest';
import {
  gmtime,
  localtime,
  strftime,
  type BrokenDownTime,
} from '../../../src/eval/functions/strftime.js';

/** 2023-11-14T22:13:20, a Tuesday, as formatTime builds it (no zone information). */
function tm(fields: Partial<BrokenDownTime> = {}): BrokenDownTime {
  return {
    sec: 20,
    min: 13,
    hour: 22,
    mday: 14,
    mon: 10,
    year: 123,
    wday: 2,
    yday: 317,
    isdst: 0,
    gmtoff: 0,
    zone: null,
    ...fields,
  };
}

function rows(list: [string, string][], t = tm()): void {
  for (const [format, want] of list)
    it(`${JSON.stringify(format)} → ${JSON.stringify(want)}`, () =>
      expect(strftime(format, t)).toBe(want));
}

describe('gmtime and localtime', () => {
  it('break an instant down as UTC', () => {
    expect(gmtime(1700000000)).toMatchObject({
      year: 123,
      mon: 10,
      mday: 14,
      hour: 22,
      min: 13,
      sec: 20,
      wday: 2,
      yday: 317,
    });
    expect(gmtime(-1)).toMatchObject({ year: 69, mon: 11, mday: 31, hour: 23, wday: 3, yday: 364 });
    expect(gmtime(951782400)).toMatchObject({ mon: 1, mday: 29, yday: 59 });
    // far from Date's range
    expect(gmtime(-62135596800)).toMatchObject({ year: -1899, mon: 0, mday: 1, wday: 1 });
  });
  it('localtime carries the host zone (UTC here)', () => {
    expect(localtime(1700000000)).toMatchObject({ hour: 22, gmtoff: 0, isdst: 0, zone: 'UTC' });
  });
});

describe('conversions', () => {
  rows([
    ['%a %A %b %B %h', 'Tue Tuesday Nov November Nov'],
    ['%c', 'Tue Nov 14 22:13:20 2023'],
    ['%C %y %Y %G %g %V', '20 23 2023 2023 23 46'],
    ['%d %e %j %m %U %W %w %u', '14 14 318 11 46 46 2 2'],
    ['%D %F %x', '11/14/23 2023-11-14 11/14/23'],
    ['%H %I %k %l %M %S %p %P', '22 10 22 10 13 20 PM pm'],
    ['%R %r %T %X', '22:13 10:13:20 PM 22:13:20 22:13:20'],
    ['%n%t%%', '\n\t%'],
    ['%s', '1700000000'],
    ['%Z %z', 'UTC +0000'],
    ['', ''],
    ['plain text', 'plain text'],
  ]);
  rows([['%e|%k|%l|%I', ' 5| 0|12|12']], tm({ mday: 5, hour: 0 }));
  rows([['%G-W%V-%u %g', '2020-W53-5 20']], tm({ year: 121, mon: 0, mday: 1, wday: 5, yday: 0 }));
  rows([['%C|%y|%Y', '0|05|5']], tm({ year: -1895 }));
  rows([['%a|%A|%b|%B', '?|?|?|?']], tm({ wday: 7, mon: 12 }));
});

describe('flags, widths and modifiers', () => {
  rows([
    ['%_5d|%-5d|%05d|%-d|%_d|%5d', '   14|   14|00014|14|14|00014'],
    ['%^a %^B %#a %#Z %#p %^P', 'TUE NOVEMBER TUE utc pm pm'],
    ['%10a|%010a|%^10c', '       Tue|0000000Tue|TUE NOV 14 22:13:20 2023'],
    ['%Ey %Oy %Od %EY %Ec', '23 23 14 2023 Tue Nov 14 22:13:20 2023'],
    ['%Ea %Ed %OY %Eb %Oc', '%Ea %Ed %OY %Eb %Oc'],
    ['%5n|%3t|%3%', '    \n|  \t|  %'],
  ]);
  rows(
    [['%s|%05s|%_5s|%-5d', '-123|0-123| -123|   31']],
    tm({ year: 69, mon: 11, mday: 31, hour: 23, min: 57, sec: 57, wday: 3, yday: 364 }),
  );
});

describe('unknown and cut-off conversions', () => {
  rows([
    ['%q %i %J %+', '%q %i %J %+'],
    ['%^5q', ' %^5Q'],
    ['%', '%'],
    ['abc%', 'abc%'],
    ['%5', '   %5'],
    ['%_^5', ' %_^5'],
    ['%E', '%E'],
    ['%Y\0%m', '2023'],
  ]);
});

describe('zones', () => {
  it('%z follows tm_gmtoff and is empty when isdst is negative', () => {
    expect(strftime('%z', tm({ gmtoff: 19800 }))).toBe('+0530');
    expect(strftime('%z', tm({ gmtoff: -18000 }))).toBe('-0500');
    expect(strftime('[%z]', tm({ isdst: -1 }))).toBe('[]');
  });
  it('%Z is tm_zone, else the local standard name', () => {
    expect(strftime('%Z', tm({ zone: 'EDT' }))).toBe('EDT');
    expect(strftime('%Z', tm())).toBe('UTC');
    expect(strftime('[%Z]', tm({ isdst: -1 }))).toBe('[]');
  });
});

describe('output limit', () => {
  it('stops before the conversion that would reach maxsize', () => {
    expect(strftime('abc', tm(), 4)).toBe('abc');
    expect(strftime('abcd', tm(), 4)).toBe('abc');
    expect(strftime('ab%Y', tm(), 6)).toBe('ab');
    expect(strftime('%2147483647d', tm(), 1023)).toBe('');
  });
});
