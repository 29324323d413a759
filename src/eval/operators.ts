/**
 * Operator semantics (spec §4) on values: arithmetic with promotion and time
 * arithmetic, comparison, meta-equality, bitwise operations and shifts, and
 * the unary operators. The short-circuit operators (`&&`, `||`, ternary,
 * elvis) need lazy operands and live in compile.ts; their value tables are
 * here.
 */
import type { BinaryOp, UnaryOp } from '../language/ast.js';
import { boolEquiv } from './convert.js';
import * as I from './integers.js';
import {
  absTime,
  bool,
  ERROR,
  FALSE,
  int,
  real,
  relTime,
  TRUE,
  UNDEFINED,
  type Value,
} from './values.js';

/** The promoted category of two non-exceptional operands (§4.2). */
type Category = 'classad' | 'list' | 'string' | 'abstime' | 'reltime' | 'integer' | 'real';

function category(a: Value, b: Value): Category {
  const x = a.type;
  const y = b.type;
  if (x === 'classad' || y === 'classad') return 'classad';
  if (x === 'list' || y === 'list') return 'list';
  if (x === 'string' || y === 'string') return 'string';
  if (x === 'abstime' || y === 'abstime') return 'abstime';
  if (x === 'reltime' || y === 'reltime') return 'reltime';
  const xi = x === 'integer' || x === 'boolean';
  const yi = y === 'integer' || y === 'boolean';
  return xi && yi ? 'integer' : 'real';
}

function intOf(v: Value): number | bigint {
  if (v.type === 'integer') return v.value;
  if (v.type === 'boolean') return v.value ? 1 : 0;
  return 0;
}

function realOf(v: Value): number {
  switch (v.type) {
    case 'real':
      return v.value;
    case 'integer':
      return I.toDouble(v.value);
    case 'boolean':
      return v.value ? 1 : 0;
    case 'reltime':
      return v.secs;
    default:
      return NaN;
  }
}

/** A real result, with +infinity turned into ERROR (§3.3). */
function realResult(r: number): Value {
  return r === Infinity ? ERROR : real(r);
}

/** Strictness: ERROR if either operand is ERROR, else UNDEFINED if either is UNDEFINED. */
function strict2(a: Value, b: Value): Value | undefined {
  if (a.type === 'error' || b.type === 'error') return ERROR;
  if (a.type === 'undefined' || b.type === 'undefined') return UNDEFINED;
  return undefined;
}

function timeArithmetic(op: '+' | '-' | '*' | '/' | '%', a: Value, b: Value): Value {
  const at = a.type;
  const bt = b.type;
  if (op === '+') {
    if (at === 'abstime' && bt === 'reltime') return absTime(a.secs + Math.trunc(b.secs), a.offset);
    if (at === 'reltime' && bt === 'abstime') return absTime(b.secs + Math.trunc(a.secs), b.offset);
    if (at === 'reltime' && bt === 'reltime') return relTime(a.secs + b.secs);
    return ERROR;
  }
  if (op === '-') {
    if (at === 'abstime' && bt === 'abstime') return relTime(a.secs - b.secs);
    if (at === 'abstime' && bt === 'reltime') return absTime(a.secs - Math.trunc(b.secs), a.offset);
    if (at === 'reltime' && bt === 'reltime') return relTime(a.secs - b.secs);
    return ERROR;
  }
  const numeric = (v: Value) => v.type === 'integer' || v.type === 'real';
  if (op === '*') {
    if (at === 'reltime' && numeric(b)) return relTime(a.secs * realOf(b));
    if (numeric(a) && bt === 'reltime') return relTime(realOf(a) * b.secs);
    return ERROR;
  }
  if (op === '/') {
    // Division by zero gives an infinite reltime, as in HTCondor (it prints oddly).
    if (at === 'reltime' && numeric(b)) return relTime(a.secs / realOf(b));
    return ERROR;
  }
  return ERROR;
}

