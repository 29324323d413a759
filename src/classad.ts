/**
 * The ClassAd: the public API most users touch. Parse an ad (new syntax, old
 * long form), read and change its attributes, evaluate them (alone or
 * against a target ad, as in a match), flatten, list references, print.
 *
 * ```ts
 * const job = ClassAd.parse('[ RequestMemory = 2048; Requirements = TARGET.Memory >= RequestMemory ]');
 * const machine = ClassAd.parse('Memory = 4096\nName = "slot1"');
 * job.evaluate('Requirements', { target: machine }); // { type: 'boolean', value: true }
 * job.evaluateBoolean('Requirements', { target: machine }); // true
 * ```
 */
import type { Expr } from './language/ast.js';
import { utf8Decode, utf8Encode } from './language/bytes.js';
import { ClassAdSyntaxError, type SyntaxDiagnostic } from './language/diagnostics.js';
import { parseAdDocument, type DocumentSyntax } from './language/document.js';
import { parseExpressionWithErrors } from './language/parser.js';
import { printExpr, quoteBytes } from './language/printer.js';
import { recordEntries } from './language/recordOrder.js';
import { boolEquiv, printValue, valueToExpr } from './eval/convert.js';
import { evaluateIn } from './eval/evaluate.js';
import { flatten } from './eval/flatten.js';
import { parseJsonAd } from './io/jsonAd.js';
import { formatJsonAd } from './io/jsonWriter.js';
import { defineFunction } from './eval/functions/registry.js';
import { findReferences } from './eval/references.js';
import { AdScope } from './eval/scope.js';
import { int, listOf, real, str, bool, UNDEFINED, type Value } from './eval/values.js';

/** Options for parsing text into ads and expressions. */
export interface ClassAdParseOptions {
  /** `new` (`[ a = 1 ]`), `old` (`a = 1` lines) or detected (default). */
  syntax?: DocumentSyntax;
  /** Strict (pure library) semantics instead of HTCondor's default. */
  strict?: boolean;
  /** The text is bytes (one code unit per byte), e.g. a file read as latin1. */
  binary?: boolean;
}

/** Options for evaluation. */
export interface ClassAdEvalOptions {
  /** The TARGET ad: this ad is MY, bound to the target as in a match. */
  target?: ClassAd;
  /** Strict (pure library) semantics instead of HTCondor's default. */
  strict?: boolean;
}

/** A JavaScript value a ClassAd attribute can be set to. */
export type JsValue = null | undefined | boolean | number | bigint | string | JsValue[] | Value;

function isValue(v: unknown): v is Value {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'type' in v;
}

/** Converts a JavaScript value to a ClassAd value (numbers with a fraction or `.0` intent become reals only if not integral). */
export function fromJs(v: JsValue): Value {
  if (v === null || v === undefined) return UNDEFINED;
  if (typeof v === 'boolean') return bool(v);
  if (typeof v === 'bigint') return int(v);
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? int(v) : real(v);
  if (typeof v === 'string') return str(utf8Encode(v));
  if (Array.isArray(v)) return listOf(v.map(fromJs));
  return v;
}

/** Converts a value to plain JavaScript: numbers (bigint beyond 2^53), text, arrays, objects; UNDEFINED → undefined, ERROR → an Error. */
export function toJs(v: Value): unknown {
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'error':
      return new Error('ClassAd error value');
    case 'boolean':
    case 'integer':
    case 'real':
      return v.value;
    case 'string':
      return utf8Decode(v.value);
    case 'abstime':
      return new Date(v.secs * 1000);
    case 'reltime':
      return v.secs;
    case 'list':
      return v.values ? v.values.map(toJs) : v.exprs!.map((e) => printExpr(e));
    case 'classad':
      return Object.fromEntries(v.ad.entries().map((e) => [e.name, printExpr(e.expr)]));
  }
}

/** Quotes text as a new-syntax string literal: `quote('a"b')` is `"a\"b"`. */
export function quote(text: string): string {
  return utf8Decode(quoteBytes(utf8Encode(text), '"'));
}

