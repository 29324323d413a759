/**
 * Formatting through the project's printer: an ad file as `classad fmt`
 * formats it (formatAdDocument), an expression printed canonically. A
 * document with syntax errors, or whose comments the printer cannot keep, is
 * left alone (the result says why). The edit is the smallest single
 * replacement that turns the text into the formatted text.
 */
import { utf8Encode } from '../../language/bytes.js';
import type { DocumentSyntax } from '../../language/document.js';
import { formatAdDocument } from '../../language/format.js';
import { parseExpressionWithErrors } from '../../language/parser.js';
import { printExpr } from '../../language/printer.js';
import { bytesToText } from './display.js';
import type { DocumentKind } from './documentKind.js';

/** Replace `text[start, end)` with `newText`. */
export interface TextEditData {
  start: number;
  end: number;
  newText: string;
}

/** The edits that format a document (none when it is formatted, or cannot be: then `reason` says why). */
export interface FormattingResult {
  edits: TextEditData[];
  reason?: string;
}

/** The smallest single edit turning `before` into `after` (none if they are equal). */
export function minimalEdit(before: string, after: string): TextEditData[] {
  if (before === after) return [];
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return [
    {
      start: head,
      end: before.length - tail,
      newText: after.slice(head, after.length - tail),
    },
  ];
}

/** Formats a document. Texts are Unicode; the printer works on UTF-8 bytes, so the text goes through them. */
export function formatDocument(text: string, kind: DocumentKind): FormattingResult {
  if (kind === 'jobQueueLog') return { edits: [], reason: 'a job_queue.log is not reformatted' };
  const bytes = utf8Encode(text);
  let output: string;
  if (kind === 'expression') {
    const r = parseExpressionWithErrors(bytes, { binary: true });
    if (r.errors.length > 0) return { edits: [], reason: 'the expression has syntax errors' };
    output = printExpr(r.value) + (text.endsWith('\n') ? '\n' : '');
  } else {
    const syntax: DocumentSyntax | undefined =
      kind === 'adOld' ? 'old' : kind === 'adNew' ? 'new' : undefined;
    const r = formatAdDocument(bytes, { binary: true, syntax });
    if (r.output === undefined) return { edits: [], reason: 'the document has syntax errors' };
    if (r.droppedComments)
      return { edits: [], reason: 'formatting this document would drop its comments' };
    output = r.output;
  }
  return { edits: minimalEdit(text, bytesToText(output)) };
}
