/**
 * The condor_config parser: physical lines -> logical lines (HTCondor's line
 * reader: trimming, `\` continuation, comment lines inside continuations,
 * `#opt:` directives) -> statements with source positions.
 *
 * Parsing is purely lexical: nothing is expanded or evaluated here (that is
 * resolve.ts), so a file parses the same way whatever includes it, and every
 * statement of every `if` branch is seen. Facts: spec/condor-config.md §2-§3.
 */
import { configError, configWarning, type ConfigDiagnostic } from './diagnostics.js';
import { isSpace, splitPhysicalLines, type PhysicalLine } from './lines.js';

/** What a physical line is, as far as rewriting tools are concerned. */
export type LineRole =
  /** Empty or white space only. */
  | 'blank'
  /** A comment line (`#` first), not part of any statement. */
  | 'comment'
  /** `#opt:oldcomment`, `#opt:newcomment` or `#opt:strict`. */
  | 'directive'
  /** Part of a statement's text (including heredoc bodies and continuation lines). */
  | 'code'
  /** A comment line inside a continuation: only its last byte counts (new comment mode). */
  | 'stray'
  /** A `use` statement: left alone by rewriting tools. */
  | 'use'
  /** An ini-style `[section]` line, ignored by HTCondor. */
  | 'ini';

/** A run of logical-line text that comes from one place in the file. */
export interface Piece {
  /** Offset in the logical text. */
  at: number;
  /** Offset in the file. */
  file: number;
  length: number;
}

/** One logical line: trimmed physical lines joined at their `\` continuations. */
export interface LogicalLine {
  text: string;
  /** First and last physical line (1-based). */
  firstLine: number;
  lastLine: number;
  pieces: Piece[];
}

interface StatementBase {
  logical: LogicalLine;
  /** Physical lines of the whole statement (a heredoc runs to its closing `@TAG` line). */
  firstLine: number;
  lastLine: number;
}

/** The body of an `@=` multi-line value. */
export interface Heredoc {
  tag: string;
  /** Body lines (comment and blank lines are not part of it). */
  body: LogicalLine[];
  /** The closing `@TAG` line, absent when the file ended first. */
  close?: LogicalLine;
}

/** `NAME = value`, `NAME : value`, `NAME += value` (and `+,=` ...), `NAME @=TAG`. */
export interface Assignment extends StatementBase {
  kind: 'assign';
  /** The name as written (it may contain `$(...)`, expanded when the file is read). */
  name: string;
  /** Offset of the name in the logical text. */
  nameAt: number;
  op: '=' | ':' | '+=' | '@=';
  /** The operator as written: `=`, `:`, `+=`, `+,=`, `+&&=`, `@=`. */
  opText: string;
  /** For `+=` operators: the separator put between the old and the new value. */
  separator?: string;
  /** The value (for a heredoc, its body lines joined with LF). */
  value: string;
  /** Offset of the value in the logical text (-1 for a heredoc). */
  valueAt: number;
  heredoc?: Heredoc;
}

/** `include [ifexist] [command [into FILE]] : target`. */
export interface IncludeStatement extends StatementBase {
  kind: 'include';
  ifExist: boolean;
  command: boolean;
  into?: string;
  target: string;
  targetAt: number;
}

/** `use CATEGORY : template[(args)] ...`. */
export interface UseStatement extends StatementBase {
  kind: 'use';
  category: string;
  templates: string;
  templatesAt: number;
}

/** `if COND` / `elif COND`. */
export interface ConditionStatement extends StatementBase {
  kind: 'if' | 'elif';
  condition: string;
  conditionAt: number;
}

/** `else` / `endif`. */
export interface BranchStatement extends StatementBase {
  kind: 'else' | 'endif';
}

/** `error [code] : text` / `warning : text`. */
export interface MessageStatement extends StatementBase {
  kind: 'error' | 'warning';
  code: number;
  text: string;
  textAt: number;
}

