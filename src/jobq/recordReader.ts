/**
 * The job_queue.log record reader: splits a stream of byte chunks into
 * physical lines and reads each as the schedd's reader does (spec §2–§4),
 * without copying: every record is reported as offsets into the chunk it lies
 * in, so a caller can pass unchanged lines through byte for byte.
 *
 * The tokenizer follows HTCondor's `readword`/`readline`: a word skips leading
 * whitespace other than LF and consumes exactly one terminating whitespace
 * byte; a 103 value is the rest of the line after the name's terminator.
 * Whatever that reader would reject or misread is reported as an error;
 * whatever it reads fine but its writer never writes (tabs, doubled spaces)
 * as a warning. CRLF logs (a Windows schedd's, read in text mode) are read
 * with the CR stripped; a file mixing both line endings is an error.
 */
import type { JobqIssue } from './issues.js';

/** Op codes of the records (spec §4). */
export const Op = {
  NewClassAd: 101,
  DestroyClassAd: 102,
  SetAttribute: 103,
  DeleteAttribute: 104,
  BeginTransaction: 105,
  EndTransaction: 106,
  HistoricalSequenceNumber: 107,
} as const;

/** Line ending style of a log. */
export type EolStyle = 'lf' | 'crlf';

/**
 * One physical line, as offsets into `buf` (valid only during the callback:
 * the reader reuses the object and the buffer).
 */
export interface RecordView {
  buf: Buffer;
  /** 1-based physical line number. */
  lineNo: number;
  /** Offset of the line's first byte. */
  start: number;
  /** Offset just past the record's text (before CR LF or LF). */
  end: number;
  /** Offset just past the line's LF (the next line's start). */
  next: number;
  /** The op code (101..107), or 0 when the line is not a valid record (an error was reported). */
  op: number;
  /**
   * Word ranges (start inclusive, end exclusive): 101 key, MyType, TargetType;
   * 102 key; 103 and 104 key, attribute name; 107 sequence number, label, timestamp.
   */
  w0s: number;
  w0e: number;
  w1s: number;
  w1e: number;
  w2s: number;
  w2e: number;
  /** 103: the value; 106: the comment after `#` (an empty range when there is none). */
  vs: number;
  ve: number;
}

/** Receives the lines of a log, region by region (a region is a run of complete lines in one buffer). */
export interface RecordHandler {
  /** Called before the lines of `buf[start, end)` are reported. */
  region?(buf: Buffer, start: number, end: number): void;
  /** Every line, in order. */
  record(view: RecordView): void;
  /** Called after the last line of the region. */
  regionDone?(buf: Buffer, start: number, end: number): void;
}

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function latin1(buf: Buffer, start: number, end: number): string {
  return buf.toString('latin1', start, end);
}

/** Short printable excerpt of some bytes, for messages. */
export function excerpt(text: string, max = 60): string {
  const cut = text.length > max ? text.slice(0, max) + '...' : text;
  return JSON.stringify(cut);
}

/** Whether `buf[s, e)` is a job queue key: `-?digits.-?digits` (spec §5). */
export function isKeyBytes(buf: Buffer, s: number, e: number): boolean {
  let i = s;
  if (i < e && buf[i] === 45) i++;
  const d0 = i;
  while (i < e && isDigit(buf[i]!)) i++;
  if (i === d0 || i >= e || buf[i] !== 46) return false;
  i++;
  if (i < e && buf[i] === 45) i++;
  const d1 = i;
  while (i < e && isDigit(buf[i]!)) i++;
  return i > d1 && i === e;
}

/** Whether `buf[s, e)` is an attribute name HTCondor writes: `[A-Za-z_][A-Za-z0-9_.]*`. */
export function isNameBytes(buf: Buffer, s: number, e: number): boolean {
  if (s >= e) return false;
  const c0 = buf[s]!;
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return false;
  for (let i = s + 1; i < e; i++) {
    const c = buf[i]!;
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || isDigit(c)))
      return false;
  }
  return true;
}

