/**
 * Which function names a call may use: the evaluator's registered builtins
 * and the functions that exist only inside HTCondor daemons.
 */
import '../../eval/functions/index.js';
import { builtinNames } from '../../eval/functions/registry.js';
import { allBuiltins } from './builtins.js';

let known: Set<string> | undefined;

/** Whether a function name (any case) names a known function. */
export function isKnownFunction(name: string): boolean {
  known ??= new Set([
    ...builtinNames(),
    ...allBuiltins()
      .filter((b) => b.daemonOnly)
      .map((b) => b.name.toLowerCase()),
  ]);
  return known.has(name.toLowerCase());
}
