/**
 * `classad fmt` across all three syntaxes: old long form and new syntax go
 * through the language's formatter (comments kept in old long form); HTCondor
 * JSON is read and written with the JSON reader and writer.
 */
import type { RecordExpr } from '../language/ast.js';
import { lineColumnAt, type SyntaxDiagnostic } from '../language/diagnostics.js';
import { formatAdDocument, formatAdsNew, formatAdsOld } from '../language/format.js';
import { parseAdDocument } from '../language/document.js';
import { mergedEntries } from '../language/recordOrder.js';
import { writeAll } from './adWriter.js';
import type { InputError } from './inputError.js';
import { parseJsonAds } from './jsonReader.js';
import { JsonWriter } from './jsonWriter.js';

/** The syntaxes of ad files. */
export type AdFileSyntax = 'old' | 'new' | 'json';

/** Options of formatAds. */
export interface FormatAdsOptions {
  /** The input syntax (detected when absent). */
  syntax?: AdFileSyntax;
  /** The output syntax (the input's when absent). */
  to?: AdFileSyntax;
  strict?: boolean;
}

/** The formatted text, or the errors (with 1-based line and column) that prevented it. */
export interface FormatAdsResult {
  output?: string;
  errors: InputError[];
  droppedComments: boolean;
}

/** Whether a text is HTCondor JSON: `[` then `{` or `]` as its first significant characters. */
export function looksLikeJson(text: string): boolean {
  return /^\s*\[\s*[{\]]/.test(text);
}

function located(text: string, errors: SyntaxDiagnostic[]): InputError[] {
  return errors.map((d) => ({ ...lineColumnAt(text, d.start), code: d.code, message: d.message }));
}

/** Formats (or converts) a document of ads given as bytes. */
export function formatAds(text: string, options: FormatAdsOptions = {}): FormatAdsResult {
  const syntax = options.syntax ?? (looksLikeJson(text) ? 'json' : undefined);
  const to = options.to ?? syntax;
  let records: RecordExpr[];
  if (syntax === 'json') {
    const ads = parseJsonAds(text, { strict: options.strict });
    const errors = ads.flatMap((a) => a.errors);
    if (errors.length > 0) return { errors, droppedComments: false };
    records = ads.map((a) => a.record).filter((r): r is RecordExpr => r.kind === 'Record');
  } else if (to !== 'json') {
    const r = formatAdDocument(text, { binary: true, strict: options.strict, syntax, to });
    return {
      output: r.output,
      errors: located(text, r.errors),
      droppedComments: r.droppedComments,
    };
  } else {
    const doc = parseAdDocument(text, { binary: true, strict: options.strict, syntax });
    if (doc.errors.length > 0) return { errors: located(text, doc.errors), droppedComments: false };
    records = doc.ads;
  }
  const droppedComments = syntax !== 'json' && /(^|\n)\s*#|\/\/|\/\*/.test(text);
  switch (to) {
    case 'json':
      return {
        output: writeAll(new JsonWriter(), records.map(mergedEntries)),
        errors: [],
        droppedComments,
      };
    case 'old':
      return { output: formatAdsOld(records), errors: [], droppedComments };
    default:
      return { output: formatAdsNew(records), errors: [], droppedComments };
  }
}
