/**
 * The evaluator: compiles an AST once into closures, which are cached on the
 * ad entry (or list) that holds the expression. One evaluator, no tree walker.
 *
 * Scoping follows spec §5: unscoped names climb the enclosing ads, special
 * names (`self`, `parent`, `root`, and under old semantics `my` and
 * `CurrentTime`) resolve where the climb starts, old semantics fall back to
 * the alternate scope during matchmaking, and a reference back to an
 * expression under evaluation is a cycle (UNDEFINED).
 */
import type * as A from '../language/ast.js';
import { asciiLower } from '../language/bytes.js';
import { mergedEntries } from '../language/recordOrder.js';
import { boolEquiv } from './convert.js';
import { lookupFunction } from './functions/registry.js';
import { andRest, binaryFunction, orRest, unary } from './operators.js';
import { AdScope, type AttrEntry, type Compiled } from './scope.js';
import { enter, EvalFailure, fail, type EvalState } from './state.js';
import {
  absTime,
  adValue,
  bool,
  ERROR,
  FALSE,
  int,
  listLength,
  listOf,
  real,
  str,
  TRUE,
  UNDEFINED,
  type ListValue,
  type Value,
} from './values.js';
import { toInt32 } from './integers.js';

const compiledCache = new WeakMap<A.Expr, Compiled>();

/** Compiles an expression (cached per node). */
export function compile(expr: A.Expr): Compiled {
  let fn = compiledCache.get(expr);
  if (!fn) {
    fn = compileNode(expr);
    compiledCache.set(expr, fn);
  }
  return fn;
}

/** Evaluates an ad entry's expression with `ad` as the current ad (cycle-checked). */
export function evaluateEntry(entry: AttrEntry, ad: AdScope, s: EvalState): Value {
  if (entry.constant !== undefined) return entry.constant;
  if (entry.busy) return UNDEFINED;
  let fn = entry.fn;
  if (fn === undefined) {
    const constant = literalValue(entry.expr);
    if (constant !== undefined) return (entry.constant = constant);
    fn = entry.fn = compile(entry.expr);
  }
  const saved = s.curAd;
  s.curAd = ad;
  entry.busy = true;
  try {
    return fn(s);
  } finally {
    entry.busy = false;
    s.curAd = saved;
  }
}

/** The names with special meaning in lookup (lower case). */
const specialNames = new Set(['self', 'parent', 'root', 'toplevel', 'my', 'currenttime']);

function resolveSpecial(
  name: string,
  current: AdScope,
  outer: AdScope | null,
  s: EvalState,
): Value | undefined {
  switch (name) {
    case 'self':
      return adValue(current);
    case 'parent':
      return outer ? adValue(outer) : UNDEFINED;
    case 'root':
    case 'toplevel':
      return s.rootAd ? adValue(s.rootAd) : fail('no root scope');
    case 'my':
      return s.oldSemantics ? adValue(current) : undefined;
    case 'currenttime':
      return s.oldSemantics ? int(s.now()) : undefined;
  }
  return undefined;
}

/**
 * Looks a (lower-cased) name up starting at `start`, climbing the enclosing
 * ads (spec §5.2). `alternate` enables old semantics' fallback to the
 * starting ad's alternate scope.
 */
export function lookupInScope(
  start: AdScope | null,
  name: string,
  s: EvalState,
  alternate: boolean,
): Value {
  let current = start;
  while (current !== null) {
    const entry = current.lookup(name);
    if (entry !== undefined) return evaluateEntry(entry, current, s);
    const outer = current === s.rootAd ? null : current.parentScope;
    if (specialNames.has(name)) {
      const v = resolveSpecial(name, current, outer, s);
      if (v !== undefined) return v;
    }
    current = outer;
    if (current === start) break;
  }
  if (alternate && s.oldSemantics && start !== null && start.alternateScope !== null) {
    return lookupInScope(start.alternateScope, name, s, false);
  }
  return UNDEFINED;
}

/** Evaluates element `i` of a list in the list's scope. */
export function listElement(list: ListValue, i: number, s: EvalState): Value {
  if (list.values) return list.values[i]!;
  const saved = s.curAd;
  s.curAd = list.scope ?? null;
  try {
    return compile(list.exprs![i]!)(s);
  } finally {
    s.curAd = saved;
  }
}

/** All elements of a list, evaluated. */
export function listElements(list: ListValue, s: EvalState): Value[] {
  if (list.values) return list.values as Value[];
  const out: Value[] = [];
  const n = listLength(list);
  for (let i = 0; i < n; i++) out.push(listElement(list, i, s));
  return out;
}

/** `v.name` where v is already evaluated: lookup in an ad, projection over a list. */
function select(v: Value, name: string, s: EvalState): Value {
  switch (v.type) {
    case 'undefined':
    case 'error':
      return v;
    case 'classad':
      return lookupInScope(v.ad, name, s, false);
    case 'list': {
      const n = listLength(v);
      const out: Value[] = [];
      for (let i = 0; i < n; i++) out.push(select(listElement(v, i, s), name, s));
      return listOf(out);
    }
    default:
      return ERROR;
  }
}

function subscript(target: Value, index: Value, s: EvalState): Value {
  if (target.type === 'error' || index.type === 'error') return ERROR;
  if (target.type === 'undefined' || index.type === 'undefined') return UNDEFINED;
  if (target.type === 'list') {
    if (index.type !== 'integer') return ERROR;
    const i = toInt32(index.value);
    if (i < 0 || i >= listLength(target)) return ERROR;
    const depth = s.depth;
    try {
      return listElement(target, i, s);
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e;
      s.depth = depth;
      return ERROR;
    }
  }
  if (target.type === 'classad' && index.type === 'string') {
    const entry = target.ad.lookup(asciiLower(index.value));
    return entry ? evaluateEntry(entry, target.ad, s) : UNDEFINED;
  }
  return ERROR;
}

