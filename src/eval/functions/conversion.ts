/**
 * Conversion builtins (spec §6.3): `int`, `real`, `string`, `bool`,
 * `absTime` and `relTime`. As in HTCondor, the argument count is checked
 * before any argument is evaluated, and a string reaching `absTime`/`relTime`
 * at run time (not a parse-time literal) falls through HTCondor's switch: it
 * is returned as is by `absTime` and becomes `relTime(0)`.
 */
import { asciiLower } from '../../language/bytes.js';
import { localOffsetAt } from '../../language/timeText.js';
import { toInteger, toReal, toStringValue } from '../convert.js';
import { fromDouble, toDouble, toInt32 } from '../integers.js';
import { fail } from '../state.js';
import {
  absTime,
  bool,
  ERROR,
  relTime,
  UNDEFINED,
  type AbsTimeValue,
  type Value,
} from '../values.js';
import { registerBuiltin } from './registry.js';

/** Registers a one-argument builtin (any other count is ERROR, nothing evaluated). */
function defineUnary(name: string, body: (v: Value) => Value): void {
  registerBuiltin(name, (args, s) => (args.length === 1 ? body(args[0]!(s)) : ERROR));
}

/** C `(int)` of a double on x86-64: truncation; NaN and out-of-range values give INT_MIN. */
function doubleToInt32(x: number): number {
  return x > -2147483649 && x < 2147483648 ? Math.trunc(x) | 0 : -2147483648;
}

/** A RELTIME's seconds as C `time_t` (64-bit truncation), as a JS number. */
function relSeconds(secs: number): number {
  return toDouble(fromDouble(secs));
}

defineUnary('int', toInteger);
defineUnary('real', toReal);

defineUnary('string', (v) =>
  // HTCondor converts a RELTIME to whole seconds (time_t) before printing it.
  v.type === 'reltime' ? toStringValue(relTime(relSeconds(v.secs))) : toStringValue(v),
);

defineUnary('bool', (v) => {
  switch (v.type) {
    case 'undefined':
      return UNDEFINED;
    case 'boolean':
      return v;
    case 'integer':
      return bool(v.value !== 0 && v.value !== 0n);
    case 'real':
      return bool(v.value !== 0);
    case 'string': {
      const lower = asciiLower(v.value);
      return lower === 'true' ? bool(true) : lower === 'false' ? bool(false) : UNDEFINED;
    }
    case 'reltime':
      return bool(relSeconds(v.secs) !== 0);
    default:
      return ERROR;
  }
});

/** The offset operand of `absTime(t, z)`: INTEGER, REAL or RELTIME as a C `int`; else undefined. */
function offsetOperand(z: Value): number | undefined {
  switch (z.type) {
    case 'integer':
      return toInt32(z.value);
    case 'real':
      return doubleToInt32(z.value);
    case 'reltime':
      return toInt32(fromDouble(z.secs));
    default:
      return undefined;
  }
}

/** `absTime` and `relTime` (HTCondor's `convTime`). */
function convertTime(relative: boolean, args: Value[]): Value {
  const [t, z] = args as [Value, Value | undefined];
  let offset: number | undefined;
  if (z !== undefined) {
    if (relative) return ERROR;
    offset = offsetOperand(z);
    if (offset === undefined) return ERROR;
  }
  const at = (secs: number): AbsTimeValue => absTime(secs, offset ?? localOffsetAt(secs));
  switch (t.type) {
    case 'undefined':
      return UNDEFINED;
    case 'integer': {
      const secs = toInt32(t.value);
      if (relative) return relTime(secs);
      const v = at(secs);
      // HTCondor takes an offset of -1 as its "no zone" failure code.
      if (v.offset === -1) fail('absTime(): invalid time zone offset');
      return v;
    }
    case 'real':
      return relative ? relTime(t.value) : at(doubleToInt32(t.value));
    case 'string':
      return relative ? relTime(0) : t;
    case 'abstime':
      return relative ? relTime(t.secs) : t;
    case 'reltime':
      return relative ? t : at(relSeconds(t.secs));
    default:
      return ERROR;
  }
}

for (const relative of [false, true]) {
  registerBuiltin(relative ? 'relTime' : 'absTime', (args, s) => {
    // absTime() is the current time.
    if (args.length === 0 && !relative) {
      const now = s.now();
      return absTime(now, localOffsetAt(now));
    }
    if (args.length < 1 || args.length > 2) return ERROR;
    const values = args.map((a) => a(s));
    return convertTime(relative, values);
  });
}
