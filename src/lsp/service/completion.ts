/**
 * Completion: after `TARGET.` the well-known attributes of the other kind of
 * ad (a job's target is a machine), after `MY.` the ad's own attributes and
 * the well-known ones of its kind; where an expression goes, the document's
 * attributes (the enclosing ad's first), the builtin functions and the
 * keywords; where an attribute is named (`Name =` of an old-syntax line, a
 * record key, a job_queue.log 103 name), attribute names. Nothing inside
 * strings and comments.
 */
import { asciiLower } from '../../language/bytes.js';
import { SyntaxErrorCode } from '../../language/diagnostics.js';
import { lex } from '../../language/lexer.js';
import * as T from '../../language/tokens.js';
import { adRole, type AdRole } from './adRole.js';
import { allBuiltins, builtinSignature } from './builtins.js';
import { bytesToText, showExpr } from './display.js';
import type { DocumentKind } from './documentKind.js';
import { allKnownAttributes, type KnownAttribute } from './knownAttributes.js';
import { adAt, analyzeDocument, type AdModel, type DocumentModel } from './model.js';

/** One proposal. */
export interface CompletionEntry {
  label: string;
  kind: 'function' | 'attribute' | 'keyword';
  detail?: string;
  documentation?: string;
  /** Orders proposals: enclosing ad, document, keywords, functions, well-known attributes. */
  sortText: string;
}

/** The proposals for a position, and the range (the word being typed) a chosen one replaces. */
export interface CompletionResult {
  items: CompletionEntry[];
  start: number;
  end: number;
}

const keywords = ['true', 'false', 'undefined', 'error', 'is', 'isnt', 'MY', 'TARGET'];
const selfScopes = new Set(['my', 'self']);
const targetScopes = new Set(['target', 'other']);

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

/** What kind of place the cursor is in. */
type Place =
  { kind: 'none' } | { kind: 'name' } | { kind: 'expression' } | { kind: 'scoped'; scope: string };

/** Whether the lexed text `[from, offset)` leaves the cursor inside a string or a comment. */
function insideStringOrComment(text: string, from: number, offset: number, oldSyntax: boolean) {
  const { tokens, errors } = lex(text, { start: from, end: offset, oldSyntax });
  // Lexed up to the cursor, a string or comment the cursor is in is unterminated.
  if (
    errors.some(
      (e) =>
        e.code === SyntaxErrorCode.UnterminatedString ||
        e.code === SyntaxErrorCode.UnterminatedComment,
    )
  )
    return { inside: true, tokens };
  const last = tokens[tokens.length - 1];
  const gap = text.slice(last ? last.endOffset! + 1 : from, offset);
  return { inside: !oldSyntax && gap.includes('//'), tokens };
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return { start, end };
}

