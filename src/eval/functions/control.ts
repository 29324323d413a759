/**
 * Control and meta builtins (spec §6.2): `ifThenElse` (lazy), `eval`,
 * `unparse`, `unresolved` and `debug`. As in HTCondor, the argument count is
 * checked before any argument is evaluated.
 */
import type * as A from '../../language/ast.js';
import { asciiLower } from '../../language/bytes.js';
import { tryParseExpression } from '../../language/parser.js';
import { printExpr } from '../../language/printer.js';
import { mergedEntries } from '../../language/recordOrder.js';
import { compile } from '../compile.js';
import { boolEquiv, toStringValue } from '../convert.js';
import type { AdScope, Compiled } from '../scope.js';
import {
  enter,
  EvalFailure,
  fail,
  MAX_EVAL_DEPTH,
  MAX_EVAL_STEPS,
  type EvalState,
} from '../state.js';
import { bool, ERROR, str, UNDEFINED, type Value } from '../values.js';
import { CompiledRegex, compileRegex } from './regex.js';
import { registerBuiltin } from './registry.js';

// ifThenElse(c, t, f): only c and the chosen branch are evaluated.
registerBuiltin('ifThenElse', (args, s) => {
  if (args.length !== 3) return ERROR;
  const c = args[0]!(s);
  const b = boolEquiv(c);
  if (b === undefined) return c.type === 'undefined' ? UNDEFINED : ERROR;
  return args[b ? 1 : 2]!(s);
});

// debug(x): x's value (HTCondor also logs the evaluation).
registerBuiltin('debug', (args, s) => (args.length === 1 ? args[0]!(s) : ERROR));

/** Parsed `eval()` strings, per semantics mode (bounded: cleared when full). */
const parsedCache = new Map<string, A.Expr | null>();
const PARSED_CACHE_LIMIT = 1024;

function parseForEval(text: string, strict: boolean): A.Expr | null {
  const key = (strict ? 's' : 'o') + text;
  let expr = parsedCache.get(key);
  if (expr === undefined) {
    expr = tryParseExpression(text, { binary: true, strict }) ?? null;
    if (parsedCache.size >= PARSED_CACHE_LIMIT) parsedCache.clear();
    parsedCache.set(key, expr);
  }
  return expr;
}

// eval(x): ToString(x) parsed as a full new-syntax expression (in the current
// semantics mode) and evaluated in the current state, so the current ad and
// MY/TARGET apply.
registerBuiltin('eval', (args, s) => {
  if (args.length !== 1) return ERROR;
  const text = toStringValue(args[0]!(s));
  if (text.type !== 'string') return ERROR;
  const expr = parseForEval(text.value, !s.oldSemantics);
  if (expr === null) return ERROR;
  const fn: Compiled = compile(expr);
  enter(s);
  const depth = s.depth;
  try {
    return fn(s);
  } finally {
    s.depth = depth - 1;
  }
});

// unparse(attr): the pretty-printed expression of the attribute whose name is
// the argument's text, looked up in the current ad only; "" when absent.
registerBuiltin('unparse', (args, s, call) => {
  const ref = call.args[0];
  if (args.length !== 1 || ref?.kind !== 'AttributeRef') return ERROR;
  const entry = s.curAd?.lookup(asciiLower(printExpr(ref)));
  return str(entry ? printExpr(entry.expr, { pretty: true }) : '');
});

/** Where a reference led: an attribute's expression, a whole ad (a special name), or nothing. */
type Found =
  | { kind: 'expr'; expr: A.Expr; ad: AdScope }
  | { kind: 'ad'; ad: AdScope; at: AdScope }
  | { kind: 'opaque' }
  | { kind: 'undefined' }
  | { kind: 'fail' };

/**
 * HTCondor's `LookupInScope` on expressions rather than values: climbs the
 * enclosing ads from `start` (stopping at the root); the special names
 * resolve as they do in evaluation.
 */
