// Runs one rule over a marked test text: `⟦ ⟧` mark the ranges it must report.
import { expect } from 'vitest';
import type { DocumentKind } from '../../../../src/lsp/service/documentKind.js';
import { analyzeDocument } from '../../../../src/lsp/service/model.js';
import type { DiagnosticRule } from '../../../../src/lsp/service/rules/rule.js';
import { spans } from '../../markers.js';

/** The rule's findings as [code, start, end], in source order. */
export function findings(
  rule: DiagnosticRule,
  text: string,
  kind: DocumentKind = 'ad',
): [number | string, number, number][] {
  return rule
    .check(analyzeDocument(text, kind))
    .map((d): [number | string, number, number] => [d.code, d.start, d.end])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

/** Asserts that the rule reports exactly the marked ranges, each with `code`. */
export function expectMarked(
  rule: DiagnosticRule,
  marked: string,
  code: number | string,
  kind: DocumentKind = 'ad',
): void {
  const { text, spans: expected } = spans(marked);
  expect(findings(rule, text, kind)).toEqual(
    expected.map((s): [number | string, number, number] => [code, s.start, s.end]),
  );
}
