/**
 * `jobqmd check`: would the schedd read this log whole? Every record it
 * would reject or misread is an error (with line, column, what was expected
 * and what the schedd would do: refuse to start, or drop the record and
 * everything after it); what it reads with a defined outcome (an unfinished
 * final transaction, a record for a missing ad) is a warning.
 */
import { IssueList, type JobqIssue } from './issues.js';
import { feedLog, toSource, type LogSource } from './logSource.js';
import type { ProgressCallback } from './progress.js';
import { RecordReader, type EolStyle } from './recordReader.js';
import { assignConsequences, LogValidator } from './validation.js';

/** Options of check. */
export interface CheckOptions {
  /** Replay the ad table (records for missing ads, NextClusterNum). Default true. */
  replay?: boolean;
  /** Parse every 103 value. Default true. */
  values?: boolean;
  progress?: ProgressCallback;
}

/** The result of a check. */
export interface CheckReport {
  file: string;
  /** True when the schedd reads the log whole (warnings allowed). */
  ok: boolean;
  lines: number;
  bytes: number;
  eol: EolStyle | undefined;
  records: Record<string, number>;
  transactions: number;
  /** 107: sequence number and queue birthdate. */
  sequence?: number;
  birthdate?: number;
  /** After replay: ads at the end, the header's NextClusterNum, the highest cluster id. */
  ads?: number;
  nextClusterNum?: number;
  maxCluster?: number;
  /** Line of the first error: the schedd reads nothing after it, so replay stopped there. */
  stoppedAt?: number;
  errors: JobqIssue[];
  warnings: JobqIssue[];
  errorCount: number;
  warningCount: number;
  timeMs: number;
}

/** Checks a log (a path, `-` for stdin, or a LogSource). Never throws for bad content, only for I/O. */
export async function checkLog(
  input: string | LogSource,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const started = performance.now();
  const source = toSource(input);
  const issues = new IssueList();
  const add = (i: JobqIssue) => {
    issues.add(i);
    if (i.severity === 'error') validator.halt(i.line);
  };
  const validator: LogValidator = new LogValidator(add, {
    replay: options.replay ?? true,
    values: options.values ?? true,
  });
  const reader = new RecordReader({ record: (v) => validator.record(v) }, { issue: add });
  await feedLog(source, reader, options.progress);
  reader.finish();
  validator.finish(reader.lines);
  assignConsequences(issues.errors, validator.stats.last106Line, reader.lines);
  const s = validator.stats;
  return {
    file: source.name,
    ok: issues.errorCount === 0,
    lines: reader.lines,
    bytes: reader.bytes,
    eol: reader.eol,
    records: { ...reader.ops },
    transactions: s.transactions,
    sequence: s.sequence,
    birthdate: s.birthdate,
    ads: s.ads,
    nextClusterNum: s.nextClusterNum,
    maxCluster: s.maxCluster,
    stoppedAt: s.haltedAt || undefined,
    errors: issues.errors.sort((a, b) => a.line - b.line),
    warnings: issues.warnings.sort((a, b) => a.line - b.line),
    errorCount: issues.errorCount,
    warningCount: issues.warningCount,
    timeMs: performance.now() - started,
  };
}
