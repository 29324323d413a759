/**
 * Ad documents: a whole file of ClassAds in either syntax, parsed with every
 * error kept, for lint, fmt and the language server.
 *
 * - old long form: `Name = expr` lines, ads separated by blank lines;
 * - new syntax: `[ ... ]` ads one after another, or HTCondor's
 *   `-long:new` list form `{ [ ... ], [ ... ] }`, or one bare expression.
 */
import type { Expr, RecordExpr } from './ast.js';
import { isSkippableLine, parseOldAd } from './oldAd.js';
import { SyntaxErrorCode, type SyntaxDiagnostic } from './diagnostics.js';
import { lex } from './lexer.js';
import { parseExpressionWithErrors, parseRecordWithErrors } from './parser.js';
import * as T from './tokens.js';

/** Which syntax a document is written in. */
export type DocumentSyntax = 'old' | 'new';

/** A parsed ad document. */
export interface AdDocument {
  syntax: DocumentSyntax;
  /** The ads, each a record whose offsets refer to the document text. */
  ads: RecordExpr[];
  /** A new-syntax document that is one expression but not an ad (e.g. `a + 1`). */
  expression?: Expr;
  errors: SyntaxDiagnostic[];
}

/** Options for parsing documents. */
export interface DocumentOptions {
  strict?: boolean;
  binary?: boolean;
  /** Force a syntax instead of detecting it. */
  syntax?: DocumentSyntax;
}

/** Offset of the first character that is not whitespace or inside a comment, or -1. */
function firstSignificant(text: string, from = 0): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return i;
      i = close + 2;
    } else return i;
  }
  return -1;
}

/**
 * Guesses the syntax of an ad document: new syntax when the first significant
 * character is `[` or `{`; old long form when the first non-comment line has a
 * `=` and does not start with one; otherwise a new-syntax expression.
 */
export function detectSyntax(text: string): DocumentSyntax {
  const first = firstSignificant(text);
  if (first < 0) return 'old';
  const c = text.charCodeAt(first);
  if (c === 91 || c === 123) return 'new';
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (!isSkippableLine(text, lineStart, lineEnd)) {
      return /^\s*[^=\s][^=]*=(?![=?!])/.test(text.slice(lineStart, lineEnd)) ? 'old' : 'new';
    }
    lineStart = lineEnd + 1;
  }
  return 'old';
}

/** Parses a document of ads in old or new syntax (detected unless given). */
export function parseAdDocument(text: string, options: DocumentOptions = {}): AdDocument {
  const syntax = options.syntax ?? detectSyntax(text);
  return syntax === 'old' ? parseOldDocument(text, options) : parseNewDocument(text, options);
}

function parseOldDocument(text: string, options: DocumentOptions): AdDocument {
  const ads: RecordExpr[] = [];
  const errors: SyntaxDiagnostic[] = [];
  let adStart = -1;
  let lineStart = 0;
  const flush = (end: number) => {
    if (adStart < 0) return;
    // full: a lint should not hide `A = 1 2`, which HTCondor silently reads as 1.
    const chunk = parseOldAd(text, {
      strict: options.strict,
      binary: options.binary,
      full: true,
      start: adStart,
      end,
    });
    ads.push(chunk.value);
    errors.push(...chunk.errors);
    adStart = -1;
  };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const blank = /^[ \t\r\v\f]*$/.test(text.slice(lineStart, lineEnd));
    if (blank) flush(lineStart);
    else if (adStart < 0 && !isSkippableLine(text, lineStart, lineEnd)) adStart = lineStart;
    lineStart = lineEnd + 1;
  }
  flush(text.length);
  return { syntax: 'old', ads, errors };
}

function parseNewDocument(text: string, options: DocumentOptions): AdDocument {
  const first = firstSignificant(text);
  if (first < 0) return { syntax: 'new', ads: [], errors: [] };
  const errors: SyntaxDiagnostic[] = [];
  if (text.charCodeAt(first) !== 91) {
    // A list of ads (`-long:new`), or a bare expression.
    const result = parseExpressionWithErrors(text, {
      strict: options.strict,
      binary: options.binary,
      start: first,
    });
    const value = result.value;
    if (value.kind === 'List' && value.items.every((i) => i.kind === 'Record')) {
      return { syntax: 'new', ads: value.items as RecordExpr[], errors: result.errors };
    }
    return { syntax: 'new', ads: [], expression: value, errors: result.errors };
  }
  // Find each ad's extent from one lexing pass (bracket depth), then parse
  // each ad within its own bounds: linear in the document, and an ad with
  // errors does not hide the ones after it.
  const lexed = lex(text, { strict: options.strict, binary: options.binary });
  const ads: RecordExpr[] = [];
  const ranges: [number, number][] = [];
  let depth = 0;
  let adStart = -1;
  let stray = false;
  for (const t of lexed.tokens) {
    const type = t.tokenType;
    if (depth === 0 && type !== T.LBracket) {
      // One error for a run of stray tokens between ads.
      if (!stray)
        errors.push({
          code: SyntaxErrorCode.UnexpectedToken,
          message: `expected '[' (the start of an ad) but found '${t.image.slice(0, 20)}'`,
          start: t.startOffset,
          end: t.endOffset! + 1,
        });
      stray = true;
      continue;
    }
    stray = false;
    if (type === T.LBracket || type === T.LBrace || type === T.LParen) {
      if (depth === 0) adStart = t.startOffset;
      depth++;
    } else if (type === T.RBracket || type === T.RBrace || type === T.RParen) {
      depth--;
      if (depth === 0) {
        ranges.push([adStart, t.endOffset! + 1]);
        adStart = -1;
      }
    }
  }
  if (depth > 0 && adStart >= 0) ranges.push([adStart, text.length]);
  for (const [start, end] of ranges) {
    const result = parseRecordWithErrors(text, {
      strict: options.strict,
      binary: options.binary,
      start,
      end,
    });
    errors.push(...result.errors);
    if (result.value.kind === 'Record' && result.value.end >= 0) ads.push(result.value);
  }
  // Lexical errors between ads (inside an ad the ad's own parse reports them).
  for (const e of lexed.errors) {
    if (!ranges.some(([start, end]) => e.start >= start && e.start < end)) errors.push(e);
  }
  errors.sort((x, y) => x.start - y.start);
  return { syntax: 'new', ads, errors };
}
