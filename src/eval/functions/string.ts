/**
 * String builtins (spec §6.5): strcat, join, toUpper, toLower, substr,
 * strcmp and stricmp. Strings are byte strings: lengths and offsets count
 * bytes, comparisons are byte-wise and case mapping touches ASCII letters only.
 */
import { asciiLower } from '../../language/bytes.js';
import { listElement } from '../compile.js';
import { toStringValue } from '../convert.js';
import { toInt32 } from '../integers.js';
import { compareIgnoreCase } from '../operators.js';
import type { Compiled } from '../scope.js';
import type { EvalState } from '../state.js';
import { ERROR, int, listLength, str, UNDEFINED, type ListValue, type Value } from '../values.js';
import { defineFunction, registerBuiltin } from './registry.js';

/** ASCII-only upper-casing of a byte string. */
function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

defineFunction('strcat', 0, Infinity, (args) => {
  let out = '';
  for (const a of args) {
    const s = toStringValue(a);
    if (s.type !== 'string') return s; // the first UNDEFINED or ERROR wins
    out += s.value;
  }
  return str(out);
});

/**
 * Joins items with a separator (spec §6.5 `join`): UNDEFINED items are
 * skipped (an UNDEFINED separator acts as ""), ERROR is ERROR, and the
 * separator goes only between items once the output is non-empty.
 */
class Joiner {
  private out = '';
  private separator = '';
  private skipped = false;
  private appended = false;

  /** Sets the separator; false when the result is ERROR. */
  setSeparator(v: Value): boolean {
    const s = toStringValue(v);
    if (s.type === 'error') return false;
    if (s.type === 'undefined') this.skipped = true;
    else this.separator = s.value;
    return true;
  }

  /** Appends one item; false when the result is ERROR. */
  add(v: Value): boolean {
    const s = toStringValue(v);
    if (s.type === 'error') return false;
    if (s.type === 'undefined') {
      this.skipped = true;
      return true;
    }
    if (this.out.length > 0) this.out += this.separator;
    this.out += s.value;
    this.appended = true;
    return true;
  }

  /** The joined string, or UNDEFINED when only UNDEFINED items were seen. */
  result(): Value {
    return this.skipped && !this.appended ? UNDEFINED : str(this.out);
  }
}

function joinList(separator: Value, list: ListValue, s: EvalState): Value {
  const j = new Joiner();
  if (!j.setSeparator(separator)) return ERROR;
  const n = listLength(list);
  for (let i = 0; i < n; i++) if (!j.add(listElement(list, i, s))) return ERROR;
  return j.result();
}

// join is lazy: with one or two arguments the last one is evaluated first, and
// when it is a list its elements (evaluated one by one) are the items.
registerBuiltin('join', (args: readonly Compiled[], s: EvalState) => {
  let values: Value[];
  if (args.length === 1 || args.length === 2) {
    const last = args[args.length - 1]!(s);
    if (last.type === 'list') return joinList(args.length === 2 ? args[0]!(s) : str(''), last, s);
    values = args.length === 2 ? [args[0]!(s), last] : [last];
  } else {
    values = args.map((a) => a(s));
  }
  if (values.length === 0) return str('');
  const j = new Joiner();
  if (!j.setSeparator(values[0]!)) return ERROR;
  for (let i = 1; i < values.length; i++) if (!j.add(values[i]!)) return ERROR;
  return j.result();
});

defineFunction('toUpper', 1, 1, ([v]) => {
  const s = toStringValue(v!);
  return s.type === 'string' ? str(asciiUpper(s.value)) : s;
});

defineFunction('toLower', 1, 1, ([v]) => {
  const s = toStringValue(v!);
  return s.type === 'string' ? str(asciiLower(s.value)) : s;
});

defineFunction('substr', 2, 3, (args) => {
  if (args.some((a) => a.type === 'undefined')) return UNDEFINED;
  const [text, offsetArg, lengthArg] = args;
  if (text!.type !== 'string' || offsetArg!.type !== 'integer') return ERROR;
  if (lengthArg !== undefined && lengthArg.type !== 'integer') return ERROR;
  const s = text!.value;
  const n = s.length;
  // HTCondor keeps offset and length in C ints: 64-bit values are truncated.
  let offset = toInt32(offsetArg!.value);
  let len = lengthArg ? toInt32(lengthArg.value) : 0;
  offset = offset < 0 ? Math.max(0, n + offset) : Math.min(offset, n);
  len = len <= 0 ? Math.max(0, n - offset + len) : Math.min(len, n - offset);
  if (lengthArg !== undefined && toInt32(lengthArg.value) === 0) len = 0;
  return str(s.slice(offset, offset + len));
});

// size() of strings, lists and ads is one function: see list.ts.

/** strcmp/stricmp: UNDEFINED first, then ToString both; the result is -1, 0 or 1. */
function compareStrings(a: Value, b: Value, ignoreCase: boolean): Value {
  if (a.type === 'undefined' || b.type === 'undefined') return UNDEFINED;
  const x = toStringValue(a);
  const y = toStringValue(b);
  if (x.type !== 'string' || y.type !== 'string') return ERROR;
  if (ignoreCase) return int(compareIgnoreCase(x.value, y.value));
  return int(x.value < y.value ? -1 : x.value > y.value ? 1 : 0);
}

defineFunction('strcmp', 2, 2, ([a, b]) => compareStrings(a!, b!, false));
defineFunction('stricmp', 2, 2, ([a, b]) => compareStrings(a!, b!, true));
