/**
 * Symmetric matchmaking (spec §8): a job (left, MY) against machines (right,
 * TARGET), as HTCondor's `IsAMatch` does it — `RIGHT.requirements &&
 * LEFT.requirements`, the machine's side first — with the job's Rank. The
 * job's expressions are compiled once; each machine is bound in turn into
 * one reusable match ad.
 */
import type { Expr } from '../language/ast.js';
import { parseExpression } from '../language/parser.js';
import { compile } from '../eval/compile.js';
import { boolEquiv } from '../eval/convert.js';
import '../eval/functions/index.js';
import { MatchContext } from '../eval/matchContext.js';
import { AdScope, type Compiled } from '../eval/scope.js';
import type { Value } from '../eval/values.js';

/** Matching options. */
export interface MatchOptions {
  /** Strict (pure library) semantics instead of HTCondor's default. */
  strict?: boolean;
  /** The current time in epoch seconds. */
  now?: () => number;
}

/** The outcome of matching a job with one machine. */
export interface MatchResult {
  /** The symmetric match: both Requirements BoolEquiv-true. */
  matches: boolean;
  /** The value of `RIGHT.requirements && LEFT.requirements`. */
  value: Value;
  /** The job's Rank evaluated against the machine (UNDEFINED if none). */
  rank: Value;
  /** The rank as the negotiator reads it: numbers as doubles, anything else 0. */
  rankNumber: number;
}

let compiledExprs:
  | Record<
      'symmetric' | 'machineRequirements' | 'jobRequirements' | 'leftRank' | 'rightRank',
      Compiled
    >
  | undefined;
function exprs() {
  return (compiledExprs ??= {
    symmetric: compile(parseExpression('RIGHT.requirements && LEFT.requirements')),
    machineRequirements: compile(parseExpression('RIGHT.requirements')),
    jobRequirements: compile(parseExpression('LEFT.requirements')),
    leftRank: compile(parseExpression('LEFT.rank')),
    rightRank: compile(parseExpression('RIGHT.rank')),
  });
}

/** A rank value as HTCondor's EvalFloat reads it: numbers (and booleans) as doubles, else 0. */
export function rankAsNumber(v: Value): number {
  if (v.type === 'integer') return Number(v.value);
  if (v.type === 'real') return Number.isNaN(v.value) ? 0 : v.value;
  if (v.type === 'boolean') return v.value ? 1 : 0;
  return 0;
}

/** Matches one job against machines, reusing one match ad. */
export class Matcher {
  private readonly context: MatchContext;

  constructor(
    readonly job: AdScope,
    options: MatchOptions = {},
  ) {
    this.context = new MatchContext(job, new AdScope(), options);
  }

  /** The symmetric match of the job with a machine, and the job's rank of it. */
  match(machine: AdScope): MatchResult {
    const c = this.context;
    const e = exprs();
    c.setRight(machine);
    const value = c.evaluate(e.symmetric, c.root);
    const rank = c.evaluate(e.leftRank, c.root);
    return { matches: boolEquiv(value) === true, value, rank, rankNumber: rankAsNumber(rank) };
  }

  /** Whether the job's Requirements accept the machine (`rightMatchesLeft`). */
  jobAccepts(machine: AdScope): boolean {
    this.context.setRight(machine);
    return boolEquiv(this.context.evaluate(exprs().jobRequirements, this.context.root)) === true;
  }

  /** Whether the machine's Requirements accept the job. */
  machineAccepts(machine: AdScope): boolean {
    this.context.setRight(machine);
    return (
      boolEquiv(this.context.evaluate(exprs().machineRequirements, this.context.root)) === true
    );
  }

  /** Evaluates any expression in the job (MY) with the machine as TARGET. */
  evaluate(expr: Expr, machine: AdScope, inMachine = false): Value {
    this.context.setRight(machine);
    return this.context.evaluate(compile(expr), inMachine ? machine : this.job);
  }

  /** The machine's own Rank of the job. */
  machineRank(machine: AdScope): Value {
    this.context.setRight(machine);
    return this.context.evaluate(exprs().rightRank, this.context.root);
  }

  /** Unlinks the last machine and the job from the match ad. */
  release(): void {
    this.context.release();
  }
}
