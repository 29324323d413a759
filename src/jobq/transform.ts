/**
 * The streaming rewrite shared by marshal and demarshal: read the log chunk
 * by chunk, validate every record's framing and the transactions, and pass
 * every line through unchanged except the 103 lines a rewriter changes.
 *
 * Only lines that contain one of the rewriter's byte patterns (a host
 * prefix, `$(`) are looked at more closely; the bytes of all other lines go
 * from the input buffer to the output as they are, in large runs. On the
 * first error nothing more is written and the output is discarded, but the
 * log is read to the end so that every error can be reported with what the
 * schedd would do about it.
 */
import { IssueList, JobqInputError, type JobqIssue } from './issues.js';
import { logReadError, toSource, type LogSource } from './logSource.js';
import type { ProgressCallback } from './progress.js';
import { Op, RecordReader, type EolStyle, type RecordView } from './recordReader.js';
import type { ByteSink } from './recordWriter.js';
import { assignConsequences, LogValidator } from './validation.js';
import { ValueRewriteError, type ValueRewrite } from './valueRewrite.js';

/** Rewrites the candidate lines of a log. */
export interface LineRewriter {
  /** Byte strings (latin1): a 103 line is a candidate only if it contains one of them. */
  readonly patterns: readonly string[];
  /**
   * Rewrites a candidate 103 line (`line` is its text without the line end;
   * `view` gives the fields, as offsets into the buffer: subtract `view.start`).
   * Returns the new text (and how many literals changed), or undefined to keep
   * the line. May throw ValueRewriteError.
   */
  rewrite(line: string, view: RecordView): ValueRewrite | undefined;
}

/** Options of a rewrite run. */
export interface TransformOptions {
  /** Called with the bytes read so far, once per chunk. */
  progress?: ProgressCallback;
}

/** What a rewrite run did. */
export interface TransformSummary {
  input: string;
  lines: number;
  bytesIn: number;
  bytesOut: number;
  eol: EolStyle | undefined;
  records: Record<string, number>;
  transactions: number;
  /** 103 records whose value changed. */
  attributesRewritten: number;
  /** String literals changed. */
  stringsRewritten: number;
  /** Warnings (the log is accepted). */
  warnings: JobqIssue[];
  warningCount: number;
  timeMs: number;
}

/**
 * Runs `rewriter` over the log from `input` into `sink`. On success the sink
 * is committed; on bad input it is aborted and a JobqInputError lists every
 * error (and warning) with line, column and consequence.
 */
export async function runTransform(
  input: string | LogSource,
  rewriter: LineRewriter,
  sink: ByteSink,
  options: TransformOptions = {},
): Promise<TransformSummary> {
  const started = performance.now();
  const source = toSource(input);
  const issues = new IssueList();
  const patterns = rewriter.patterns.map((p) => Buffer.from(p, 'latin1'));
  const nextHit = new Array<number>(patterns.length).fill(0);
  let failed = false;
  let flushFrom = 0;
  let regionEnd = 0;
  /** The smallest of nextHit: lines that end before it cannot contain a pattern. */
  let minHit = Infinity;
  let attributesRewritten = 0;
  let stringsRewritten = 0;
  const addIssue = (i: JobqIssue) => {
    issues.add(i);
    if (i.severity === 'error') validator.halt(i.line);
    if (i.severity === 'error' && !failed) {
      failed = true;
      sink.abort();
    }
  };
  const validator: LogValidator = new LogValidator(addIssue);

  const reader = new RecordReader(
    {
      region(buf, start, end) {
        flushFrom = start;
        regionEnd = end;
        minHit = Infinity;
        for (let k = 0; k < patterns.length; k++) {
          const h = buf.indexOf(patterns[k]!, start);
          nextHit[k] = h < 0 || h >= end ? Infinity : h;
          if (nextHit[k]! < minHit) minHit = nextHit[k]!;
        }
      },
      record(v) {
        validator.record(v);
        if (v.op !== Op.SetAttribute || minHit >= v.end) return;
        // Some pattern occurs at or before this line: move the stale positions on.
        let hit = false;
        minHit = Infinity;
        for (let k = 0; k < patterns.length; k++) {
          let h = nextHit[k]!;
          if (h < v.start) {
            h = v.buf.indexOf(patterns[k]!, v.start);
            nextHit[k] = h = h < 0 || h >= regionEnd ? Infinity : h;
          }
          if (h < v.end) hit = true;
          if (h < minHit) minHit = h;
        }
        if (!hit) return;
        const line = v.buf.toString('latin1', v.start, v.end);
        let result: ValueRewrite | undefined;
        try {
          result = rewriter.rewrite(line, v);
        } catch (e) {
          if (!(e instanceof ValueRewriteError)) throw e;
          addIssue({
            severity: 'error',
            code: e.code,
            line: v.lineNo,
            column: e.offset + 1,
            message: e.message,
          });
          return;
        }
        if (result === undefined || result.text === line) return;
        attributesRewritten++;
        stringsRewritten += result.literals;
        if (failed) return;
        sink.write(v.buf, flushFrom, v.start);
        sink.writeBytes(result.text);
        sink.write(v.buf, v.end, v.next);
        flushFrom = v.next;
      },
      regionDone(buf, _start, end) {
        if (!failed) sink.write(buf, flushFrom, end);
      },
    },
    { issue: addIssue },
  );

  let writeError: unknown;
  try {
    for await (const chunk of source.chunks()) {
      reader.push(chunk);
      options.progress?.(reader.bytes);
      if (!failed && sink.ready) {
        try {
          await sink.ready();
        } catch (e) {
          writeError = e; // the output failed (a full disk): not the input's fault
          break;
        }
      }
    }
  } catch (e) {
    sink.abort();
    throw logReadError(source.name, e) ?? e;
  }
  if (writeError !== undefined) {
    sink.abort();
    throw writeError;
  }
  reader.finish();
  validator.finish(reader.lines);
  assignConsequences(issues.errors, validator.stats.last106Line, reader.lines);
  if (issues.errorCount > 0) {
    sink.abort();
    throw new JobqInputError(source.name, issues.all(), issues.omitted());
  }
  await sink.commit();
  return {
    input: source.name,
    lines: reader.lines,
    bytesIn: reader.bytes,
    bytesOut: sink.bytes,
    eol: reader.eol,
    records: { ...reader.ops },
    transactions: validator.stats.transactions,
    attributesRewritten,
    stringsRewritten,
    warnings: issues.warnings,
    warningCount: issues.warningCount,
    timeMs: performance.now() - started,
  };
}
