/** The shape of a diagnostic rule: one check over a read document. */
import type { ServiceDiagnostic } from '../diagnostics.js';
import type { DocumentModel } from '../model.js';

/** A diagnostic rule. */
export interface DiagnosticRule {
  /** The rule's name; also the code of its diagnostics, except for syntax and job_queue.log record errors. */
  id: string;
  /** Every finding of the rule in a document. */
  check(model: DocumentModel): ServiceDiagnostic[];
}
