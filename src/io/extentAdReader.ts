/**
 * The shared push/finish logic of the readers that find each ad's extent
 * first (new syntax, JSON) and then parse the ad on its own.
 */
import type { Chunk } from './chunks.js';
import { ExtentScanner, type Extent, type ExtentSyntax } from './extentScanner.js';
import { ParsedAd } from './parsedAd.js';

/** A reader of whole-record ads: subclasses say how one extent is parsed. */
export abstract class ExtentAdReader {
  private readonly scanner: ExtentScanner;

  constructor(syntax: ExtentSyntax) {
    this.scanner = new ExtentScanner(syntax);
  }

  /** Parses one ad's text. */
  protected abstract parse(extent: Extent): ParsedAd;

  /** Adds input; returns the ads it completes. */
  push(chunk: Chunk): ParsedAd[] {
    return this.scanner.push(chunk).map((e) => this.parse(e));
  }

  /** Ends input; returns what remains (an unterminated ad, or an error-only item for trailing junk). */
  finish(): ParsedAd[] {
    const out = this.scanner.finish().map((e) => this.parse(e));
    const errors = this.scanner.trailingErrors();
    if (errors.length > 0) {
      const first = errors[0]!;
      out.push(
        new ParsedAd({ kind: 'Invalid', start: -1, end: -1 }, '', first.line, first.column, errors),
      );
    }
    return out;
  }
}