/** Where the cursor is, given the start of the word it ends. */
function placeAt(model: DocumentModel, offset: number, wordStart: number): Place {
  const text = model.text;
  let from = 0;
  if (model.kind === 'jobQueueLog') {
    const line = lineBounds(text, offset);
    const words = text.slice(line.start, wordStart).split(' ');
    if (!text.startsWith('103 ', line.start) || words.length < 3) return { kind: 'none' };
    if (words.length === 3) return { kind: 'name' };
    from = line.start + words.slice(0, 3).join(' ').length + 1;
  } else if (model.syntax === 'old') {
    const line = lineBounds(text, offset);
    const before = text.slice(line.start, wordStart);
    if (/^[ \t]*#/.test(before)) return { kind: 'none' };
    const eq = before.indexOf('=');
    if (eq < 0) return /^[ \t]*$/.test(before) ? { kind: 'name' } : { kind: 'none' };
    from = line.start + eq + 1;
  }
  const oldSyntax = model.syntax === 'old';
  const { inside, tokens } = insideStringOrComment(text, from, offset, oldSyntax);
  if (inside) return { kind: 'none' };
  if (text.charCodeAt(wordStart - 1) === 46) {
    let s = wordStart - 1;
    while (s > 0 && isNameChar(text.charCodeAt(s - 1))) s--;
    return { kind: 'scoped', scope: asciiLower(text.slice(s, wordStart - 1)) };
  }
  if (!oldSyntax) {
    // A record key: right after `[` or `;` with a `[` the innermost open bracket.
    const open: T.ClassAdToken[] = [];
    let prev: T.ClassAdToken | undefined;
    for (const t of tokens) {
      if (t.startOffset >= wordStart) break;
      const type = t.tokenType;
      if (type === T.LBracket || type === T.LParen || type === T.LBrace) open.push(t);
      else if (type === T.RBracket || type === T.RParen || type === T.RBrace) open.pop();
      prev = t;
    }
    const innermost = open[open.length - 1];
    if (
      innermost?.tokenType === T.LBracket &&
      (prev?.tokenType === T.LBracket || prev?.tokenType === T.Semicolon)
    )
      return { kind: 'name' };
  }
  return { kind: 'expression' };
}

function knownEntries(filter: (a: KnownAttribute) => boolean, sortText: string): CompletionEntry[] {
  return allKnownAttributes()
    .filter(filter)
    .map((a) => ({
      label: a.name,
      kind: 'attribute' as const,
      detail: `HTCondor ${a.owner === 'both' ? '' : a.owner + ' '}attribute`,
      documentation: a.meaning,
      sortText: sortText + a.name.toLowerCase(),
    }));
}

function ownerFilter(role: AdRole | undefined): (a: KnownAttribute) => boolean {
  return (a) => role === undefined || a.owner === role || a.owner === 'both';
}

function adEntries(model: DocumentModel, ads: AdModel[], sortText: string): CompletionEntry[] {
  const old = model.syntax === 'old';
  const out: CompletionEntry[] = [];
  for (const ad of ads)
    for (const a of ad.attributes)
      out.push({
        label: bytesToText(a.name),
        kind: 'attribute',
        detail: showExpr(a.value, old, 80, model.text),
        sortText: sortText + a.name.toLowerCase(),
      });
  return out;
}

/** Keeps the first entry of each label (case-insensitive). */
function dedupe(entries: CompletionEntry[]): CompletionEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = e.label.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The completion proposals at a position (an offset in UTF-16 code units) of a document. */
export function getCompletions(text: string, kind: DocumentKind, offset: number): CompletionResult {
  const model = analyzeDocument(text, kind);
  let start = offset;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
  const result = (items: CompletionEntry[]): CompletionResult => ({
    items: dedupe(items).sort((a, b) =>
      a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0,
    ),
    start,
    end: offset,
  });
  const place = placeAt(model, offset, start);
  const ad = adAt(model, offset);
  const role = adRole(ad);
  switch (place.kind) {
    case 'none':
      return result([]);
    case 'name':
      return result(knownEntries(ownerFilter(role), '4'));
    case 'scoped': {
      if (targetScopes.has(place.scope)) {
        const other = role === 'job' ? 'machine' : role === 'machine' ? 'job' : undefined;
        return result(knownEntries(ownerFilter(other), '4'));
      }
      const own = ad ? [ad] : [];
      if (selfScopes.has(place.scope))
        return result([...adEntries(model, own, '0'), ...knownEntries(ownerFilter(role), '4')]);
      return result(adEntries(model, model.ads, '1'));
    }
    case 'expression': {
      const enclosing: AdModel[] = [];
      for (let a = ad; a; a = a.parent) enclosing.push(a);
      const functions: CompletionEntry[] = allBuiltins()
        .filter((b) => !b.daemonOnly)
        .map((b) => ({
          label: b.name,
          kind: 'function',
          detail: builtinSignature(b),
          documentation: b.summary,
          sortText: '3' + b.name.toLowerCase(),
        }));
      const words: CompletionEntry[] = keywords.map((k) => ({
        label: k,
        kind: 'keyword',
        sortText: '2' + k.toLowerCase(),
      }));
      return result([
        ...adEntries(model, enclosing, '0'),
        ...adEntries(model, model.ads, '1'),
        ...words,
        ...functions,
      ]);
    }
  }
}
