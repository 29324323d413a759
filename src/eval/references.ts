/**
 * Attribute references of an expression relative to an ad: which names it
 * uses that the ad defines (internal) and which it needs from elsewhere
 * (external: the TARGET ad, or nowhere). References through internal
 * attributes are followed, so `Requirements` reports what its parts need.
 */
import type * as A from '../language/ast.js';
import { asciiLower } from '../language/bytes.js';
import type { AdScope } from './scope.js';

/** The references of an expression, each as written (`Memory`, `TARGET.Disk`). */
export interface References {
  internal: string[];
  external: string[];
}

const selfScopes = new Set(['my', 'self']);
const otherScopes = new Set(['target', 'other']);

function findInScope(ad: AdScope | null, name: string): { ad: AdScope; expr: A.Expr } | undefined {
  for (let current = ad; current !== null; current = current.parentScope) {
    const e = current.lookup(name);
    if (e) return { ad: current, expr: e.expr };
  }
  return undefined;
}

/** Collects the internal and external references of `expr` as seen from `ad`. */
export function findReferences(expr: A.Expr, ad: AdScope | null): References {
  const internal = new Map<string, string>();
  const external = new Map<string, string>();
  const followed = new Set<A.Expr>();
  const work: { expr: A.Expr; ad: AdScope | null }[] = [{ expr, ad }];

  const follow = (name: string, from: AdScope | null, written: string) => {
    const found = findInScope(from, asciiLower(name));
    if (found) {
      internal.set(asciiLower(written), written);
      if (!followed.has(found.expr)) {
        followed.add(found.expr);
        work.push({ expr: found.expr, ad: found.ad });
      }
    } else external.set(asciiLower(written), written);
  };

  while (work.length > 0) {
    const { expr: e, ad: scope } = work.pop()!;
    switch (e.kind) {
      case 'AttributeRef': {
        if (e.absolute) {
          let root = scope;
          while (root?.parentScope) root = root.parentScope;
          follow(e.name, root ?? null, '.' + e.name);
        } else if (!e.scope) follow(e.name, scope, e.name);
        else if (e.scope.kind === 'AttributeRef' && !e.scope.scope && !e.scope.absolute) {
          const base = asciiLower(e.scope.name);
          const written = `${e.scope.name}.${e.name}`;
          if (selfScopes.has(base) && !findInScope(scope, base)) follow(e.name, scope, written);
          else if (otherScopes.has(base) && !findInScope(scope, base))
            external.set(asciiLower(written), written);
          else work.push({ expr: e.scope, ad: scope });
        } else work.push({ expr: e.scope, ad: scope });
        break;
      }
      case 'Unary':
        work.push({ expr: e.operand, ad: scope });
        break;
      case 'Binary':
      case 'Elvis':
        work.push({ expr: e.left, ad: scope }, { expr: e.right, ad: scope });
        break;
      case 'Ternary':
        work.push(
          { expr: e.cond, ad: scope },
          { expr: e.then, ad: scope },
          { expr: e.otherwise, ad: scope },
        );
        break;
      case 'Paren':
        work.push({ expr: e.inner, ad: scope });
        break;
      case 'Subscript':
        work.push({ expr: e.target, ad: scope }, { expr: e.index, ad: scope });
        break;
      case 'Call':
        for (const a of e.args) work.push({ expr: a, ad: scope });
        break;
      case 'List':
        for (const i of e.items) work.push({ expr: i, ad: scope });
        break;
      case 'Record':
        // Names inside a nested record resolve there first; what it lacks climbs to `scope`.
        for (const a of e.attrs) work.push({ expr: a.value, ad: scope });
        break;
      default:
        break;
    }
  }
  const sorted = (m: Map<string, string>) =>
    [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((x) => x[1]);
  return { internal: sorted(internal), external: sorted(external) };
}
