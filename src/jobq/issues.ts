/**
 * Problems found in a job_queue.log (or in a map or rules file): what is
 * wrong, where (1-based line and byte column), and what the schedd would do
 * about it.
 */

/** `error`: the schedd rejects or misreads the record; `warning`: it reads it, with a defined outcome. */
export type Severity = 'error' | 'warning';

/** One problem at one place. */
export interface JobqIssue {
  severity: Severity;
  /** A stable identifier, e.g. `nul-byte`, `word-count`, `open-transaction`. */
  code: string;
  /** 1-based physical line; 0 when the problem is not tied to a line. */
  line: number;
  /** 1-based byte column, where it applies. */
  column?: number;
  /** What is wrong and what was expected. */
  message: string;
  /** What the real schedd does with it (filled in once the whole log has been read). */
  consequence?: string;
}

/** `file:line:column: severity: message (consequence)`. */
export function formatIssue(file: string, issue: JobqIssue): string {
  let where = file;
  if (issue.line > 0) where += `:${issue.line}`;
  if (issue.line > 0 && issue.column !== undefined) where += `:${issue.column}`;
  const tail = issue.consequence ? ` (${issue.consequence})` : '';
  return `${where}: ${issue.severity}: ${issue.message}${tail}`;
}

/**
 * Bad input: a log, map or rules file that cannot be processed. The message
 * names the file, the line and (where it applies) the column.
 */
export class JobqInputError extends Error {
  readonly file: string;
  readonly issues: JobqIssue[];

  constructor(file: string, issues: JobqIssue[], summary?: string) {
    const lines = issues.map((i) => formatIssue(file, i));
    if (summary) lines.push(summary);
    super(lines.join('\n'));
    this.name = 'JobqInputError';
    this.file = file;
    this.issues = issues;
  }
}

/** Bad usage of the library or the command (exit status 2 on the command line). */
export class JobqUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobqUsageError';
  }
}

/**
 * Keeps the issues of one run: errors and warnings, at most `limit` of each
 * (the rest are only counted, so a log full of errors cannot exhaust memory).
 */
export class IssueList {
  readonly errors: JobqIssue[] = [];
  readonly warnings: JobqIssue[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(private readonly limit = 1000) {}

  add(issue: JobqIssue): void {
    if (issue.severity === 'error') {
      this.errorCount++;
      if (this.errors.length < this.limit) this.errors.push(issue);
    } else {
      this.warningCount++;
      if (this.warnings.length < this.limit) this.warnings.push(issue);
    }
  }

  /** Every kept issue, in line order (errors before warnings on the same line). */
  all(): JobqIssue[] {
    return [...this.errors, ...this.warnings].sort(
      (a, b) =>
        a.line - b.line ||
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
  }

  /** A line saying how many issues were not kept, or undefined. */
  omitted(): string | undefined {
    const e = this.errorCount - this.errors.length;
    const w = this.warningCount - this.warnings.length;
    if (e <= 0 && w <= 0) return undefined;
    return `(${e} more error(s) and ${w} more warning(s) not shown)`;
  }
}