/** `+ - * / %` on two values. */
export function arithmetic(op: '+' | '-' | '*' | '/' | '%', a: Value, b: Value): Value {
  const e = strict2(a, b);
  if (e) return e;
  switch (category(a, b)) {
    case 'integer': {
      const x = intOf(a);
      const y = intOf(b);
      switch (op) {
        case '+':
          return int(I.add(x, y));
        case '-':
          return int(I.sub(x, y));
        case '*':
          return int(I.mul(x, y));
        case '/':
          return y === 0 ? ERROR : int(I.div(x, y));
        case '%':
          return y === 0 ? ERROR : int(I.mod(x, y));
      }
      break;
    }
    case 'real': {
      const x = realOf(a);
      const y = realOf(b);
      switch (op) {
        case '+':
          return realResult(x + y);
        case '-':
          return realResult(x - y);
        case '*':
          return realResult(x * y);
        case '/':
          // C: x/0.0 gives ±inf or NaN; +inf becomes ERROR.
          return realResult(x / y);
        case '%':
          return ERROR;
      }
      break;
    }
    case 'abstime':
    case 'reltime':
      return timeArithmetic(op, a, b);
  }
  return ERROR;
}

/** Case-insensitive byte comparison of two byte strings (strcasecmp), without allocating. */
export function compareIgnoreCase(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let a = x.charCodeAt(i);
    let b = y.charCodeAt(i);
    if (a === b) continue;
    if (a >= 65 && a <= 90) a += 32;
    if (b >= 65 && b <= 90) b += 32;
    if (a !== b) return a < b ? -1 : 1;
  }
  return x.length - y.length;
}

/** `== != < <= > >=` (strict). */
export function comparison(op: '==' | '!=' | '<' | '<=' | '>' | '>=', a: Value, b: Value): Value {
  const e = strict2(a, b);
  if (e) return e;
  let c: number;
  switch (category(a, b)) {
    case 'integer': {
      c = I.compare(intOf(a), intOf(b));
      break;
    }
    case 'real': {
      const x = realOf(a);
      const y = realOf(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return op === '!=' ? TRUE : FALSE;
      c = x < y ? -1 : x > y ? 1 : 0;
      break;
    }
    case 'string':
      if (a.type !== 'string' || b.type !== 'string') return ERROR;
      c = compareIgnoreCase(a.value, b.value);
      break;
    case 'abstime':
      if (a.type !== 'abstime' || b.type !== 'abstime') return ERROR;
      c = a.secs < b.secs ? -1 : a.secs > b.secs ? 1 : 0;
      break;
    case 'reltime': {
      if (a.type !== 'reltime' || b.type !== 'reltime') return ERROR;
      if (Number.isNaN(a.secs) || Number.isNaN(b.secs)) return op === '!=' ? TRUE : FALSE;
      c = a.secs < b.secs ? -1 : a.secs > b.secs ? 1 : 0;
      break;
    }
    default:
      return ERROR;
  }
  switch (op) {
    case '==':
      return bool(c === 0);
    case '!=':
      return bool(c !== 0);
    case '<':
      return bool(c < 0);
    case '<=':
      return bool(c <= 0);
    case '>':
      return bool(c > 0);
    case '>=':
      return bool(c >= 0);
  }
}

const numberCompare = {
  '==': (x: number, y: number) => x === y,
  '!=': (x: number, y: number) => x !== y,
  '<': (x: number, y: number) => x < y,
  '<=': (x: number, y: number) => x <= y,
  '>': (x: number, y: number) => x > y,
  '>=': (x: number, y: number) => x >= y,
};

/** A comparison with a fast path for two numbers (safe integers or reals, not NaN). */
function comparisonFunction(
  op: '==' | '!=' | '<' | '<=' | '>' | '>=',
): (a: Value, b: Value) => Value {
  const test = numberCompare[op];
  return (a, b) => {
    if (
      (a.type === 'integer' || a.type === 'real') &&
      (b.type === 'integer' || b.type === 'real') &&
      typeof a.value === 'number' &&
      typeof b.value === 'number' &&
      a.value === a.value &&
      b.value === b.value
    )
      return test(a.value, b.value) ? TRUE : FALSE;
    return comparison(op, a, b);
  };
}

/** `=?=` (identical): no promotion, case-sensitive strings, ERROR for lists and ads. */
export function identical(a: Value, b: Value): Value {
  if (a.type !== b.type) return FALSE;
  switch (a.type) {
    case 'undefined':
    case 'error':
      return TRUE;
    case 'boolean':
    case 'real':
    case 'string':
      return bool(a.value === (b as typeof a).value);
    case 'integer':
      return bool(a.value === (b as typeof a).value);
    case 'abstime':
      return bool(a.secs === (b as typeof a).secs && a.offset === (b as typeof a).offset);
    case 'reltime':
      return bool(a.secs === (b as typeof a).secs);
    default:
      return ERROR;
  }
}

/** `=!=`: the negation of `=?=`, ERROR where it is ERROR. */
export function notIdentical(a: Value, b: Value): Value {
  const r = identical(a, b);
  return r === TRUE ? FALSE : r === FALSE ? TRUE : r;
}

/** `& | ^ << >> >>>`: both operands must be integers (booleans are not). */
export function bitwise(op: '&' | '|' | '^' | '<<' | '>>' | '>>>', a: Value, b: Value): Value {
  const e = strict2(a, b);
  if (e) return e;
  if (a.type !== 'integer' || b.type !== 'integer') return ERROR;
  const x = a.value;
  const y = b.value;
  switch (op) {
    case '&':
      return int(I.bitAnd(x, y));
    case '|':
      return int(I.bitOr(x, y));
    case '^':
      return int(I.bitXor(x, y));
    case '<<':
      return int(I.shiftLeft(x, y));
    case '>>':
      return int(I.shiftRight(x, y));
    case '>>>':
      return int(I.shiftRightUnsigned(x, y));
  }
}

/** A strict binary operator's function (not `&&`, `||`, `=?=`, `=!=`). */
export function binaryFunction(op: BinaryOp): (a: Value, b: Value) => Value {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return (a, b) => arithmetic(op, a, b);
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return comparisonFunction(op);
    case '&':
    case '|':
    case '^':
    case '<<':
    case '>>':
    case '>>>':
      return (a, b) => bitwise(op, a, b);
    case '=?=':
      return identical;
    case '=!=':
      return notIdentical;
    default:
      throw new Error(`${op} is not a strict binary operator`);
  }
}

