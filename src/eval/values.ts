/**
 * ClassAd runtime values (spec §3).
 *
 * Values are small immutable objects tagged by `type`. The exceptional values
 * and booleans are singletons, so comparisons and logic allocate nothing.
 * Integers are signed 64-bit: a JS number when the value is a safe integer,
 * a bigint otherwise (see integers.ts). Strings are byte strings.
 */
import type { Expr } from '../language/ast.js';
import type { AdScope } from './scope.js';

/** UNDEFINED. */
export interface UndefinedValue {
  readonly type: 'undefined';
}
/** ERROR. */
export interface ErrorValue {
  readonly type: 'error';
}
/** A boolean. */
export interface BooleanValue {
  readonly type: 'boolean';
  readonly value: boolean;
}
/** A signed 64-bit integer: a number when it is a safe integer, a bigint otherwise. */
export interface IntegerValue {
  readonly type: 'integer';
  readonly value: number | bigint;
}
/** An IEEE double. */
export interface RealValue {
  readonly type: 'real';
  readonly value: number;
}
/** A byte string. */
export interface StringValue {
  readonly type: 'string';
  readonly value: string;
}
/** An absolute time: seconds since the epoch, and the zone offset east of UTC in seconds. */
export interface AbsTimeValue {
  readonly type: 'abstime';
  readonly secs: number;
  readonly offset: number;
}
/** A relative time in seconds (fractions allowed). */
export interface RelTimeValue {
  readonly type: 'reltime';
  readonly secs: number;
}
/**
 * A list. A list written in an ad holds its element expressions and the ad
 * they resolve in (`exprs` + `scope`), evaluated only when accessed; a list
 * built by a function holds values (`values`).
 */
export interface ListValue {
  readonly type: 'list';
  readonly exprs?: readonly Expr[];
  readonly scope?: AdScope | null;
  readonly values?: readonly Value[];
}
/** A ClassAd (a reference to it; attributes are evaluated on access). */
export interface ClassAdValue {
  readonly type: 'classad';
  readonly ad: AdScope;
}

/** Any ClassAd value. */
export type Value =
  | UndefinedValue
  | ErrorValue
  | BooleanValue
  | IntegerValue
  | RealValue
  | StringValue
  | AbsTimeValue
  | RelTimeValue
  | ListValue
  | ClassAdValue;

/** The value's type name. */
export type ValueType = Value['type'];

/** The UNDEFINED value. */
export const UNDEFINED: UndefinedValue = Object.freeze({ type: 'undefined' });
/** The ERROR value. */
export const ERROR: ErrorValue = Object.freeze({ type: 'error' });
/** The boolean true. */
export const TRUE: BooleanValue = Object.freeze({ type: 'boolean', value: true });
/** The boolean false. */
export const FALSE: BooleanValue = Object.freeze({ type: 'boolean', value: false });

const smallInts: IntegerValue[] = [];
for (let i = -16; i <= 1024; i++) smallInts.push(Object.freeze({ type: 'integer', value: i }));

/** A boolean value. */
export function bool(b: boolean): BooleanValue {
  return b ? TRUE : FALSE;
}

/**
 * An integer value from a number (must be an integer) or a bigint (wrapped
 * to 64 bits); normalized so safe integers are numbers.
 */
export function int(v: number | bigint): IntegerValue {
  if (typeof v === 'bigint') {
    v = BigInt.asIntN(64, v);
    if (v >= -9007199254740991n && v <= 9007199254740991n) v = Number(v);
    else return { type: 'integer', value: v };
  }
  if (v >= -16 && v <= 1024) return smallInts[v + 16]!;
  if (!Number.isSafeInteger(v)) return int(BigInt(v));
  return { type: 'integer', value: v };
}

/** A real value. */
export function real(v: number): RealValue {
  return { type: 'real', value: v };
}

/** A string value (bytes). */
export function str(v: string): StringValue {
  return { type: 'string', value: v };
}

/** An absolute time value. */
export function absTime(secs: number, offset: number): AbsTimeValue {
  return { type: 'abstime', secs, offset };
}

/** A relative time value. */
export function relTime(secs: number): RelTimeValue {
  return { type: 'reltime', secs };
}

/** A list of values (as functions return them). */
export function listOf(values: readonly Value[]): ListValue {
  return { type: 'list', values };
}

/** A ClassAd value (one per ad, cached on it). */
export function adValue(ad: AdScope): ClassAdValue {
  return (ad.asValue ??= { type: 'classad', ad });
}

/** Whether a value is UNDEFINED or ERROR. */
export function isExceptional(v: Value): v is UndefinedValue | ErrorValue {
  return v.type === 'undefined' || v.type === 'error';
}

/** The number of elements of a list value. */
export function listLength(list: ListValue): number {
  return list.values ? list.values.length : list.exprs!.length;
}

/** An integer value as a JS number (exact only for safe integers). */
export function intToNumber(v: IntegerValue): number {
  return typeof v.value === 'number' ? v.value : Number(v.value);
}

/** An integer value as a bigint. */
export function intToBigInt(v: IntegerValue): bigint {
  return typeof v.value === 'bigint' ? v.value : BigInt(v.value);
}
