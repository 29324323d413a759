/**
 * An ad read from a stream of whole records (new syntax or JSON): the
 * parsed record, where it was, and every error found in it or just before it.
 */
import type { Invalid, RecordExpr } from '../language/ast.js';
import { mergedEntries, type RecordEntry } from '../language/recordOrder.js';
import type { InputError } from './inputError.js';

/** One ad read from a new-syntax or JSON stream. */
export class ParsedAd {
  constructor(
    /** The ad; `Invalid` when nothing could be read (then see `errors`). */
    readonly record: RecordExpr | Invalid,
    /** The ad's source text (empty for the error-only item that ends a stream with trailing junk). */
    readonly text: string,
    /** 1-based input line of the ad's first character. */
    readonly line: number,
    /** 1-based input column of the ad's first character. */
    readonly column: number,
    /** Syntax errors in the ad, and stray text between the previous ad and this one, by position. */
    readonly errors: InputError[],
  ) {}

  /** The attributes, duplicates merged (last value, first spelling), in source order. */
  entries(): RecordEntry[] {
    return this.record.kind === 'Record' ? mergedEntries(this.record) : [];
  }
}
