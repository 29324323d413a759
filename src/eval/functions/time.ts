/**
 * Time builtins (spec §6.9): the clock (`time`, `currentTime`,
 * `timeZoneOffset`, `dayTime`), field access (`getYear` ... `getSeconds`),
 * `splitTime`, `formatTime` and `interval`.
 *
 * Absolute times are broken down in the host's zone (`TZ`), except where
 * HTCondor uses the value's own offset (`splitTime`, `formatTime`). The clock
 * is the evaluation state's (`s.now()`), so callers can fix it.
 */
import { localOffsetAt } from '../../language/timeText.js';
import { lookupInScope } from '../compile.js';
import { toInteger, valueToExpr } from '../convert.js';
import { div, mod, fromDouble, toInt32 } from '../integers.js';
import { AdScope } from '../scope.js';
import { EvalFailure, type EvalState } from '../state.js';
import {
  absTime,
  adValue,
  ERROR,
  int,
  intToNumber,
  real,
  relTime,
  str,
  UNDEFINED,
  type AbsTimeValue,
  type RelTimeValue,
  type Value,
} from '../values.js';
import { defineFunction } from './registry.js';
import { gmtime, localtime, strftime, type BrokenDownTime } from './strftime.js';

/** HTCondor formats into a 1024-byte buffer, telling `strftime` it holds 1023. */
const FORMAT_BUFFER = 1023;

/** The clock, in whole epoch seconds. */
function now(s: EvalState): number {
  return Math.floor(s.now());
}

/** C `(int)` of a double on x86-64: truncation, with NaN and out-of-range values giving INT_MIN. */
function doubleToInt32(x: number): number {
  return x >= -2147483648 && x < 2147483648 ? Math.trunc(x) : -2147483648;
}

defineFunction('time', 0, 0, (_args, s) => int(now(s)));

defineFunction('currentTime', 0, 0, (_args, s) => {
  const t = now(s);
  return absTime(t, localOffsetAt(t));
});

defineFunction('timeZoneOffset', 0, 0, (_args, s) => relTime(localOffsetAt(now(s))));

defineFunction('dayTime', 0, 0, (_args, s) => {
  const tm = localtime(now(s));
  return relTime(tm.hour * 3600 + tm.min * 60 + tm.sec);
});

// getYear ... getSeconds: an ABSTIME in the host's zone (its own offset ignored), a RELTIME as
// whole seconds with C-truncating arithmetic; anything else, UNDEFINED included, is ERROR.

type AbsField = (tm: BrokenDownTime) => number;
type RelField = (secs: number | bigint) => number | bigint;

const fields: [string, AbsField | null, RelField | null][] = [
  ['getYear', (tm) => tm.year + 1900, null],
  ['getMonth', (tm) => tm.mon + 1, null],
  ['getDayOfYear', (tm) => tm.yday, null],
  ['getDayOfMonth', (tm) => tm.mday, null],
  ['getDayOfWeek', (tm) => tm.wday, null],
  ['getDays', null, (r) => div(r, 86400)],
  ['getHours', (tm) => tm.hour, (r) => div(mod(r, 86400), 3600)],
  ['getMinutes', (tm) => tm.min, (r) => div(mod(r, 3600), 60)],
  ['getSeconds', (tm) => tm.sec, (r) => mod(r, 60)],
];

for (const [name, absField, relField] of fields) {
  defineFunction(name, 1, 1, ([v]) => {
    if (v!.type === 'abstime') return absField ? int(absField(localtime(v!.secs))) : ERROR;
    if (v!.type === 'reltime') return relField ? int(relField(fromDouble(v!.secs))) : ERROR;
    return ERROR;
  });
}

/** The calendar fields of an ABSTIME at its own offset (`secs + offset` read as UTC). */
function absoluteParts(t: AbsTimeValue): [string, Value][] {
  const tm = gmtime(t.secs + t.offset);
  return [
    ['Type', str('AbsoluteTime')],
    ['Year', int(tm.year + 1900)],
    ['Month', int(tm.mon + 1)],
    ['Day', int(tm.mday)],
    ['Hours', int(tm.hour)],
    ['Minutes', int(tm.min)],
    ['Seconds', int(tm.sec)],
    ['Offset', int(t.offset)],
  ];
}

/**
 * The parts of a RELTIME: computed from |t| through a C `int`, the sign put on the first
 * nonzero of Days, Hours, Minutes, else on Seconds (a REAL that keeps the fraction).
 */
function relativeParts(t: RelTimeValue): [string, Value][] {
  const negative = t.secs < 0;
  const r = negative ? -t.secs : t.secs;
  const whole = doubleToInt32(r);
  let days = Math.trunc(whole / 86400);
  let hours = Math.trunc((whole % 86400) / 3600);
  let minutes = Math.trunc((whole % 3600) / 60);
  let seconds = (((whole % 86400) % 3600) % 60) + (r - Math.floor(r));
  if (negative) {
    if (days > 0) days = -days;
    else if (hours > 0) hours = -hours;
    else if (minutes > 0) minutes = -minutes;
    else seconds = -seconds;
  }
  return [
    ['Type', str('RelativeTime')],
    ['Days', int(days)],
    ['Hours', int(hours)],
    ['Minutes', int(minutes)],
    ['Seconds', real(seconds)],
  ];
}

/**
 * HTCondor's `doSplitTime` for everything but a ClassAd: numbers are absolute times at the
 * host's offset (an INTEGER in full, a REAL through a C `int`); undefined when not splittable.
 */
