/**
 * Iterative traversal of expression trees (a parsed tree can be a million
 * levels deep, e.g. `1+1+...+1`, so nothing here recurses).
 */
import type { Expr } from './ast.js';

/** The direct subexpressions of a node, in source order. */
export function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case 'Unary':
      return [e.operand];
    case 'Binary':
    case 'Elvis':
      return [e.left, e.right];
    case 'Ternary':
      return [e.cond, e.then, e.otherwise];
    case 'Paren':
      return [e.inner];
    case 'Subscript':
      return [e.target, e.index];
    case 'Call':
      return e.args;
    case 'List':
      return e.items;
    case 'Record':
      return e.attrs.map((a) => a.value);
    case 'AttributeRef':
      return e.scope ? [e.scope] : [];
    default:
      return [];
  }
}

/** Visits every node of a tree, parents before children. */
export function forEachNode(root: Expr, visit: (e: Expr) => void): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    visit(e);
    const children = childrenOf(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/**
 * Visits every node of a tree, children before parents; `visit` receives the
 * results it returned for the children, in source order.
 */
export function postOrder<R>(root: Expr, visit: (e: Expr, children: R[]) => R): R {
  const stack: { e: Expr; children: Expr[] | undefined }[] = [{ e: root, children: undefined }];
  const results: R[] = [];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.children === undefined) {
      top.children = childrenOf(top.e);
      for (let i = top.children.length - 1; i >= 0; i--)
        stack.push({ e: top.children[i]!, children: undefined });
    } else {
      stack.pop();
      // The children's results are the last ones pushed, in source order.
      const n = top.children.length;
      const childResults = results.splice(results.length - n, n);
      results.push(visit(top.e, childResults));
    }
  }
  return results[0]!;
}
