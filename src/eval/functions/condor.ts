/**
 * HTCondor compat-layer builtins (spec §6.11) other than the string lists:
 * `split`, `splitUserName`, `splitSlotName`, `evalInEachContext`,
 * `countMatches`, the environment and argument converters (`envV1ToV2`,
 * `mergeEnvironment`, `argsToList`, `listToArgs`) and the user lookups
 * (`userHome`, `userMap`) as they behave in a process with no user-map files
 * and `CLASSAD_ENABLE_USER_HOME` off.
 *
 * The daemon-only functions (`ResourcesInUseByUser`,
 * `ResourcesInUseByUsersGroup`, `SlotEval`) are not registered: standalone
 * they are unknown functions, hence ERROR.
 */
import type { Expr } from '../../language/ast.js';
import { asciiLower } from '../../language/bytes.js';
import { compile, listElement } from '../compile.js';
import { boolEquiv } from '../convert.js';
import type { AdScope, AttrEntry } from '../scope.js';
import { EvalFailure, rootOf, type EvalState } from '../state.js';
import {
  ERROR,
  int,
  listLength,
  listOf,
  str,
  UNDEFINED,
  type ClassAdValue,
  type ListValue,
  type Value,
} from '../values.js';
import { defineFunction, registerBuiltin } from './registry.js';

/** C `isspace` in the "C" locale. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

// ---------------------------------------------------------------------------
// split, splitUserName, splitSlotName

/**
 * HTCondor's `split`: pieces between separator bytes. Runs of separators
 * collapse, except that a non-whitespace separator repeating the previous
 * non-whitespace separator emits an empty piece (`"a,,b"`, `"a, ,b"`).
 */
function splitAt(s: string, seps: string): string[] {
  const out: string[] = [];
  let last = 0;
  if (seps.length > 0) {
    let previous = -1; // the last non-whitespace separator seen
    for (let i = 0; i < s.length; i++) {
      if (!seps.includes(s[i]!)) continue;
      const c = s.charCodeAt(i);
      if (i > last) out.push(s.slice(last, i));
      else if (previous !== -1 && !isSpace(previous) && previous === c) out.push('');
      if (!isSpace(c)) previous = c;
      last = i + 1;
    }
  }
  if (s.length > last) out.push(s.slice(last));
  return out;
}

defineFunction('split', 1, 2, ([s, seps]) => {
  if (s!.type !== 'string') return ERROR;
  if (seps !== undefined && seps.type !== 'string') return ERROR;
  return listOf(splitAt(s.value, seps?.value ?? ', \t').map(str));
});

function splitName(userName: boolean) {
  return ([s]: Value[]): Value => {
    if (s!.type !== 'string') return ERROR;
    const at = s.value.indexOf('@');
    if (at >= 0) return listOf([str(s.value.slice(0, at)), str(s.value.slice(at + 1))]);
    return listOf(userName ? [s, str('')] : [str(''), s]);
  };
}

defineFunction('splitUserName', 1, 1, splitName(true));
defineFunction('splitSlotName', 1, 1, splitName(false));

// ---------------------------------------------------------------------------
// evalInEachContext, countMatches

/** The entry a name resolves to from `start`, climbing enclosing ads as lookup does. */
function findEntry(
  start: AdScope | null,
  name: string,
  s: EvalState,
  alternate: boolean,
): AttrEntry | undefined {
  let current = start;
  while (current !== null) {
    const entry = current.lookup(name);
    if (entry !== undefined) return entry;
    current = current === s.rootAd ? null : current.parentScope;
    if (current === start) break;
  }
  if (alternate && s.oldSemantics && start?.alternateScope) {
    return findEntry(start.alternateScope, name, s, false);
  }
  return undefined;
}

/**
 * The expression evaluated in each context: when the argument is an
 * attribute reference that resolves here, the referenced expression
 * (`evalInEachContext(RequireGPUs, AvailableGPUs)`); otherwise the argument
 * itself (`Capability` then projects that attribute).
 */
function contextExpression(arg: Expr, s: EvalState): Expr {
  if (arg.kind !== 'AttributeRef') return arg;
  const name = asciiLower(arg.name);
  let entry: AttrEntry | undefined;
  if (arg.scope) {
    const scope = compile(arg.scope)(s);
    if (scope.type === 'classad') entry = findEntry(scope.ad, name, s, false);
  } else if (arg.absolute) {
    entry = findEntry(s.rootAd, name, s, false);
  } else {
    entry = findEntry(s.curAd, name, s, true);
  }
  return entry?.expr ?? arg;
}

/**
 * Evaluates element `i` of the list; a failed evaluation gives ERROR, as
 * HTCondor's per-element evaluation does.
 */
