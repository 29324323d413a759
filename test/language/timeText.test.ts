import { withTZ } from '../withTimeZone.js';
import { describe, it, expect } from 'vitest';
import { formatRealNew } from '../../src/language/numberFormat.js';
import {
  formatAbsTimeText,
  formatRelTimeText,
  localOffsetAt,
  parseAbsTimeText,
  parseRelTimeText,
} from '../../src/language/timeText.js';

/** UTC seconds of a calendar time, for readable expectations. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
}

/** Parse then print, as the unparser shows an absTime literal. */
function canonical(text: string): string | undefined {
  const t = parseAbsTimeText(text);
  return t === undefined ? undefined : formatAbsTimeText(t.secs, t.offset);
}

describe('host time zone', () => {
  it('runs under TZ=UTC', () => {
    expect(localOffsetAt(0)).toBe(0);
    expect(localOffsetAt(1700000000)).toBe(0);
    expect(localOffsetAt(utc(2024, 7, 1))).toBe(0);
  });
});

describe('another host time zone', () => {
  it('follows DST and keeps second-level historical offsets', () => {
    const ran = withTZ('America/New_York', () => {
      expect(localOffsetAt(utc(2023, 7, 1, 12))).toBe(-14400);
      expect(localOffsetAt(utc(2023, 1, 1, 12))).toBe(-18000);
      expect(parseAbsTimeText('2023-07-01T12:00:00')).toEqual({
        secs: utc(2023, 7, 1, 16),
        offset: -14400,
      });
      expect(canonical('2023-01-01T12:00:00')).toBe('2023-01-01T12:00:00-05:00');
      // an explicit zone ignores the host
      expect(canonical('2023-07-01T12:00:00Z')).toBe('2023-07-01T12:00:00-00:00');
    });
    if (!ran) console.warn('TZ cannot be switched at run time here; skipped');
    expect(localOffsetAt(0)).toBe(0);
  });
});

describe('parseAbsTimeText', () => {
  it('reads zone suffixes', () => {
    expect(parseAbsTimeText('2023-11-14T22:13:20Z')).toEqual({ secs: 1700000000, offset: 0 });
    expect(parseAbsTimeText('2023-11-14T22:13:20z')).toEqual({ secs: 1700000000, offset: 0 });
    expect(parseAbsTimeText('2023-11-14T22:13:20+05:30')).toEqual({
      secs: 1700000000 - 19800,
      offset: 19800,
    });
    expect(parseAbsTimeText('2023-11-14T22:13:20-08:00')).toEqual({
      secs: 1700000000 + 28800,
      offset: -28800,
    });
    expect(parseAbsTimeText('2023-11-14T22:13:20+0530')).toEqual({
      secs: 1700000000 - 19800,
      offset: 19800,
    });
    expect(parseAbsTimeText('1997-08-30T16:04:05-0500')).toEqual({
      secs: utc(1997, 8, 30, 21, 4, 5),
      offset: -18000,
    });
    expect(parseAbsTimeText('2004-01-01 12:00:00 +0100')).toEqual({
      secs: utc(2004, 1, 1, 11),
      offset: 3600,
    });
    expect(parseAbsTimeText('2004-01-01T00:00:00-00:00')).toEqual({
      secs: utc(2004, 1, 1),
      offset: 0,
    });
  });

  it('uses the local offset without a zone (UTC here)', () => {
    expect(parseAbsTimeText('2023-11-14T22:13:20')).toEqual({ secs: 1700000000, offset: 0 });
    expect(parseAbsTimeText('2023-11-14')).toEqual({ secs: utc(2023, 11, 14), offset: 0 });
  });

  it('accepts free-form separators and missing fields', () => {
    expect(parseAbsTimeText('20231114T221320Z')?.secs).toBe(1700000000);
    expect(parseAbsTimeText('2023-11-14 22:13:20')?.secs).toBe(1700000000);
    expect(parseAbsTimeText('2023-11-14T22:13')?.secs).toBe(1700000000 - 20);
    expect(parseAbsTimeText('1970-01-01T:00:00:01Z')?.secs).toBe(1);
    expect(parseAbsTimeText('2003-09-03T')?.secs).toBe(utc(2003, 9, 3));
    expect(parseAbsTimeText('20040101T000000Z')?.secs).toBe(utc(2004, 1, 1));
    expect(parseAbsTimeText('2004-01-01Z  \t')?.secs).toBe(utc(2004, 1, 1));
  });

  it('normalizes out-of-range and missing fields like mktime', () => {
    expect(canonical('2004')).toBe('2003-12-31T00:00:00-00:00');
    expect(canonical('2023')).toBe('2022-12-31T00:00:00-00:00');
    expect(canonical('2004-03')).toBe('2004-02-29T00:00:00-00:00');
    expect(canonical('2004-13-45')).toBe('2005-02-14T00:00:00-00:00');
    expect(canonical('2023-02-30')).toBe('2023-03-02T00:00:00-00:00');
    expect(canonical('2023-13-01')).toBe('2024-01-01T00:00:00-00:00');
    expect(canonical('2023-01-01T25:61:61Z')).toBe('2023-01-02T02:02:01-00:00');
  });

  it('reads the year as the next 4 characters, like atoi', () => {
    expect(canonical('04-01-01')).toBe('4-01-01T00:00:00-00:00');
  });

  it('fails on malformed text', () => {
    expect(parseAbsTimeText('garbage')).toBeUndefined();
    expect(parseAbsTimeText('')).toBeUndefined();
    expect(parseAbsTimeText('Z')).toBeUndefined();
    expect(parseAbsTimeText('200')).toBeUndefined();
    expect(parseAbsTimeText('2004-01-01T00:00:001')).toBeUndefined();
    expect(parseAbsTimeText('2004-01-01T00:00:00 5')).toBeUndefined();
    expect(parseAbsTimeText('2023-1')).toBeUndefined();
  });

  it('rejects a wall clock one second before the epoch (the C -1 failure value)', () => {
    expect(parseAbsTimeText('1969-12-31T23:59:59Z')).toBeUndefined();
    expect(parseAbsTimeText('1969-12-31T23:59:59-05:00')).toBeUndefined();
    expect(parseAbsTimeText('1969-12-31T23:59:58Z')).toEqual({ secs: -2, offset: 0 });
    expect(parseAbsTimeText('1970-01-01T00:59:59+01:00')).toEqual({ secs: -1, offset: 3600 });
  });
});

