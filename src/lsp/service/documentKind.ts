/**
 * What a document is, which decides how the service reads it: an ad file
 * (syntax detected, or forced old/new), a single expression, or a
 * `job_queue.log`.
 */

/**
 * `ad`: ClassAds in either syntax, detected from the text; `adOld` / `adNew`:
 * forced; `expression`: one new-syntax expression; `jobQueueLog`: the
 * schedd's transaction log (each 103 record's value is an old-syntax expression).
 */
export type DocumentKind = 'ad' | 'adOld' | 'adNew' | 'expression' | 'jobQueueLog';

/** Whether a file name (or URI) names a schedd transaction log: `job_queue.log` or a rotated `job_queue.log.N`. */
export function isJobQueueLogName(fileName: string): boolean {
  return /(^|[\\/])job_queue\.log(\.\d+)?$/.test(fileName);
}

/** The document kind for a file name or URI: job_queue.log by name, anything else an ad file. */
export function documentKindFor(fileName: string): DocumentKind {
  return isJobQueueLogName(fileName) ? 'jobQueueLog' : 'ad';
}