function elementOrError(list: ListValue, i: number, s: EvalState): Value {
  const depth = s.depth;
  try {
    return listElement(list, i, s);
  } catch (e) {
    if (!(e instanceof EvalFailure)) throw e;
    s.depth = depth;
    return ERROR;
  }
}

/**
 * Evaluates `expr` with the nested ad as the current scope (and the root of
 * its scope chain as the root), in a state of its own as HTCondor does. In a
 * match, the nested ad borrows its enclosing ad's alternate scope so that
 * unscoped names still fall back to the other side. A failure gives ERROR.
 */
function evaluateInContext(expr: Expr, nested: ClassAdValue, s: EvalState): Value {
  const ad = nested.ad;
  const savedAlternate = ad.alternateScope;
  const enclosing = ad.parentScope;
  if (enclosing?.alternateScope) ad.alternateScope = enclosing.alternateScope;
  const inner: EvalState = { ...s, curAd: ad, rootAd: rootOf(ad) };
  try {
    return compile(expr)(inner);
  } catch (e) {
    if (!(e instanceof EvalFailure)) throw e;
    return ERROR;
  } finally {
    s.steps = inner.steps;
    ad.alternateScope = savedAlternate;
  }
}

registerBuiltin('evalInEachContext', (args, s, call) => {
  if (args.length !== 2) return ERROR;
  const expr = contextExpression(call.args[0]!, s);
  const list = args[1]!(s);
  // HTCondor's documentation (and the corpus taken from it) make a second
  // argument that is not a list of ClassAds, UNDEFINED included, an ERROR.
  // (The compat-layer code instead returns UNDEFINED for an UNDEFINED list and
  // an UNDEFINED or ERROR element for a non-ad element: spec §11.)
  if (list.type !== 'list') return ERROR;
  const n = listLength(list);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) {
    const e = elementOrError(list, i, s);
    if (e.type !== 'classad') return ERROR;
    out.push(evaluateInContext(expr, e, s));
  }
  return listOf(out);
});

registerBuiltin('countMatches', (args, s, call) => {
  if (args.length !== 2) return ERROR;
  const expr = contextExpression(call.args[0]!, s);
  const list = args[1]!(s);
  if (list.type === 'undefined') return int(0);
  if (list.type !== 'list') return ERROR;
  const n = listLength(list);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const e = elementOrError(list, i, s);
    // Elements that are not ads, and results that are not true, do not count.
    if (e.type === 'classad' && boolEquiv(evaluateInContext(expr, e, s)) === true) count++;
  }
  return int(count);
});

// ---------------------------------------------------------------------------
// Argument and environment syntax (HTCondor's ArgList and Env)

const ARG_WHITESPACE = ' \t\n\r';

/**
 * Splits a raw V2 argument string: whitespace separates, single quotes group
 * (`''` inside them is a literal quote). Undefined on an unbalanced quote.
 */
function splitArgsV2(s: string): string[] | undefined {
  const out: string[] = [];
  let buf = '';
  let inToken = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'") {
      inToken = true;
      i++;
      for (;;) {
        if (i >= s.length) return undefined;
        if (s[i] === "'") {
          if (s[i + 1] !== "'") break;
          buf += "'";
          i += 2;
        } else {
          buf += s[i++];
        }
      }
    } else if (ARG_WHITESPACE.includes(c)) {
      if (inToken) out.push(buf);
      inToken = false;
      buf = '';
    } else {
      inToken = true;
      buf += c;
    }
  }
  if (inToken) out.push(buf);
  return out;
}

/** Splits a raw V1 (Unix) argument string at runs of whitespace. */
function splitArgsV1(s: string): string[] {
  return s.split(/[ \t\n\r]+/).filter((a) => a !== '');
}

/**
 * Joins arguments in raw V2 syntax: each whitespace or quote byte is wrapped
 * in single quotes (adjacent quoted sections merged), an empty argument is `''`.
 */
function joinArgsV2(args: readonly string[]): string {
  let out = '';
  for (const arg of args) {
    if (out.length > 0) out += ' ';
    if (arg === '') out += "''";
    for (const c of arg) {
      if (ARG_WHITESPACE.includes(c) || c === "'") {
        if (out.length > 0 && out.endsWith("'")) out = out.slice(0, -1);
        else out += "'";
        if (c === "'") out += "'";
        out += c + "'";
      } else {
        out += c;
      }
    }
  }
  return out;
}

/** Joins arguments in raw V1 syntax; undefined when one holds whitespace. */
function joinArgsV1(args: readonly string[]): string | undefined {
  let out = '';
  for (const arg of args) {
    if (/[ \t\r\n]/.test(arg)) return undefined;
    if (out.length > 0) out += ' ';
    out += arg;
  }
  return out;
}