/** A `[section]` line with no operator: ignored, as HTCondor does (Windows .ini style). */
export interface IniStatement extends StatementBase {
  kind: 'ini';
}

/** A line that is not a statement; an error when HTCondor would read it. */
export interface InvalidStatement extends StatementBase {
  kind: 'invalid';
  message: string;
  /** Offset of the problem in the logical text. */
  at: number;
}

/** Every kind of statement. */
export type Statement =
  | Assignment
  | IncludeStatement
  | UseStatement
  | ConditionStatement
  | BranchStatement
  | MessageStatement
  | IniStatement
  | InvalidStatement;

/** A parsed configuration source. */
export interface ParsedConfig {
  /** The name used in messages. */
  name: string;
  /** The bytes of the source. */
  text: string;
  lines: PhysicalLine[];
  /** The role of each physical line (index: line number - 1). */
  roles: LineRole[];
  statements: Statement[];
  /**
   * Errors that do not depend on which branches are taken: unbalanced
   * if/else/endif, a heredoc without its closing line.
   */
  errors: ConfigDiagnostic[];
  /** Things HTCondor accepts silently but that are probably mistakes. */
  warnings: ConfigDiagnostic[];
}

/** HTCondor's limit on nested ifs. */
export const MAX_IF_DEPTH = 63;

const NAME_CHARS = /^[A-Za-z0-9_./]+$/;

/** True when a (macro-expanded) knob name uses only the characters HTCondor allows. */
export function isValidKnobName(name: string): boolean {
  return NAME_CHARS.test(name);
}

/** The file offset of an offset in a logical line's text. */
export function logicalToFile(line: LogicalLine, at: number): number {
  const pieces = line.pieces;
  if (pieces.length === 0) return 0;
  for (const p of pieces) {
    if (at >= p.at && at < p.at + p.length) return p.file + (at - p.at);
  }
  const last = pieces[pieces.length - 1]!;
  if (at >= last.at + last.length) return last.file + last.length;
  return pieces[0]!.file;
}

/** The 1-based line and column of a file offset. */
export function positionOf(parsed: ParsedConfig, offset: number): { line: number; column: number } {
  const lines = parsed.lines;
  let lo = 0;
  let hi = lines.length - 1;
  if (hi < 0) return { line: 1, column: 1 };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo]!;
  return { line: line.number, column: Math.max(1, offset - line.start + 1) };
}

/** A diagnostic at an offset of a logical line. */
export function diagnosticAt(
  parsed: ParsedConfig,
  logical: LogicalLine,
  at: number,
  message: string,
  severity: 'error' | 'warning' = 'error',
): ConfigDiagnostic {
  const { line, column } = positionOf(parsed, logicalToFile(logical, at));
  return severity === 'error'
    ? configError(parsed.name, line, column, message)
    : configWarning(parsed.name, line, column, message);
}

/** Reads logical lines the way HTCondor's getline_implementation does. */
class LineReader {
  private i = 0;
  /** `#opt:oldcomment` in effect. */
  oldComment = false;
  /** `#opt:strict` in effect. */
  strict = false;

  constructor(
    private readonly text: string,
    private readonly lines: PhysicalLine[],
    private readonly roles: LineRole[],
  ) {}

  private trimmed(line: PhysicalLine): [number, number] {
    let s = line.start;
    let e = line.end;
    while (e > s && isSpace(this.text.charCodeAt(e - 1))) e--;
    while (s < e && isSpace(this.text.charCodeAt(s))) s++;
    return [s, e];
  }

