/**
 * The match ad HTCondor builds to evaluate a job against a machine (spec
 * §8.1): LEFT (the job, MY) and RIGHT (the machine, TARGET), each with a
 * context ad (`lCtx`/`rCtx`) as its parent scope that binds `my`, `target`,
 * `other` and `ad`, under a root holding `symmetricMatch` and friends.
 */
import type { Expr } from '../language/ast.js';
import { parseExpression } from '../language/parser.js';
import { valueToExpr } from './convert.js';
import { AdScope } from './scope.js';
import { adValue } from './values.js';

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

function context(my: string, other: string): AdScope {
  const ctx = new AdScope();
  for (const [name, target] of [
    ['other', other],
    ['target', other],
    ['my', my],
    ['ad', my],
  ] as const) {
    ctx.bind(name, {
      kind: 'AttributeRef',
      name: target,
      absolute: true,
      start: -1,
      end: -1,
    });
  }
  return ctx;
}

function bindAd(root: AdScope, name: string, ad: AdScope): void {
  const value = adValue(ad);
  root.bind(name, valueToExpr(value), () => value);
}

/** The scopes of a match, and how to undo the links it made on the two ads. */
export interface MatchScope {
  root: AdScope;
  left: AdScope;
  right: AdScope;
  /** Restores the two ads' parent and alternate scopes. */
  release(): void;
}

/**
 * Binds `left` (MY, the job) and `right` (TARGET, the machine) into a match
 * ad. The two ads' parent scopes and alternate scopes are set until `release`.
 */
export function createMatchScope(left: AdScope, right: AdScope): MatchScope {
  const root = new AdScope();
  for (const [name, expr] of matchExprs()) root.bind(name, expr);
  const lCtx = context('LEFT', 'RIGHT');
  const rCtx = context('RIGHT', 'LEFT');
  lCtx.parentScope = root;
  rCtx.parentScope = root;
  bindAd(root, 'lCtx', lCtx);
  bindAd(root, 'rCtx', rCtx);
  bindAd(root, 'LEFT', left);
  bindAd(root, 'RIGHT', right);
  const saved = [left.parentScope, left.alternateScope, right.parentScope, right.alternateScope];
  left.parentScope = lCtx;
  right.parentScope = rCtx;
  left.alternateScope = right;
  right.alternateScope = left;
  return {
    root,
    left,
    right,
    release() {
      [left.parentScope, left.alternateScope, right.parentScope, right.alternateScope] = saved;
    },
  };
}