/** The text of a new-syntax string literal: `unquote('"a\\"b"')` is `a"b`. Throws if it is not one. */
export function unquote(literal: string): string {
  const r = parseExpressionWithErrors(literal);
  if (r.errors.length > 0 || r.value.kind !== 'String')
    throw new ClassAdSyntaxError(
      literal,
      r.errors.length > 0
        ? r.errors
        : [{ code: 2001, message: 'expected a string literal', start: 0, end: literal.length }],
    );
  return utf8Decode(r.value.value);
}

/**
 * Registers a custom function, callable from any expression under a
 * case-insensitive name. Its arguments arrive evaluated.
 */
export function registerFunction(
  name: string,
  fn: (...args: Value[]) => Value | JsValue,
  arity: { min?: number; max?: number } = {},
): void {
  defineFunction(name, arity.min ?? 0, arity.max ?? Infinity, (args) => {
    const r = fn(...args);
    return isValue(r) ? r : fromJs(r);
  });
}

function parseExpr(text: string, options: ClassAdParseOptions): Expr {
  const r = parseExpressionWithErrors(text, {
    strict: options.strict,
    binary: options.binary,
    oldSyntax: options.syntax === 'old',
  });
  if (r.errors.length > 0) throw new ClassAdSyntaxError(text, r.errors);
  return r.value;
}

/** A ClassAd. */
export class ClassAd extends AdScope {
  /** Parses one ad from new syntax (`[ ... ]`) or old long form (`Name = expr` lines). */
  static parse(text: string, options: ClassAdParseOptions = {}): ClassAd {
    const doc = parseAdDocument(text, options);
    if (doc.errors.length > 0) throw new ClassAdSyntaxError(text, doc.errors);
    if (doc.ads.length !== 1)
      throw new ClassAdSyntaxError(text, [
        {
          code: 2001,
          message: `expected one ClassAd, found ${doc.ads.length}`,
          start: 0,
          end: Math.min(1, text.length),
        },
      ]);
    const ad = new ClassAd();
    for (const a of doc.ads[0]!.attrs) ad.bind(a.name, a.value);
    return ad;
  }

  /** Parses every ad of a document (old long form separated by blank lines, or new syntax). */
  static parseAll(text: string, options: ClassAdParseOptions = {}): ClassAd[] {
    const doc = parseAdDocument(text, options);
    if (doc.errors.length > 0) throw new ClassAdSyntaxError(text, doc.errors);
    return doc.ads.map((record) => {
      const ad = new ClassAd();
      for (const a of record.attrs) ad.bind(a.name, a.value);
      return ad;
    });
  }

  /** Parses one ad in HTCondor's JSON form (`condor_status -json`: one object, or an array of one). */
  static fromJSON(
    text: string,
    options: Pick<ClassAdParseOptions, 'strict' | 'binary'> = {},
  ): ClassAd {
    const bytes = options.binary ? text : utf8Encode(text);
    const inner = bytes.trim().startsWith('[') ? bytes.trim().slice(1, -1) : bytes;
    const r = parseJsonAd(inner, { strict: options.strict });
    if (r.errors.length > 0 || r.value.kind !== 'Record')
      throw new ClassAdSyntaxError(
        inner,
        r.errors.map((e) => ({
          code: e.code as SyntaxDiagnostic['code'],
          message: e.message,
          start: e.offset,
          end: e.offset + 1,
        })),
      );
    const ad = new ClassAd();
    for (const a of r.value.attrs) ad.bind(a.name, a.value);
    return ad;
  }

  /** Builds an ad from a plain object of JavaScript values. */
  static fromObject(values: Record<string, JsValue>): ClassAd {
    const ad = new ClassAd();
    for (const [k, v] of Object.entries(values)) ad.set(k, v);
    return ad;
  }

  /** The expression bound to a name (any case), or undefined. */
  get(name: string): Expr | undefined {
    return this.entry(name)?.expr;
  }

  /** Binds a name to a value (a JS value or a ClassAd value) or to an expression. */
  set(name: string, value: JsValue | Expr): this {
    const expr =
      typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value
        ? value
        : valueToExpr(fromJs(value as JsValue));
    this.bind(name, expr);
    return this;
  }

  /** Binds a name to an expression written as text (new syntax unless `syntax: 'old'`). */
  setExpression(name: string, text: string, options: ClassAdParseOptions = {}): this {
    this.bind(name, parseExpr(text, options));
    return this;
  }