  /** The next logical line that is not blank, a comment or a directive. */
  next(): LogicalLine | undefined {
    const text = this.text;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      const [s, e] = this.trimmed(line);
      if (s === e) {
        this.roles[this.i++] = 'blank';
        continue;
      }
      if (text.charCodeAt(s) === 35 /* # */) {
        const lower = text.slice(s, e).toLowerCase();
        if (lower === '#opt:oldcomment' || lower === '#opt:newcomment' || lower === '#opt:strict') {
          if (lower === '#opt:oldcomment') this.oldComment = true;
          else if (lower === '#opt:newcomment') this.oldComment = false;
          else this.strict = true;
          this.roles[this.i++] = 'directive';
          continue;
        }
        this.roles[this.i++] = 'comment';
        // In old comment mode a comment ending in `\` swallows the next line.
        let end = e;
        while (this.oldComment && text.charCodeAt(end - 1) === 92 && this.i < this.lines.length) {
          const next = this.lines[this.i]!;
          this.roles[this.i++] = 'comment';
          end = this.trimmed(next)[1];
        }
        continue;
      }
      return this.readLogical();
    }
    return undefined;
  }

  private readLogical(): LogicalLine {
    const text = this.text;
    const first = this.lines[this.i]!.number;
    let last = first;
    let logical = '';
    const pieces: Piece[] = [];
    let isFirst = true;
    for (;;) {
      const line = this.lines[this.i]!;
      let [s, e] = this.trimmed(line);
      if (!isFirst && s < e && text.charCodeAt(s) === 35 && !this.oldComment) {
        // A comment line inside a continuation: only its last byte remains.
        this.roles[this.i] = 'stray';
        s = e - 1;
      } else {
        this.roles[this.i] = 'code';
      }
      isFirst = false;
      last = line.number;
      this.i++;
      if (e > s) {
        pieces.push({ at: logical.length, file: s, length: e - s });
        logical += text.slice(s, e);
      }
      // As in HTCondor, the test is on the text accumulated so far.
      if (logical.endsWith('\\')) {
        logical = logical.slice(0, -1);
        const p = pieces[pieces.length - 1]!;
        p.length--;
        if (p.length === 0) pieces.pop();
        if (this.i >= this.lines.length) break;
        continue;
      }
      break;
    }
    return { text: logical, firstLine: first, lastLine: last, pieces };
  }
}

const IF_LINE = /^(if|elif)(?=[\t\n\v\f\r ]|$)/i;
const BRANCH_LINE = /^(else|endif)(?=[\t\n\v\f\r ]|$)/i;
const APPEND_OP = /^\+(?:([,;|&*])\1?)?$/;

