/**
 * Rule `single-quoted-string`: `'alice'` is an attribute reference (quoted
 * names exist for names with unusual characters), not a string, so
 * `Owner == 'alice'` compares with an attribute that is almost surely
 * undefined. Reported when the document defines no attribute of that name;
 * the replacement is the double-quoted string.
 */
import { asciiLower, utf8Decode } from '../../../language/bytes.js';
import type { ServiceDiagnostic } from '../diagnostics.js';
import { isQuotedName, referenceNameSpan } from '../nameRange.js';
import { forEachNode } from '../../../language/walk.js';
import type { DiagnosticRule } from './rule.js';

/** Reports single-quoted attribute references that look like intended strings. */
export const singleQuotedStringRule: DiagnosticRule = {
  id: 'single-quoted-string',
  check(model) {
    const out: ServiceDiagnostic[] = [];
    const oldSyntax = model.syntax === 'old';
    for (const root of model.roots) {
      forEachNode(root, (e) => {
        if (e.kind !== 'AttributeRef' || e.start < 0) return;
        if (model.definedNames.has(asciiLower(e.name))) return;
        const span = referenceNameSpan(model.text, e, oldSyntax);
        if (!isQuotedName(model.text, span)) return;
        const inner = model.text.slice(span.start + 1, span.end - 1);
        out.push({
          code: 'single-quoted-string',
          severity: 'warning',
          message: `'${utf8Decode(e.name)}' in single quotes is an attribute reference, not a string (nothing here defines it, so it is undefined): use double quotes for a string`,
          ...span,
          replacement: `"${inner.replace(/"/g, '\\"')}"`,
        });
      });
    }
    return out;
  },
};
