/**
 * Rewriting the string literals of one 103 value in place: the value is
 * parsed (old syntax) into the AST, each String node's contents go through
 * a transform, and each changed literal's source range is replaced by the
 * new contents quoted the old way (only `"` is escaped). Every other byte of
 * the line stays as it was. The result is parsed again and its strings
 * compared with what was intended, so an edit can never change the meaning
 * of the rest of the value.
 */
import type * as A from '../language/ast.js';
import type { SyntaxDiagnostic } from '../language/diagnostics.js';
import { quoteBytes } from '../language/printer.js';
import { parseValue, stringLiterals } from './valueParse.js';

/** An edit of a text: replace `[start, end)` by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (in any order) to `source`. */
export function applyEdits(source: string, edits: TextEdit[]): string {
  if (edits.length === 1) {
    const e = edits[0]!;
    return source.slice(0, e.start) + e.text + source.slice(e.end);
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    out += source.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + source.slice(last);
}

/** The byte offset, in the quoted literal's source, of offset `index` of its contents (old syntax). */
export function sourceOffsetOf(literal: A.StringLiteral, index: number): number {
  let quotes = 0;
  for (let i = 0; i < index && i < literal.value.length; i++)
    if (literal.value.charCodeAt(i) === 34) quotes++;
  return literal.start + 1 + index + quotes;
}

/** Why a value could not be rewritten; `offset` is into the line text. */
export class ValueRewriteError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ValueRewriteError';
  }
}

/** Rewrites one string's contents; undefined leaves it unchanged. May throw ValueRewriteError. */
export type StringTransform = (contents: string, literal: A.StringLiteral) => string | undefined;

/** A rewritten value. */
export interface ValueRewrite {
  /** The whole line text with the edits applied. */
  text: string;
  /** How many literals changed. */
  literals: number;
}

function syntaxError(d: SyntaxDiagnostic): ValueRewriteError {
  return new ValueRewriteError(
    `the value is not an old-syntax ClassAd expression: ${d.message}`,
    d.start,
    'value-syntax',
  );
}

/**
 * Rewrites the string literals of the value `line[start, end)`. Returns
 * undefined when no literal changes. Throws ValueRewriteError when the value
 * does not parse or a new string cannot be written in old syntax here (a
 * string ending in a backslash must be the last thing on the line).
 */
export function rewriteValueStrings(
  line: string,
  start: number,
  end: number,
  transform: StringTransform,
): ValueRewrite | undefined {
  const parsed = parseValue(line, start, end);
  if (parsed.error) throw syntaxError(parsed.error);
  const literals = parsed.expr.kind === 'String' ? [parsed.expr] : stringLiterals(parsed.expr);
  const edits: TextEdit[] = [];
  let intended: string[] | undefined;
  let backslash = false;
  for (let i = 0; i < literals.length; i++) {
    const lit = literals[i]!;
    const next = transform(lit.value, lit);
    if (next === undefined || next === lit.value) continue;
    checkRepresentable(next, lit, end);
    if (next.includes('\\')) backslash = true;
    edits.push({ start: lit.start, end: lit.end, text: quoteOld(next) });
    intended ??= literals.map((l) => l.value);
    intended[i] = next;
  }
  if (edits.length === 0) return undefined;
  const text = applyEdits(line, edits);
  // Without backslashes, an old-syntax literal is unambiguous: `"` + contents
  // with each `"` as `\"` + `"`. With them (Windows paths), read it back.
  if (!backslash) return { text, literals: edits.length };
  const delta = text.length - line.length;
  const check = parseValue(text, start, end + delta);
  const got = check.expr ? stringLiterals(check.expr).map((l) => l.value) : undefined;
  if (!got || got.length !== intended!.length || got.some((v, i) => v !== intended![i])) {
    throw new ValueRewriteError(
      'the rewritten value would not read back as intended in old ClassAd syntax',
      edits[0]!.start,
      'unrepresentable',
    );
  }
  return { text, literals: edits.length };
}

/** Old-syntax quoting: only `"` is escaped (quoteBytes, with a shortcut for the usual case). */
function quoteOld(contents: string): string {
  return contents.includes('"') ? quoteBytes(contents, '"', true) : '"' + contents + '"';
}

function checkRepresentable(next: string, lit: A.StringLiteral, end: number): void {
  if (next.endsWith('\\') && lit.end !== end) {
    throw new ValueRewriteError(
      'the new string would end in a backslash, which old ClassAd syntax can only write as the last thing on the line',
      lit.start,
      'unrepresentable',
    );
  }
  if (next.includes('\n') || next.includes('\0')) {
    throw new ValueRewriteError(
      'the new string would hold a line feed or a NUL byte, which a job_queue.log cannot',
      lit.start,
      'unrepresentable',
    );
  }
}
