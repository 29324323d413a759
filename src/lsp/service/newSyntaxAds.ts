/**
 * Reading a new-syntax document of ads `[ ... ] [ ... ]` one ad at a time:
 * the text is lexed once to find where each top-level ad begins and ends, and
 * each ad is parsed within its own bounds. Every ad's errors are reported
 * (not only the first broken ad's), and the time stays linear in the size of
 * the document.
 */
import type { RecordExpr } from '../../language/ast.js';
import type { SyntaxDiagnostic } from '../../language/diagnostics.js';
import { lex } from '../../language/lexer.js';
import { parseRecordWithErrors } from '../../language/parser.js';
import * as T from '../../language/tokens.js';

/** The ads of a new-syntax document and every syntax error, in source order. */
export interface NewSyntaxAds {
  ads: RecordExpr[];
  errors: SyntaxDiagnostic[];
}

/**
 * Splits the text into top-level `[ ... ]` ads by bracket depth and parses
 * each. Text between ads is parsed as an ad too, for the parser's first
 * error, which says what is wrong with it. Returns undefined when the first
 * token is not `[` (a list of ads or a bare expression: parse it whole).
 */
export function parseNewSyntaxAds(text: string, strict = false): NewSyntaxAds | undefined {
  const { tokens } = lex(text, { strict });
  if (tokens.length === 0 || tokens[0]!.tokenType !== T.LBracket) return undefined;
  const ads: RecordExpr[] = [];
  const errors: SyntaxDiagnostic[] = [];
  const parse = (start: number, end: number, junk: boolean) => {
    const r = parseRecordWithErrors(text, { strict, start, end, full: !junk });
    // Of text that is not an ad, the first error says it all.
    if (junk) errors.push(...r.errors.slice(0, 1));
    else errors.push(...r.errors);
    if (!junk && r.value.kind === 'Record' && r.value.end >= 0) ads.push(r.value);
  };
  let depth = 0;
  let adStart = -1;
  let junkStart = -1;
  for (const t of tokens) {
    const type = t.tokenType;
    if (depth === 0) {
      if (type === T.LBracket) {
        if (junkStart >= 0) parse(junkStart, t.startOffset, true);
        junkStart = -1;
        adStart = t.startOffset;
        depth = 1;
      } else if (junkStart < 0) junkStart = t.startOffset;
    } else if (type === T.LBracket) depth++;
    else if (type === T.RBracket && --depth === 0) {
      parse(adStart, t.endOffset! + 1, false);
      adStart = -1;
    }
  }
  if (adStart >= 0) parse(adStart, text.length, false);
  if (junkStart >= 0) parse(junkStart, text.length, true);
  errors.sort((a, b) => a.start - b.start);
  return { ads, errors };
}
