/**
 * Rule `always-error`: an operation whose operands are all literals and that
 * evaluates to ERROR (`"a" + 1`, `1 / 0`, `substr("abc", 1.5)`), found by
 * evaluating literal-only subexpressions with the evaluator, bottom up (each
 * node once, its operands replaced by their values). Only the innermost such
 * operation is reported: one whose operands are not ERROR themselves.
 */
import type { Expr } from '../../../language/ast.js';
import { valueToExpr } from '../../../eval/convert.js';
import { evaluateIn } from '../../../eval/evaluate.js';
import { literalValue } from '../../../eval/compile.js';
import { real, type Value } from '../../../eval/values.js';
import { builtinInfo } from '../builtins.js';
import type { ServiceDiagnostic } from '../diagnostics.js';
import { postOrder } from '../../../language/walk.js';
import { isKnownFunction } from '../knownFunctions.js';
import type { DiagnosticRule } from './rule.js';

// Functions whose result depends on more than their argument values (the
// ad, the environment, chance) or that are checked by other rules.
const notFolded = new Set([
  'random',
  'eval',
  'unparse',
  'unresolved',
  'userhome',
  'usermap',
  'evalineachcontext',
  'countmatches',
]);

function foldableCall(e: Expr & { kind: 'Call' }): boolean {
  const lower = e.name.toLowerCase();
  if (notFolded.has(lower) || !isKnownFunction(e.name)) return false;
  const info = builtinInfo(e.name);
  return (
    !!info && !info.daemonOnly && e.args.length >= info.minArgs && e.args.length <= info.maxArgs
  );
}

/** `e` with its operands replaced by the literal expressions of their values. */
function withOperands(e: Expr, values: Value[]): Expr {
  const v = values.map(valueToExpr);
  switch (e.kind) {
    case 'Unary':
      return { ...e, operand: v[0]! };
    case 'Binary':
      return { ...e, left: v[0]!, right: v[1]! };
    case 'Elvis':
      return { ...e, left: v[0]!, right: v[1]! };
    case 'Ternary':
      return { ...e, cond: v[0]!, then: v[1]!, otherwise: v[2]! };
    case 'Subscript':
      return { ...e, target: v[0]!, index: v[1]! };
    case 'Call':
      return { ...e, args: v };
    case 'List':
      return { ...e, items: v };
    default:
      return e;
  }
}

function excerpt(text: string, start: number, end: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ');
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/** Reports literal-only operations that always evaluate to ERROR. */
export const alwaysErrorRule: DiagnosticRule = {
  id: 'always-error',
  check(model) {
    const out: ServiceDiagnostic[] = [];
    for (const root of model.roots) {
      // The value of each literal-only node; null for a node that is not.
      postOrder<Value | null>(root, (e, operands) => {
        const literal = literalValue(e);
        if (literal) return literal;
        switch (e.kind) {
          case 'RelTime':
            return real(e.seconds);
          case 'Paren':
            return operands[0] ?? null;
          case 'Unary':
          case 'Binary':
          case 'Elvis':
          case 'Ternary':
          case 'Subscript':
          case 'List':
            break;
          case 'Call':
            if (foldableCall(e)) break;
            return null;
          default:
            return null;
        }
        if (operands.some((o) => o === null)) return null;
        const values = operands as Value[];
        const value = evaluateIn(withOperands(e, values), null).value;
        if (value.type === 'error' && !values.some((o) => o.type === 'error') && e.start >= 0) {
          out.push({
            code: 'always-error',
            severity: 'warning',
            message: `'${excerpt(model.text, e.start, e.end)}' always evaluates to error`,
            start: e.start,
            end: e.end,
          });
        }
        return value;
      });
    }
    return out;
  },
};
