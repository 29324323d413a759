/**
 * The old long-form writer, as `condor_status -long` prints: one
 * `Name = <old-syntax expression>` line per attribute, a blank line after
 * each ad. Attributes are written in the order given.
 */
import { printOldAdLines } from '../language/printer.js';
import type { AdEntry, AdWriter } from './adWriter.js';

/** Formats one ad in long form, followed by the blank line that ends it. */
export function formatLongFormAd(entries: readonly AdEntry[]): string {
  return printOldAdLines(entries as AdEntry[]) + '\n';
}

/** Writes ads in long form, separated (and ended) by blank lines. */
export class LongFormWriter implements AdWriter {
  /** The lines of one ad and a blank line. */
  write(entries: readonly AdEntry[]): string {
    return formatLongFormAd(entries);
  }

  /** Nothing: each ad already ends with its blank line. */
  end(): string {
    return '';
  }
}
