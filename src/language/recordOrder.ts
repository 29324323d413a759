/**
 * The ClassAd container's rules for names: case-insensitive identity, the
 * first spelling kept on replacement, and the iteration (and so printing)
 * order: by name length, then case-insensitively by byte.
 */
import type { Expr, RecordExpr } from './ast.js';
import { asciiLower } from './bytes.js';

/** One attribute of a ClassAd as the container holds it. */
export interface RecordEntry {
  /** The first spelling of the name. */
  name: string;
  /** The last value bound to it. */
  value: Expr;
}

/** Compares two names in HTCondor's container order (length, then case-insensitive bytes). */
export function compareAttributeNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = asciiLower(a);
  const y = asciiLower(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The entries of a record with duplicates merged (last value, first
 * spelling), in source order of first appearance.
 */
export function mergedEntries(record: RecordExpr): RecordEntry[] {
  const attrs = record.attrs;
  const index = new Map<string, number>();
  const out: RecordEntry[] = [];
  for (const a of attrs) {
    const key = asciiLower(a.name);
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, out.length);
      out.push({ name: a.name, value: a.value });
    } else out[at] = { name: out[at]!.name, value: a.value };
  }
  return out;
}

/** The entries of a record in container order, as HTCondor iterates and prints them. */
export function recordEntries(record: RecordExpr): RecordEntry[] {
  return mergedEntries(record).sort((a, b) => compareAttributeNames(a.name, b.name));
}