function findInScope(start: AdScope | null, lower: string, s: EvalState): Found {
  let current = start;
  while (current !== null) {
    const entry = current.lookup(lower);
    if (entry !== undefined) return { kind: 'expr', expr: entry.expr, ad: current };
    const outer = current === s.rootAd ? null : current.parentScope;
    switch (lower) {
      case 'self':
        return { kind: 'ad', ad: current, at: current };
      case 'parent':
        return outer ? { kind: 'ad', ad: outer, at: current } : { kind: 'undefined' };
      case 'root':
      case 'toplevel':
        return s.rootAd ? { kind: 'ad', ad: s.rootAd, at: current } : { kind: 'fail' };
      case 'my':
        if (s.oldSemantics) return { kind: 'ad', ad: current, at: current };
        break;
      case 'currenttime':
        if (s.oldSemantics) return { kind: 'opaque' };
        break;
    }
    current = outer;
    if (current === start) break;
  }
  return { kind: 'undefined' };
}

/** Evaluates a scope expression with `curAd` as the current ad; undefined on failure. */
function evaluateScope(expr: A.Expr, curAd: AdScope | null, s: EvalState): Value | undefined {
  const saved = s.curAd;
  const depth = s.depth;
  s.curAd = curAd;
  try {
    return compile(expr)(s);
  } catch (e) {
    if (!(e instanceof EvalFailure)) throw e;
    s.depth = depth;
    return undefined;
  } finally {
    s.curAd = saved;
  }
}

/** Resolves `unresolved()`'s reference argument to what it names (HTCondor's `Deref`). */
function deref(ref: A.AttributeRef, s: EvalState): Found {
  const lower = asciiLower(ref.name);
  if (ref.scope) {
    const v = evaluateScope(ref.scope, s.curAd, s);
    if (v === undefined) return { kind: 'fail' };
    if (v.type === 'list') return { kind: 'opaque' };
    if (v.type !== 'classad') return { kind: 'undefined' };
    return findInScope(v.ad, lower, s);
  }
  if (ref.absolute) return s.rootAd ? findInScope(s.rootAd, lower, s) : { kind: 'fail' };
  const found = findInScope(s.curAd, lower, s);
  const alternate = s.curAd?.alternateScope ?? null;
  if (found.kind === 'undefined' && s.oldSemantics && alternate !== null) {
    return findInScope(alternate, lower, s);
  }
  return found;
}

/** One node still to visit: its expression, the current ad, and how many lookups deep. */
interface Visit {
  expr: A.Expr;
  curAd: AdScope | null;
  depth: number;
}

/**
 * HTCondor's external references of what `found` names (`_GetExternalReferences`
 * with full names): every name that does not resolve, following the ones
 * that do; a scoped reference whose scope is undefined counts by its text.
 * Record attributes are visited with the enclosing current ad, as HTCondor
 * does. Keyed case-insensitively (first spelling kept); undefined when the
 * walk fails (a scope that is not an ad, too deep, an evaluation failure).
 */
