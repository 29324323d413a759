/**
 * The C time library as `formatTime` sees it (spec §6.9): a broken-down
 * `struct tm`, `gmtime`/`localtime`, and glibc's `strftime` in the "C" locale,
 * including its GNU flags (`_ - 0 ^ #`), field widths, `E`/`O` modifiers and
 * the way it copies an unknown conversion through unchanged.
 *
 * Calendar arithmetic is proleptic Gregorian and done here, so it is not
 * limited by `Date`'s range. The host's zone (offsets, DST, abbreviations)
 * comes from `Date` and `Intl`, which in Node follow `TZ`.
 */
import {
  civilFromDays,
  daysFromCivil as civilDays,
  localOffsetAt,
} from '../../language/timeText.js';
import { utf8Encode } from '../../language/bytes.js';

/** A broken-down time, as C's `struct tm` (fields may be out of range). */
export interface BrokenDownTime {
  /** Seconds, normally 0–60. */
  sec: number;
  /** Minutes, normally 0–59. */
  min: number;
  /** Hours, normally 0–23. */
  hour: number;
  /** Day of the month, normally 1–31. */
  mday: number;
  /** Month, 0-based. */
  mon: number;
  /** Years since 1900. */
  year: number;
  /** Day of the week, 0 = Sunday. */
  wday: number;
  /** Day of the year, 0-based. */
  yday: number;
  /** Daylight saving time: positive in effect, 0 not, negative unknown. */
  isdst: number;
  /** Offset east of UTC in seconds (`tm_gmtoff`). */
  gmtoff: number;
  /** The zone abbreviation (`tm_zone`), or null when unset. */
  zone: string | null;
}

const SECS_PER_DAY = 86400;
/** `Date` accepts at most ±8.64e15 ms. */
const MAX_DATE_SECS = 8.64e12;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days since 1970-01-01 of the first of a month (proleptic Gregorian; `mon0` may be out of range). */
/** Days since the epoch of the first of month `mon0` (0-based, may overflow into other years). */
function daysFromCivil(year: number, mon0: number): number {
  const carry = Math.floor(mon0 / 12);
  return civilDays(year + carry, mon0 - carry * 12 + 1, 1);
}

/** C `gmtime`: the fields of `t` seconds since the epoch read as UTC. */
export function gmtime(t: number): BrokenDownTime {
  const secs = Math.floor(t);
  const days = Math.floor(secs / SECS_PER_DAY);
  const rem = secs - days * SECS_PER_DAY;
  const civil = civilFromDays(days);
  const mday = civil.day;
  const mon = civil.month - 1;
  const year = civil.year;
  return {
    sec: rem % 60,
    min: Math.floor(rem / 60) % 60,
    hour: Math.floor(rem / 3600),
    mday,
    mon,
    year: year - 1900,
    wday: (((days + 4) % 7) + 7) % 7,
    yday: days - daysFromCivil(year, 0),
    isdst: 0,
    gmtoff: 0,
    zone: 'GMT',
  };
}

function clampToDate(t: number): number {
  return Number.isFinite(t) ? Math.max(-MAX_DATE_SECS, Math.min(MAX_DATE_SECS, Math.floor(t))) : 0;
}

/** The host's standard-time offset in the year of `t`: the smaller of its January and July offsets. */
function standardOffsetAt(t: number): number {
  const [jan, jul] = janJulOffsets(t);
  return Math.min(jan, jul);
}

/** The host's offsets on January 1 and July 1 of the year of `t`. */
function janJulOffsets(t: number): [number, number] {
  const year = gmtime(clampToDate(t)).year + 1900;
  const jan = daysFromCivil(year, 0) * SECS_PER_DAY;
  const jul = daysFromCivil(year, 6) * SECS_PER_DAY;
  return [localOffsetAt(jan), localOffsetAt(jul)];
}

/** The host zone's abbreviation at `t` (`Intl` names some zones `GMT+5:30` where C says `IST`). */
function zoneAbbreviationAt(t: number): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(
      new Date(clampToDate(t) * 1000),
    );
    return utf8Encode(parts.find((p) => p.type === 'timeZoneName')?.value ?? '');
  } catch {
    return '';
  }
}

