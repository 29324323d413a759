/**
 * String-list builtins: functions over strings that hold delimited lists.
 *
 * * `stringListsIntersect` (spec §6.10) is the core library's: tokens are
 *   maximal runs of non-delimiter bytes, untrimmed, compared exactly.
 * * The `stringList*` family (spec §6.11) is HTCondor's compat layer: tokens
 *   are split at delimiter bytes, trimmed of whitespace, and empty ones are
 *   dropped (HTCondor's `StringTokenIterator`).
 */
import { asciiLower } from '../../language/bytes.js';
import { strtod } from '../convert.js';
import { fromDouble } from '../integers.js';
import { EvalFailure, type EvalState } from '../state.js';
import { bool, ERROR, FALSE, int, real, TRUE, UNDEFINED, type Value } from '../values.js';
import { CompiledRegex, compileRegex, parseRegexOptions } from './regex.js';
import { defineFunction, registerBuiltin } from './registry.js';

/** C `isspace` in the "C" locale. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

// ---------------------------------------------------------------------------
// stringListsIntersect (core library)

/** Maximal runs of bytes not in `delims` (an empty set means the default `" ,"`). */
function coreTokens(s: string, delims: string): string[] {
  const set = delims === '' ? ' ,' : delims;
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || set.includes(s[i]!)) {
      if (i > start) out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** Evaluates an argument; a failed evaluation gives ERROR here instead of failing the call. */
function evaluateOrError(arg: (s: EvalState) => Value, s: EvalState): Value {
  const depth = s.depth;
  try {
    return arg(s);
  } catch (e) {
    if (!(e instanceof EvalFailure)) throw e;
    s.depth = depth;
    return ERROR;
  }
}

registerBuiltin('stringListsIntersect', (args, s) => {
  if (args.length !== 2 && args.length !== 3) return ERROR;
  const values = args.map((a) => evaluateOrError(a, s));
  if (values.some((v) => v.type === 'error')) return ERROR;
  if (values.some((v) => v.type === 'undefined')) return UNDEFINED;
  const [l1, l2, delims] = values;
  if (delims !== undefined && delims.type !== 'string') return ERROR;
  if (l1!.type !== 'string' || l2!.type !== 'string') return ERROR;
  const d = delims?.type === 'string' ? delims.value : '';
  const right = new Set(coreTokens(l2.value, d));
  return bool(coreTokens(l1.value, d).some((t) => right.has(t)));
});

// ---------------------------------------------------------------------------
// The HTCondor stringList* family

/**
 * HTCondor's string-list tokens: split at any byte of `delims`, each piece
 * trimmed of whitespace, empty pieces dropped.
 */
export function stringListTokens(s: string, delims: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || delims.includes(s[i]!)) {
      let a = start;
      let b = i;
      while (a < b && isSpace(s.charCodeAt(a))) a++;
      while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
      if (b > a) out.push(s.slice(a, b));
      start = i + 1;
    }
  }
  return out;
}

/** The strings of a (list[, delims]) call, or undefined when one is not a string. */
function listAndDelims(args: Value[], defaultDelims: string): [string, string] | undefined {
  const [list, delims] = args;
  if (list!.type !== 'string') return undefined;
  if (delims === undefined) return [list.value, defaultDelims];
  return delims.type === 'string' ? [list.value, delims.value] : undefined;
}

defineFunction('stringListSize', 1, 2, (args) => {
  const sd = listAndDelims(args, ', ');
  return sd ? int(stringListTokens(...sd).length) : ERROR;
});

/** FLT_MAX and FLT_MIN, HTCondor's starting points for stringListMin/Max. */
const FLT_MAX = 3.4028234663852886e38;
const FLT_MIN = 1.1754943508222875e-38;

type Summary = 'sum' | 'avg' | 'min' | 'max';

