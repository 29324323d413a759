/**
 * Formatting of ad documents (`classad fmt`): canonical spacing through the
 * printer, in the document's own syntax or converted to the other one.
 */
import type { Expr, RecordExpr } from './ast.js';
import type { SyntaxDiagnostic } from './diagnostics.js';
import { parseAdDocument, type DocumentOptions, type DocumentSyntax } from './document.js';
import { isSkippableLine, splitLongFormLine } from './oldAd.js';
import { parseExpressionWithErrors } from './parser.js';
import { printExpr } from './printer.js';
import { mergedEntries } from './recordOrder.js';

/** The result of formatting: the text, or the syntax errors that prevented it. */
export interface FormatResult {
  output?: string;
  errors: SyntaxDiagnostic[];
  /** Whether comments in the input could not be carried into the output. */
  droppedComments: boolean;
}

/**
 * Prints ads in new syntax, one `[ ... ]` block per ad with an attribute per
 * line, in the order they first appear (a repeated name keeps its last value).
 */
export function formatAdsNew(ads: RecordExpr[]): string {
  return ads
    .map((ad) => {
      const entries = mergedEntries(ad);
      if (entries.length === 0) return '[\n]\n';
      return `[\n${entries.map((e) => `  ${e.name} = ${printExpr(e.value)};\n`).join('')}]\n`;
    })
    .join('\n');
}

/** Prints ads in old long form: `Name = expr` lines, a blank line between ads. */
export function formatAdsOld(ads: RecordExpr[]): string {
  return ads
    .map((ad) =>
      mergedEntries(ad)
        .map((e) => `${e.name} = ${printExpr(e.value, { oldSyntax: true })}\n`)
        .join(''),
    )
    .join('\n');
}

/** Whether new-syntax text has a `//` or `/* *\/` comment outside strings. */
function hasNewSyntaxComment(text: string): boolean {
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42))
      return true;
  }
  return false;
}

/**
 * Formats old long form line by line, so `#` comments and blank lines stay
 * where they are: each attribute line becomes `Name = <canonical old syntax>`,
 * runs of blank lines become one, trailing whitespace goes.
 */
function formatOldInPlace(text: string, options: DocumentOptions): FormatResult {
  const errors: SyntaxDiagnostic[] = [];
  let out = '';
  let lastBlank = true;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (isSkippableLine(text, lineStart, lineEnd)) {
      const line = text.slice(lineStart, lineEnd).trim();
      if (line === '') {
        if (!lastBlank) out += '\n';
        lastBlank = true;
      } else {
        out += line + '\n';
        lastBlank = false;
      }
    } else {
      const line = splitLongFormLine(text, lineStart, lineEnd);
      // (A line that is not `Name = expr` never gets here: formatAdDocument
      // returns parseAdDocument's errors first.)
      if (line) {
        const value = parseExpressionWithErrors(text, {
          strict: options.strict,
          binary: options.binary,
          oldSyntax: true,
          start: line.valueStart,
          end: line.valueEnd,
        });
        errors.push(...value.errors);
        if (value.errors.length === 0)
          out += `${line.name} = ${printExpr(value.value, { oldSyntax: true })}\n`;
      }
      lastBlank = false;
    }
    lineStart = lineEnd + 1;
  }
  if (out.endsWith('\n\n')) out = out.slice(0, -1);
  return { output: out, errors, droppedComments: false };
}

/**
 * Formats an ad document. `to` converts to the other syntax (comments cannot
 * follow a conversion, nor a new-syntax reformat: `droppedComments` says so).
 */
export function formatAdDocument(
  text: string,
  options: DocumentOptions & { to?: DocumentSyntax } = {},
): FormatResult {
  const doc = parseAdDocument(text, options);
  if (doc.errors.length > 0) return { errors: doc.errors, droppedComments: false };
  const to = options.to ?? doc.syntax;
  if (doc.syntax === 'old' && to === 'old') {
    const result = formatOldInPlace(text, options);
    return result.errors.length > 0 ? { errors: result.errors, droppedComments: false } : result;
  }
  const droppedComments = doc.syntax === 'old' ? /^[ \t]*#/m.test(text) : hasNewSyntaxComment(text);
  if (doc.expression) {
    const expr: Expr = doc.expression;
    return {
      output: printExpr(expr, { oldSyntax: to === 'old' }) + '\n',
      errors: [],
      droppedComments,
    };
  }
  const output = to === 'old' ? formatAdsOld(doc.ads) : formatAdsNew(doc.ads);
  return { output, errors: [], droppedComments };
}
