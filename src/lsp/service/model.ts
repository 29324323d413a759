/**
 * The service's reading of a document: its ads and their attribute
 * definitions (nested records included), the expressions to check, and the
 * syntax errors. Every feature (diagnostics, hover, completion, symbols)
 * works from this; the last few are cached by text, so the features asked
 * about the same version of a document parse it once.
 */
import type { Expr, RecordExpr } from '../../language/ast.js';
import { asciiLower } from '../../language/bytes.js';
import type { SyntaxDiagnostic } from '../../language/diagnostics.js';
import { detectSyntax, parseAdDocument, type DocumentSyntax } from '../../language/document.js';
import { parseExpressionWithErrors } from '../../language/parser.js';
import { adFromRecord, AdScope } from '../../eval/scope.js';
import type { DocumentKind } from './documentKind.js';
import { readJobQueueLog, type RecordProblem } from './jobQueueLog.js';
import { parseNewSyntaxAds } from './newSyntaxAds.js';
import type { Span } from './span.js';
import { childrenOf } from '../../language/walk.js';

/** One `name = value` binding. */
export interface AttributeDefinition {
  name: string;
  nameSpan: Span;
  value: Expr;
  /** From the name to the end of the value (the name alone when the value is missing). */
  span: Span;
  /** The ad that holds it. */
  ad: AdModel;
}

/** An ad: a top-level ad of the document, a record nested in a value, or a job_queue.log key's ad. */
export interface AdModel {
  /** Where the ad is written (for a job_queue.log ad: from its first record to its last). */
  span: Span;
  /** Its attributes in source order, repeats included (the last one counts). */
  attributes: AttributeDefinition[];
  /** The enclosing ad of a nested record, or the cluster ad behind a job_queue.log proc ad. */
  parent?: AdModel;
  /** `parent` is a chained parent (job_queue.log), not a lexically enclosing ad. */
  chained?: boolean;
  /** The job_queue.log key (`1.0`, `01.-1`). */
  key?: string;
  /** The record, for ads written as records. */
  record?: RecordExpr;
  /** Records nested in this ad's values. */
  nested: AdModel[];
}

/** A document as the service reads it. */
export interface DocumentModel {
  text: string;
  kind: DocumentKind;
  /** The syntax values are written in (job_queue.log values are old syntax). */
  syntax: DocumentSyntax;
  /** The top-level ads. */
  ads: AdModel[];
  /** The expression of an expression document (or of an ad file holding one bare expression). */
  expression?: Expr;
  /** Every attribute definition, nested ones included, in source order. */
  definitions: AttributeDefinition[];
  /** Every top-level expression to check: top-level attribute values and the bare expression. */
  roots: Expr[];
  /** Lower-cased names of every attribute the document defines. */
  definedNames: Set<string>;
  syntaxErrors: SyntaxDiagnostic[];
  /** job_queue.log record-level problems. */
  recordProblems: RecordProblem[];
}

function newAd(span: Span, extra: Partial<AdModel> = {}): AdModel {
  return { span, attributes: [], nested: [], ...extra };
}

/** Adds a record's attributes to `ad`, and the records nested in them as nested ads. */
function addRecord(model: DocumentModel, ad: AdModel, record: RecordExpr): void {
  const work: { record: RecordExpr; ad: AdModel }[] = [{ record, ad }];
  while (work.length > 0) {
    const { record: r, ad: owner } = work.pop()!;
    for (const a of r.attrs) {
      const end = a.value.end >= 0 ? a.value.end : a.nameEnd;
      const def: AttributeDefinition = {
        name: a.name,
        nameSpan: { start: a.nameStart, end: a.nameEnd },
        value: a.value,
        span: { start: a.nameStart, end },
        ad: owner,
      };
      owner.attributes.push(def);
      model.definitions.push(def);
      model.definedNames.add(asciiLower(a.name));
      for (const e of recordsIn(a.value)) {
        const inner = newAd({ start: e.start, end: e.end }, { parent: owner, record: e });
        owner.nested.push(inner);
        work.push({ record: e, ad: inner });
      }
    }
  }
}

/** The records in an expression that are not inside another record of it (the root itself included). */
function recordsIn(root: Expr): RecordExpr[] {
  const out: RecordExpr[] = [];
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'Record') out.push(e);
    else stack.push(...childrenOf(e));
  }
  return out;
}

/** Adds the records of a bare expression as ads of their own (no enclosing ad). */
function addExpressionRecords(model: DocumentModel, root: Expr): void {
  for (const e of recordsIn(root)) {
    if (e.start < 0) continue;
    const ad = newAd({ start: e.start, end: e.end }, { record: e });
    addRecord(model, ad, e);
  }
  model.definitions.sort((a, b) => a.span.start - b.span.start);
}

function emptyModel(text: string, kind: DocumentKind, syntax: DocumentSyntax): DocumentModel {
  return {
    text,
    kind,
    syntax,
    ads: [],
    definitions: [],
    roots: [],
    definedNames: new Set(),
    syntaxErrors: [],
    recordProblems: [],
  };
}

function addAds(model: DocumentModel, records: RecordExpr[]): void {
  for (const record of records) {
    const ad = newAd({ start: record.start, end: record.end }, { record });
    model.ads.push(ad);
    addRecord(model, ad, record);
    for (const a of ad.attributes) model.roots.push(a.value);
  }
  model.definitions.sort((a, b) => a.span.start - b.span.start);
}

