/**
 * The state of one top-level evaluation: the current and root ads, the
 * semantics mode, and the bounds that keep a hostile expression from
 * crashing or hanging the process.
 */
import type { AdScope } from './scope.js';

/** HTCondor's evaluation recursion limit. */
export const MAX_EVAL_DEPTH = 400;
/** HTCondor's budget of node evaluations per top-level evaluation. */
export const MAX_EVAL_STEPS = 10_000_000;

/**
 * Evaluation failure (spec §4.13): distinct from ERROR, it propagates through
 * every operator and function (`isError(random(0))` fails too) and becomes
 * ERROR only at the top.
 */
export class EvalFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'EvalFailure';
  }
}

/** Mutable state threaded through compiled expressions. */
export interface EvalState {
  /** The ad unscoped names resolve in. */
  curAd: AdScope | null;
  /** The outermost ancestor of the starting ad (null on a scope loop). */
  rootAd: AdScope | null;
  /** Current nesting of operator, reference and call evaluations. */
  depth: number;
  /** Node evaluations so far. */
  steps: number;
  /** HTCondor's default (old) semantics: `MY`, `CurrentTime`, alternate scope. */
  oldSemantics: boolean;
  /** The current time in epoch seconds (`time()`). */
  now: () => number;
}

/** Fails the evaluation (throws EvalFailure). */
export function fail(reason: string): never {
  throw new EvalFailure(reason);
}

/** Enters one level of nesting, failing past the depth or step limits. */
export function enter(s: EvalState): void {
  if (++s.depth > MAX_EVAL_DEPTH) fail('evaluation nested too deeply');
  if (++s.steps > MAX_EVAL_STEPS) fail('evaluation step budget exhausted');
}

/** The root of an ad's parent-scope chain, or null if the chain loops. */
export function rootOf(ad: AdScope | null): AdScope | null {
  if (!ad) return null;
  let current = ad;
  const seen = new Set<AdScope>();
  while (current.parentScope) {
    seen.add(current);
    if (seen.has(current.parentScope)) return null;
    current = current.parentScope;
  }
  return current;
}

/** A fresh state for evaluating in `ad`. */
export function newState(ad: AdScope | null, oldSemantics: boolean): EvalState {
  return {
    curAd: ad,
    rootAd: rootOf(ad),
    depth: 0,
    steps: 0,
    oldSemantics,
    now: () => Math.floor(Date.now() / 1000),
  };
}
