/**
 * Hover: on a function name, the builtin's signature and meaning; on an
 * attribute name (where it is defined or referenced), its definition and,
 * when it can be computed without a target ad, its value; on a well-known
 * HTCondor attribute, its meaning; on MY, TARGET and the other special
 * names, what they refer to.
 */
import type { AttributeRef, Expr } from '../../language/ast.js';
import { asciiLower } from '../../language/bytes.js';
import { printValue } from '../../eval/convert.js';
import { evaluateIn } from '../../eval/evaluate.js';
import { findReferences } from '../../eval/references.js';
import { builtinInfo, builtinSignature } from './builtins.js';
import { bytesToText, shorten, showExpr } from './display.js';
import type { DocumentKind } from './documentKind.js';
import { knownAttribute } from './knownAttributes.js';
import {
  adAt,
  analyzeDocument,
  definitionAt,
  lookupDefinition,
  scopeOf,
  type AdModel,
  type AttributeDefinition,
  type DocumentModel,
} from './model.js';
import { callNameSpan, referenceNameSpan } from './nameRange.js';
import type { Span } from './span.js';
import { childrenOf } from '../../language/walk.js';

/** What to show for a position: Markdown, and the range it is about. */
export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

const specialNames: Record<string, string> = {
  my: 'MY: the ad this expression belongs to.',
  self: 'SELF: the ad this expression belongs to (same as MY).',
  target: "TARGET: the other ad of a match (a job's TARGET is the machine, a machine's the job).",
  other: 'OTHER: the other ad of a match (same as TARGET).',
  parent: 'PARENT: the ad that encloses this one.',
  root: 'ROOT: the outermost enclosing ad.',
  toplevel: 'TOPLEVEL: the outermost enclosing ad.',
  currenttime: 'CurrentTime: the current time in seconds since the epoch.',
};
const selfScopes = new Set(['my', 'self']);
const targetScopes = new Set(['target', 'other']);

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

function codeBlock(text: string): string {
  return '```classad\n' + text + '\n```';
}

/** The innermost node of `root` whose range holds `offset`. */
function nodeAt(root: Expr, offset: number): Expr | undefined {
  if (!(root.start <= offset && offset < root.end)) return undefined;
  let node = root;
  for (;;) {
    const child = childrenOf(node).find((c) => c.start <= offset && offset < c.end);
    if (!child) return node;
    if (child.kind === 'Record') return undefined; // its attributes are definitions of their own
    node = child;
  }
}

/** Why a definition's value cannot be shown, or its value printed. */
function valueLine(def: AttributeDefinition): string {
  const scope = scopeOf(def.ad);
  const external = findReferences(def.value, scope).external.filter(
    (n) => asciiLower(n) !== 'currenttime',
  );
  if (external.length > 0) {
    const names = external.slice(0, 5).map((n) => '`' + bytesToText(n) + '`');
    const more = external.length > 5 ? ', ...' : '';
    return `Value: depends on ${names.join(', ')}${more} (not defined in this ad: needs a target)`;
  }
  const value = evaluateIn(def.value, scope).value;
  return 'Value: `' + shorten(bytesToText(printValue(value)), 200) + '`';
}

function meaningLine(name: string): string | undefined {
  const known = knownAttribute(name);
  return known
    ? `HTCondor ${known.owner === 'both' ? '' : known.owner + ' '}attribute: ${known.meaning}`
    : undefined;
}

function whereLine(model: DocumentModel, def: AttributeDefinition): string | undefined {
  let top: AdModel = def.ad;
  while (top.parent && !top.chained) top = top.parent;
  if (top.key !== undefined) return `In the ad of key ${top.key}.`;
  const i = model.ads.indexOf(top);
  return model.ads.length > 1 && i >= 0 ? `In ad ${i + 1} of ${model.ads.length}.` : undefined;
}

function definitionHover(model: DocumentModel, def: AttributeDefinition, span: Span): HoverResult {
  const old = model.syntax === 'old';
  const parts = [
    codeBlock(`${bytesToText(def.name)} = ${showExpr(def.value, old, 400, model.text)}`),
    valueLine(def),
  ];
  const meaning = meaningLine(def.name);
  if (meaning) parts.push(meaning);
  const where = whereLine(model, def);
  if (where) parts.push(where);
  return { markdown: parts.join('\n\n'), ...span };
}

function referenceHover(
  model: DocumentModel,
  ref: AttributeRef,
  span: Span,
): HoverResult | undefined {
  const lower = asciiLower(ref.name);
  const scopeName =
    ref.scope?.kind === 'AttributeRef' && !ref.scope.scope ? asciiLower(ref.scope.name) : undefined;
  if (
    !ref.scope &&
    !ref.absolute &&
    specialNames[lower] &&
    !lookupDefinition(adAt(model, ref.start), ref.name)
  )
    return { markdown: specialNames[lower]!, ...span };
  if (ref.scope?.kind === 'AttributeRef' && targetScopes.has(scopeName!)) {
    const meaning = meaningLine(ref.name);
    const lines = [
      codeBlock(`${bytesToText(ref.scope.name)}.${bytesToText(ref.name)}`),
      'An attribute of the target ad: it has a value only during matching.',
    ];
    if (meaning) lines.push(meaning);
    return { markdown: lines.join('\n\n'), ...span };
  }
  let def: AttributeDefinition | undefined;
  if (ref.absolute) {
    let top = adAt(model, ref.start);
    while (top?.parent && !top.chained) top = top.parent;
    def = lookupDefinition(top, ref.name);
  } else if (!ref.scope || (scopeName !== undefined && selfScopes.has(scopeName))) {
    def = lookupDefinition(adAt(model, ref.start), ref.name);
  }
  if (def) return definitionHover(model, def, span);
  const meaning = meaningLine(ref.name);
  if (!meaning) return undefined;
  return {
    markdown: [
      codeBlock(bytesToText(ref.name)),
      meaning,
      'Not defined in this ad: during matching, an unscoped name is looked up in the target ad.',
    ].join('\n\n'),
    ...span,
  };
}

function builtinHover(name: string, span: Span): HoverResult | undefined {
  const info = builtinInfo(name);
  if (!info) return undefined;
  const parts = [codeBlock(builtinSignature(info)), info.summary];
  if (info.daemonOnly) parts.push('Exists only inside HTCondor daemons.');
  return { markdown: parts.join('\n\n'), ...span };
}

/** The hover for a position (an offset in UTF-16 code units) of a document, if there is one. */
export function getHover(
  text: string,
  kind: DocumentKind,
  offset: number,
): HoverResult | undefined {
  const model = analyzeDocument(text, kind);
  const def = definitionAt(model, offset);
  if (def && within(def.nameSpan, offset)) return definitionHover(model, def, def.nameSpan);
  const root = def ? def.value : model.expression;
  if (!root) return undefined;
  const node = nodeAt(root, offset);
  if (!node) return undefined;
  const old = model.syntax === 'old';
  if (node.kind === 'Call') return builtinHover(node.name, callNameSpan(text, node, old));
  if (node.kind === 'AttributeRef') {
    const span = referenceNameSpan(text, node, old);
    if (within(span, offset)) return referenceHover(model, node, span);
  }
  return undefined;
}