/** The value of a literal node (one that needs no evaluation), else undefined. */
export function literalValue(e: A.Expr): Value | undefined {
  switch (e.kind) {
    case 'Integer':
      return int(e.value);
    case 'Real':
      return real(e.value);
    case 'String':
      return str(e.value);
    case 'Boolean':
      return bool(e.value);
    case 'Undefined':
      return UNDEFINED;
    case 'Error':
      return ERROR;
    case 'AbsTime':
      return absTime(e.secs, e.offset);
    default:
      return undefined;
  }
}

function constant(v: Value): Compiled {
  return () => v;
}

function compileNode(e: A.Expr): Compiled {
  switch (e.kind) {
    case 'Integer':
      return constant(int(e.value));
    case 'Real':
      return constant(real(e.value));
    case 'String':
      return constant(str(e.value));
    case 'Boolean':
      return constant(bool(e.value));
    case 'Undefined':
      return constant(UNDEFINED);
    case 'Error':
    case 'Invalid':
      return constant(ERROR);
    case 'AbsTime':
      return constant(absTime(e.secs, e.offset));
    case 'RelTime':
      // Since HTCondor 24 (HTCONDOR-2374) a relTime("...") literal evaluates to
      // a REAL number of seconds; the corpus pins this.
      return constant(real(e.seconds));
    case 'Paren':
      return compile(e.inner);
    case 'AttributeRef':
      return compileReference(e);
    case 'Unary': {
      const operand = compile(e.operand);
      const op = e.op;
      return (s) => {
        enter(s);
        const r = unary(op, operand(s));
        s.depth--;
        return r;
      };
    }
    case 'Binary':
      return compileBinary(e);
    case 'Ternary': {
      const cond = compile(e.cond);
      const then = compile(e.then);
      const otherwise = compile(e.otherwise);
      return (s) => {
        enter(s);
        const c = cond(s);
        let r: Value;
        const b = boolEquiv(c);
        if (b === true) r = then(s);
        else if (b === false) r = otherwise(s);
        else if (c.type === 'undefined' || c.type === 'error') r = c;
        else {
          then(s);
          otherwise(s);
          r = ERROR;
        }
        s.depth--;
        return r;
      };
    }
    case 'Elvis': {
      const left = compile(e.left);
      const right = compile(e.right);
      return (s) => {
        enter(s);
        const l = left(s);
        const r = l.type === 'undefined' ? right(s) : l;
        s.depth--;
        return r;
      };
    }
    case 'Subscript': {
      const target = compile(e.target);
      const index = compile(e.index);
      return (s) => {
        enter(s);
        const t = target(s);
        const r = subscript(t, index(s), s);
        s.depth--;
        return r;
      };
    }
    case 'Call':
      return compileCall(e);
    case 'List': {
      const items = e.items;
      return (s) => ({ type: 'list', exprs: items, scope: s.curAd });
    }
    case 'Record': {
      const attrs = new Map<string, AttrEntry>();
      for (const entry of mergedEntries(e))
        attrs.set(asciiLower(entry.name), { name: entry.name, expr: entry.value });
      return (s) => {
        const ad = new AdScope(attrs, true);
        ad.parentScope = s.curAd;
        return adValue(ad);
      };
    }
  }
}

function compileReference(e: A.AttributeRef): Compiled {
  const name = asciiLower(e.name);
  if (e.scope) {
    const scope = compile(e.scope);
    return (s) => {
      enter(s);
      const r = select(scope(s), name, s);
      s.depth--;
      return r;
    };
  }
  if (e.absolute) {
    return (s) => {
      enter(s);
      if (s.rootAd === null) fail('absolute reference with no root scope');
      const r = lookupInScope(s.rootAd, name, s, false);
      s.depth--;
      return r;
    };
  }
  return (s) => {
    enter(s);
    const r = lookupInScope(s.curAd, name, s, true);
    s.depth--;
    return r;
  };
}

function compileBinary(e: A.Binary): Compiled {
  const left = compile(e.left);
  const right = compile(e.right);
  if (e.op === '&&') {
    return (s) => {
      enter(s);
      const a = left(s);
      let r: Value;
      if (a.type === 'error') r = ERROR;
      else if (boolEquiv(a) === false) r = FALSE;
      else r = andRest(a, right(s));
      s.depth--;
      return r;
    };
  }
  if (e.op === '||') {
    return (s) => {
      enter(s);
      const a = left(s);
      let r: Value;
      if (a.type === 'error') r = ERROR;
      else if (boolEquiv(a) === true) r = TRUE;
      else r = orRest(a, right(s));
      s.depth--;
      return r;
    };
  }
  const op = binaryFunction(e.op);
  return (s) => {
    enter(s);
    const a = left(s);
    const r = op(a, right(s));
    s.depth--;
    return r;
  };
}

function compileCall(e: A.Call): Compiled {
  const args = e.args.map(compile);
  const lower = asciiLower(e.name);
  let fn = lookupFunction(lower);
  return (s) => {
    fn ??= lookupFunction(lower);
    if (!fn) return ERROR; // an unknown function is ERROR, not a parse error
    enter(s);
    const r = fn(args, s, e);
    s.depth--;
    return r;
  };
}
