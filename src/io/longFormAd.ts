/**
 * One ad read from old long form (`condor_status -long`), lazily: the reader
 * indexes attribute names and value ranges; each value is parsed (old syntax,
 * non-full, as HTCondor inserts ad lines: parseOldValue's parse) the first
 * time it is asked for.
 */
import type { Expr, Invalid } from '../language/ast.js';
import { SyntaxErrorCode } from '../language/diagnostics.js';
import { parseOldValue } from '../language/oldAd.js';
import { parseExpressionWithErrors } from '../language/parser.js';
import type { RecordEntry } from '../language/recordOrder.js';
import { compareInputErrors, type InputError } from './inputError.js';
import type { NameTable } from './nameTable.js';

/** Options that affect how long-form values parse. */
export interface LongFormValueOptions {
  /** Library (strict) semantics instead of HTCondor's default mode (leading-0 integers, `;` in calls). */
  strict?: boolean;
}

/** Int32 fields stored per attribute line. */
export const LONG_FORM_FIELDS = 4;

/**
 * An ad in long form. Attributes are kept in file order, duplicates
 * included; lookups by name are case-insensitive and see the last binding.
 * Values are parsed on first access and cached; a value that does not parse
 * is an `Invalid` node, and `errors()` says why.
 */
export class LongFormAd {
  private cache: (Expr | undefined)[] | undefined;
  private parsed = 0;

  /**
   * Made by the reader: `text` is the ad's lines; `data` holds, per attribute,
   * the spelling id in `table`, the value's start and end in `text`, and its
   * line relative to `line`.
   */
  constructor(
    /** The ad's source lines, from its first attribute line to its last. */
    readonly text: string,
    /** The 1-based input line of the ad's first line. */
    readonly line: number,
    private readonly data: Int32Array,
    private readonly table: NameTable,
    /** Lines that are not `Name = value` (they carry no attribute). */
    readonly badLines: readonly InputError[] = [],
    private readonly options: LongFormValueOptions = {},
  ) {}

  /** Number of attribute lines, duplicates included. */
  get size(): number {
    return this.data.length / LONG_FORM_FIELDS;
  }

  /** The name of attribute `i`, as spelled. */
  name(i: number): string {
    return this.table.spellings[this.data[i * LONG_FORM_FIELDS]!]!;
  }

  /** The value text of attribute `i`, unparsed. */
  valueText(i: number): string {
    const k = i * LONG_FORM_FIELDS;
    return this.text.slice(this.data[k + 1], this.data[k + 2]);
  }

  /** Where attribute `i`'s value text lies in `text`. */
  valueRange(i: number): { start: number; end: number } {
    const k = i * LONG_FORM_FIELDS;
    return { start: this.data[k + 1]!, end: this.data[k + 2]! };
  }

  /** The 1-based input line of attribute `i`. */
  lineOf(i: number): number {
    return this.line + this.data[i * LONG_FORM_FIELDS + 3]!;
  }

  /** The value of attribute `i`, parsed on first access (an `Invalid` node if it does not parse). */
  value(i: number): Expr {
    const cache = (this.cache ??= new Array<Expr | undefined>(this.size));
    let v = cache[i];
    if (v === undefined) {
      const k = i * LONG_FORM_FIELDS;
      const start = this.data[k + 1]!;
      const end = this.data[k + 2]!;
      v = parseOldValue(this.text, start, end, { binary: true, strict: this.options.strict }) ?? {
        kind: 'Invalid',
        start,
        end,
      };
      cache[i] = v;
      this.parsed++;
    }
    return v;
  }

  /** Whether attribute `i`'s value has been parsed yet. */
  isParsed(i: number): boolean {
    return this.cache?.[i] !== undefined;
  }

  /** How many values have been parsed so far (for checking laziness). */
  get parsedCount(): number {
    return this.parsed;
  }

  /** Attribute names in file order, duplicates included. */
  names(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.name(i));
    return out;
  }

  /** The index of the last attribute with this name (any case), or -1. */
  indexOf(name: string): number {
    const key = this.table.keyId(name);
    if (key < 0) return -1;
    const { data, table } = this;
    for (let k = data.length - LONG_FORM_FIELDS; k >= 0; k -= LONG_FORM_FIELDS) {
      if (table.keyOf[data[k]!] === key) return k / LONG_FORM_FIELDS;
    }
    return -1;
  }

  /** Whether the ad has an attribute of this name (any case). */
  has(name: string): boolean {
    return this.indexOf(name) >= 0;
  }

  /** The value bound to a name (any case; the last line wins), or undefined if absent. */
  get(name: string): Expr | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.value(i);
  }

  /** The unparsed value text bound to a name, or undefined if absent. */
  getText(name: string): string | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.valueText(i);
  }

  /**
   * The ClassAd the lines denote: duplicates merged (the last value under the
   * first spelling), in file order of first appearance. Parses the values
   * that win, not those a later line overrides.
   */
  entries(): RecordEntry[] {
    const { data, table } = this;
    const order: number[] = []; // per merged entry: the index of its first line
    const last: number[] = []; // ... and of its last line
    const at = new Map<number, number>();
    for (let i = 0; i < this.size; i++) {
      const key = table.keyOf[data[i * LONG_FORM_FIELDS]!]!;
      const j = at.get(key);
      if (j === undefined) {
        at.set(key, order.length);
        order.push(i);
        last.push(i);
      } else last[j] = i;
    }
    return order.map((first, j) => ({ name: this.name(first), value: this.value(last[j]!) }));
  }

  /** Every problem in the ad, in line order: bad lines and values that do not parse (parses every value). */
  errors(): InputError[] {
    const out: InputError[] = [...this.badLines];
    for (let i = 0; i < this.size; i++) {
      if (this.value(i).kind !== 'Invalid') continue;
      const k = i * LONG_FORM_FIELDS;
      const start = this.data[k + 1]!;
      const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
      const line = this.lineOf(i);
      const result = parseExpressionWithErrors(this.text, {
        oldSyntax: true,
        full: false,
        binary: true,
        strict: this.options.strict,
        start,
        end: this.data[k + 2],
      });
      for (const d of result.errors) {
        out.push({ line, column: d.start - lineStart + 1, code: d.code, message: d.message });
      }
      if (result.errors.length === 0) {
        out.push({
          line,
          column: start - lineStart + 1,
          code: SyntaxErrorCode.UnexpectedToken,
          message: 'the value does not parse',
        });
      }
    }
    return out.sort(compareInputErrors);
  }
}

/** Whether an expression is the placeholder for a value that did not parse. */
export function isInvalid(expr: Expr): expr is Invalid {
  return expr.kind === 'Invalid';
}
