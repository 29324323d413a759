/**
 * The match ad HTCondor builds to evaluate a job against a machine (spec
 * §8.1): LEFT (the job, MY) and RIGHT (the machine, TARGET), each with a
 * context ad (`lCtx`/`rCtx`) as its parent scope that binds `my`, `target`,
 * `other` and `ad`, under a root holding `symmetricMatch` and friends.
 *
 * A MatchContext is built once and re-pointed at each candidate with
 * `setRight`, so matching a job against many machines allocates little.
 */
import type { Expr } from '../language/ast.js';
import { parseExpression } from '../language/parser.js';
import { valueToExpr } from './convert.js';
import { AdScope, type AttrEntry, type Compiled } from './scope.js';
import { EvalFailure, type EvalState } from './state.js';
import { adValue, ERROR, type Value } from './values.js';

const matchAttributes: [string, string][] = [
  ['symmetricMatch', 'RIGHT.requirements && LEFT.requirements'],
  ['leftMatchesRight', 'RIGHT.requirements'],
  ['rightMatchesLeft', 'LEFT.requirements'],
  ['leftRankValue', 'LEFT.rank'],
  ['rightRankValue', 'RIGHT.rank'],
];

let parsed: [string, Expr][] | undefined;
function matchExprs(): [string, Expr][] {
  return (parsed ??= matchAttributes.map(([name, text]) => [name, parseExpression(text)]));
}

/**
 * A context ad `[ other = .RIGHT; target = .RIGHT; my = .LEFT; ad = .LEFT ]`
 * (or the mirror). Each entry prints as its absolute reference but evaluates
 * straight to the ad, which is what the reference would find.
 */
function contextAd(
  myName: string,
  otherName: string,
  my: () => AdScope,
  other: () => AdScope,
  root: AdScope,
): AdScope {
  const ctx = new AdScope();
  for (const [name, target, get] of [
    ['other', otherName, other],
    ['target', otherName, other],
    ['my', myName, my],
    ['ad', myName, my],
  ] as const) {
    ctx.bindEntry({
      name,
      expr: { kind: 'AttributeRef', name: target, absolute: true, start: -1, end: -1 },
      fn: () => adValue(get()),
    });
  }
  ctx.parentScope = root;
  return ctx;
}

/** Options of a match context. */
export interface MatchOptions {
  /** Strict (pure library) semantics instead of HTCondor's default. */
  strict?: boolean;
  /** The current time in epoch seconds. */
  now?: () => number;
}

/** A reusable match ad binding a left (MY) and a right (TARGET) ad. */
export class MatchContext {
  /** The match ad (the root scope). */
  readonly root = new AdScope();
  private readonly lCtx: AdScope;
  private readonly rCtx: AdScope;
  private readonly state: EvalState;
  private savedLeft: [AdScope | null, AdScope | null];
  private savedRight: [AdScope | null, AdScope | null];

  constructor(
    public left: AdScope,
    public right: AdScope,
    options: MatchOptions = {},
  ) {
    for (const [name, expr] of matchExprs()) this.root.bind(name, expr);
    const getLeft = () => this.left;
    const getRight = () => this.right;
    this.lCtx = contextAd('LEFT', 'RIGHT', getLeft, getRight, this.root);
    this.rCtx = contextAd('RIGHT', 'LEFT', getRight, getLeft, this.root);
    const bindAd = (name: string, get: () => AdScope) => {
      const entry: AttrEntry = {
        name,
        get expr() {
          return valueToExpr(adValue(get()));
        },
        fn: () => adValue(get()),
      };
      this.root.bindEntry(entry);
    };
    const lCtx = this.lCtx;
    const rCtx = this.rCtx;
    bindAd('lCtx', () => lCtx);
    bindAd('rCtx', () => rCtx);
    bindAd('LEFT', getLeft);
    bindAd('RIGHT', getRight);
    this.savedLeft = [left.parentScope, left.alternateScope];
    this.savedRight = [right.parentScope, right.alternateScope];
    this.link();
    this.state = {
      curAd: left,
      rootAd: this.root,
      depth: 0,
      steps: 0,
      oldSemantics: !options.strict,
      now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    };
  }

  private link(): void {
    this.left.parentScope = this.lCtx;
    this.right.parentScope = this.rCtx;
    this.left.alternateScope = this.right;
    this.right.alternateScope = this.left;
  }

  /** Points the context at another right (TARGET) ad. */
  setRight(ad: AdScope): void {
    if (ad === this.right) return;
    [this.right.parentScope, this.right.alternateScope] = this.savedRight;
    this.right = ad;
    this.savedRight = [ad.parentScope, ad.alternateScope];
    this.link();
  }

  /** Points the context at another left (MY) ad. */
  setLeft(ad: AdScope): void {
    if (ad === this.left) return;
    [this.left.parentScope, this.left.alternateScope] = this.savedLeft;
    this.left = ad;
    this.savedLeft = [ad.parentScope, ad.alternateScope];
    this.link();
  }

  /** Evaluates a compiled expression with `in` (default: the left ad) as the current ad. */
  evaluate(fn: Compiled, inAd: AdScope = this.left): Value {
    return this.evaluateChecked(fn, inAd).value;
  }

  /** Like `evaluate`, also telling whether the evaluation failed (value then ERROR). */
  evaluateChecked(fn: Compiled, inAd: AdScope = this.left): { value: Value; failed: boolean } {
    const s = this.state;
    s.curAd = inAd;
    s.depth = 0;
    s.steps = 0;
    try {
      return { value: fn(s), failed: false };
    } catch (e) {
      if (e instanceof EvalFailure || e instanceof RangeError)
        return { value: ERROR, failed: true };
      throw e;
    }
  }

  /** Restores the two ads' own parent and alternate scopes. */
  release(): void {
    [this.left.parentScope, this.left.alternateScope] = this.savedLeft;
    [this.right.parentScope, this.right.alternateScope] = this.savedRight;
  }
}
