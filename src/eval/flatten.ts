/**
 * Partial evaluation (HTCondor's `Flatten`): every subexpression that
 * depends only on the ad is replaced by its value; what needs the target (or
 * is defined nowhere) stays an expression. `Requirements` of a job flattened
 * in the job becomes a predicate over machine attributes only.
 */
import type * as A from '../language/ast.js';
import { boolEquiv, valueToExpr } from './convert.js';
import { evaluateIn } from './evaluate.js';
import { findReferences } from './references.js';
import type { AdScope } from './scope.js';

const NO_POS = { start: -1, end: -1 };

function literal(e: A.Expr): boolean {
  switch (e.kind) {
    case 'Integer':
    case 'Real':
    case 'String':
    case 'Boolean':
    case 'Undefined':
    case 'Error':
    case 'AbsTime':
    case 'RelTime':
      return true;
    default:
      return false;
  }
}

/** Flattens `expr` in `ad` (strict selects the pure library semantics). */
export function flatten(expr: A.Expr, ad: AdScope, strict = false): A.Expr {
  const closed = (e: A.Expr) => findReferences(e, ad).external.length === 0;
  const fold = (e: A.Expr): A.Expr | undefined => {
    if (literal(e) || !closed(e)) return undefined;
    const { value, failed } = evaluateIn(e, ad, { strict });
    if (failed || value.type === 'list' || value.type === 'classad') return undefined;
    return valueToExpr(value);
  };
  const visit = (e: A.Expr): A.Expr => {
    const folded = fold(e);
    if (folded) return folded;
    switch (e.kind) {
      case 'Paren': {
        const inner = visit(e.inner);
        return literal(inner) ? inner : { ...e, inner };
      }
      case 'Unary':
        return { ...e, operand: visit(e.operand) };
      case 'Binary': {
        const left = visit(e.left);
        if (literal(left)) {
          const b = left.kind === 'Error' ? undefined : boolEquiv(evaluateIn(left, null).value);
          if (e.op === '&&' && b === false) return { kind: 'Boolean', value: false, ...NO_POS };
          if (e.op === '||' && b === true) return { kind: 'Boolean', value: true, ...NO_POS };
        }
        return { ...e, left, right: visit(e.right) };
      }
      case 'Ternary': {
        const cond = visit(e.cond);
        if (literal(cond)) {
          const b = boolEquiv(evaluateIn(cond, null).value);
          if (b === true) return visit(e.then);
          if (b === false) return visit(e.otherwise);
        }
        return { ...e, cond, then: visit(e.then), otherwise: visit(e.otherwise) };
      }
      case 'Elvis':
        return { ...e, left: visit(e.left), right: visit(e.right) };
      case 'Subscript':
        return { ...e, target: visit(e.target), index: visit(e.index) };
      case 'Call':
        return { ...e, args: e.args.map(visit) };
      case 'List':
        return { ...e, items: e.items.map(visit) };
      default:
        return e;
    }
  };
  return visit(expr);
}
