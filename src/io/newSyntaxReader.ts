/**
 * The streaming reader for new-syntax ads: `[ ... ]` records one after
 * another (whitespace-separated or concatenated), or in HTCondor's
 * `-long:new` list form `{ [ ... ], [ ... ] }`. Each ad's extent is found
 * across chunk boundaries, then the ad is parsed with error recovery.
 */
import { parseRecordWithErrors } from '../language/parser.js';
import type { ChunkSource } from './chunks.js';
import { ExtentAdReader } from './extentAdReader.js';
import type { Extent } from './extentScanner.js';
import { compareInputErrors, locateDiagnostic } from './inputError.js';
import { ParsedAd } from './parsedAd.js';

/** Options of the new-syntax reader. */
export interface NewSyntaxReadOptions {
  /** Library (strict) semantics instead of HTCondor's default mode. */
  strict?: boolean;
}

/** Push-based new-syntax reader: feed chunks, get back the ads they complete. */
export class NewSyntaxReader extends ExtentAdReader {
  constructor(private readonly options: NewSyntaxReadOptions = {}) {
    super({
      open: 91, // [
      close: 93, // ]
      quotes: [34, 39],
      separators: '{},',
      comments: true,
      what: 'ad',
    });
  }

  protected parse(extent: Extent): ParsedAd {
    const errors = extent.errors;
    const result = parseRecordWithErrors(extent.text, {
      binary: true,
      strict: this.options.strict,
    });
    for (const d of result.errors) {
      errors.push(locateDiagnostic(d, extent.text, extent.line, extent.column));
    }
    errors.sort(compareInputErrors);
    return new ParsedAd(result.value, extent.text, extent.line, extent.column, errors);
  }
}

/** Reads new-syntax ads from a stream of chunks, one at a time. */
export async function* readNewSyntaxAds(
  source: ChunkSource,
  options: NewSyntaxReadOptions = {},
): AsyncGenerator<ParsedAd> {
  const reader = new NewSyntaxReader(options);
  for await (const chunk of source) yield* reader.push(chunk);
  yield* reader.finish();
}

/** Reads every new-syntax ad in a byte string held in memory. */
export function parseNewSyntaxAds(text: string, options: NewSyntaxReadOptions = {}): ParsedAd[] {
  const reader = new NewSyntaxReader(options);
  return [...reader.push(text), ...reader.finish()];
}
