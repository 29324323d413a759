/**
 * List builtins (spec §6.8): `size`, `member`, `identicalMember`, `sum`,
 * `avg`, `min`, `max`, `anyCompare`, `allCompare`.
 *
 * Elements are evaluated lazily, in order, in the list's own scope; an
 * element whose evaluation fails makes the whole call fail.
 */
import { listElement } from '../compile.js';
import { toDouble } from '../integers.js';
import { arithmetic, comparison, identical, notIdentical } from '../operators.js';
import type { EvalState } from '../state.js';
import {
  bool,
  ERROR,
  FALSE,
  int,
  listLength,
  real,
  TRUE,
  UNDEFINED,
  type ListValue,
  type Value,
} from '../values.js';
import { defineFunction } from './registry.js';

/** Whether a value counts as a number for `sum`/`avg`/`min`/`max` (booleans do). */
function isNumber(v: Value): boolean {
  return v.type === 'integer' || v.type === 'real' || v.type === 'boolean';
}

/** The element values of a list, one at a time (lazy, so a short circuit stops evaluating). */
function* elements(list: ListValue, s: EvalState): Generator<Value> {
  const n = listLength(list);
  for (let i = 0; i < n; i++) yield listElement(list, i, s);
}

defineFunction('size', 1, 1, ([v]) => {
  switch (v!.type) {
    case 'undefined':
      return UNDEFINED;
    case 'string':
      return int(v.value.length);
    case 'list':
      return int(listLength(v));
    case 'classad':
      return int(v.ad.size); // own attributes only, not a chained parent's
    default:
      return ERROR;
  }
});

function memberOf(identicalTest: boolean) {
  return ([x, list]: Value[], s: EvalState): Value => {
    if (list!.type === 'undefined') return UNDEFINED;
    if (!identicalTest && x!.type === 'undefined') return UNDEFINED;
    if (list!.type !== 'list' || x!.type === 'list' || x!.type === 'classad') return ERROR;
    if (!identicalTest && x!.type === 'error') return ERROR;
    for (const e of elements(list, s)) {
      const r = identicalTest ? identical(e, x!) : comparison('==', e, x!);
      if (r === TRUE) return TRUE;
    }
    return FALSE;
  };
}

defineFunction('member', 2, 2, memberOf(false));
defineFunction('identicalMember', 2, 2, memberOf(true));

/**
 * The counted (non-UNDEFINED) elements' sum and count: the first counted
 * element is taken as is, the rest are added with `+`. Undefined (ERROR) if
 * an element is not a number; the sum is INTEGER 0 when nothing was counted.
 */
function listSum(list: ListValue, s: EvalState): { sum: Value; count: number } | undefined {
  let sum: Value = int(0);
  let count = 0;
  for (const e of elements(list, s)) {
    if (e.type === 'undefined') continue;
    if (!isNumber(e)) return undefined;
    sum = count === 0 ? e : arithmetic('+', sum, e);
    count++;
  }
  return { sum, count };
}

defineFunction('sum', 1, 1, ([l], s) => {
  if (l!.type === 'undefined') return UNDEFINED;
  if (l!.type !== 'list') return ERROR;
  const r = listSum(l, s);
  return r ? r.sum : ERROR;
});

defineFunction('avg', 1, 1, ([l], s) => {
  if (l!.type === 'undefined') return UNDEFINED;
  if (l!.type !== 'list') return ERROR;
  const r = listSum(l, s);
  if (!r) return ERROR;
  // With nothing counted the (INTEGER 0) sum is returned as is.
  return r.count === 0 ? r.sum : arithmetic('/', r.sum, real(r.count));
});

/**
 * HTCondor's comparison promotes both operands in place before comparing:
 * booleans become integers, and an integer meeting a real becomes a real.
 * `min`/`max` keep the promoted values, so `min({1,2.5})` is 1.0.
 */
function promotePair(a: Value, b: Value): [Value, Value] {
  if (a.type === 'real' || b.type === 'real') return [asReal(a), asReal(b)];
  return [asInteger(a), asInteger(b)];
}

function asReal(v: Value): Value {
  if (v.type === 'integer') return real(toDouble(v.value));
  if (v.type === 'boolean') return real(v.value ? 1 : 0);
  return v;
}

function asInteger(v: Value): Value {
  return v.type === 'boolean' ? int(v.value ? 1 : 0) : v;
}

function bound(op: '<' | '>') {
  return ([l]: Value[], s: EvalState): Value => {
    if (l!.type === 'undefined') return UNDEFINED;
    if (l!.type !== 'list') return ERROR;
    let best: Value | undefined;
    for (const e of elements(l, s)) {
      if (e.type === 'undefined') continue;
      if (!isNumber(e)) return ERROR;
      if (best === undefined) {
        best = e;
        continue;
      }
      const [elem, current] = promotePair(e, best);
      best = comparison(op, elem, current) === TRUE ? elem : current;
    }
    return best ?? UNDEFINED;
  };
}

defineFunction('min', 1, 1, bound('<'));
defineFunction('max', 1, 1, bound('>'));

/** The comparison for an `anyCompare`/`allCompare` operator string (case-sensitive), if valid. */
function compareOperator(op: string): ((a: Value, b: Value) => Value) | undefined {
  switch (op) {
    case '<':
    case '<=':
    case '!=':
    case '==':
    case '>':
    case '>=':
      return (a, b) => comparison(op, a, b);
    case 'is':
      return identical;
    case 'isnt':
      return notIdentical;
    default:
      return undefined;
  }
}

function listCompare(all: boolean) {
  return ([op, list, v]: Value[], s: EvalState): Value => {
    if (op!.type === 'undefined') return UNDEFINED;
    if (op!.type !== 'string') return ERROR;
    const compare = compareOperator(op.value);
    if (!compare) return ERROR;
    if (list!.type === 'undefined') return UNDEFINED;
    if (list!.type !== 'list') return ERROR;
    for (const e of elements(list, s)) {
      const r = compare(e, v!);
      if (r.type === 'error') return ERROR;
      // An UNDEFINED comparison ends either function with false.
      if (r.type !== 'boolean') return FALSE;
      if (r.value !== all) return bool(r.value);
    }
    return bool(all);
  };
}

defineFunction('anyCompare', 3, 3, listCompare(false));
defineFunction('allCompare', 3, 3, listCompare(true));