function allDigits(buf: Buffer, s: number, e: number): boolean {
  if (s >= e) return false;
  for (let i = s; i < e; i++) if (!isDigit(buf[i]!)) return false;
  return true;
}

const wordNames: Record<number, string[]> = {
  101: ['key', 'MyType', 'TargetType'],
  102: ['key'],
  104: ['key', 'attribute name'],
  107: ['sequence number', 'label', 'timestamp'],
};

/** Options of the reader. */
export interface RecordReaderOptions {
  /** Receives every problem found (errors and warnings). */
  issue: (issue: JobqIssue) => void;
}

/** The streaming record reader. Feed it with `push`, then call `finish`. */
export class RecordReader {
  /** Lines read so far. */
  lines = 0;
  /** Bytes read so far. */
  bytes = 0;
  /** Line ending style, from the first line (undefined before it). */
  eol: EolStyle | undefined;
  /** Records by op code (valid lines only). */
  private readonly opCounts = new Float64Array(8);

  /** Records by op code (valid lines only). */
  get ops(): Record<number, number> {
    const out: Record<number, number> = {};
    for (let op = 101; op <= 107; op++) out[op] = this.opCounts[op - 100]!;
    return out;
  }

  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly view: RecordView = {
    buf: Buffer.alloc(0),
    lineNo: 0,
    start: 0,
    end: 0,
    next: 0,
    op: 0,
    w0s: 0,
    w0e: 0,
    w1s: 0,
    w1e: 0,
    w2s: 0,
    w2e: 0,
    vs: 0,
    ve: 0,
  };
  private warnedLine = 0;
  private readonly wordStarts = [0, 0, 0];
  private readonly wordEnds = [0, 0, 0];

  constructor(
    private readonly handler: RecordHandler,
    private readonly options: RecordReaderOptions,
  ) {}