function externalReferences(found: Found, s: EvalState): Map<string, string> | undefined {
  const refs = new Map<string, string>();
  const add = (name: string): void => {
    const key = asciiLower(name);
    if (!refs.has(key)) refs.set(key, name);
  };
  const stack: Visit[] = [];
  const pushAd = (ad: AdScope, at: AdScope, depth: number): void => {
    const entries = ad.entries();
    for (let i = entries.length - 1; i >= 0; i--) {
      stack.push({ expr: entries[i]!.expr, curAd: at, depth });
    }
  };
  if (found.kind === 'expr') stack.push({ expr: found.expr, curAd: found.ad, depth: 1 });
  else if (found.kind === 'ad') pushAd(found.ad, found.at, 2);
  const push = (items: readonly A.Expr[], curAd: AdScope | null, depth: number): void => {
    for (let i = items.length - 1; i >= 0; i--) stack.push({ expr: items[i]!, curAd, depth });
  };

  while (stack.length > 0) {
    const { expr: e, curAd, depth } = stack.pop()!;
    if (s.depth + depth > MAX_EVAL_DEPTH) return undefined;
    if (++s.steps > MAX_EVAL_STEPS) fail('evaluation step budget exhausted');
    switch (e.kind) {
      case 'AttributeRef': {
        let start: AdScope | null;
        if (e.scope) {
          const v = evaluateScope(e.scope, curAd, s);
          if (v === undefined) return undefined;
          if (v.type === 'undefined') {
            add(printExpr(e.scope) + '.' + e.name);
            break;
          }
          if (v.type !== 'classad') return undefined;
          start = v.ad;
        } else if (e.absolute) {
          if (s.rootAd === null) return undefined;
          start = s.rootAd;
        } else start = curAd;
        const r = findInScope(start, asciiLower(e.name), s);
        if (r.kind === 'fail') return undefined;
        if (r.kind === 'undefined') add(e.name);
        else if (r.kind === 'expr') stack.push({ expr: r.expr, curAd: r.ad, depth: depth + 1 });
        else if (r.kind === 'ad') pushAd(r.ad, r.at, depth + 2);
        break;
      }
      case 'Paren':
        stack.push({ expr: e.inner, curAd, depth });
        break;
      case 'Unary':
        stack.push({ expr: e.operand, curAd, depth });
        break;
      case 'Binary':
      case 'Elvis':
        push([e.left, e.right], curAd, depth);
        break;
      case 'Ternary':
        push([e.cond, e.then, e.otherwise], curAd, depth);
        break;
      case 'Subscript':
        push([e.target, e.index], curAd, depth);
        break;
      case 'Call':
        push(e.args, curAd, depth + 1);
        break;
      case 'List':
        push(e.items, curAd, depth + 1);
        break;
      case 'Record':
        push(
          mergedEntries(e).map((a) => a.value),
          curAd,
          depth + 1,
        );
        break;
      case 'Invalid':
        return undefined;
      default:
        break; // literals
    }
  }
  return refs;
}

/** The names in HTCondor's order (case-insensitive), each without a leading `target.`. */
function orderedNames(refs: Map<string, string>): string[] {
  return [...refs.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => {
      const name = refs.get(key)!;
      return key.startsWith('target.') ? name.slice(7) : name;
    });
}

/** Whether the pattern matches `text` with a non-empty match (PCRE2_NOTEMPTY). */
function matchesNonEmpty(re: CompiledRegex, text: string): boolean {
  const search = re.searcher(text);
  for (let at = 0; at <= text.length; at++) {
    const m = search.exec(at);
    if (m === null) return false;
    if (m.offsets[1]! > m.offsets[0]!) return true;
    if (search.execNonEmptyAt(m.offsets[0]!)) return true;
    at = m.offsets[0]!;
  }
  return false;
}

// unresolved(attr[, regex]): the attribute's external references, sorted and
// joined with ","; with a regex, whether any of them matches it.
registerBuiltin('unresolved', (args, s, call) => {
  const ref = call.args[0];
  if (args.length < 1 || args.length > 2 || ref?.kind !== 'AttributeRef') return ERROR;
  const found = deref(ref, s);
  if (found.kind === 'undefined' || found.kind === 'fail') return UNDEFINED;
  let re: CompiledRegex | undefined;
  if (args.length === 2) {
    const pattern = args[1]!(s);
    if (pattern.type !== 'string') fail('unresolved(): the pattern is not a string');
    const compiled = compileRegex(pattern.value, { caseless: true });
    if (!(compiled instanceof CompiledRegex)) return ERROR;
    re = compiled;
  }
  const refs = externalReferences(found, s);
  const names = refs ? orderedNames(refs) : [];
  if (re) return bool(names.some((name) => matchesNonEmpty(re, name)));
  return str(names.join(','));
});
