/**
 * Rule `attribute-typo`: an attribute name (defined or referenced) that is
 * not a well-known HTCondor attribute but one edit (insertion, deletion,
 * substitution or swap of neighbours) away from one: `RequestMemmory`.
 * References to names the document defines are the document's own and are
 * left alone; names shorter than 5 characters are too short to judge.
 */
import { asciiLower } from '../../../language/bytes.js';
import type { Expr } from '../../../language/ast.js';
import type { ServiceDiagnostic } from '../diagnostics.js';
import { editDistance } from '../editDistance.js';
import { allKnownAttributes, knownAttribute } from '../knownAttributes.js';
import { referenceNameSpan } from '../nameRange.js';
import type { Span } from '../span.js';
import { forEachNode } from '../../../language/walk.js';
import type { DiagnosticRule } from './rule.js';

const MIN_LENGTH = 5;
const scopeNames = new Set(['my', 'self', 'target', 'other']);
const specialNames = new Set([
  'self',
  'root',
  'toplevel',
  'parent',
  'my',
  'target',
  'other',
  'currenttime',
]);

let index: Map<string, string[]> | undefined;

/** Every known name and every one-character deletion of it, to the known names it comes from. */
function deletionIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  const add = (key: string, name: string) => {
    const list = index!.get(key);
    if (!list) index!.set(key, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const a of allKnownAttributes()) {
    const lower = a.name.toLowerCase();
    add(lower, a.name);
    for (let i = 0; i < lower.length; i++) add(lower.slice(0, i) + lower.slice(i + 1), a.name);
  }
  return index;
}

const memo = new Map<string, string | null>();

/** The well-known attribute a name is one typo away from, or undefined (also for well-known names). */
export function nearKnownAttribute(name: string): string | undefined {
  const lower = asciiLower(name);
  if (lower.length < MIN_LENGTH || knownAttribute(lower)) return undefined;
  let hit = memo.get(lower);
  if (hit === undefined) {
    hit = null;
    const idx = deletionIndex();
    const keys = [lower];
    for (let i = 0; i < lower.length; i++) keys.push(lower.slice(0, i) + lower.slice(i + 1));
    const candidates = new Set<string>();
    for (const k of keys) for (const c of idx.get(k) ?? []) candidates.add(c);
    for (const c of [...candidates].sort()) {
      if (editDistance(lower, c.toLowerCase(), 1) === 1) {
        hit = c;
        break;
      }
    }
    memo.set(lower, hit);
  }
  return hit ?? undefined;
}

/** Whether a reference names an attribute of an ad (bare, `.name`, or under MY/TARGET/...). */
function isAttributeName(e: Expr & { kind: 'AttributeRef' }): boolean {
  if (!e.scope) return !specialNames.has(asciiLower(e.name));
  return (
    e.scope.kind === 'AttributeRef' && !e.scope.scope && scopeNames.has(asciiLower(e.scope.name))
  );
}

/** Reports attribute names one typo away from a well-known HTCondor attribute. */
export const attributeTypoRule: DiagnosticRule = {
  id: 'attribute-typo',
  check(model) {
    const out: ServiceDiagnostic[] = [];
    const report = (name: string, span: Span) => {
      const near = nearKnownAttribute(name);
      if (!near) return;
      out.push({
        code: 'attribute-typo',
        severity: 'warning',
        message: `'${name}' is not a known HTCondor attribute: did you mean '${near}'?`,
        ...span,
        replacement: near,
      });
    };
    for (const d of model.definitions) report(d.name, d.nameSpan);
    const oldSyntax = model.syntax === 'old';
    for (const root of model.roots) {
      forEachNode(root, (e) => {
        if (e.kind !== 'AttributeRef' || e.start < 0 || !isAttributeName(e)) return;
        if (model.definedNames.has(asciiLower(e.name))) return;
        report(e.name, referenceNameSpan(model.text, e, oldSyntax));
      });
    }
    return out;
  },
};