function readAdFile(text: string, kind: DocumentKind): DocumentModel {
  const syntax: DocumentSyntax =
    kind === 'adOld' ? 'old' : kind === 'adNew' ? 'new' : detectSyntax(text);
  const model = emptyModel(text, kind, syntax);
  const split = syntax === 'new' ? parseNewSyntaxAds(text) : undefined;
  if (split) {
    addAds(model, split.ads);
    model.syntaxErrors = split.errors;
    return model;
  }
  const doc = parseAdDocument(text, { syntax });
  addAds(model, doc.ads);
  model.syntaxErrors = doc.errors;
  if (doc.expression) {
    model.expression = doc.expression;
    model.roots.push(doc.expression);
    addExpressionRecords(model, doc.expression);
  }
  return model;
}

function readExpression(text: string): DocumentModel {
  const model = emptyModel(text, 'expression', 'new');
  const r = parseExpressionWithErrors(text);
  model.syntaxErrors = r.errors;
  model.expression = r.value;
  model.roots.push(r.value);
  addExpressionRecords(model, r.value);
  return model;
}

/** The cluster ad key of a proc ad key (`1.0` -> `01.-1` or `1.-1`), or undefined for a cluster ad. */
function clusterKeys(key: string): string[] {
  const m = /^(-?\d+)\.(\d+)$/.exec(key);
  return m ? [`0${m[1]}.-1`, `${m[1]}.-1`] : [];
}

function readJobQueue(text: string): DocumentModel {
  const model = emptyModel(text, 'jobQueueLog', 'old');
  const log = readJobQueueLog(text);
  const byKey = new Map<string, AdModel>();
  const adFor = (key: string, at: number): AdModel => {
    let ad = byKey.get(key);
    if (!ad) {
      ad = newAd({ start: at, end: at }, { key });
      byKey.set(key, ad);
      model.ads.push(ad);
    }
    return ad;
  };
  for (const r of log.records) {
    const ad = adFor(r.key, r.nameSpan.start);
    const def: AttributeDefinition = {
      name: r.name,
      nameSpan: r.nameSpan,
      value: r.value,
      span: { start: r.nameSpan.start, end: r.valueSpan.end },
      ad,
    };
    ad.attributes.push(def);
    ad.span.end = r.valueSpan.end;
    model.definitions.push(def);
    model.definedNames.add(asciiLower(r.name));
    model.roots.push(r.value);
    for (const e of recordsIn(r.value)) {
      const inner = newAd({ start: e.start, end: e.end }, { parent: ad, record: e });
      ad.nested.push(inner);
      addRecord(model, inner, e);
    }
  }
  for (const ad of model.ads) {
    for (const k of clusterKeys(ad.key!)) {
      const cluster = byKey.get(k);
      if (cluster) {
        ad.parent = cluster;
        ad.chained = true;
        break;
      }
    }
  }
  model.definitions.sort((a, b) => a.span.start - b.span.start);
  model.syntaxErrors = log.syntaxErrors;
  model.recordProblems = log.problems;
  return model;
}

const cache: DocumentModel[] = [];
const CACHE_SIZE = 4;

/** Reads a document (cached: the same text and kind give the same model). */
export function analyzeDocument(text: string, kind: DocumentKind): DocumentModel {
  const hit = cache.findIndex((m) => m.kind === kind && m.text === text);
  if (hit >= 0) return cache[hit]!;
  const model =
    kind === 'jobQueueLog'
      ? readJobQueue(text)
      : kind === 'expression'
        ? readExpression(text)
        : readAdFile(text, kind);
  cache.unshift(model);
  if (cache.length > CACHE_SIZE) cache.pop();
  return model;
}

const scopes = new WeakMap<AdModel, AdScope>();

/** The evaluator's view of an ad: its attributes, with its enclosing (or chained) ads behind it. */
export function scopeOf(ad: AdModel): AdScope {
  let scope = scopes.get(ad);
  if (scope) return scope;
  if (ad.record) scope = adFromRecord(ad.record);
  else {
    scope = new AdScope();
    for (const a of ad.attributes) scope.bind(a.name, a.value);
  }
  if (ad.parent) {
    if (ad.chained) scope.chainedParent = scopeOf(ad.parent);
    else scope.parentScope = scopeOf(ad.parent);
  }
  scopes.set(ad, scope);
  return scope;
}

/** The innermost definition whose span contains `offset` (its end included), if any. */
export function definitionAt(
  model: DocumentModel,
  offset: number,
): AttributeDefinition | undefined {
  let best: AttributeDefinition | undefined;
  for (const d of model.definitions) {
    if (d.span.start > offset) break;
    if (offset <= d.span.end && (!best || d.span.start >= best.span.start)) best = d;
  }
  return best;
}

/** The innermost ad whose span contains `offset`, if any. */
export function adAt(model: DocumentModel, offset: number): AdModel | undefined {
  const def = definitionAt(model, offset);
  if (def) {
    // A nested record inside the definition's value is more specific.
    let ad: AdModel = def.ad;
    for (;;) {
      const inner = ad.nested.find((n) => n.span.start <= offset && offset < n.span.end);
      if (!inner) return ad;
      ad = inner;
    }
  }
  return model.ads.find((a) => a.span.start <= offset && offset <= a.span.end && !a.key);
}

/**
 * The definition a name resolves to from an ad: the ad itself, then its
 * enclosing (or chained) ads; the last binding of a repeated name counts.
 */
export function lookupDefinition(
  ad: AdModel | undefined,
  name: string,
): AttributeDefinition | undefined {
  const lower = asciiLower(name);
  for (let a = ad; a; a = a.parent) {
    for (let i = a.attributes.length - 1; i >= 0; i--)
      if (asciiLower(a.attributes[i]!.name) === lower) return a.attributes[i];
  }
  return undefined;
}
