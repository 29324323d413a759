/**
 * Document symbols: each ad (named after its `Name` or `MyType`, or its
 * job_queue.log key) with its attributes, and the attributes of nested
 * records under the attribute that holds them.
 */
import { asciiLower } from '../../language/bytes.js';
import { bytesToText, showExpr } from './display.js';
import type { DocumentKind } from './documentKind.js';
import { analyzeDocument, type AdModel, type AttributeDefinition } from './model.js';
import type { Span } from './span.js';

/** One symbol: an ad or an attribute, with the range it spans and the range of its name. */
export interface SymbolData {
  name: string;
  kind: 'ad' | 'attribute';
  detail?: string;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: SymbolData[];
}

function stringValue(ad: AdModel, name: string): string | undefined {
  for (let i = ad.attributes.length - 1; i >= 0; i--) {
    const a = ad.attributes[i]!;
    if (asciiLower(a.name) === name)
      return a.value.kind === 'String' ? bytesToText(a.value.value) : undefined;
  }
  return undefined;
}

function attributeSymbol(def: AttributeDefinition, old: boolean, text: string): SymbolData {
  const children: SymbolData[] = [];
  for (const inner of def.ad.nested)
    if (inner.span.start >= def.span.start && inner.span.end <= def.span.end)
      for (const a of inner.attributes) children.push(attributeSymbol(a, old, text));
  return {
    name: bytesToText(def.name),
    kind: 'attribute',
    detail: showExpr(def.value, old, 80, text),
    start: def.span.start,
    end: def.span.end,
    selectionStart: def.nameSpan.start,
    selectionEnd: def.nameSpan.end,
    children,
  };
}

function adSymbol(ad: AdModel, index: number, old: boolean, text: string): SymbolData {
  const name = stringValue(ad, 'name');
  const type = stringValue(ad, 'mytype');
  const label = ad.key ?? name ?? (type ? `${type} ad ${index + 1}` : `ad ${index + 1}`);
  const first = ad.attributes[0];
  const selection: Span = first ? first.nameSpan : { start: ad.span.start, end: ad.span.start };
  return {
    name: label,
    kind: 'ad',
    detail: ad.key !== undefined ? (name ?? type) : name !== undefined ? type : undefined,
    start: Math.min(ad.span.start, selection.start),
    end: Math.max(ad.span.end, selection.end),
    selectionStart: selection.start,
    selectionEnd: selection.end,
    children: ad.attributes.map((a) => attributeSymbol(a, old, text)),
  };
}

/** The symbols of a document: its ads, each with its attributes. */
export function getDocumentSymbols(text: string, kind: DocumentKind): SymbolData[] {
  const model = analyzeDocument(text, kind);
  const old = model.syntax === 'old';
  return model.ads.map((ad, i) => adSymbol(ad, i, old, text));
}