/** The unary operators `- + ! ~` (strict). */
export function unary(op: UnaryOp, v: Value): Value {
  if (v.type === 'error' || v.type === 'undefined') return v;
  switch (op) {
    case '+':
      return v.type === 'integer' || v.type === 'real' || v.type === 'reltime' ? v : ERROR;
    case '-':
      if (v.type === 'integer') return int(I.neg(v.value));
      if (v.type === 'real') return real(-v.value);
      if (v.type === 'reltime') return relTime(-v.secs);
      return ERROR;
    case '~':
      return v.type === 'integer' ? int(I.bitNot(v.value)) : ERROR;
    case '!': {
      const b = boolEquiv(v);
      return b === undefined ? ERROR : bool(!b);
    }
  }
}

/** The non-short-circuit part of `a && b`, given a was not false/ERROR (§4.6). */
export function andRest(a: Value, b: Value): Value {
  const x = boolEquiv(a);
  const y = boolEquiv(b);
  if (a.type !== 'undefined' && x === undefined) return ERROR;
  if (b.type === 'error') return ERROR;
  if (b.type !== 'undefined' && y === undefined) return ERROR;
  if (y === false) return FALSE;
  if (a.type === 'undefined' || b.type === 'undefined') return UNDEFINED;
  return TRUE;
}

/** The non-short-circuit part of `a || b`, given a was not true/ERROR (§4.6). */
export function orRest(a: Value, b: Value): Value {
  const x = boolEquiv(a);
  const y = boolEquiv(b);
  if (a.type !== 'undefined' && x === undefined) return ERROR;
  if (b.type === 'error') return ERROR;
  if (b.type !== 'undefined' && y === undefined) return ERROR;
  if (y === true) return TRUE;
  if (a.type === 'undefined' || b.type === 'undefined') return UNDEFINED;
  return FALSE;
}