  /** Whether the ad (or its chained parent) has a name. */
  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The attribute names, in container order. */
  names(): string[] {
    return this.entries().map((e) => e.name);
  }

  /** [name, expression] pairs in container order. */
  *[Symbol.iterator](): IterableIterator<[string, Expr]> {
    for (const e of this.entries()) yield [e.name, e.expr];
  }

  /** Evaluates an attribute (UNDEFINED if absent). */
  evaluate(name: string, options: ClassAdEvalOptions = {}): Value {
    const expr = this.get(name);
    if (!expr) return UNDEFINED;
    return this.evaluateExpr(expr, options);
  }

  /** Evaluates an expression (or its text) in this ad. */
  evaluateExpr(expr: Expr | string, options: ClassAdEvalOptions = {}): Value {
    const e = typeof expr === 'string' ? parseExpr(expr, options) : expr;
    return evaluateIn(e, this, { strict: options.strict, target: options.target }).value;
  }

  /** An attribute as a boolean: true/false, numbers as nonzero; undefined otherwise. */
  evaluateBoolean(name: string, options: ClassAdEvalOptions = {}): boolean | undefined {
    return boolEquiv(this.evaluate(name, options));
  }

  /** An attribute as a number (booleans 0/1, integers, reals); undefined otherwise. */
  evaluateNumber(name: string, options: ClassAdEvalOptions = {}): number | undefined {
    const v = this.evaluate(name, options);
    if (v.type === 'integer') return Number(v.value);
    if (v.type === 'real') return v.value;
    if (v.type === 'boolean') return v.value ? 1 : 0;
    return undefined;
  }

  /** An attribute as text if it is a string; undefined otherwise. */
  evaluateString(name: string, options: ClassAdEvalOptions = {}): string | undefined {
    const v = this.evaluate(name, options);
    return v.type === 'string' ? utf8Decode(v.value) : undefined;
  }

  /**
   * An expression (or the attribute it names, or expression text) with
   * everything this ad alone determines evaluated away.
   */
  flatten(exprOrName: Expr | string, options: ClassAdEvalOptions = {}): Expr {
    return flatten(this.resolveTarget(exprOrName, options), this, options.strict);
  }

  /** References of an expression (or attribute name, or text) that this ad does not define. */
  externalRefs(exprOrName: Expr | string): string[] {
    return findReferences(this.resolveTarget(exprOrName), this).external;
  }

  /** References of an expression (or attribute name) that this ad defines. */
  internalRefs(exprOrName: Expr | string): string[] {
    return findReferences(this.resolveTarget(exprOrName), this).internal;
  }

  /** An expression as given, the expression of the attribute a name names, or parsed text. */
  private resolveTarget(exprOrName: Expr | string, options: ClassAdParseOptions = {}): Expr {
    if (typeof exprOrName !== 'string') return exprOrName;
    return this.get(exprOrName) ?? parseExpr(exprOrName, options);
  }

  /** New syntax, one line: `[ a = 1; b = "x" ]`, in container order (as HTCondor prints). */
  override toString(): string {
    return utf8Decode(this.print());
  }

  /** New-syntax bytes (see bytes.ts), or old long form lines with `oldSyntax`. */
  print(options: { oldSyntax?: boolean } = {}): string {
    if (options.oldSyntax) {
      return recordEntries(this.record())
        .map((e) => `${e.name} = ${printExpr(e.value, { oldSyntax: true })}\n`)
        .join('');
    }
    return printExpr(this.record());
  }

  /** HTCondor's JSON form of the ad (as `condor_status -json` prints one ad), as text. */
  toJSON(): string {
    return utf8Decode(formatJsonAd(this.entries().map((e) => ({ name: e.name, value: e.expr }))));
  }

  /** The ad as a record expression (container order is applied when printed). */
  record(): Expr & { kind: 'Record' } {
    return {
      kind: 'Record',
      attrs: this.entries().map((e) => ({
        name: e.name,
        value: e.expr,
        nameStart: -1,
        nameEnd: -1,
      })),
      start: -1,
      end: -1,
    };
  }

  /** Prints a value as HTCondor does (new syntax), as text. */
  static printValue(v: Value): string {
    return utf8Decode(printValue(v));
  }
}
