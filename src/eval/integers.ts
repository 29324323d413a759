/**
 * Signed 64-bit integer arithmetic with HTCondor's (x86-64) behaviour:
 * two's-complement wrapping, truncating division, and the shift quirks of
 * spec §4.8. Operands are numbers when they are safe integers and bigints
 * otherwise; the fast path stays in doubles and falls back to BigInt only when
 * a result leaves the safe range.
 */
type I64 = number | bigint;

const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

function big(a: I64): bigint {
  return typeof a === 'bigint' ? a : BigInt(a);
}

/** Normalizes a 64-bit result: wrapped, and a number when it is safe. */
export function normalize(v: bigint): I64 {
  const w = BigInt.asIntN(64, v);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}

/** a + b, wrapping. */
export function add(a: I64, b: I64): I64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalize(big(a) + big(b));
}

/** a - b, wrapping. */
export function sub(a: I64, b: I64): I64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalize(big(a) - big(b));
}

/** a * b, wrapping. */
export function mul(a: I64, b: I64): I64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normalize(big(a) * big(b));
}

/** a / b truncated toward zero; b must not be 0. INT64_MIN / -1 is INT64_MAX. */
export function div(a: I64, b: I64): I64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = (a - (a % b)) / b;
    return r === 0 ? 0 : r;
  }
  const x = big(a);
  const y = big(b);
  if (x === INT64_MIN && y === -1n) return INT64_MAX;
  return normalize(x / y);
}

/** a % b with the sign of a; b must not be 0. INT64_MIN % -1 is 0. */
export function mod(a: I64, b: I64): I64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r === 0 ? 0 : r;
  }
  return normalize(big(a) % big(b));
}

/** -a, wrapping (INT64_MIN stays INT64_MIN). */
export function neg(a: I64): I64 {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return normalize(-a);
}

function small(a: I64): a is number {
  return typeof a === 'number' && a >= -2147483648 && a <= 2147483647;
}

/** a & b. */
export function bitAnd(a: I64, b: I64): I64 {
  if (small(a) && small(b)) return a & b;
  return normalize(big(a) & big(b));
}

/** a | b. */
export function bitOr(a: I64, b: I64): I64 {
  if (small(a) && small(b)) return a | b;
  return normalize(big(a) | big(b));
}

/** a ^ b. */
export function bitXor(a: I64, b: I64): I64 {
  if (small(a) && small(b)) return a ^ b;
  return normalize(big(a) ^ big(b));
}

/** ~a. */
export function bitNot(a: I64): I64 {
  if (small(a)) return ~a;
  return normalize(~big(a));
}

/** a << n: the count is taken modulo 64 (x86). */
export function shiftLeft(a: I64, n: I64): I64 {
  const s = BigInt.asUintN(6, big(n));
  return normalize(big(a) << s);
}

/**
 * a >> n: for a >= 0, the count modulo 64; for a < 0, an arithmetic shift
 * min(64, n) times, none when n <= 0.
 */
export function shiftRight(a: I64, n: I64): I64 {
  const x = big(a);
  const c = big(n);
  if (x >= 0n) return normalize(x >> BigInt.asUintN(6, c));
  if (c <= 0n) return a;
  return normalize(x >> (c > 64n ? 64n : c));
}

/**
 * a >>> n: for a >= 0 as `>>` modulo 64; for a < 0,
 * ((a >> 1) & INT64_MAX) >> ((n - 1) & 63).
 */
export function shiftRightUnsigned(a: I64, n: I64): I64 {
  const x = big(a);
  const c = big(n);
  if (x >= 0n) return normalize(x >> BigInt.asUintN(6, c));
  return normalize(((x >> 1n) & INT64_MAX) >> BigInt.asUintN(6, c - 1n));
}

/** Compares two integers: negative, zero or positive. */
export function compare(a: I64, b: I64): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An integer as a double (rounded as C's conversion does). */
export function toDouble(a: I64): number {
  return typeof a === 'number' ? a : Number(a);
}

/**
 * A double truncated toward zero to a 64-bit integer, as x86 converts:
 * NaN and values out of range give INT64_MIN.
 */
export function fromDouble(d: number): I64 {
  if (Number.isNaN(d) || d >= 9223372036854775808 || d < -9223372036854775808) return INT64_MIN;
  const t = Math.trunc(d);
  return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : BigInt(t);
}

/** The low 32 bits of an integer as a signed 32-bit value (C's `(int)` truncation). */
export function toInt32(a: I64): number {
  return typeof a === 'number' ? a | 0 : Number(BigInt.asIntN(32, a));
}
