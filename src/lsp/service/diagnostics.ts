/**
 * Diagnostics of a document: the parser's syntax errors and the findings of
 * every rule (one rule per file under rules/), each with a stable code and
 * the exact range it is about.
 */
import type { DocumentKind } from './documentKind.js';
import { analyzeDocument } from './model.js';
import { allRules } from './rules/index.js';

/** How serious a finding is (the LSP's four levels). */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** One finding, as plain data: offsets are UTF-16 code units into the document text. */
export interface ServiceDiagnostic {
  /** Stable: the parser's numeric SyntaxErrorCode, or a rule's code such as `unknown-function`. */
  code: number | string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** A replacement for the range that fixes the problem, when there is an obvious one. */
  replacement?: string;
}

/** Every diagnostic of a document, in source order. */
export function getDiagnostics(text: string, kind: DocumentKind): ServiceDiagnostic[] {
  const model = analyzeDocument(text, kind);
  const out: ServiceDiagnostic[] = [];
  for (const rule of allRules) for (const d of rule.check(model)) out.push(d);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
