/**
 * Physical lines of a configuration file, with their offsets and line ends.
 * Files are byte strings (one code unit per byte); a line ends at LF, and a
 * CR just before the LF belongs to the line end, so CRLF files keep their
 * line ends when a tool rewrites some lines and copies the others.
 */

/** One physical line. */
export interface PhysicalLine {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first byte in the file. */
  start: number;
  /** Offset just past the line's content, before its line end. */
  end: number;
  /** The line end: `'\n'`, `'\r\n'`, or `''` for a last line without one. */
  eol: string;
}

/** Splits a file into physical lines; an empty file has none. */
export function splitPhysicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  let number = 1;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      lines.push({ number, start, end: text.length, eol: '' });
      break;
    }
    const cr = nl > start && text.charCodeAt(nl - 1) === 13;
    lines.push({ number, start, end: cr ? nl - 1 : nl, eol: cr ? '\r\n' : '\n' });
    start = nl + 1;
    number++;
  }
  return lines;
}

/** The content of a physical line (without its line end). */
export function lineText(text: string, line: PhysicalLine): string {
  return text.slice(line.start, line.end);
}

/** True for the bytes C's isspace() accepts in the "C" locale. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The line end a file mostly uses: CRLF when its first line ends with one, LF otherwise. */
export function dominantEol(lines: PhysicalLine[]): string {
  const first = lines.find((l) => l.eol !== '');
  return first ? first.eol : '\n';
}