/** The separator `+=`-style operators put between the old and the new value. */
function appendSeparator(opText: string): string {
  const seps = opText.slice(1, -1);
  if (seps === '') return ' ';
  if (seps.length === 1) return seps;
  return ` ${seps} `;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Classifies one logical line (not a heredoc body line). */
function classify(
  parsed: ParsedConfig,
  ll: LogicalLine,
  insideIf: boolean,
  strict: boolean,
): Statement {
  const base = { logical: ll, firstLine: ll.firstLine, lastLine: ll.lastLine };
  const t = ll.text;
  // A leading ':' is ignored inside if bodies and before `if` (pre-8.1.5 trick).
  const b = t.startsWith(':') && (insideIf || /^:if(?=[\t\n\v\f\r ]|$)/i.test(t)) ? 1 : 0;
  const s = t.slice(b);
  const invalid = (message: string, at: number): InvalidStatement => ({
    ...base,
    kind: 'invalid',
    message,
    at: at + b,
  });

  const cond = IF_LINE.exec(s);
  if (cond) {
    const kind = cond[1]!.toLowerCase() as 'if' | 'elif';
    const at = skipSpace(s, kind.length);
    return { ...base, kind, condition: s.slice(at), conditionAt: at + b };
  }
  const branch = BRANCH_LINE.exec(s);
  if (branch) {
    const kind = branch[1]!.toLowerCase() as 'else' | 'endif';
    const rest = skipSpace(s, kind.length);
    if (rest < s.length) {
      parsed.warnings.push(
        diagnosticAt(parsed, ll, rest + b, `text after '${kind}' is ignored`, 'warning'),
      );
    }
    return { ...base, kind };
  }

  // The name ends at white space, '=' or ':' (HTCondor's rule).
  let p = 0;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (isSpace(c) || c === 61 || c === 58) break;
    p++;
  }
  let name = s.slice(0, p);
  const noOperator = (): Statement =>
    s.startsWith('[')
      ? { ...base, kind: 'ini' }
      : invalid(`expected '=', ':', '+=' or '@=' after '${name}'`, p);
  if (p === s.length) return noOperator();

  let opChar: string;
  let opStart: number;
  let opEnd: number;
  let wordBefore = '';
  let wordAt = p;
  if (s[p] === '=' || s[p] === ':') {
    opChar = s[p]!;
    opStart = p;
    opEnd = p + 1;
  } else {
    let q = skipSpace(s, p);
    wordAt = q;
    while (q < s.length && s[q] !== '=' && s[q] !== ':' && s[q] !== '@') q++;
    wordBefore = s.slice(wordAt, q).replace(/[\t\n\v\f\r ]+$/, '');
    if (q === s.length) return noOperator();
    opStart = q;
    if (s[q] === '@') {
      if (s[q + 1] !== '=') return noOperator();
      opChar = '@=';
      opEnd = q + 2;
    } else {
      opChar = s[q]!;
      opEnd = q + 1;
    }
  }

  // `+=` and its relatives: `A += x`, `A +,= x`, `A+=x`.
  let opText = opChar;
  let separator: string | undefined;
  if (opChar === '=') {
    if (APPEND_OP.test(wordBefore)) {
      opText = wordBefore + '=';
      opStart = wordAt;
      wordBefore = '';
    } else if (wordBefore === '') {
      const m = /\+(?:([,;|&*])\1?)?$/.exec(name);
      if (m && m.index > 0) {
        opText = m[0] + '=';
        name = name.slice(0, m.index);
        opStart = m.index;
      }
    }
    if (opText !== '=') separator = appendSeparator(opText);
  }

  const valueAt = skipSpace(s, opEnd);
  const value = s.slice(valueAt);
  const hasAt = name.startsWith('@') ? 1 : 0;
  const keyword = name.slice(hasAt).toLowerCase();

  if (opChar === ':' && keyword === 'include') {
    const opts = wordBefore.split(/[\t ]+/).filter((w) => w !== '');
    let k = 0;
    let ifExist = false;
    let command = false;
    let into: string | undefined;
    if (opts[k] === 'ifexist' || opts[k] === 'ifexists') {
      ifExist = true;
      k++;
    }
    if (opts[k] === 'command' || opts[k] === 'output') {
      command = true;
      k++;
      if (opts[k] === 'into') {
        into = opts[k + 1];
        if (into === undefined) return invalid("expected a file name after 'into'", opStart);
        k += 2;
      }
    }
    if (k < opts.length) {
      return invalid(`unexpected keyword(s) '${opts.slice(k).join(' ')}' after include`, wordAt);
    }
    if (value.includes('|')) command = true;
    return {
      ...base,
      kind: 'include',
      ifExist,
      command,
      into,
      target: value,
      targetAt: valueAt + b,
    };
  }
  if (opChar === ':' && keyword === 'use') {
    if (wordBefore === '') return invalid("'use' needs a category before ':'", opStart);
    return {
      ...base,
      kind: 'use',
      category: wordBefore,
      templates: value,
      templatesAt: valueAt + b,
    };
  }
  if (opChar === ':' && (keyword === 'error' || keyword === 'warning')) {
    const code = keyword === 'error' ? parseInt(wordBefore, 10) || 1 : 0;
    return { ...base, kind: keyword, code, text: value, textAt: valueAt + b };
  }

  if (hasAt || name === '') return invalid(`illegal knob name '${name}'`, 0);
  if (!name.includes('$') && !isValidKnobName(name)) {
    return invalid(`illegal knob name '${name}': only A-Z a-z 0-9 _ . / are allowed`, 0);
  }
  if (wordBefore !== '') {
    parsed.warnings.push(
      diagnosticAt(
        parsed,
        ll,
        wordAt + b,
        `'${wordBefore}' between the name and the operator is ignored`,
        'warning',
      ),
    );
  }
  if (opChar === ':' && strict) {
    return invalid(`obsolete use of ':' for an assignment (#opt:strict is in effect)`, opStart);
  }
  if (opChar === '@=') {
    const tag = value;
    if (tag === '') return invalid("'@=' must be followed by a tag", opStart);
  }
  const op = opChar === '@=' ? '@=' : separator !== undefined ? '+=' : (opChar as '=' | ':');
  return {
    ...base,
    kind: 'assign',
    name,
    nameAt: b,
    op,
    opText,
    separator,
    value,
    valueAt: valueAt + b,
  };
}

