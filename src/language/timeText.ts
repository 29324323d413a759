/**
 * ClassAd time text: parsing the string arguments of `absTime("...")` / `relTime("...")`
 * literals and printing ABSTIME / RELTIME values (spec §6.3, §7.5).
 *
 * Pure functions with no Node-only imports. The local time zone is the JS runtime's (via
 * `Date`), which in Node follows `TZ`. Calendar arithmetic is done here, proleptic Gregorian,
 * so it is not limited by `Date`'s range or its two-digit-year rules.
 */

import { formatG } from './numberFormat.js';

const SECS_PER_DAY = 86400;
/** `Date` accepts at most ±8.64e15 ms. */
const MAX_DATE_SECS = 8.64e12;

/** C `isspace` in the "C" locale. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Days since 1970-01-01 of a proleptic Gregorian date; `month` is 1–12, `day` may be any integer. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * C `timegm` on broken-down fields, normalizing out-of-range values like the C library:
 * `mon0` is 0-based (so -1 is December of the previous year) and `mday` 0 is the day before the 1st.
 */
function timegm(
  year: number,
  mon0: number,
  mday: number,
  hour: number,
  min: number,
  sec: number,
): number {
  const y = year + Math.floor(mon0 / 12);
  const m = mon0 - Math.floor(mon0 / 12) * 12;
  const days = daysFromCivil(y, m + 1, 1) + mday - 1;
  return days * SECS_PER_DAY + hour * 3600 + min * 60 + sec;
}

/** C `atoi` of a short slice: optional leading digits, anything else ends it. */
function atoi(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) break;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The host's offset east of UTC, in seconds, at the instant `secs` (DST included); from `Date`. */
export function localOffsetAt(secs: number): number {
  const t = Number.isFinite(secs)
    ? Math.floor(Math.max(-MAX_DATE_SECS, Math.min(MAX_DATE_SECS, secs)))
    : 0;
  // The local fields carry the exact offset; getTimezoneOffset() rounds it to whole minutes.
  const d = new Date(t * 1000);
  const local =
    daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate()) * SECS_PER_DAY +
    d.getHours() * 3600 +
    d.getMinutes() * 60 +
    d.getSeconds();
  const offset = local - t;
  return offset === 0 ? 0 : offset;
}

/** Like `mktime`: the UTC instant of a local wall-clock time given as seconds-as-if-UTC. */
function localWallClockToUtc(wall: number): number {
  const first = localOffsetAt(wall);
  const second = localOffsetAt(wall - first);
  if (second === first) return wall - first;
  // Near a transition: prefer an offset that is consistent with the instant it produces.
  return localOffsetAt(wall - second) === second ? wall - second : wall - first;
}

/**
 * Parse the text of an `absTime("...")` literal (spec §6.3 absolute-time grammar): free-form
 * separators, optional zone suffix (`Z`, `±hhmm`, `±hh:mm`; else the host's local offset).
 * Returns UTC seconds and the offset east of UTC, or undefined when the text is malformed.
 */
export function parseAbsTimeText(text: string): { secs: number; offset: number } | undefined {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let s = text.slice(0, end);
  let len = s.length;

  let offset: number | undefined;
  const last = len > 0 ? s[len - 1] : '';
  if (last === 'Z' || last === 'z') {
    offset = 0;
    s = s.slice(0, len - 1);
  } else if (
    len >= 5 &&
    (s[len - 5] === '+' || s[len - 5] === '-') &&
    isDigit(s.charCodeAt(len - 4)) &&
    isDigit(s.charCodeAt(len - 3)) &&
    isDigit(s.charCodeAt(len - 2)) &&
    isDigit(s.charCodeAt(len - 1))
  ) {
    const mag = atoi(s.slice(len - 4, len - 2)) * 3600 + atoi(s.slice(len - 2)) * 60;
    offset = s[len - 5] === '-' ? 0 - mag : mag;
    s = s.slice(0, len - 5);
  } else if (len >= 6 && (s[len - 6] === '+' || s[len - 6] === '-') && s[len - 3] === ':') {
    const mag = atoi(s.slice(len - 5, len - 3)) * 3600 + atoi(s.slice(len - 2)) * 60;
    offset = s[len - 6] === '-' ? 0 - mag : mag;
    s = s.slice(0, len - 6);
  }
  len = s.length;

  let i = 0;
  const skipNonDigits = (): void => {
    while (i < len && !isDigit(s.charCodeAt(i))) i++;
  };
  skipNonDigits();
  if (len - i < 4) return undefined;
  const year = atoi(s.slice(i, i + 4));
  i += 4;
  // month, day, hour, minute, second: 2 characters each when available, else missing (0)
  const fields: (number | undefined)[] = [];
  for (let f = 0; f < 5; f++) {
    skipNonDigits();
    if (len - i >= 2) {
      fields.push(atoi(s.slice(i, i + 2)));
      i += 2;
    } else {
      fields.push(undefined);
    }
  }
  skipNonDigits();
  if (i < len) return undefined;

  const [month, day = 0, hour = 0, min = 0, sec = 0] = fields;
  // A missing month leaves the 0-based C month at 0 (January); a written one is 1-based.
  const wall = timegm(year, month === undefined ? 0 : month - 1, day, hour, min, sec);
  // timegm/mktime report failure as -1, so the one second before the epoch is rejected.
  if (wall === -1) return undefined;
  if (offset !== undefined) return { secs: wall - offset, offset };
  // No zone: local time, and the host's offset at the resulting instant.
  const secs = localWallClockToUtc(wall);
  return { secs, offset: localOffsetAt(secs) };
}