/** C `tzname[isdst]`: the host zone's standard (0) or daylight (1) abbreviation, this year. */
function tzname(isdst: number): string {
  const year = new Date().getUTCFullYear();
  const jan = daysFromCivil(year, 0) * SECS_PER_DAY;
  const jul = daysFromCivil(year, 6) * SECS_PER_DAY;
  const [std, dst] = localOffsetAt(jan) <= localOffsetAt(jul) ? [jan, jul] : [jul, jan];
  return zoneAbbreviationAt(isdst > 0 ? dst : std);
}

/** C `localtime`: the fields of `t` in the host's zone, with its offset, DST flag and abbreviation. */
export function localtime(t: number): BrokenDownTime {
  const offset = localOffsetAt(t);
  const tm = gmtime(Math.floor(t) + offset);
  tm.gmtoff = offset;
  tm.isdst = offset > standardOffsetAt(t) ? 1 : 0;
  tm.zone = zoneAbbreviationAt(t);
  return tm;
}

/**
 * C `mktime`: the instant of the local wall-clock time in `tm` (fields normalized). A
 * nonnegative `isdst` that disagrees with the zone shifts the result by the DST difference.
 */
function mktime(tm: BrokenDownTime): number {
  const wall =
    (daysFromCivil(tm.year + 1900, tm.mon) + tm.mday - 1) * SECS_PER_DAY +
    tm.hour * 3600 +
    tm.min * 60 +
    tm.sec;
  const first = localOffsetAt(wall);
  let t = wall - first;
  const second = localOffsetAt(t);
  if (second !== first && localOffsetAt(wall - second) === second) t = wall - second;
  if (tm.isdst >= 0) {
    const offset = localOffsetAt(t);
    const standard = standardOffsetAt(t);
    if (tm.isdst === 0 && offset !== standard) t += offset - standard;
    else if (tm.isdst > 0 && offset === standard) {
      const [jan, jul] = janJulOffsets(t);
      t -= Math.abs(jul - jan);
    }
  }
  return t;
}

/** C `int` wrap-around of an arithmetic result. */
function i32(x: number): number {
  return x | 0;
}

/** C integer division (truncating) of ints. */
function idiv(a: number, b: number): number {
  return i32(Math.trunc(a / b));
}

/** C `isleap` on an int year (C remainders, so negative years behave as in glibc). */
function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** glibc's days from the first day of the first ISO week of the year to `yday`. */
function isoWeekDays(yday: number, wday: number): number {
  const bigEnoughMultipleOf7 = (Math.trunc(366 / 7) + 2) * 7;
  return yday - ((yday - wday + 4 + bigEnoughMultipleOf7) % 7) + 4 - 1;
}

function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

