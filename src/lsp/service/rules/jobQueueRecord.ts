/**
 * Rule `jobq-record`: in a job_queue.log, what the schedd's reader rejects
 * or misreads in a record (bad op code, key or name, missing words, stray
 * whitespace, NUL bytes, line endings), as the project's record reader
 * reports it. Codes are `jobq-` and the reader's code (`jobq-bad-key`).
 */
import type { DiagnosticRule } from './rule.js';

/** Reports job_queue.log record problems. */
export const jobQueueRecordRule: DiagnosticRule = {
  id: 'jobq-record',
  check: (model) =>
    model.recordProblems.map((p) => ({
      code: `jobq-${p.code}`,
      severity: p.severity,
      message: p.message,
      start: p.start,
      end: p.end,
    })),
};