/**
 * Parse the text of a `relTime("...")` literal (spec §6.3 relative-time grammar, read from the
 * end: `[-][D(d|+)][H(h|:)][M(m|:)][S[.F]][s]`, whitespace allowed between parts).
 * Returns seconds, or undefined when the text is malformed.
 */
export function parseRelTimeText(text: string): number | undefined {
  let i = text.length - 1;
  const skipSpace = (): void => {
    while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  };
  const readDigitsBack = (): number => {
    const end = i + 1;
    while (i >= 0 && isDigit(text.charCodeAt(i))) i--;
    return end > i + 1 ? Number(text.slice(i + 1, end)) : 0;
  };
  const marker = (chars: string): boolean => {
    skipSpace();
    if (i >= 0 && chars.includes(text[i]!)) {
      i--;
      skipSpace();
      return true;
    }
    return false;
  };

  // seconds: [digits][.digits] with an optional trailing s/S
  marker('sS');
  const secEnd = i + 1;
  while (i >= 0 && isDigit(text.charCodeAt(i))) i--;
  if (i >= 0 && text[i] === '.') {
    i--;
    while (i >= 0 && isDigit(text.charCodeAt(i))) i--;
  }
  const secText = text.slice(i + 1, secEnd);
  const secs = /[0-9]/.test(secText) ? Number(secText) : 0;

  const mins = marker('mM:') ? readDigitsBack() : 0;
  const hours = marker('hH:') ? readDigitsBack() : 0;
  const days = marker('dD+') ? readDigitsBack() : 0;
  skipSpace();
  let negative = false;
  if (i >= 0 && text[i] === '-') {
    negative = true;
    i--;
  }
  skipSpace();
  if (i >= 0) return undefined;

  const total = days * SECS_PER_DAY + hours * 3600 + mins * 60 + secs;
  return negative ? -total : total;
}

/** Two decimal digits at least, like C `%02d` (a negative value keeps its sign and width). */
function pad2(n: number): string {
  return n >= 0 && n < 10 ? '0' + n : String(n);
}

/**
 * Print an ABSTIME as `YYYY-MM-DDTHH:MM:SS±hh:mm`: the wall clock of `secs + offset` and the
 * offset east of UTC, where a zero offset prints as `-00:00` and years below 1000 are unpadded.
 */
export function formatAbsTimeText(secs: number, offset: number): string {
  const t = Math.floor(secs + offset);
  const days = Math.floor(t / SECS_PER_DAY);
  const rem = t - days * SECS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(rem / 3600);
  const min = Math.floor((rem % 3600) / 60);
  const sec = rem % 60;
  const absOff = Math.abs(Math.trunc(offset));
  return (
    `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(min)}:${pad2(sec)}` +
    `${offset > 0 ? '+' : '-'}${pad2(Math.trunc(absOff / 3600))}:${pad2(Math.trunc((absOff % 3600) / 60))}`
  );
}

/** C `(int)` of a double on x86-64: truncation, with NaN and out-of-range values giving INT_MIN. */
function toInt32Trunc(x: number): number {
  return x >= -2147483648 && x < 2147483648 ? Math.trunc(x) : -2147483648;
}

/**
 * Print a RELTIME as `[-][D+]HH:MM:SS`, shortened to `HH:MM:SS`, `MM:SS` or `SS` by its largest
 * nonzero unit; fractional seconds use C `%02g`. Like HTCondor, the whole seconds go through a
 * 32-bit `int`, so huge values print garbled (`relTime(1e10)` → `-24855+-3:-14:-8`).
 */
export function formatRelTimeText(seconds: number): string {
  let r = seconds;
  let sign = '';
  if (r < 0) {
    sign = '-';
    r = -r;
  }
  const fraction = r - Math.floor(r);
  const whole = toInt32Trunc(r);
  const dayRem = whole % SECS_PER_DAY;
  const hourRem = dayRem % 3600;
  const secs = (hourRem % 60) + fraction;
  const days = Math.trunc(whole / SECS_PER_DAY);
  const hours = Math.trunc(dayRem / 3600);
  const mins = Math.trunc(hourRem / 60);
  // %02g prints whole seconds exactly like %02d, so one form serves both cases. For an
  // infinite value, inf - floor(inf) is the x86 default NaN, whose sign bit is set.
  const secText = r === Infinity ? '-nan' : formatG(secs, 6, 2, { zeroPad: true });
  if (days !== 0) return `${sign}${days}+${pad2(hours)}:${pad2(mins)}:${secText}`;
  if (hours !== 0) return `${sign}${pad2(hours)}:${pad2(mins)}:${secText}`;
  if (mins !== 0) return `${sign}${pad2(mins)}:${secText}`;
  return sign + secText;
}
