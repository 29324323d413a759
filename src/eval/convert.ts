/**
 * Conversions between value types (spec §3.8) and from values back to
 * expressions for printing.
 */
import type * as A from '../language/ast.js';
import { formatRealNew } from '../language/numberFormat.js';
import { printExpr } from '../language/printer.js';
import { formatAbsTimeText, formatRelTimeText } from '../language/timeText.js';
import { fromDouble, toDouble } from './integers.js';
import {
  ERROR,
  int,
  real,
  str,
  UNDEFINED,
  type IntegerValue,
  type RealValue,
  type StringValue,
  type Value,
} from './values.js';

/**
 * BoolEquiv (`IsBooleanValueEquiv`): booleans as themselves, numbers as
 * nonzero; undefined for anything else ("not convertible").
 */
export function boolEquiv(v: Value): boolean | undefined {
  switch (v.type) {
    case 'boolean':
      return v.value;
    case 'integer':
      return v.value !== 0 && v.value !== 0n;
    case 'real':
      return v.value !== 0;
    default:
      return undefined;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * C `strtod` on a byte string: the longest numeric prefix after leading
 * whitespace (decimal, hexadecimal floats, `inf`, `nan`). `length` is 0 when
 * nothing could be converted.
 */
export function strtod(s: string): { value: number; length: number } {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  const start = i;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const rest = s.slice(i, i + 8).toLowerCase();
  if (rest.startsWith('inf')) {
    return { value: sign * Infinity, length: i + (rest.startsWith('infinity') ? 8 : 3) };
  }
  if (rest.startsWith('nan')) {
    let j = i + 3;
    if (s[j] === '(') {
      const close = s.indexOf(')', j);
      if (close > 0 && /^[A-Za-z0-9_]*$/.test(s.slice(j + 1, close))) j = close + 1;
    }
    return { value: NaN, length: j };
  }
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?/.exec(s.slice(i));
    if (m && (m[1]!.length > 0 || (m[2] ?? '').length > 0)) {
      let mantissa = 0;
      for (const ch of m[1]!) mantissa = mantissa * 16 + parseInt(ch, 16);
      let scale = 0;
      for (const ch of m[2] ?? '') {
        mantissa = mantissa * 16 + parseInt(ch, 16);
        scale -= 4;
      }
      let j = i + m[0].length;
      const e = /^[pP]([+-]?\d+)/.exec(s.slice(j));
      if (e) {
        scale += parseInt(e[1]!, 10);
        j += e[0].length;
      }
      return { value: sign * mantissa * Math.pow(2, scale), length: j };
    }
    // "0x" with no hex digits converts the "0".
    return { value: sign * 0, length: i + 1 };
  }
  const m = /^(\d*)(?:\.(\d*))?/.exec(s.slice(i))!;
  if ((m[1] ?? '').length === 0 && (m[2] ?? '').length === 0) return { value: 0, length: 0 };
  let j = i + m[0].length;
  const e = /^[eE][+-]?\d+/.exec(s.slice(j));
  if (e) j += e[0].length;
  const value = Number(s.slice(start, j).replace(/\.$/, ''));
  return { value, length: j };
}

/** ToInteger: UNDEFINED stays UNDEFINED; unconvertible values are ERROR. */
export function toInteger(v: Value): IntegerValue | typeof UNDEFINED | typeof ERROR {
  switch (v.type) {
    case 'undefined':
      return UNDEFINED;
    case 'integer':
      return v;
    case 'boolean':
      return int(v.value ? 1 : 0);
    case 'real':
      return int(fromDouble(v.value));
    case 'string': {
      const r = strtod(v.value);
      if (r.length === 0) return ERROR;
      return int(fromDouble(r.value));
    }
    case 'abstime':
      return int(v.secs);
    case 'reltime':
      return int(fromDouble(v.secs));
    default:
      return ERROR;
  }
}

/** ToReal: UNDEFINED stays UNDEFINED; unconvertible values are ERROR. */
export function toReal(v: Value): RealValue | typeof UNDEFINED | typeof ERROR {
  switch (v.type) {
    case 'undefined':
      return UNDEFINED;
    case 'real':
      return v;
    case 'integer':
      return real(toDouble(v.value));
    case 'boolean':
      return real(v.value ? 1 : 0);
    case 'string': {
      const r = strtod(v.value);
      if (r.length === 0 && r.value === 0) return ERROR;
      return real(r.value);
    }
    case 'abstime':
      return real(v.secs);
    case 'reltime':
      return real(Math.trunc(v.secs));
    default:
      return ERROR;
  }
}

/**
 * ToString: strings as themselves; numbers, booleans, lists and ads as their
 * new-syntax unparse; times as their text. UNDEFINED and ERROR stay as they are.
 */
export function toStringValue(v: Value): StringValue | typeof UNDEFINED | typeof ERROR {
  switch (v.type) {
    case 'undefined':
      return UNDEFINED;
    case 'error':
      return ERROR;
    case 'string':
      return v;
    case 'abstime':
      return str(formatAbsTimeText(v.secs, v.offset));
    case 'reltime':
      // HTCondor drops the fraction (toward zero) when converting a reltime to a string.
      return str(formatRelTimeText(Math.trunc(v.secs)));
    case 'real':
      return str(formatRealNew(v.value));
    default:
      return str(printValue(v));
  }
}

const NO_POS = { start: -1, end: -1 };

/** An expression that denotes a value (for printing values and function-built lists). */
export function valueToExpr(v: Value): A.Expr {
  switch (v.type) {
    case 'undefined':
      return { kind: 'Undefined', ...NO_POS };
    case 'error':
      return { kind: 'Error', ...NO_POS };
    case 'boolean':
      return { kind: 'Boolean', value: v.value, ...NO_POS };
    case 'integer':
      return { kind: 'Integer', value: BigInt(v.value), ...NO_POS };
    case 'real':
      return { kind: 'Real', value: v.value, ...NO_POS };
    case 'string':
      return { kind: 'String', value: v.value, ...NO_POS };
    case 'abstime':
      return { kind: 'AbsTime', secs: v.secs, offset: v.offset, ...NO_POS };
    case 'reltime':
      return { kind: 'RelTime', seconds: v.secs, ...NO_POS };
    case 'list':
      return {
        kind: 'List',
        items: v.values ? v.values.map(valueToExpr) : [...v.exprs!],
        ...NO_POS,
      };
    case 'classad':
      return {
        kind: 'Record',
        attrs: v.ad
          .entries()
          .map((e) => ({ name: e.name, value: e.expr, nameStart: -1, nameEnd: -1 })),
        ...NO_POS,
      };
  }
}

/** Prints a value in canonical new syntax, as HTCondor's unparser does (lists and ads unevaluated). */
export function printValue(v: Value): string {
  switch (v.type) {
    case 'integer':
      return String(v.value);
    case 'real':
      return formatRealNew(v.value);
    case 'boolean':
      return v.value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'error':
      return 'error';
    default:
      return printExpr(valueToExpr(v));
  }
}
