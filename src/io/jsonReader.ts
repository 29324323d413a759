/**
 * The streaming reader for HTCondor's JSON ads (`condor_status -json`): a
 * JSON array of objects, or objects one after another (JSON lines). Each
 * object's extent is found across chunk boundaries, then it is parsed on its
 * own (see jsonAd.ts), so memory holds one ad, not the whole document.
 */
import type { ChunkSource } from './chunks.js';
import { ExtentAdReader } from './extentAdReader.js';
import type { Extent } from './extentScanner.js';
import { compareInputErrors, positionIn, type InputError } from './inputError.js';
import { parseJsonAd, type JsonAdOptions } from './jsonAd.js';
import { ParsedAd } from './parsedAd.js';

/** Push-based JSON ad reader: feed chunks, get back the ads they complete. */
export class JsonReader extends ExtentAdReader {
  constructor(private readonly options: JsonAdOptions = {}) {
    super({
      open: 123, // {
      close: 125, // }
      quotes: [34],
      separators: '[],',
      comments: false,
      what: 'JSON ad',
    });
  }

  protected parse(extent: Extent): ParsedAd {
    const errors: InputError[] = extent.errors;
    const result = parseJsonAd(extent.text, this.options);
    for (const e of result.errors) {
      const at = positionIn(extent.text, e.offset, extent.line, extent.column);
      errors.push({ line: at.line, column: at.column, code: e.code, message: e.message });
    }
    errors.sort(compareInputErrors);
    return new ParsedAd(result.value, extent.text, extent.line, extent.column, errors);
  }
}

/** Reads JSON ads from a stream of chunks, one at a time. */
export async function* readJsonAds(
  source: ChunkSource,
  options: JsonAdOptions = {},
): AsyncGenerator<ParsedAd> {
  const reader = new JsonReader(options);
  for await (const chunk of source) yield* reader.push(chunk);
  yield* reader.finish();
}

/** Reads every JSON ad in a byte string held in memory. */
export function parseJsonAds(text: string, options: JsonAdOptions = {}): ParsedAd[] {
  const reader = new JsonReader(options);
  return [...reader.push(text), ...reader.finish()];
}
