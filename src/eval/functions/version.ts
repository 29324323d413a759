/**
 * Version comparison builtins (spec §6.6): versioncmp, versionLT/LE/GT/GE/EQ
 * and version_in_range. Every argument goes through ToString, so numbers and
 * lists are compared by their unparsed text.
 */
import { toStringValue } from '../convert.js';
import { bool, ERROR, int, UNDEFINED, type Value } from '../values.js';
import { defineFunction } from './registry.js';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A byte as C's (signed) `char`. */
function signedByte(c: number): number {
  return c >= 128 ? c - 256 : c;
}

/** The number of digits from `start`. */
function digitRunLength(s: string, start: number): number {
  let i = start;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i - start;
}

/** Leading zeros of the digit run at `start`; in an all-zero run the last zero does not count. */
function leadingZeros(s: string, start: number): number {
  let i = start;
  while (i < s.length && s.charCodeAt(i) === 48) i++;
  const zeros = i - start;
  const allZero = !(i < s.length && isDigit(s.charCodeAt(i)));
  return allZero && zeros > 0 ? zeros - 1 : zeros;
}

/**
 * HTCondor's `natural_cmp` (a `strverscmp` relative): the raw, unnormalized
 * difference that orders `000 < 00 < 01 < 010 < 09 < 0 < 1 < 9 < 10`.
 */
export function naturalCompare(a: string, b: string): number {
  const common = Math.min(a.length, b.length);
  let i = 0;
  while (i < common && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && i === b.length) return 0;
  // A C string ends in NUL: the shorter string "has" a 0 byte at the mismatch.
  const c1 = i < a.length ? a.charCodeAt(i) : 0;
  const c2 = i < b.length ? b.charCodeAt(i) : 0;
  const diff = signedByte(c1) - signedByte(c2);
  // The digit run that ends at the mismatch starts at the same offset in both strings.
  let start = i;
  while (start > 0 && isDigit(a.charCodeAt(start - 1))) start--;
  if (start === i && !(isDigit(c1) && isDigit(c2))) return diff;
  const zeros1 = leadingZeros(a, start);
  const zeros2 = leadingZeros(b, start);
  if (zeros1 !== zeros2) return zeros2 - zeros1;
  if (zeros1 > 0) return diff;
  const length1 = digitRunLength(a, start);
  const length2 = digitRunLength(b, start);
  return length1 !== length2 ? length1 - length2 : diff;
}

/**
 * Both arguments through ToString: UNDEFINED if either is UNDEFINED, ERROR if
 * either cannot be converted, else the natural comparison.
 */
function compareArgs(left: Value, right: Value): number | Value {
  const l = toStringValue(left);
  const r = toStringValue(right);
  if (l.type === 'undefined' || r.type === 'undefined') return UNDEFINED;
  if (l.type !== 'string' || r.type !== 'string') return ERROR;
  return naturalCompare(l.value, r.value);
}

defineFunction('versioncmp', 2, 2, ([l, r]) => {
  const c = compareArgs(l!, r!);
  return typeof c === 'number' ? int(c) : c;
});

const predicates: [string, (c: number) => boolean][] = [
  ['versionLT', (c) => c < 0],
  ['versionLE', (c) => c <= 0],
  ['versionGT', (c) => c > 0],
  ['versionGE', (c) => c >= 0],
  ['versionEQ', (c) => c === 0],
];

for (const [name, test] of predicates) {
  defineFunction(name, 2, 2, ([l, r]) => {
    const c = compareArgs(l!, r!);
    return typeof c === 'number' ? bool(test(c)) : c;
  });
}

defineFunction('version_in_range', 3, 3, ([version, min, max]) => {
  // The version itself must convert (UNDEFINED is ERROR here); the bounds may be UNDEFINED.
  const v = toStringValue(version!);
  if (v.type !== 'string') return ERROR;
  const lo = toStringValue(min!);
  const hi = toStringValue(max!);
  if (lo.type === 'error' || hi.type === 'error') return ERROR;
  if (lo.type !== 'string' || hi.type !== 'string') return UNDEFINED;
  return bool(naturalCompare(lo.value, v.value) <= 0 && naturalCompare(v.value, hi.value) <= 0);
});
