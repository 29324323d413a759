/**
 * Top-level evaluation: an expression in an ad (MY), optionally paired with
 * a target ad (TARGET) as in a match, in HTCondor's default or strict
 * semantics. A failure (§4.13) becomes ERROR here, with `failed` set.
 */
import type { Expr } from '../language/ast.js';
import { compile } from './compile.js';
import './functions/index.js';
import { MatchContext } from './matchContext.js';
import { AdScope } from './scope.js';
import { EvalFailure, newState } from './state.js';
import { ERROR, type Value } from './values.js';

/** Options for evaluation. */
export interface EvaluateOptions {
  /** Strict (pure library) semantics instead of HTCondor's default. */
  strict?: boolean;
  /** The TARGET ad: MY and TARGET are bound as in a match (MY on the left). */
  target?: AdScope;
  /** The current time in epoch seconds (default: the clock). */
  now?: () => number;
}

/** The result of a top-level evaluation. */
export interface EvaluateResult {
  value: Value;
  /** The evaluation failed (depth or step limit, `random(0)`, ...): value is ERROR. */
  failed: boolean;
}

/**
 * Evaluates `expr` as if it were an attribute of `ad` (its parent scope is
 * the ad), without the target, or in a match with it.
 */
export function evaluateIn(
  expr: Expr,
  ad: AdScope | null,
  options: EvaluateOptions = {},
): EvaluateResult {
  const my = ad ?? new AdScope();
  if (options.target) {
    const match = new MatchContext(my, options.target, options);
    try {
      return match.evaluateChecked(compile(expr));
    } finally {
      match.release();
    }
  }
  const s = newState(my, !options.strict);
  if (options.now) s.now = options.now;
  try {
    return { value: compile(expr)(s), failed: false };
  } catch (e) {
    if (e instanceof EvalFailure || e instanceof RangeError) return { value: ERROR, failed: true };
    throw e;
  }
}
