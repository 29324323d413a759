/**
 * The builtin function table: case-insensitive names to implementations.
 * Families register themselves (see index.ts); users add their own with
 * `registerFunction`.
 */
import type { Call } from '../../language/ast.js';
import { asciiLower } from '../../language/bytes.js';
import type { Compiled } from '../scope.js';
import type { EvalState } from '../state.js';
import { ERROR, type Value } from '../values.js';

/**
 * A builtin: receives its arguments compiled but unevaluated (most functions
 * evaluate them all first: see `eager`), the state, and the call node.
 */
export type Builtin = (args: readonly Compiled[], s: EvalState, call: Call) => Value;

/** An eager builtin's body: the evaluated arguments, left to right. */
export type EagerBody = (args: Value[], s: EvalState) => Value;

const table = new Map<string, Builtin>();

/** Registers (or replaces) a builtin under a case-insensitive name. */
export function registerBuiltin(name: string, fn: Builtin): void {
  table.set(asciiLower(name), fn);
}

/** The builtin for a lower-cased name, if any. */
export function lookupFunction(lowerName: string): Builtin | undefined {
  return table.get(lowerName);
}

/** Every registered name (lower case). */
export function builtinNames(): string[] {
  return [...table.keys()];
}

/**
 * Wraps a body that takes evaluated arguments. All arguments are evaluated,
 * left to right, before the arity is checked; a wrong count is ERROR.
 */
export function eager(body: EagerBody, minArgs = 0, maxArgs = Infinity): Builtin {
  return (args, s) => {
    const values: Value[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) values[i] = args[i]!(s);
    if (values.length < minArgs || values.length > maxArgs) return ERROR;
    return body(values, s);
  };
}

/** Registers an eager builtin taking between minArgs and maxArgs arguments. */
export function defineFunction(
  name: string,
  minArgs: number,
  maxArgs: number,
  body: EagerBody,
): void {
  registerBuiltin(name, eager(body, minArgs, maxArgs));
}
