import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/ast.js';
import { parseExpression } from '../../src/language/parser.js';
import { childrenOf, forEachNode, postOrder } from '../../src/language/walk.js';

describe('tree walks', () => {
  const e = parseExpression('f(a, [x = 1].x) + -b ? {c} : d[0]');

  it('lists children in source order', () => {
    expect(childrenOf(e).map((c) => c.kind)).toEqual(['Binary', 'List', 'Subscript']);
  });

  it('visits parents before children, in source order', () => {
    const kinds: string[] = [];
    forEachNode(e, (n) => kinds.push(n.kind));
    expect(kinds).toEqual([
      'Ternary',
      'Binary',
      'Call',
      'AttributeRef',
      'AttributeRef',
      'Record',
      'Integer',
      'Unary',
      'AttributeRef',
      'List',
      'AttributeRef',
      'Subscript',
      'AttributeRef',
      'Integer',
    ]);
  });

  it('computes bottom up with the children’s results', () => {
    const size = postOrder<number>(e, (_n, children) => 1 + children.reduce((a, b) => a + b, 0));
    expect(size).toBe(14);
  });

  it('walks a very deep tree without recursion', () => {
    const deep = parseExpression(Array<string>(100000).fill('1').join('+'));
    let count = 0;
    forEachNode(deep, () => count++);
    expect(count).toBe(199999);
    expect(
      postOrder<number>(deep, (n: Expr, c) => (n.kind === 'Integer' ? 1 : c[0]! + c[1]!)),
    ).toBe(100000);
  });
});