function asciiLowerCase(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Raised when the output would not fit: C `strftime` then returns 0. */
class NoRoom extends Error {}

/**
 * Formats `tm` with a glibc `strftime` format in the "C" locale. Output is
 * limited like `strftime(buf, maxsize, ...)`: at most `maxsize - 1` bytes. When a
 * conversion would overflow, C returns 0 with the buffer unterminated; this
 * returns what was written before that conversion.
 */
export function strftime(format: string, tm: BrokenDownTime, maxsize = Infinity): string {
  const state = { out: '' };
  try {
    render(format, tm, maxsize, state);
  } catch (e) {
    if (!(e instanceof NoRoom)) throw e;
  }
  return state.out;
}

/** The body of `strftime`: appends to `state.out`, throwing NoRoom where C would return 0. */
function render(format: string, tm: BrokenDownTime, maxsize: number, state: { out: string }): void {
  // A C format string ends at its first NUL.
  const nul = format.indexOf('\0');
  const fmt = nul >= 0 ? format.slice(0, nul) : format;
  const base = state.out.length;
  const used = (): number => state.out.length - base;

  let hour12 = tm.hour;
  if (hour12 > 12) hour12 -= 12;
  else if (hour12 === 0) hour12 = 12;

  for (let f = 0; f < fmt.length; f++) {
    if (fmt[f] !== '%') {
      if (1 >= maxsize - used()) throw new NoRoom();
      state.out += fmt[f];
      continue;
    }

    let pad = '';
    let toUpper = false;
    let toLower = false;
    let changeCase = false;
    for (;;) {
      const c = fmt[++f];
      if (c === '_' || c === '-' || c === '0') pad = c;
      else if (c === '^') toUpper = true;
      else if (c === '#') changeCase = true;
      else break;
    }
    let width = -1;
    if (isDigit(fmt, f)) {
      width = 0;
      do {
        width = Math.min(2147483647, width * 10 + (fmt.charCodeAt(f) - 48));
        f++;
      } while (isDigit(fmt, f));
    }
    let modifier = '';
    if (fmt[f] === 'E' || fmt[f] === 'O') modifier = fmt[f++]!;

    /** Appends `text` right-aligned in the field width (zeros with the `0` flag, else spaces). */
    const add = (text: string): void => {
      const delta = width - text.length;
      const incr = text.length + (delta > 0 ? delta : 0);
      if (incr >= maxsize - used()) throw new NoRoom();
      if (delta > 0) state.out += (pad === '0' ? '0' : ' ').repeat(delta);
      state.out += text;
    };
    /** Appends text with the case flags applied. */
    const cpy = (text: string): void =>
      add(toLower ? asciiLowerCase(text) : toUpper ? asciiUpper(text) : text);
    /** Appends a sign and digits, padded to `digits` (zeros unless the `_` or `-` flag). */
    const signAndPadding = (body: string, negative: boolean, digits: number): void => {
      if (pad !== '-') {
        const padding = digits - body.length;
        if (padding > 0) {
          if (pad === '_') {
            if (padding >= maxsize - used()) throw new NoRoom();
            state.out += ' '.repeat(padding);
            width = width > padding ? width - padding : 0;
          } else {
            if (digits >= maxsize - used()) throw new NoRoom();
            if (negative) {
              body = body.slice(1);
              state.out += '-';
            }
            state.out += '0'.repeat(padding);
            width = 0;
          }
        }
      }
      cpy(body);
    };
    /** A numeric conversion of an int with at least `minDigits` digits. */
    const number = (minDigits: number, value: number, spacePad = false): void => {
      if (spacePad && pad !== '0' && pad !== '-') pad = '_';
      const v = i32(value);
      signAndPadding((v < 0 ? '-' : '') + String(Math.abs(v)), v < 0, Math.max(minDigits, width));
    };
    /** A conversion defined by another format (its result is one field; `^` applies). */
    const subformat = (sub: string): void => {
      const inner = { out: '' };
      render(sub, tm, Infinity, inner);
      add(toUpper ? asciiUpper(inner.out) : inner.out);
    };
    /** An unknown or malformed conversion: copied through from its `%`. */
    const badFormat = (): void => {
      cpy(fmt.slice(fmt.lastIndexOf('%', f), f + 1));
    };

    const c = f < fmt.length ? fmt[f]! : '\0';
    switch (c) {
      case '%':
        if (modifier) badFormat();
        else add('%');
        break;
      case 'a':
      case 'A': {
        if (modifier) {
          badFormat();
          break;
        }
        if (changeCase) {
          toUpper = true;
          toLower = false;
        }
        const name = tm.wday < 0 || tm.wday > 6 ? '?' : WEEKDAYS[tm.wday]!;
        cpy(c === 'a' && name !== '?' ? name.slice(0, 3) : name);
        break;
      }
      case 'b':
      case 'h':
      case 'B': {
        if (changeCase) {
          toUpper = true;
          toLower = false;
        }
        if (modifier === 'E') {
          badFormat();
          break;
        }
        const name = tm.mon < 0 || tm.mon > 11 ? '?' : MONTHS[tm.mon]!;
        cpy(c !== 'B' && name !== '?' ? name.slice(0, 3) : name);
        break;
      }
      case 'c':
        if (modifier === 'O') badFormat();
        else subformat('%a %b %e %H:%M:%S %Y');
        break;
      case 'C': {
        const year = i32(tm.year + 1900);
        number(1, idiv(year, 100) - (year % 100 < 0 ? 1 : 0));
        break;
      }
      case 'x':
        if (modifier === 'O') badFormat();
        else subformat('%m/%d/%y');
        break;
      case 'D':
        if (modifier) badFormat();
        else subformat('%m/%d/%y');
        break;
      case 'F':
        if (modifier) badFormat();
        else subformat('%Y-%m-%d');
        break;
      case 'R':
        subformat('%H:%M');
        break;
      case 'r':
        subformat('%I:%M:%S %p');
        break;
      case 'X':
        if (modifier === 'O') badFormat();
        else subformat('%H:%M:%S');
        break;
      case 'T':
        subformat('%H:%M:%S');
        break;
      case 'n':
        add('\n');
        break;
      case 't':
        add('\t');
        break;
      case 'P':
      case 'p':
        if (c === 'P') toLower = true;
        if (changeCase) {
          toUpper = false;
          toLower = true;
        }
        cpy(tm.hour > 11 ? 'PM' : 'AM');
        break;
      case 's': {
        const t = mktime(tm);
        signAndPadding(String(t), t < 0, 1);
        break;
      }
      case 'u':
        number(1, ((tm.wday - 1 + 7) % 7) + 1);
        break;
      case 'Y':
        if (modifier === 'O') badFormat();
        else number(1, tm.year + 1900);
        break;
      case 'y':
        number(2, ((tm.year % 100) + 100) % 100);
        break;
      case 'Z': {
        if (changeCase) {
          toUpper = false;
          toLower = true;
        }
        let zone = tm.zone;
        if (!zone && tm.isdst >= 0) zone = tm.isdst <= 1 ? tzname(tm.isdst) : '?';
        cpy(zone ?? '');
        break;
      }
      case 'z': {
        if (tm.isdst < 0) break;
        let diff = i32(tm.gmtoff);
        if (diff < 0) {
          add('-');
          diff = -diff;
        } else add('+');
        diff = idiv(diff, 60);
        number(4, idiv(diff, 60) * 100 + (diff % 60));
        break;
      }
      case 'd':
      case 'e':
      case 'H':
      case 'I':
      case 'k':
      case 'l':
      case 'j':
      case 'M':
      case 'm':
      case 'S':
      case 'U':
      case 'W':
      case 'w':
      case 'V':
      case 'g':
      case 'G':
        if (modifier === 'E') badFormat();
        else numericField(c, tm, hour12, number);
        break;
      case '\0':
        // A '%' sequence cut off by the end of the format is copied as written.
        f--;
        badFormat();
        break;
      default:
        badFormat();
        break;
    }
  }
}

/** The numeric conversions that reject only the `E` modifier. */
function numericField(
  c: string,
  tm: BrokenDownTime,
  hour12: number,
  number: (minDigits: number, value: number, spacePad?: boolean) => void,
): void {
  switch (c) {
    case 'd':
      return number(2, tm.mday);
    case 'e':
      return number(2, tm.mday, true);
    case 'H':
      return number(2, tm.hour);
    case 'I':
      return number(2, hour12);
    case 'k':
      return number(2, tm.hour, true);
    case 'l':
      return number(2, hour12, true);
    case 'j':
      return number(3, 1 + tm.yday);
    case 'M':
      return number(2, tm.min);
    case 'm':
      return number(2, tm.mon + 1);
    case 'S':
      return number(2, tm.sec);
    case 'U':
      return number(2, idiv(tm.yday - tm.wday + 7, 7));
    case 'W':
      return number(2, idiv(tm.yday - ((tm.wday - 1 + 7) % 7) + 7, 7));
    case 'w':
      return number(1, tm.wday);
  }
  // %V, %g, %G: the ISO 8601 week-based year and week.
  let year = i32(tm.year + 1900);
  let days = isoWeekDays(tm.yday, tm.wday);
  if (days < 0) {
    year--;
    days = isoWeekDays(tm.yday + (365 + (isLeap(year) ? 1 : 0)), tm.wday);
  } else {
    const d = isoWeekDays(tm.yday - (365 + (isLeap(year) ? 1 : 0)), tm.wday);
    if (d >= 0) {
      year++;
      days = d;
    }
  }
  if (c === 'g') return number(2, ((year % 100) + 100) % 100);
  if (c === 'G') return number(1, year);
  return number(2, idiv(days, 7) + 1);
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}