/** Parses a configuration source. Never throws: problems are in `errors` and invalid statements. */
export function parseConfig(text: string, name: string): ParsedConfig {
  const lines = splitPhysicalLines(text);
  const roles: LineRole[] = new Array<LineRole>(lines.length).fill('blank');
  const parsed: ParsedConfig = {
    name,
    text,
    lines,
    roles,
    statements: [],
    errors: [],
    warnings: [],
  };
  const reader = new LineReader(text, lines, roles);
  const ifs: { line: LogicalLine; hasElse: boolean }[] = [];
  const markLines = (st: Statement, role: LineRole): void => {
    for (let n = st.firstLine; n <= st.lastLine; n++) roles[n - 1] = role;
  };
  let ll: LogicalLine | undefined;
  while ((ll = reader.next()) !== undefined) {
    const st = classify(parsed, ll, ifs.length > 0, reader.strict);
    if (st.kind === 'assign' && st.op === '@=') {
      const tag = st.value;
      const body: LogicalLine[] = [];
      let close: LogicalLine | undefined;
      let line: LogicalLine | undefined;
      while ((line = reader.next()) !== undefined) {
        if (line.text === '@' + tag) {
          close = line;
          break;
        }
        body.push(line);
      }
      st.heredoc = { tag, body, close };
      st.value = body.map((l) => l.text).join('\n');
      st.valueAt = -1;
      st.lastLine = close ? close.lastLine : lines.length;
      if (!close) {
        parsed.errors.push(
          diagnosticAt(
            parsed,
            ll,
            0,
            `end of file while looking for '@${tag}' (the end of ${st.name} @=${tag})`,
          ),
        );
      }
    } else if (st.kind === 'if') {
      if (ifs.length >= MAX_IF_DEPTH) {
        parsed.errors.push(diagnosticAt(parsed, ll, 0, 'if nesting too deep'));
      }
      ifs.push({ line: ll, hasElse: false });
    } else if (st.kind === 'elif' || st.kind === 'else') {
      const top = ifs[ifs.length - 1];
      if (!top) parsed.errors.push(diagnosticAt(parsed, ll, 0, `${st.kind} without matching if`));
      else if (top.hasElse) {
        parsed.errors.push(diagnosticAt(parsed, ll, 0, `${st.kind} is not allowed after else`));
      } else if (st.kind === 'else') top.hasElse = true;
    } else if (st.kind === 'endif') {
      if (ifs.length === 0)
        parsed.errors.push(diagnosticAt(parsed, ll, 0, 'endif without matching if'));
      else ifs.pop();
    } else if (st.kind === 'use') {
      markLines(st, 'use');
    } else if (st.kind === 'ini') {
      markLines(st, 'ini');
    }
    parsed.statements.push(st);
  }
  for (const open of ifs) {
    parsed.errors.push(
      diagnosticAt(parsed, open.line, 0, 'this if has no endif before the end of the file'),
    );
  }
  return parsed;
}

/** The text of a statement's physical lines, with their line ends except the last one's. */
export function statementSource(parsed: ParsedConfig, st: Statement): string {
  const first = parsed.lines[st.firstLine - 1]!;
  const last = parsed.lines[st.lastLine - 1]!;
  return parsed.text.slice(first.start, last.end);
}
