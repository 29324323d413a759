/**
 * The shape shared by the ad writers: each call returns the text (a byte
 * string) to append to the output, so a caller can stream ads one at a time
 * to any sink.
 */
import type { Expr } from '../language/ast.js';

/** One attribute to write. */
export interface AdEntry {
  name: string;
  value: Expr;
}

/** Formats a sequence of ads, one at a time. */
export interface AdWriter {
  /** The text for the next ad (including any separator before it). */
  write(entries: readonly AdEntry[]): string;
  /** The text that closes the output (may be empty). */
  end(): string;
}

/** Formats every ad of a sequence with a writer and joins the text (for output held in memory). */
export function writeAll(writer: AdWriter, ads: Iterable<readonly AdEntry[]>): string {
  let out = '';
  for (const ad of ads) out += writer.write(ad);
  return out + writer.end();
}
