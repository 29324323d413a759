/**
 * The new-syntax writer: each ad as `[ a = 1; b = "x" ]` (canonical new
 * syntax, attributes in the order given), either one per line or in
 * HTCondor's `-long:new` list layout `{\n[ ... ],\n[ ... ]\n}\n`.
 */
import { printExpr, printName } from '../language/printer.js';
import type { AdEntry, AdWriter } from './adWriter.js';

/** Formats one ad as a new-syntax record, attributes in the order given. */
export function formatNewSyntaxAd(entries: readonly AdEntry[]): string {
  let out = '[ ';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (i > 0) out += '; ';
    out += printName(e.name) + ' = ' + printExpr(e.value);
  }
  return out + ' ]';
}

/** Options of the new-syntax writer. */
export interface NewSyntaxWriteOptions {
  /** HTCondor's `-long:new` list layout instead of one ad per line. */
  list?: boolean;
}

/** Writes ads in new syntax. */
export class NewSyntaxWriter implements AdWriter {
  private count = 0;

  constructor(private readonly options: NewSyntaxWriteOptions = {}) {}

  /** One ad: a line, or the list separator and the ad. */
  write(entries: readonly AdEntry[]): string {
    const ad = formatNewSyntaxAd(entries);
    if (!this.options.list) return ad + '\n';
    return (this.count++ === 0 ? '{\n' : ',\n') + ad + '\n';
  }

  /** The closing `}` of the list layout (and its opening, if no ad was written). */
  end(): string {
    if (!this.options.list) return '';
    return this.count === 0 ? '{\n}\n' : '}\n';
  }
}
