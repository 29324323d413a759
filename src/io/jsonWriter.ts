/**
 * The JSON writer, byte-compatible with HTCondor's ClassAdJsonUnParser and
 * `condor_status -json`: `[\n{...}\n,\n{...}\n]\n`, two-space indentation.
 * Literals become JSON values (integers, reals as `%.16G` with `.0` added
 * when needed, strings, booleans, undefined as `null`), lists arrays, nested
 * ads objects (in container order); anything else, including `error`, times
 * and non-finite reals, the string `"\/Expr(<new-syntax expression>)\/"`.
 */
import type * as A from '../language/ast.js';
import { formatRealOld } from '../language/numberFormat.js';
import { printExpr } from '../language/printer.js';
import { recordEntries } from '../language/recordOrder.js';
import type { AdEntry, AdWriter } from './adWriter.js';

/** Options of the JSON writer. */
export interface JsonWriteOptions {
  /** Everything on one line, as HTCondor's `oneline` flag. */
  oneline?: boolean;
}

/** Escapes a byte string for a JSON string literal as HTCondor does (bytes >= 0x80 and `/` stay raw). */
export function escapeJsonString(bytes: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c >= 0x20 && c !== 34 && c !== 92) continue;
    let rep: string;
    switch (c) {
      case 34:
        rep = '\\"';
        break;
      case 92:
        rep = '\\\\';
        break;
      case 8:
        rep = '\\b';
        break;
      case 12:
        rep = '\\f';
        break;
      case 10:
        rep = '\\n';
        break;
      case 13:
        rep = '\\r';
        break;
      case 9:
        rep = '\\t';
        break;
      default:
        rep = '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
    }
    out += bytes.slice(run, i) + rep;
    run = i + 1;
  }
  return run === 0 ? bytes : out + bytes.slice(run);
}

function quoteExpr(text: string): string {
  return '"\\/Expr(' + escapeJsonString(text) + ')\\/"';
}

class JsonFormatter {
  private indent = 0;

  constructor(private readonly oneline: boolean) {}

  value(expr: A.Expr): string {
    switch (expr.kind) {
      case 'Integer':
        return expr.value.toString();
      case 'Real':
        return Number.isFinite(expr.value)
          ? formatRealOld(expr.value)
          : quoteExpr(formatRealOld(expr.value));
      case 'String':
        return '"' + escapeJsonString(expr.value) + '"';
      case 'Boolean':
        return expr.value ? 'true' : 'false';
      case 'Undefined':
        return 'null';
      case 'Error':
        return quoteExpr('error');
      case 'Record':
        return this.object(recordEntries(expr));
      case 'List':
        return this.array(expr.items);
      case 'Invalid':
        throw new Error('cannot write an expression that has syntax errors');
      default:
        return quoteExpr(printExpr(expr));
    }
  }

  object(entries: readonly AdEntry[]): string {
    let out = '{';
    this.indent += 2;
    const pad = this.oneline ? '' : '\n' + ' '.repeat(this.indent);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (i > 0) out += ',';
      out += pad + '"' + escapeJsonString(e.name) + '": ' + this.value(e.value);
    }
    this.indent -= 2;
    return out + (this.oneline ? '}' : '\n' + ' '.repeat(this.indent) + '}');
  }

  array(items: readonly A.Expr[]): string {
    let out = '[';
    this.indent += 2;
    const pad = this.oneline ? '' : '\n' + ' '.repeat(this.indent);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ',';
      out += pad + this.value(items[i]!);
    }
    this.indent -= 2;
    return out + (this.oneline ? ']' : '\n' + ' '.repeat(this.indent) + ']');
  }
}

/** Formats one ad as a JSON object, attributes in the order given. */
export function formatJsonAd(entries: readonly AdEntry[], options: JsonWriteOptions = {}): string {
  return new JsonFormatter(options.oneline === true).object(entries);
}

/** Formats one expression as HTCondor's JSON unparser does. */
export function formatJsonValue(expr: A.Expr, options: JsonWriteOptions = {}): string {
  return new JsonFormatter(options.oneline === true).value(expr);
}

/** Writes ads as a JSON array in `condor_status -json` layout. */
export class JsonWriter implements AdWriter {
  private count = 0;

  constructor(private readonly options: JsonWriteOptions = {}) {}

  /** `[` or `,` and the ad. */
  write(entries: readonly AdEntry[]): string {
    return (this.count++ === 0 ? '[\n' : ',\n') + formatJsonAd(entries, this.options) + '\n';
  }

  /** The closing `]` (with the opening one if no ad was written). */
  end(): string {
    return this.count === 0 ? '[\n]\n' : ']\n';
  }
}