/** An environment: names to values; null marks an unexpanded `$$()` entry kept verbatim. */
type Environment = Map<string, string | null>;

/** Adds a `name=value` entry; false when it is malformed. */
function setEnvEntry(env: Environment, entry: string): boolean {
  if (entry === '') return false;
  const eq = entry.indexOf('=');
  if (eq < 0 && entry.includes('$$')) {
    env.set(entry, null);
    return true;
  }
  if (eq <= 0) return false;
  env.set(entry.slice(0, eq), entry.slice(eq + 1));
  return true;
}

/** Merges a raw V2 environment string; false when it does not parse. */
function mergeEnvV2(env: Environment, s: string): boolean {
  const entries = splitArgsV2(s);
  return entries !== undefined && entries.every((e) => setEnvEntry(env, e));
}

/** Delimiters a V1 environment string may announce with its first byte. */
const V1_PERMITTED_DELIMS = '!#$%&*+,-/:;<>?@^`|~\x1f';

/**
 * Merges a V1 environment string: entries separated by `;` (or by the
 * delimiter its first byte announces) or newlines, leading whitespace skipped.
 */
function mergeEnvV1(env: Environment, s: string): boolean {
  let delim = ';';
  let i = 0;
  if (s.length > 0 && (s[0] === delim || V1_PERMITTED_DELIMS.includes(s[0]!))) {
    delim = s[0]!;
    i = 1;
  }
  while (i < s.length) {
    while (i < s.length && ARG_WHITESPACE.includes(s[i]!)) i++;
    let entry = '';
    while (i < s.length && s[i] !== '\n' && s[i] !== delim) entry += s[i++];
    i++; // the delimiter
    if (entry !== '' && !setEnvEntry(env, entry)) return false;
  }
  return true;
}

/** An environment in raw V2 syntax, names in byte order. */
function envToV2(env: Environment): string {
  const names = [...env.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return joinArgsV2(names.map((n) => (env.get(n) === null ? n : `${n}=${env.get(n)}`)));
}

defineFunction('envV1ToV2', 1, 1, ([v]) => {
  if (v!.type === 'undefined') return UNDEFINED;
  if (v!.type !== 'string') return ERROR;
  const env: Environment = new Map();
  return mergeEnvV1(env, v.value) ? str(envToV2(env)) : ERROR;
});

defineFunction('mergeEnvironment', 0, Infinity, (args) => {
  const env: Environment = new Map();
  for (const v of args) {
    if (v.type === 'undefined') continue;
    if (v.type !== 'string' || !mergeEnvV2(env, v.value)) return ERROR;
  }
  return str(envToV2(env));
});

/** The argument-syntax version argument: INTEGER 1 or 2 (default 2), else undefined. */
function argsVersion(v: Value | undefined): 1 | 2 | undefined {
  if (v === undefined) return 2;
  if (v.type !== 'integer') return undefined;
  return v.value === 1 ? 1 : v.value === 2 ? 2 : undefined;
}

defineFunction('argsToList', 1, 2, ([s, v]) => {
  const version = argsVersion(v);
  if (version === undefined || s!.type !== 'string') return ERROR;
  const args = version === 1 ? splitArgsV1(s.value) : splitArgsV2(s.value);
  return args ? listOf(args.map(str)) : ERROR;
});

defineFunction('listToArgs', 1, 2, ([l, v], s) => {
  const version = argsVersion(v);
  if (version === undefined || l!.type !== 'list') return ERROR;
  const args: string[] = [];
  const n = listLength(l);
  for (let i = 0; i < n; i++) {
    const e = listElement(l, i, s);
    if (e.type !== 'string') return ERROR;
    args.push(e.value);
  }
  const out = version === 1 ? joinArgsV1(args) : joinArgsV2(args);
  return out === undefined ? ERROR : str(out);
});

// ---------------------------------------------------------------------------
// userHome, userMap (standalone: lookups disabled, no map files)

defineFunction('userHome', 1, 2, ([user, dflt]) => {
  const fallback = dflt?.type === 'string' ? dflt.value : '';
  if (user!.type === 'undefined' && fallback === '') return UNDEFINED;
  if (user!.type !== 'string') return fallback !== '' ? str(fallback) : ERROR;
  // CLASSAD_ENABLE_USER_HOME is off outside a configured HTCondor.
  return fallback !== '' ? str(fallback) : UNDEFINED;
});

defineFunction('userMap', 2, 4, ([map, user, , dflt]) => {
  if (map!.type !== 'string' || user!.type !== 'string') {
    if (map!.type === 'error' || user!.type === 'error') return ERROR;
  }
  // No user-map files are loaded: every mapping fails.
  return dflt ?? UNDEFINED;
});
