/**
 * Rule `unknown-function`: a call to a function that does not exist
 * evaluates to ERROR; the name is reported with the closest builtin name.
 */
import { utf8Decode } from '../../../language/bytes.js';
import { allBuiltins } from '../builtins.js';
import type { ServiceDiagnostic } from '../diagnostics.js';
import { closestName } from '../editDistance.js';
import { callNameSpan } from '../nameRange.js';
import { forEachNode } from '../../../language/walk.js';
import { isKnownFunction } from '../knownFunctions.js';
import type { DiagnosticRule } from './rule.js';

/** The builtin a mistyped function name most likely meant, if one is close. */
export function suggestFunction(name: string): string | undefined {
  const max = name.length <= 4 ? 1 : 2;
  return closestName(
    name,
    allBuiltins().map((b) => b.name),
    max,
  );
}

/** Reports calls to unknown functions. */
export const unknownFunctionRule: DiagnosticRule = {
  id: 'unknown-function',
  check(model) {
    const out: ServiceDiagnostic[] = [];
    const oldSyntax = model.syntax === 'old';
    for (const root of model.roots) {
      forEachNode(root, (e) => {
        if (e.kind !== 'Call' || e.start < 0 || isKnownFunction(e.name)) return;
        const span = callNameSpan(model.text, e, oldSyntax);
        const name = utf8Decode(e.name);
        const suggestion = suggestFunction(e.name);
        out.push({
          code: 'unknown-function',
          severity: 'warning',
          message: suggestion
            ? `unknown function '${name}' (a call evaluates to error): did you mean '${suggestion}'?`
            : `unknown function '${name}' (a call evaluates to error)`,
          ...span,
          ...(suggestion ? { replacement: suggestion } : {}),
        });
      });
    }
    return out;
  },
};
