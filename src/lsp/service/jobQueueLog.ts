/**
 * Reading a job_queue.log as an editor holds it: the project's record reader
 * finds every record and reports what the schedd's reader would reject, its
 * log validator what the schedd would make of the transactions and the ad
 * table; each 103 record's value is parsed as the old-syntax expression it is.
 *
 * The reader works on bytes; the text is handed to it one byte per UTF-16
 * code unit (non-ASCII units as 0xFF, which no record syntax uses), so its
 * offsets are offsets into the text. It needs a `Buffer` global (Node, or a
 * polyfill in a browser).
 */
import type { Expr } from '../../language/ast.js';
import type { SyntaxDiagnostic } from '../../language/diagnostics.js';
import { fastLiteral } from '../../language/fastLiteral.js';
import { parseExpressionWithErrors, tryParseExpression } from '../../language/parser.js';
import type { JobqIssue } from '../../jobq/issues.js';
import { Op, RecordReader, type RecordView } from '../../jobq/recordReader.js';
import { assignConsequences, LogValidator } from '../../jobq/validation.js';
import type { Span } from './span.js';

/** One `103 key name value` record. */
export interface SetAttributeRecord {
  key: string;
  name: string;
  nameSpan: Span;
  valueSpan: Span;
  /** The value's expression (partial, with `Invalid` nodes, when it has syntax errors). */
  value: Expr;
}

/** A record-level problem (what the schedd's reader rejects or misreads), at a range of the text. */
export interface RecordProblem {
  /** The reader's stable code, e.g. `bad-key`, `word-count`. */
  code: string;
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}

/** What reading a log gave. */
export interface JobQueueLogRead {
  /** The 101 keys, in order (ads created). */
  newAdKeys: string[];
  /** The 103 records, in order. */
  records: SetAttributeRecord[];
  problems: RecordProblem[];
  /** Syntax errors of 103 values. */
  syntaxErrors: SyntaxDiagnostic[];
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
}

/**
 * The word (or the run of whitespace) at `start` on the line `[lineStart,
 * lineEnd)`; the whole line when `start` is at its end (something is missing).
 */
function wordSpan(text: string, start: number, lineStart: number, lineEnd: number): Span {
  if (start >= lineEnd) return { start: lineStart, end: lineEnd };
  const ws = isWs(text.charCodeAt(start));
  let end = start + 1;
  while (end < lineEnd && isWs(text.charCodeAt(end)) === ws) end++;
  return { start, end };
}

function parseValue(text: string, start: number, end: number, errors: SyntaxDiagnostic[]): Expr {
  const literal = fastLiteral(text, start, end);
  if (literal) return literal;
  const fast = tryParseExpression(text, { oldSyntax: true, full: true, start, end });
  if (fast) return fast;
  const r = parseExpressionWithErrors(text, { oldSyntax: true, full: true, start, end });
  errors.push(...r.errors);
  return r.value;
}

/** Reads a whole job_queue.log text. */
export function readJobQueueLog(text: string): JobQueueLogRead {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[i] = c < 0x80 ? c : 0xff;
  }
  const out: JobQueueLogRead = { newAdKeys: [], records: [], problems: [], syntaxErrors: [] };
  // The reader reports an unterminated last line in a buffer of its own.
  const tailStart = text.lastIndexOf('\n') + 1;
  const record = (v: RecordView) => {
    const base = v.buf === bytes ? 0 : tailStart;
    if (v.op === Op.NewClassAd) out.newAdKeys.push(text.slice(base + v.w0s, base + v.w0e));
    else if (v.op === Op.SetAttribute) {
      const vs = base + v.vs;
      const ve = base + v.ve;
      out.records.push({
        key: text.slice(base + v.w0s, base + v.w0e),
        name: text.slice(base + v.w1s, base + v.w1e),
        nameSpan: { start: base + v.w1s, end: base + v.w1e },
        valueSpan: { start: vs, end: ve },
        value: parseValue(text, vs, ve, out.syntaxErrors),
      });
    }
  };
  // Record grammar (the reader), then transactions and the ad table (the
  // validator, which stops at the first corrupt record as the schedd does).
  const issues: JobqIssue[] = [];
  const validator: LogValidator = new LogValidator((i) => issues.push(i), { replay: true });
  const reader = new RecordReader(
    {
      record: (v) => {
        record(v);
        validator.record(v);
      },
    },
    {
      issue: (i) => {
        issues.push(i);
        if (i.severity === 'error') validator.halt(i.line);
      },
    },
  );
  reader.push(bytes);
  reader.finish();
  validator.finish(reader.lines);
  assignConsequences(
    issues.filter((i) => i.severity === 'error'),
    validator.stats.last106Line,
    reader.lines,
  );
  if (issues.length > 0) {
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    out.problems = issues.map((i) => problemAt(text, lineStarts, i));
  }
  out.problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** Where an issue (a line, and maybe a column) lies in the text; line 0 means the first line. */
function problemAt(text: string, lineStarts: number[], issue: JobqIssue): RecordProblem {
  const start = lineStarts[Math.min(Math.max(issue.line, 1), lineStarts.length) - 1]!;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  const span =
    issue.column === undefined
      ? { start, end }
      : wordSpan(text, Math.min(start + issue.column - 1, end), start, end);
  const message = issue.consequence ? `${issue.message} (${issue.consequence})` : issue.message;
  return { code: issue.code, severity: issue.severity, message, ...span };
}