describe('formatAbsTimeText', () => {
  it('prints the spec and corpus examples', () => {
    expect(formatAbsTimeText(0, 0)).toBe('1970-01-01T00:00:00-00:00');
    expect(formatAbsTimeText(1700000000, 0)).toBe('2023-11-14T22:13:20-00:00');
    expect(formatAbsTimeText(1700000000, 3600)).toBe('2023-11-14T23:13:20+01:00');
    expect(formatAbsTimeText(1700000000, -18000)).toBe('2023-11-14T17:13:20-05:00');
    expect(formatAbsTimeText(1700000000, 19800)).toBe('2023-11-15T03:43:20+05:30');
    expect(formatAbsTimeText(1700000000, -21600)).toBe('2023-11-14T16:13:20-06:00');
    expect(formatAbsTimeText(2, 1)).toBe('1970-01-01T00:00:03+00:00');
    expect(formatAbsTimeText(-1, 0)).toBe('1969-12-31T23:59:59-00:00');
    expect(formatAbsTimeText(-86400, 0)).toBe('1969-12-31T00:00:00-00:00');
    expect(formatAbsTimeText(utc(2019, 12, 31, 23, 58, 30), 0)).toBe('2019-12-31T23:58:30-00:00');
  });

  it('round-trips literal text', () => {
    expect(canonical('2020-01-02T03:04:05+01:00')).toBe('2020-01-02T03:04:05+01:00');
    expect(canonical('2020-01-02T03:04:05Z')).toBe('2020-01-02T03:04:05-00:00');
    expect(canonical('2020-01-02')).toBe('2020-01-02T00:00:00-00:00');
    expect(canonical('2023-11-14T22:13:20-08:00')).toBe('2023-11-14T22:13:20-08:00');
    expect(canonical('2004-01-01T00:00:00Z')).toBe('2004-01-01T00:00:00-00:00');
  });

  it('leaves years below 1000 unpadded', () => {
    expect(formatAbsTimeText(utc(1970, 1, 1) - 719162 * 86400, 0)).toBe('1-01-01T00:00:00-00:00');
    expect(formatAbsTimeText(-62135596800 + 1461 * 86400, 0)).toBe('5-01-01T00:00:00-00:00');
    expect(canonical('0999-12-31T23:59:59Z')).toBe('999-12-31T23:59:59-00:00');
    expect(canonical('0000-03-01Z')).toBe('0-03-01T00:00:00-00:00');
  });
});

