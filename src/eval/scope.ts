/**
 * An ad as the evaluator sees it (spec §5.1): case-insensitive attributes
 * with their first spelling, a lexical parent scope, an optional chained
 * parent (cluster ad behind a proc ad) and, during matchmaking under old
 * semantics, an alternate scope (the other ad).
 */
import type { Expr, RecordExpr } from '../language/ast.js';
import { asciiLower } from '../language/bytes.js';
import { compareAttributeNames } from '../language/recordOrder.js';
import type { EvalState } from './state.js';
import type { ClassAdValue, Value } from './values.js';

/** A compiled expression: evaluates in a state. */
export type Compiled = (s: EvalState) => Value;

/** One attribute: its name as first spelled, its expression, and the compiled form (cached). */
export interface AttrEntry {
  name: string;
  expr: Expr;
  fn?: Compiled;
  /** Set while the expression is being evaluated: a reference back to it is a cycle. */
  busy?: boolean;
  /** The value of a literal expression, known without evaluating (set on first use). */
  constant?: Value;
}

/** An ad in the evaluator: attributes plus its scope links. */
export class AdScope {
  /** Attributes keyed by ASCII-lower-cased name. May be shared until first written. */
  protected attrs: Map<string, AttrEntry>;
  private shared: boolean;
  /** The lexically enclosing ad. */
  parentScope: AdScope | null = null;
  /** Consulted for names this ad lacks (HTCondor's cluster ad behind a proc ad). */
  chainedParent: AdScope | null = null;
  /** The other ad during matchmaking (old semantics' unscoped fallback). */
  alternateScope: AdScope | null = null;
  /** This ad as a value (see adValue), created on first use. */
  asValue: ClassAdValue | undefined = undefined;

  constructor(attrs?: Map<string, AttrEntry>, shared = false) {
    this.attrs = attrs ?? new Map();
    this.shared = shared && attrs !== undefined;
  }

  /** Looks a lower-cased name up here, then in the chained parent. */
  lookup(lowerName: string): AttrEntry | undefined {
    const e = this.attrs.get(lowerName);
    if (e !== undefined || this.chainedParent === null) return e;
    return this.chainedParent.lookup(lowerName);
  }

  /** Looks a name (any case) up here and in the chained parent. */
  entry(name: string): AttrEntry | undefined {
    return this.lookup(asciiLower(name));
  }

  /** Whether this ad itself (not its chained parent) has the name. */
  hasOwn(name: string): boolean {
    return this.attrs.has(asciiLower(name));
  }

  private own(): Map<string, AttrEntry> {
    if (this.shared) {
      this.attrs = new Map(this.attrs);
      this.shared = false;
    }
    return this.attrs;
  }

  /** Binds a name to an expression, keeping the first spelling of an existing name. */
  bind(name: string, expr: Expr, fn?: Compiled): void {
    const key = asciiLower(name);
    const attrs = this.own();
    const old = attrs.get(key);
    attrs.set(key, { name: old ? old.name : name, expr, fn });
  }

  /** Binds a prepared entry (its `name` as the spelling, unless the name exists). */
  bindEntry(entry: AttrEntry): void {
    const key = asciiLower(entry.name);
    this.own().set(key, entry);
  }

  /**
   * Removes a name. If the chained parent still has it, an explicit
   * `undefined` is bound instead so the parent's value stays hidden.
   */
  delete(name: string): boolean {
    const key = asciiLower(name);
    const attrs = this.own();
    const had = attrs.delete(key);
    if (this.chainedParent?.lookup(key)) {
      attrs.set(key, { name, expr: { kind: 'Undefined', start: -1, end: -1 } });
      return true;
    }
    return had;
  }

  /** This ad's own attributes in container order (length, then case-insensitive name). */
  entries(): AttrEntry[] {
    return [...this.attrs.values()].sort((a, b) => compareAttributeNames(a.name, b.name));
  }

  /** This ad's own attributes in insertion order. */
  ownEntries(): IterableIterator<AttrEntry> {
    return this.attrs.values();
  }

  /** The number of own attributes. */
  get size(): number {
    return this.attrs.size;
  }
}

/** An ad holding a record's attributes (duplicates merged: last value, first spelling). */
export function adFromRecord(record: RecordExpr): AdScope {
  const ad = new AdScope();
  for (const a of record.attrs) ad.bind(a.name, a.value);
  return ad;
}