  /** Reads a chunk: every line it completes is reported now, the rest is kept. */
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.bytes += chunk.length;
    const lastNl = chunk.lastIndexOf(10);
    if (lastNl < 0) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      return;
    }
    let from = 0;
    if (this.pendingBytes > 0) {
      // The line that straddles chunks: joined on its own, so the chunk itself is never copied.
      const firstNl = chunk.indexOf(10);
      const line = Buffer.concat(
        [...this.pending, chunk.subarray(0, firstNl + 1)],
        this.pendingBytes + firstNl + 1,
      );
      this.pending = [];
      this.pendingBytes = 0;
      this.readRegion(line, 0, line.length);
      from = firstNl + 1;
    }
    if (from < lastNl + 1) this.readRegion(chunk, from, lastNl + 1);
    if (lastNl + 1 < chunk.length) {
      this.pending = [chunk.subarray(lastNl + 1)];
      this.pendingBytes = chunk.length - lastNl - 1;
    }
  }

  /** Ends the input: an unterminated last line is reported (and passed on as invalid). */
  finish(): void {
    if (this.pendingBytes === 0) return;
    const buf = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    const h = this.handler;
    h.region?.(buf, 0, buf.length);
    const v = this.view;
    v.buf = buf;
    v.lineNo = ++this.lines;
    v.start = 0;
    v.end = buf.length;
    v.next = buf.length;
    v.op = 0;
    const nul = buf.indexOf(0);
    if (nul >= 0) this.error('nul-byte', nul + 1, nulMessage);
    else
      this.error(
        'no-final-lf',
        buf.length + 1,
        'unterminated last record: the file does not end with a line feed (every record, the last one included, ends with LF)',
      );
    h.record(v);
    h.regionDone?.(buf, 0, buf.length);
  }

  private readRegion(buf: Buffer, start: number, end: number): void {
    const h = this.handler;
    h.region?.(buf, start, end);
    const v = this.view;
    v.buf = buf;
    const counts = this.opCounts;
    let nul = buf.indexOf(0, start);
    if (nul >= end) nul = -1;
    let pos = start;
    if (this.eol === undefined && pos < end) {
      const nl = buf.indexOf(10, pos);
      this.eol = nl > pos && buf[nl - 1] === 13 ? 'crlf' : 'lf';
    }
    const crlf = this.eol === 'crlf';
    while (pos < end) {
      const nl = buf.indexOf(10, pos);
      v.lineNo = ++this.lines;
      v.start = pos;
      v.next = nl + 1;
      v.op = 0;
      const cr = nl > pos && buf[nl - 1] === 13;
      if (nul >= 0 && nul < nl) {
        v.end = cr && crlf ? nl - 1 : nl;
        this.error('nul-byte', nul - pos + 1, nulMessage);
        nul = buf.indexOf(0, nl);
        if (nul >= end) nul = -1;
      } else if (cr === crlf) {
        v.end = cr ? nl - 1 : nl;
        this.parseLine(v);
      } else if (crlf) {
        v.end = nl;
        this.error(
          'eol-mixed',
          nl - pos + 1,
          'LF line ending in a CRLF log (every line of a Windows log ends with CR LF)',
        );
      } else {
        v.end = nl;
        this.error(
          'eol-mixed',
          nl - pos,
          'CR LF line ending in an LF log (a Unix schedd reads the CR as part of the record)',
        );
      }
      counts[v.op === 0 ? 0 : v.op - 100]!++;
      h.record(v);
      pos = nl + 1;
    }
    h.regionDone?.(buf, start, end);
  }

  private error(code: string, column: number, message: string): void {
    this.options.issue({ severity: 'error', code, line: this.view.lineNo, column, message });
  }

  private warnSeparator(column: number): void {
    if (this.warnedLine === this.view.lineNo) return;
    this.warnedLine = this.view.lineNo;
    this.options.issue({
      severity: 'warning',
      code: 'separator',
      line: this.view.lineNo,
      column,
      message:
        'fields separated by whitespace other than one space: the schedd reads it, but its writer never writes it',
    });
  }

  /**
   * The common case, fast: a 103 record as the schedd writes it (single
   * spaces, a well-formed key and name, a value that does not start with
   * whitespace). Anything else returns false and goes through parseLine,
   * which reports what is wrong.
   */
  private fastSetAttribute(v: RecordView): boolean {
    const b = v.buf;
    const s = v.start;
    const e = v.end;
    if (e - s < 9 || b[s] !== 49 || b[s + 1] !== 48 || b[s + 2] !== 51 || b[s + 3] !== 32)
      return false;
    // key: -?digits.-?digits, then one space
    let i = s + 4;
    if (b[i] === 45) i++;
    let d = i;
    while (i < e && (b[i]! - 48) >>> 0 < 10) i++;
    if (i === d || b[i] !== 46) return false;
    i++;
    if (b[i] === 45) i++;
    d = i;
    while (i < e && (b[i]! - 48) >>> 0 < 10) i++;
    if (i === d || b[i] !== 32) return false;
    v.w0s = s + 4;
    v.w0e = i;
    // name: [A-Za-z_][A-Za-z0-9_.]*, then one space
    i++;
    d = i;
    let c = b[i]!;
    if (!(((c | 32) - 97) >>> 0 < 26 || c === 95)) return false;
    for (i++; i < e; i++) {
      c = b[i]!;
      if (((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10 || c === 95 || c === 46) continue;
      break;
    }
    if (i >= e - 1 || c !== 32) return false;
    v.w1s = d;
    v.w1e = i;
    c = b[i + 1]!;
    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) return false;
    v.vs = i + 1;
    v.ve = e;
    v.op = 103;
    return true;
  }

  /** Reads one record from `v.buf[v.start, v.end)`; sets `v.op` (0 after an error). */
  private parseLine(v: RecordView): void {
    if (this.fastSetAttribute(v)) return;
    const b = v.buf;
    if (
      v.end - v.start === 4 &&
      b[v.start] === 49 &&
      b[v.start + 1] === 48 &&
      (b[v.start + 2] === 53 || b[v.start + 2] === 54) &&
      b[v.start + 3] === 32
    ) {
      v.op = b[v.start + 2] === 53 ? 105 : 106; // "105 ", "106 "
      v.vs = v.ve = v.end;
      return;
    }
    const s = v.start;
    const e = v.end;
    let i = s;
    while (i < e && isWs(b[i]!)) i++;
    if (i === e) {
      this.error(
        'blank-line',
        1,
        'blank line: expected a record (the reader stops here as at the end of the data)',
      );
      return;
    }
    if (i > s) this.warnSeparator(1);
    let j = i;
    while (j < e && !isWs(b[j]!)) j++;
    const d = b[i + 2]!;
    const op =
      j - i === 3 && b[i] === 49 && b[i + 1] === 48 && d >= 49 && d <= 55 ? 100 + d - 48 : 0;
    if (op === 0) {
      this.error(
        'bad-op',
        i - s + 1,
        `bad op code ${excerpt(latin1(b, i, j), 20)}: expected 101..107`,
      );
      return;
    }
    if (op === 105 || op === 106) {
      if (j === e) {
        this.error(
          'op-needs-space',
          j - s + 1,
          `"${op}" must be written "${op} " (the space after the op code is mandatory: without it the reader takes the next line's first byte as this record's body)`,
        );
        return;
      }
      if (b[j] !== 32) this.warnSeparator(j - s + 1);
      const k = j + 1;
      if (op === 105) {
        if (k !== e) {
          this.error(
            'extra-text',
            k - s + 1,
            `op 105 takes no arguments: expected the line end after "105 ", found ${excerpt(latin1(b, k, e), 20)}`,
          );
          return;
        }
        v.vs = v.ve = e;
      } else if (k === e) {
        v.vs = v.ve = e;
      } else if (b[k] !== 35) {
        this.error(
          'extra-text',
          k - s + 1,
          `op 106: after "106 " expected the line end or "#comment", found ${excerpt(latin1(b, k, e), 20)}`,
        );
        return;
      } else if (k + 1 === e) {
        this.error(
          'empty-comment',
          k - s + 2,
          'op 106: empty comment after "#" (the reader needs at least one byte after it)',
        );
        return;
      } else {
        v.vs = k + 1;
        v.ve = e;
      }
      v.op = op;
      return;
    }
    if (op === 103) {
      this.parseSetAttribute(v, j);
      return;
    }
    // 101, 102, 104, 107: a fixed number of words, the last one ending the line.
    const names = wordNames[op]!;
    const n = names.length;
    const need = `op ${op} needs ${n === 1 ? 'one word' : `${n} words`} (${names.join(', ')}) after the op code`;
    if (j === e) {
      this.error(
        'word-count',
        j - s + 1,
        `${need}, found none (the reader would take the next line's op code as the ${names[0]})`,
      );
      return;
    }
    if (b[j] !== 32) this.warnSeparator(j - s + 1);
    let p = j + 1;
    const ws = this.wordStarts;
    const we = this.wordEnds;
    for (let w = 0; w < n; w++) {
      let q = p;
      while (q < e && isWs(b[q]!)) q++;
      if (q === e) {
        this.error(
          'word-count',
          q - s + 1,
          `${need}, found ${w} (the reader would take the next line's op code as the ${names[w]}, and every later record would be misread)`,
        );
        return;
      }
      if (q > p) this.warnSeparator(p - s + 1);
      let r = q;
      while (r < e && !isWs(b[r]!)) r++;
      ws[w] = q;
      we[w] = r;
      if (w < n - 1) {
        if (r === e) {
          this.error(
            'word-count',
            r - s + 1,
            `${need}, found ${w + 1} (the reader would take the next line's op code as the ${names[w + 1]}, and every later record would be misread)`,
          );
          return;
        }
        if (b[r] !== 32) this.warnSeparator(r - s + 1);
        p = r + 1;
      } else if (r !== e) {
        let t = r;
        while (t < e && isWs(b[t]!)) t++;
        if (t === e) {
          this.error(
            'trailing-whitespace',
            r - s + 1,
            `trailing whitespace after the last word of op ${op}: expected the line end (the reader stops here as at the end of the data)`,
          );
        } else {
          this.error(
            'word-count',
            t - s + 1,
            `${need}; unexpected ${excerpt(latin1(b, t, e), 30)} after them (the reader would take it as the next record's op code)`,
          );
        }
        return;
      }
    }
    v.w0s = ws[0]!;
    v.w0e = we[0]!;
    v.w1s = ws[1]!;
    v.w1e = we[1]!;
    v.w2s = ws[2]!;
    v.w2e = we[2]!;
    if (op !== 107) {
      if (!isKeyBytes(b, v.w0s, v.w0e)) {
        this.badKey(v);
        return;
      }
      if (op === 104 && !isNameBytes(b, v.w1s, v.w1e)) {
        this.badName(v);
        return;
      }
    } else if (!allDigits(b, v.w0s, v.w0e) || !allDigits(b, v.w2s, v.w2e)) {
      const bad = allDigits(b, v.w0s, v.w0e) ? v.w2s : v.w0s;
      this.error(
        'bad-number',
        bad - s + 1,
        'op 107 needs a decimal sequence number and a decimal timestamp: "107 <seq> CreationTimestamp <epoch>"',
      );
      return;
    }
    v.op = op;
  }

  private parseSetAttribute(v: RecordView, j: number): void {
    const b = v.buf;
    const s = v.start;
    const e = v.end;
    const need = 'op 103 needs a key, an attribute name and a value';
    if (j === e) {
      this.error('word-count', j - s + 1, `${need}, found none`);
      return;
    }
    if (b[j] !== 32) this.warnSeparator(j - s + 1);
    let q = j + 1;
    while (q < e && isWs(b[q]!)) q++;
    if (q === e) {
      this.error('word-count', q - s + 1, `${need}, found none`);
      return;
    }
    if (q > j + 1) this.warnSeparator(j + 2 - s);
    let r = q;
    while (r < e && !isWs(b[r]!)) r++;
    v.w0s = q;
    v.w0e = r;
    if (r === e) {
      this.error(
        'missing-value',
        r - s + 1,
        `${need}, found only the key (the reader would take the next line as the attribute name and value)`,
      );
      return;
    }
    if (b[r] !== 32) this.warnSeparator(r - s + 1);
    q = r + 1;
    while (q < e && isWs(b[q]!)) q++;
    if (q === e) {
      this.error(
        'missing-value',
        q - s + 1,
        `${need}, found only the key (the reader would take the next line as the attribute name and value)`,
      );
      return;
    }
    if (q > r + 1) this.warnSeparator(r + 2 - s);
    r = q;
    while (r < e && !isWs(b[r]!)) r++;
    v.w1s = q;
    v.w1e = r;
    if (r === e) {
      this.error(
        'missing-value',
        r - s + 1,
        'op 103 without a value: expected a space and a ClassAd expression after the attribute name (the reader would take the whole next line as the value)',
      );
      return;
    }
    if (b[r] !== 32) this.warnSeparator(r - s + 1);
    v.vs = r + 1;
    v.ve = e;
    let t = v.vs;
    while (t < e && isWs(b[t]!)) t++;
    if (t === e) {
      this.error(
        'empty-value',
        v.vs - s + 1,
        'op 103 with an empty value: expected a ClassAd expression (an empty value is corrupt for the reader)',
      );
      return;
    }
    if (!isKeyBytes(b, v.w0s, v.w0e)) {
      this.badKey(v);
      return;
    }
    if (!isNameBytes(b, v.w1s, v.w1e)) {
      this.badName(v);
      return;
    }
    v.op = 103;
  }

  private badKey(v: RecordView): void {
    this.error(
      'bad-key',
      v.w0s - v.start + 1,
      `bad key ${excerpt(latin1(v.buf, v.w0s, v.w0e), 30)}: expected <cluster>.<proc> (e.g. 1.0, 01.-1, 0.0)`,
    );
  }

  private badName(v: RecordView): void {
    this.error(
      'bad-name',
      v.w1s - v.start + 1,
      `bad attribute name ${excerpt(latin1(v.buf, v.w1s, v.w1e), 30)}: expected a letter or _ followed by letters, digits, _ or .`,
    );
  }
}

const nulMessage =
  'NUL byte: a job_queue.log holds no NUL bytes (the reader treats one as the end of the data or as corruption)';
