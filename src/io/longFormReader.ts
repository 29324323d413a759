/**
 * The streaming reader for old long form, `condor_status -long` output and
 * ad files (spec §9.2): `Name = value` lines; an ad ends at a blank line, at
 * a delimiter line (optional, e.g. `***`) or at the end of input; `#` lines
 * are comments. Values are not parsed here (see LongFormAd).
 *
 * Memory: the current chunk plus the ad being read; an ad is kept whole, so
 * one ad larger than memory cannot be read.
 */
import { SyntaxErrorCode } from '../language/diagnostics.js';
import { splitLongFormLine } from '../language/oldAd.js';
import type { Chunk, ChunkSource } from './chunks.js';
import type { InputError } from './inputError.js';
import { LineSplitter } from './lines.js';
import { LONG_FORM_FIELDS, LongFormAd, type LongFormValueOptions } from './longFormAd.js';
import { NameTable } from './nameTable.js';

/** Options of the long-form reader. */
export interface LongFormReadOptions extends LongFormValueOptions {
  /** Lines starting with this prefix end an ad too (HTCondor's ad delimiter, e.g. `***`). Blank lines always do. */
  delimiter?: string;
}

// Past this many distinct spellings a fresh name table is started, so a
// stream of ever-new names cannot grow memory without bound.
const NAME_TABLE_LIMIT = 65536;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Push-based long-form reader: feed chunks, get back the ads they complete.
 * Works the same in a browser; readLongFormAds wraps it for async iterables.
 */
export class LongFormReader {
  private readonly lines = new LineSplitter();
  private readonly delimiter: string | undefined;
  private readonly valueOptions: LongFormValueOptions;
  private table = new NameTable();
  private fields = new Int32Array(64 * LONG_FORM_FIELDS);
  private used = 0;
  /** Input offset of the current ad's first line, or -1 between ads. */
  private adStart = -1;
  private adLine = 0;
  /** Input offset just past the current ad's last line (before its newline). */
  private adEnd = 0;
  private bad: InputError[] | undefined;
  private eqText = '';
  /** The previous ad's fields, to predict the next ad's names. */
  private previous = new Int32Array(0);
  private previousUsed = 0;
  private nextEq = -1;

  constructor(options: LongFormReadOptions = {}) {
    this.delimiter = options.delimiter === '' ? undefined : options.delimiter;
    this.valueOptions = { strict: options.strict };
  }

  /** Adds input; returns the ads it completes. */
  push(chunk: Chunk): LongFormAd[] {
    this.lines.push(chunk);
    const out: LongFormAd[] = [];
    this.drain(out);
    return out;
  }

  /** Ends input; returns the remaining ads. */
  finish(): LongFormAd[] {
    this.lines.finish();
    const out: LongFormAd[] = [];
    this.drain(out);
    this.close(out);
    return out;
  }

  private drain(out: LongFormAd[]): void {
    const lines = this.lines;
    const delimiter = this.delimiter;
    while (lines.next()) {
      const text = lines.text;
      const start = lines.start;
      const end = lines.end;
      if (delimiter !== undefined && text.startsWith(delimiter, start)) {
        this.close(out);
        continue;
      }
      const c = start < end ? text.charCodeAt(start) : 10;
      // Fast path: a line starting with a letter or '_' is an attribute line.
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) {
        let i = start;
        while (i < end && isSpace(text.charCodeAt(i))) i++;
        if (i === end) {
          this.close(out);
          continue;
        }
        let j = start;
        while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        if (text.charCodeAt(j) === 35) continue; // '#' comment
      }
      const base = lines.base;
      if (this.adStart < 0) {
        this.adStart = base + start;
        this.adLine = lines.line;
        lines.retainFrom(this.adStart);
      }
      let lineEnd = end;
      if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      this.adEnd = base + lineEnd;
      // The next '=' in the buffer, remembered so that lines without one do not
      // each search to the end of the buffer (splitLongFormLine's search is unbounded).
      if (text !== this.eqText || this.nextEq < start) {
        this.eqText = text;
        this.nextEq = text.indexOf('=', start);
        if (this.nextEq < 0) this.nextEq = text.length;
      }
      const split = this.nextEq < end ? splitLongFormLine(text, start, end) : undefined;
      if (split === undefined) {
        this.badLine(text, start, lineEnd, lines.line);
        continue;
      }
      let fields = this.fields;
      const k = this.used;
      if (k + LONG_FORM_FIELDS > fields.length) {
        const grown = new Int32Array(fields.length * 2);
        grown.set(fields);
        this.fields = fields = grown;
      }
      const shift = base - this.adStart;
      // Ads in a stream mostly repeat the previous ad's names in the same order:
      // try the name at this position in the previous ad before hashing.
      const table = this.table;
      const guess = k < this.previousUsed ? this.previous[k]! : -1;
      fields[k] =
        guess >= 0 && table.spellings[guess] === split.name ? guess : table.intern(split.name);
      fields[k + 1] = split.valueStart + shift;
      fields[k + 2] = split.valueEnd + shift;
      fields[k + 3] = lines.line - this.adLine;
      this.used = k + LONG_FORM_FIELDS;
    }
  }

  private badLine(text: string, start: number, end: number, line: number): void {
    let i = start;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    let message: string;
    if (this.nextEq >= end) message = "expected 'Name = value': this line has no '='";
    else if (text.charCodeAt(i) === 39) message = 'a long-form attribute name cannot be quoted';
    else message = "expected 'Name = value': the name is empty";
    (this.bad ??= []).push({
      line,
      column: i - start + 1,
      code: SyntaxErrorCode.BadAttributeLine,
      message,
    });
  }

  /** Ends the current ad, if any. */
  private close(out: LongFormAd[]): void {
    if (this.adStart < 0) return;
    const lines = this.lines;
    const text = lines.retained(this.adEnd);
    const fields = this.fields.slice(0, this.used);
    this.previous = fields;
    this.previousUsed = this.used;
    out.push(new LongFormAd(text, this.adLine, fields, this.table, this.bad, this.valueOptions));
    this.used = 0;
    this.bad = undefined;
    this.adStart = -1;
    lines.retainFrom(-1);
    if (this.table.size > NAME_TABLE_LIMIT) {
      this.table = new NameTable();
      this.previousUsed = 0;
    }
  }
}

/** Reads long-form ads from a stream of chunks, one ad at a time. */
export async function* readLongFormAds(
  source: ChunkSource,
  options: LongFormReadOptions = {},
): AsyncGenerator<LongFormAd> {
  const reader = new LongFormReader(options);
  for await (const chunk of source) yield* reader.push(chunk);
  yield* reader.finish();
}

/** Reads long-form ads from a stream, a batch (the ads one chunk completes) at a time: fewer awaits than per-ad. */
export async function* readLongFormAdBatches(
  source: ChunkSource,
  options: LongFormReadOptions = {},
): AsyncGenerator<LongFormAd[]> {
  const reader = new LongFormReader(options);
  for await (const chunk of source) {
    const ads = reader.push(chunk);
    if (ads.length > 0) yield ads;
  }
  const ads = reader.finish();
  if (ads.length > 0) yield ads;
}

/** Reads every long-form ad in a byte string held in memory. */
export function parseLongFormAds(text: string, options: LongFormReadOptions = {}): LongFormAd[] {
  const reader = new LongFormReader(options);
  const out = reader.push(text);
  out.push(...reader.finish());
  return out;
}