function splitParts(v: Value): [string, Value][] | undefined {
  switch (v.type) {
    case 'integer': {
      const secs = intToNumber(v);
      return absoluteParts(absTime(secs, localOffsetAt(secs)));
    }
    case 'real': {
      const secs = doubleToInt32(v.value);
      return absoluteParts(absTime(secs, localOffsetAt(secs)));
    }
    case 'abstime':
      return absoluteParts(v);
    case 'reltime':
      return relativeParts(v);
    default:
      return undefined;
  }
}

defineFunction('splitTime', 1, 1, ([v]) => {
  if (v!.type === 'undefined') return UNDEFINED;
  const parts = splitParts(v!);
  if (!parts) return ERROR;
  const ad = new AdScope();
  for (const [name, value] of parts) ad.bind(name, valueToExpr(value));
  return adValue(ad);
});

/** One field of a split-time ClassAd as HTCondor's `EvaluateAttrInt` reads it: an INTEGER's low 32 bits, else missing. */
function adField(ad: AdScope, name: string, s: EvalState): number | undefined {
  const depth = s.depth;
  let v: Value;
  try {
    v = lookupInScope(ad, name, s, false);
  } catch (e) {
    // HTCondor evaluates the field in a fresh state: a failure there just means "missing".
    if (!(e instanceof EvalFailure)) throw e;
    s.depth = depth;
    return undefined;
  }
  return v.type === 'integer' ? toInt32(v.value) : undefined;
}

/** HTCondor's `day_numbers`: weekday and 0-based year day of a date, in C `int` arithmetic. */
function dayNumbers(year: number, month: number, day: number): { wday: number; yday: number } {
  const fixed = fixedFromGregorian(year, month, day);
  return { wday: fixed % 7, yday: (fixed - fixedFromGregorian(year, 1, 1)) | 0 };
}

/** Days since the Gregorian epoch (HTCondor's `fixed_from_gregorian`, with its leap rule). */
function fixedFromGregorian(year: number, month: number, day: number): number {
  const mod400 = year % 400;
  const leap = year % 4 === 0 && mod400 !== 100 && mod400 !== 200 && mod400 !== 300;
  const adjustment = month <= 2 ? 0 : leap ? -1 : -2;
  const y = (year - 1) | 0;
  let fixed = Math.imul(365, y);
  fixed = (fixed + Math.trunc(y / 4)) | 0;
  fixed = (fixed - Math.trunc(y / 100)) | 0;
  fixed = (fixed + Math.trunc(y / 400)) | 0;
  fixed = (fixed + Math.trunc(((Math.imul(367, month) - 362) | 0) / 12)) | 0;
  return (fixed + adjustment + day) | 0;
}

/**
 * The `struct tm` formatTime builds from split-time fields: missing ones are 0 (a missing
 * Year is 1900), weekday and year day recomputed, no zone information.
 */
function tmFromFields(get: (name: string) => number | undefined): BrokenDownTime {
  const month = get('month');
  const year = get('year');
  const tm: BrokenDownTime = {
    sec: get('seconds') ?? 0,
    min: get('minutes') ?? 0,
    hour: get('hours') ?? 0,
    mday: get('day') ?? 0,
    mon: month === undefined ? 0 : (month - 1) | 0,
    year: year === undefined ? 0 : (year - 1900) | 0,
    wday: 0,
    yday: 0,
    isdst: 0,
    gmtoff: 0,
    zone: null,
  };
  const { wday, yday } = dayNumbers((tm.year + 1900) | 0, (tm.mon + 1) | 0, tm.mday);
  tm.wday = wday;
  tm.yday = yday;
  return tm;
}

defineFunction('formatTime', 0, 2, (args, s) => {
  if (args.length === 0) return str(strftime('%c', localtime(now(s)), FORMAT_BUFFER));
  const t = args[0]!;
  let tm: BrokenDownTime;
  if (t.type === 'classad') {
    tm = tmFromFields((name) => adField(t.ad, name, s));
  } else {
    const parts = t.type === 'reltime' ? undefined : splitParts(t);
    if (!parts) return ERROR;
    const byName = new Map(parts.map(([name, value]) => [name.toLowerCase(), value]));
    tm = tmFromFields((name) => {
      const v = byName.get(name);
      return v?.type === 'integer' ? toInt32(v.value) : undefined;
    });
  }
  const format = args.length === 2 ? args[1]! : str('%c');
  if (format.type !== 'string') return ERROR;
  return str(strftime(format.value, tm, FORMAT_BUFFER));
});

defineFunction('interval', 1, 1, ([v]) => {
  const i = toInteger(v!);
  if (i.type !== 'integer') return ERROR;
  let rest = toInt32(i.value);
  const days = Math.trunc(rest / 86400);
  rest %= 86400;
  const hours = Math.trunc(rest / 3600);
  rest %= 3600;
  const minutes = Math.trunc(rest / 60);
  const seconds = rest % 60;
  const two = (n: number): string => String(Math.abs(n)).padStart(2, '0');
  if (days !== 0) return str(`${days}+${two(hours)}:${two(minutes)}:${two(seconds)}`);
  if (hours !== 0) return str(`${hours}:${two(minutes)}:${two(seconds)}`);
  if (minutes !== 0) return str(`${minutes}:${two(seconds)}`);
  return str(String(seconds === 0 ? 0 : seconds));
});