describe('parseRelTimeText', () => {
  it('reads the spec examples', () => {
    expect(parseRelTimeText('2+25:14:16.123')).toBe(2 * 86400 + 25 * 3600 + 14 * 60 + 16.123);
    expect(parseRelTimeText('1d2h3m4.5s')).toBe(93784.5);
    expect(parseRelTimeText('01:00:01')).toBe(3601);
    expect(parseRelTimeText('1:30')).toBe(90);
    expect(parseRelTimeText('5')).toBe(5);
    expect(parseRelTimeText('-5')).toBe(-5);
    expect(parseRelTimeText('1h')).toBe(3600);
    expect(parseRelTimeText('')).toBe(0);
  });

  it('matches the corpus values (printed as reals)', () => {
    const cases: [string, string][] = [
      ['1d', '8.640000000000000E+04'],
      ['1d2h3m4s', '9.378400000000000E+04'],
      ['1d2h3m4.5s', '9.378450000000000E+04'],
      ['2+25:14:16.123', '2.636561230000000E+05'],
      ['1:30', '9.000000000000000E+01'],
      ['1:00:00', '3.600000000000000E+03'],
      ['45', '4.500000000000000E+01'],
      ['-1:00', '-6.000000000000000E+01'],
      ['', '0.0'],
      ['1:60', '1.200000000000000E+02'],
      ['25:00:00', '9.000000000000000E+04'],
      ['0', '0.0'],
      ['1:30.5', '9.050000000000000E+01'],
    ];
    for (const [text, printed] of cases) {
      const secs = parseRelTimeText(text);
      expect(secs, text).toBeDefined();
      expect(formatRealNew(secs!), text).toBe(printed);
    }
  });

  it('accepts letters in either case and whitespace between parts', () => {
    expect(parseRelTimeText('1D 2H 3M 4S')).toBe(93784);
    expect(parseRelTimeText('  1d 2h 3m 4.5s  ')).toBe(93784.5);
    expect(parseRelTimeText('- 1:00')).toBe(-60);
    expect(parseRelTimeText('2m')).toBe(120);
    expect(parseRelTimeText('3+')).toBe(3 * 86400);
    expect(parseRelTimeText('.5')).toBe(0.5);
  });

  it('fails on leftover characters', () => {
    expect(parseRelTimeText('garbage')).toBeUndefined();
    expect(parseRelTimeText('xyz')).toBeUndefined();
    expect(parseRelTimeText('5x')).toBeUndefined();
    expect(parseRelTimeText('1:-30')).toBeUndefined();
    expect(parseRelTimeText('1.2.3')).toBeUndefined();
    expect(parseRelTimeText('1s2')).toBeUndefined();
    expect(parseRelTimeText('1m2h')).toBeUndefined();
    expect(parseRelTimeText('--5')).toBeUndefined();
  });
});

describe('formatRelTimeText', () => {
  it('prints the spec and corpus examples', () => {
    const cases: [number, string][] = [
      [0, '00'],
      [1, '01'],
      [5, '05'],
      [59, '59'],
      [60, '01:00'],
      [61, '01:01'],
      [90, '01:30'],
      [3599, '59:59'],
      [3600, '01:00:00'],
      [3601, '01:00:01'],
      [86399, '23:59:59'],
      [86400, '1+00:00:00'],
      [90061, '1+01:01:01'],
      [-90061, '-1+01:01:01'],
      [90061.5, '1+01:01:1.5'],
      [-90061.5, '-1+01:01:1.5'],
      [0.25, '0.25'],
      [0.001, '0.001'],
      [0.0005, '0.0005'],
      [1 / 3, '0.333333'],
      [1.5, '1.5'],
      [-1, '-01'],
      [-60, '-01:00'],
      [-630, '-10:30'],
      [225, '03:45'],
      [1000, '16:40'],
      [-1000, '-16:40'],
    ];
    for (const [secs, text] of cases) expect(formatRelTimeText(secs), String(secs)).toBe(text);
  });

  it('normalizes parsed literals', () => {
    expect(formatRelTimeText(parseRelTimeText('2+25:14:16.123')!)).toBe('3+01:14:16.123');
    expect(formatRelTimeText(parseRelTimeText('1d2h3m4.5s')!)).toBe('1+02:03:4.5');
    expect(formatRelTimeText(parseRelTimeText('1:00')!)).toBe('01:00');
    expect(formatRelTimeText(parseRelTimeText('0')!)).toBe('00');
    expect(formatRelTimeText(parseRelTimeText('-1:00')!)).toBe('-01:00');
    expect(formatRelTimeText(parseRelTimeText('0.001')!)).toBe('0.001');
    expect(formatRelTimeText(parseRelTimeText('59')!)).toBe('59');
    expect(formatRelTimeText(parseRelTimeText('1d')!)).toBe('1+00:00:00');
  });

  it('overflows a 32-bit whole-second count like HTCondor', () => {
    expect(formatRelTimeText(1e10)).toBe('-24855+-3:-14:-8');
    expect(formatRelTimeText(-1e10)).toBe('--24855+-3:-14:-8');
  });
});