function summarize(kind: Summary) {
  return (args: Value[]): Value => {
    const sd = listAndDelims(args, ', ');
    if (!sd) return ERROR;
    const tokens = stringListTokens(...sd);
    if (tokens.length === 0) return kind === 'sum' || kind === 'avg' ? real(0) : UNDEFINED;
    // Accumulated in double; Max starts from FLT_MIN, a positive number (an HTCondor bug).
    let acc = kind === 'min' ? FLT_MAX : kind === 'max' ? FLT_MIN : 0;
    let isReal = false;
    for (const t of tokens) {
      // sscanf("%lf"): a numeric prefix is enough.
      const parsed = strtod(t);
      if (parsed.length === 0) return ERROR;
      const x = parsed.value;
      if (/[^-+0-9]/.test(t)) isReal = true;
      if (kind === 'min') acc = x < acc ? x : acc;
      else if (kind === 'max') acc = x > acc ? x : acc;
      else acc = x + acc;
    }
    if (kind === 'avg') acc /= tokens.length;
    return isReal ? real(acc) : int(fromDouble(acc));
  };
}

defineFunction('stringListSum', 1, 2, summarize('sum'));
defineFunction('stringListAvg', 1, 2, summarize('avg'));
defineFunction('stringListMin', 1, 2, summarize('min'));
defineFunction('stringListMax', 1, 2, summarize('max'));

/**
 * The arguments of the member and subset functions: each a string or
 * UNDEFINED (else ERROR); both lists UNDEFINED gives UNDEFINED; otherwise
 * UNDEFINED reads as "" (and an UNDEFINED delimiter set as the default).
 */
function memberArgs(args: Value[]): [string, string, string] | Value {
  if (args.some((v) => v.type !== 'string' && v.type !== 'undefined')) return ERROR;
  const [x, list, delims] = args;
  if (x!.type === 'undefined' && list!.type === 'undefined') return UNDEFINED;
  const text = (v: Value | undefined, dflt: string) => (v?.type === 'string' ? v.value : dflt);
  return [text(x, ''), text(list, ''), text(delims, ', \t\r\n')];
}

function member(ignoreCase: boolean) {
  return (args: Value[]): Value => {
    const a = memberArgs(args);
    if (!Array.isArray(a)) return a;
    const [x, list, delims] = a;
    const fold = ignoreCase ? asciiLower : (t: string) => t;
    const want = fold(x);
    return bool(stringListTokens(list, delims).some((t) => fold(t) === want));
  };
}

function subsetMatch(ignoreCase: boolean) {
  return (args: Value[]): Value => {
    const a = memberArgs(args);
    if (!Array.isArray(a)) return a;
    const [sub, list, delims] = a;
    // The empty string is a subset of anything; a blank one (no tokens) of nothing.
    if (sub === '') return TRUE;
    const fold = ignoreCase ? asciiLower : (t: string) => t;
    const have = new Set(stringListTokens(list, delims).map(fold));
    const items = stringListTokens(sub, delims);
    if (items.length === 0) return FALSE;
    return bool(items.every((t) => have.has(fold(t))));
  };
}

defineFunction('stringListMember', 2, 3, member(false));
defineFunction('stringListIMember', 2, 3, member(true));
defineFunction('stringListSubsetMatch', 2, 3, subsetMatch(false));
defineFunction('stringListISubsetMatch', 2, 3, subsetMatch(true));

/**
 * Compiles a PCRE pattern with HTCondor's option letters (`i m s x`, either
 * case here; others ignored) on the linear-time engine, or returns undefined
 * when it is invalid or beyond what the engine expresses.
 */
function compilePattern(pattern: string, options: string): ((s: string) => boolean) | undefined {
  const compiled = compileRegex(pattern, parseRegexOptions(asciiLower(options)));
  if (!(compiled instanceof CompiledRegex)) return undefined;
  return (s) => compiled.test(s);
}

defineFunction('stringList_regexpMember', 2, 4, (args) => {
  if (args.some((v) => v.type !== 'string')) return ERROR;
  const [pattern, list, delims, options] = args.map((v) => (v as { value: string }).value);
  const matches = compilePattern(pattern!, options ?? '');
  if (!matches) return ERROR;
  const tokens = stringListTokens(list!, delims ?? ', ');
  if (tokens.length === 0) return UNDEFINED;
  return bool(tokens.some(matches));
});
