/**
 * C `printf` emulation for doubles, as used by the ClassAd unparser.
 *
 * JavaScript's `toExponential` rounds the exact binary value correctly but breaks exact
 * decimal ties away from zero, while glibc rounds them to even. Ties can only occur for
 * doubles with a short exact decimal expansion, so they are detected cheaply and fixed
 * with exact BigInt arithmetic. Pure functions, no Node-only imports.
 */

/** Options for {@link formatG}: the C conversion flags that matter for `%g`. */
export interface GFormatOptions {
  /** Use `%G` instead of `%g`: uppercase `E`, `INF`, `NAN`. */
  upper?: boolean;
  /** The `0` flag: pad to `minWidth` with zeros after the sign instead of leading spaces. */
  zeroPad?: boolean;
  /** The `#` flag: keep trailing zeros and the decimal point. */
  alternate?: boolean;
}

/** Significant digits and decimal exponent of a positive finite double, rounded as glibc does. */
interface Rounded {
  /** Exactly the requested number of significant digits. */
  digits: string;
  /** Decimal exponent of the first digit. */
  exp: number;
}

const TWO_53 = 9007199254740992;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The exact decimal expansion of a positive finite double, trailing zeros removed. */
function exactDecimal(x: number): Rounded {
  f64[0] = x;
  const hi = u32[littleEndian ? 1 : 0]!;
  const lo = u32[littleEndian ? 0 : 1]!;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (biased === 0) {
    e2 = -1074;
  } else {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  let text: string;
  let exp: number;
  if (e2 >= 0) {
    text = (mant << BigInt(e2)).toString();
    exp = text.length - 1;
  } else {
    text = (mant * 5n ** BigInt(-e2)).toString();
    exp = text.length - 1 + e2;
  }
  let end = text.length;
  while (end > 1 && text.charCodeAt(end - 1) === 48) end--;
  return { digits: text.slice(0, end), exp };
}

/** Round an exact decimal expansion to `p` significant digits, ties to even. */
function roundHalfEven(exact: Rounded, p: number): Rounded {
  const d = exact.digits;
  if (d.length <= p) return { digits: d + '0'.repeat(p - d.length), exp: exact.exp };
  const next = d.charCodeAt(p) - 48;
  let up: boolean;
  if (next !== 5) up = next > 5;
  else up = d.length > p + 1 || (d.charCodeAt(p - 1) - 48) % 2 === 1;
  const kept = d.slice(0, p);
  if (!up) return { digits: kept, exp: exact.exp };
  const chars = kept.split('');
  let i = p - 1;
  while (i >= 0 && chars[i] === '9') chars[i--] = '0';
  if (i < 0) return { digits: '1' + '0'.repeat(p - 1), exp: exact.exp + 1 };
  chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
  return { digits: chars.join(''), exp: exact.exp };
}

/** Split `toExponential` output of a positive number into digits and exponent. */
function splitExponential(s: string): Rounded {
  const e = s.indexOf('e');
  const mant = s.charCodeAt(1) === 46 ? s[0]! + s.slice(2, e) : s.slice(0, e);
  return { digits: mant, exp: Number(s.slice(e + 1)) };
}

/**
 * Whether `x` (positive, finite) could lie exactly halfway between two `p`-digit decimals.
 * A tie needs an exact expansion of `p + 1` significant digits: for a non-integer
 * `m * 2^e` (m odd) that has at least `-e * log10(5)` digits, so `x * 2^K` must be an integer;
 * an integer below 2^53 has at most 16 digits.
 */
function mayTie(x: number, p: number): boolean {
  if (Number.isInteger(x)) return !(x < TWO_53 && p >= 16);
  if (!Number.isInteger(x * 2 ** Math.ceil(1.44 * (p + 1)))) return false;
  // Now x = N / 2^j has exactly j fraction digits. If j < p - intDigits there are at most
  // p - 1 significant digits. `intDigits` may be off by one; the test stays conservative.
  const intDigits = x < 1 ? 0 : Math.floor(Math.log10(x)) + 1;
  return !Number.isInteger(x * 2 ** (p - 1 - intDigits));
}

/** `x` (positive, finite) rounded to `p` (>= 1) significant digits exactly as glibc does. */
function roundToDigits(x: number, p: number): Rounded {
  if (p > 100) return roundHalfEven(exactDecimal(x), p);
  if (mayTie(x, p)) {
    const wider = x.toExponential(p);
    // The (p+1)th digit is a 5: it may be an exact tie, so decide exactly.
    if (wider.charCodeAt(wider.indexOf('e') - 1) === 53) return roundHalfEven(exactDecimal(x), p);
  }
  return splitExponential(x.toExponential(p - 1));
}

/** Two-or-more digit exponent with sign, as C prints it. */
function cExponent(exp: number, upper: boolean): string {
  const abs = exp < 0 ? -exp : exp;
  return (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (abs < 10 ? '0' : '') + abs;
}

/** Strip trailing zeros of a fraction, and the point if nothing is left. */
function trimFraction(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** Apply a C field width, padding with spaces (or zeros after the sign when `zero`). */
function pad(sign: string, body: string, width: number, zero: boolean): string {
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  return zero ? sign + '0'.repeat(width - len) + body : ' '.repeat(width - len) + sign + body;
}

/**
 * C `%{minWidth}.{precision}g` (or `%G` with `options.upper`) of a double, matching glibc for
 * every value: correct rounding with ties to even, `%f`/`%e` choice, trailing zeros trimmed.
 */
export function formatG(
  x: number,
  precision: number,
  minWidth = 0,
  options: GFormatOptions = {},
): string {
  const upper = options.upper === true;
  const alternate = options.alternate === true;
  const negative = x < 0 || Object.is(x, -0);
  const sign = negative ? '-' : '';
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return pad(Number.isNaN(x) ? '' : sign, upper ? word.toUpperCase() : word, minWidth, false);
  }
  const p = precision <= 0 ? 1 : Math.floor(precision);
  const abs = negative ? -x : x;
  const r = abs === 0 ? { digits: '0'.repeat(p), exp: 0 } : roundToDigits(abs, p);
  const d = r.digits;
  const e = r.exp;
  let body: string;
  if (e < -4 || e >= p) {
    body = d[0]! + (p > 1 || alternate ? '.' + d.slice(1) : '');
    if (!alternate) body = trimFraction(body);
    body += cExponent(e, upper);
  } else {
    if (e >= 0) body = d.slice(0, e + 1) + '.' + d.slice(e + 1);
    else body = '0.' + '0'.repeat(-e - 1) + d;
    body = alternate ? body : trimFraction(body);
  }
  return pad(sign, body, minWidth, options.zeroPad === true);
}

/** The spellings shared by both real syntaxes for zeros, NaN and infinities, else undefined. */
function specialReal(x: number): string | undefined {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  if (x !== x) return 'real("NaN")';
  if (x === Infinity) return 'real("INF")';
  if (x === -Infinity) return 'real("-INF")';
  return undefined;
}

/** A real as the new-syntax unparser prints it: C `"%1.15E"`, with ClassAd spellings for 0, NaN and inf. */
export function formatRealNew(x: number): string {
  const special = specialReal(x);
  if (special !== undefined) return special;
  const abs = x < 0 ? -x : x;
  let s = abs.toExponential(15);
  if (mayTie(abs, 16)) {
    const wider = abs.toExponential(16);
    if (wider.charCodeAt(wider.indexOf('e') - 1) === 53) {
      const r = roundHalfEven(exactDecimal(abs), 16);
      s = r.digits[0] + '.' + r.digits.slice(1) + (r.exp < 0 ? 'e-' : 'e+') + Math.abs(r.exp);
    }
  }
  const e = s.indexOf('e');
  const expSign = s.charCodeAt(e + 1) === 45 ? '-' : '+';
  const expDigits = s.slice(e + 2);
  return (
    (x < 0 ? '-' : '') +
    s.slice(0, e) +
    'E' +
    expSign +
    (expDigits.length < 2 ? '0' + expDigits : expDigits)
  );
}

/** A real as the old-syntax unparser prints it: C `"%.16G"`, plus `.0` when it would read as an integer. */
export function formatRealOld(x: number): string {
  const special = specialReal(x);
  if (special !== undefined) return special;
  const s = formatG(x, 16, 0, { upper: true });
  return s.indexOf('.') < 0 && s.indexOf('E') < 0 ? s + '.0' : s;
}
