/**
 * Math builtins (spec §6.4): `floor`, `ceiling`/`ceil`, `round`, `pow`,
 * `quantize` and `random`. As in HTCondor, the argument count is checked
 * before any argument is evaluated. Real-to-integer results convert like
 * x86-64 C: truncation, with NaN and out-of-range values giving INT64_MIN.
 */
import { listElement } from '../compile.js';
import { toReal } from '../convert.js';
import { add, div, fromDouble, mul, sub, toDouble, toInt32 } from '../integers.js';
import { fail } from '../state.js';
import { ERROR, int, listLength, real, type Value } from '../values.js';
import { registerBuiltin } from './registry.js';

/** Registers a builtin taking exactly `count` arguments (else ERROR, nothing evaluated). */
function defineFixed(name: string, count: number, body: (args: Value[]) => Value): void {
  registerBuiltin(name, (args, s) => {
    if (args.length !== count) return ERROR;
    const values: Value[] = [];
    for (const a of args) values.push(a(s));
    return body(values);
  });
}

/** ToReal as a number, or undefined when it does not convert (UNDEFINED included). */
function realOf(v: Value): number | undefined {
  const r = toReal(v);
  return r.type === 'real' ? r.value : undefined;
}

/** C `rint` in the default rounding mode: to nearest, ties to even. */
function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const frac = x - f;
  if (frac < 0.5) return f;
  if (frac > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

const rounders: [string, (x: number) => number][] = [
  ['floor', Math.floor],
  ['ceiling', Math.ceil],
  ['ceil', Math.ceil],
  ['round', rint],
];

for (const [name, round] of rounders) {
  defineFixed(name, 1, ([v]) => {
    if (v!.type === 'integer') return v!;
    const x = realOf(v!);
    return x === undefined ? ERROR : int(fromDouble(round(x)));
  });
}

/** C `pow`: JavaScript's, except that 1^y and (-1)^±inf are 1 as C99 specifies. */
function cPow(x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  return Math.pow(x, y);
}

defineFixed('pow', 2, ([b, e]) => {
  if (b!.type === 'integer' && e!.type === 'integer' && e.value >= 0) {
    // HTCondor rounds by adding 0.5 and truncating, which is one off for
    // negative odd powers: pow(-2, 3) is -7.
    return int(fromDouble(cPow(toDouble(b.value), toDouble(e.value)) + 0.5));
  }
  const x = realOf(b!);
  const y = realOf(e!);
  return x === undefined || y === undefined ? ERROR : real(cPow(x, y));
});

// quantize(a, b): a rounded up to a multiple of b; with a list, the first
// element at least a, else multiples of the last element.
registerBuiltin('quantize', (args, s) => {
  if (args.length !== 2) return ERROR;
  const a = args[0]!(s);
  let b = args[1]!(s);
  const r = realOf(a);
  if (r === undefined) return ERROR;
  let rb: number | undefined;
  if (b.type === 'list') {
    const list = b;
    // An empty list means a step of 0.0: no quantizing.
    b = real(0);
    rb = 0;
    const n = listLength(list);
    for (let i = 0; i < n; i++) {
      const element = listElement(list, i, s);
      const x = realOf(element);
      if (x === undefined) return ERROR;
      if (x >= r) return element;
      b = element;
      rb = x;
    }
  } else {
    rb = realOf(b);
    if (rb === undefined) return ERROR;
  }
  return quantizeTo(a, r, b, rb);
});

/** `a` (whose real value is `r`) rounded up to a multiple of the step `b` (real value `rb`). */
function quantizeTo(a: Value, r: number, b: Value, rb: number): Value {
  if (b.type === 'integer') {
    const k = b.value;
    if (k === 0 || k === 0n) return a;
    if (a.type === 'integer') return int(mul(div(sub(add(a.value, k), 1), k), k));
    return real(Math.ceil(r / toDouble(k)) * toDouble(k));
  }
  if (rb >= -1e-8 && rb <= 1e-8) return a;
  return real(Math.ceil(r / rb) * rb);
}

// random([x]): INTEGER x > 0 gives an integer in [0, x) (x truncated to 32
// bits), REAL x > 0 a real in [0, x); x <= 0 fails the whole evaluation.
registerBuiltin('random', (args, s) => {
  if (args.length > 1) return ERROR;
  const x = args.length === 0 ? real(1) : args[0]!(s);
  if (x.type === 'integer') {
    const n = toInt32(x.value);
    if (n <= 0) fail('random(): the bound is not positive');
    return int(Math.floor(Math.random() * 2147483648) % n);
  }
  if (x.type === 'real') {
    if (x.value <= 0) fail('random(): the bound is not positive');
    return real(x.value * Math.random());
  }
  return ERROR;
});
