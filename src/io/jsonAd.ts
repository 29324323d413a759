/**
 * HTCondor's JSON form of one ad (`condor_status -json`), parsed into a
 * record. Values: JSON numbers (integers without `.`/exponent are Integer),
 * strings, booleans, `null` (undefined), arrays (lists), objects (nested
 * ads); a string spelled `"\/Expr(...)\/"` (with the escaped slashes) holds
 * any other expression in new syntax, as HTCondor's JSON parser reads it.
 *
 * Strings decode to byte strings: raw bytes are kept as they are and
 * `\uXXXX` escapes become UTF-8. Nodes built from JSON have offsets -1;
 * nodes parsed from an `\/Expr(...)\/` string have offsets into its text.
 */
import type * as A from '../language/ast.js';
import { encodeCodePoint } from '../language/bytes.js';
import { SyntaxErrorCode } from '../language/diagnostics.js';
import {
  MAX_PARSE_DEPTH,
  parseExpressionWithErrors,
  tryParseExpression,
} from '../language/parser.js';
import { IoErrorCode } from './inputError.js';

/** An error in a JSON ad, at an offset in its text. */
export interface JsonAdError {
  offset: number;
  code: number;
  message: string;
}

/** The record a JSON object denotes, with every error found. */
export interface JsonAdResult {
  value: A.RecordExpr | A.Invalid;
  errors: JsonAdError[];
}

/** Options for parsing the expressions inside `\/Expr(...)\/` strings. */
export interface JsonAdOptions {
  strict?: boolean;
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

class JsonAdParser {
  pos = 0;
  readonly errors: JsonAdError[] = [];

  constructor(
    private readonly text: string,
    private readonly options: JsonAdOptions,
  ) {}

  fail(offset: number, message: string): never {
    throw new JsonSyntaxError(offset, message);
  }

  skipSpace(): number {
    const text = this.text;
    let i = this.pos;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    this.pos = i;
    return i < text.length ? text.charCodeAt(i) : -1;
  }

  describe(offset: number): string {
    if (offset >= this.text.length) return 'the end of the ad';
    const c = this.text.charCodeAt(offset);
    return c >= 0x21 && c < 0x7f ? `'${this.text[offset]}'` : `byte 0x${c.toString(16)}`;
  }

  value(depth: number): A.Expr {
    if (depth > MAX_PARSE_DEPTH)
      this.fail(this.pos, `nested more than ${MAX_PARSE_DEPTH} levels deep`);
    const c = this.skipSpace();
    if (c === 123) return this.object(depth + 1);
    if (c === 91) return this.array(depth + 1);
    if (c === 34) {
      const start = this.pos;
      const { value, quotedExpr } = this.string();
      if (quotedExpr && /^\/expr\(/i.test(value) && value.endsWith(')/')) {
        return this.expression(value.slice(6, -2), start);
      }
      return { kind: 'String', value, start: -1, end: -1 };
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    // Keywords, case-insensitive as HTCondor's lexer has them.
    const text = this.text;
    let end = this.pos;
    while (end < text.length && /[A-Za-z]/.test(text[end]!)) end++;
    const word = text.slice(this.pos, end).toLowerCase();
    if (word === 'true' || word === 'false') {
      this.pos = end;
      return { kind: 'Boolean', value: word === 'true', start: -1, end: -1 };
    }
    if (word === 'null') {
      this.pos = end;
      return { kind: 'Undefined', start: -1, end: -1 };
    }
    return this.fail(this.pos, `expected a JSON value but found ${this.describe(this.pos)}`);
  }

  expression(source: string, at: number): A.Expr {
    const options = { binary: true, strict: this.options.strict };
    const fast = tryParseExpression(source, options);
    if (fast) return fast;
    const result = parseExpressionWithErrors(source, options);
    for (const d of result.errors) {
      const shown = source.length > 40 ? source.slice(0, 40) + '…' : source;
      this.errors.push({
        offset: at,
        code: d.code,
        message: `in the expression ${JSON.stringify(shown)}, column ${d.start + 1}: ${d.message}`,
      });
    }
    return result.value;
  }

  object(depth: number): A.RecordExpr {
    this.pos++; // {
    const attrs: A.RecordAttr[] = [];
    let c = this.skipSpace();
    // HTCondor tolerates stray commas between members.
    while (c === 44) {
      this.pos++;
      c = this.skipSpace();
    }
    while (c !== 125) {
      if (c !== 34)
        this.fail(
          this.pos,
          `expected a quoted attribute name but found ${this.describe(this.pos)}`,
        );
      const nameAt = this.pos;
      const name = this.string().value;
      if (this.skipSpace() !== 58)
        this.fail(this.pos, `expected ':' but found ${this.describe(this.pos)}`);
      this.pos++;
      const value = this.value(depth);
      if (name === '') {
        this.errors.push({
          offset: nameAt,
          code: SyntaxErrorCode.EmptyName,
          message: 'an attribute name cannot be empty',
        });
      } else attrs.push({ name, value, nameStart: -1, nameEnd: -1 });
      c = this.skipSpace();
      if (c !== 44 && c !== 125)
        this.fail(this.pos, `expected ',' or '}' but found ${this.describe(this.pos)}`);
      while (c === 44) {
        this.pos++;
        c = this.skipSpace();
      }
    }
    this.pos++; // }
    return { kind: 'Record', attrs, start: -1, end: -1 };
  }

  array(depth: number): A.ListExpr {
    this.pos++; // [
    const items: A.Expr[] = [];
    let c = this.skipSpace();
    if (c === 93) {
      this.pos++;
      return { kind: 'List', items, start: -1, end: -1 };
    }
    for (;;) {
      items.push(this.value(depth));
      c = this.skipSpace();
      if (c === 93) break;
      if (c !== 44) this.fail(this.pos, `expected ',' or ']' but found ${this.describe(this.pos)}`);
      this.pos++;
    }
    this.pos++; // ]
    return { kind: 'List', items, start: -1, end: -1 };
  }

  number(): A.Expr {
    const text = this.text;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === 45) i++;
    const digits = i;
    i = this.digits(i);
    const bad = () => this.fail(start, `malformed number '${text.slice(start, i + 1)}'`);
    if (i === digits || (i - digits > 1 && text.charCodeAt(digits) === 48)) bad();
    let integer = true;
    if (text.charCodeAt(i) === 46) {
      const frac = ++i;
      i = this.digits(i);
      if (i === frac) bad();
      integer = false;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      const exp = i;
      i = this.digits(i);
      if (i === exp) bad();
      integer = false;
    }
    this.pos = i;
    const literal = text.slice(start, i);
    if (integer) {
      // Up to 15 digits a double is exact; beyond, BigInt. Out of the 64-bit
      // range the number is kept as the nearest real rather than wrapped.
      const value = i - digits <= 15 ? BigInt(Number(literal)) : BigInt(literal);
      if (value <= INT64_MAX && value >= INT64_MIN)
        return { kind: 'Integer', value, start: -1, end: -1 };
    }
    return { kind: 'Real', value: Number(literal), start: -1, end: -1 };
  }

  digits(i: number): number {
    const text = this.text;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    return i;
  }

  /** A JSON string at `pos`: its bytes, and whether it is spelled `"\/...\/"`. */
  string(): { value: string; quotedExpr: boolean } {
    const text = this.text;
    const open = this.pos;
    let i = open + 1;
    let escapes = false;
    for (;;) {
      if (i >= text.length) this.fail(open, 'this string is never closed');
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        escapes = true;
        i += 2;
      } else i++;
    }
    this.pos = i + 1;
    if (!escapes) return { value: text.slice(open + 1, i), quotedExpr: false };
    const raw = text.slice(open + 1, i);
    const quotedExpr =
      raw.length >= 4 &&
      raw.startsWith('\\/') &&
      raw.charCodeAt(raw.length - 2) === 92 &&
      raw.endsWith('/');
    return { value: this.unescape(raw, open + 1), quotedExpr };
  }

  unescape(raw: string, at: number): string {
    let out = '';
    let run = 0;
    for (let i = 0; i < raw.length; i++) {
      if (raw.charCodeAt(i) !== 92) continue;
      out += raw.slice(run, i);
      const e = raw.charCodeAt(++i);
      switch (e) {
        case 98:
          out += '\b';
          break;
        case 102:
          out += '\f';
          break;
        case 110:
          out += '\n';
          break;
        case 114:
          out += '\r';
          break;
        case 116:
          out += '\t';
          break;
        case 117: {
          let cp = this.hex4(raw, i + 1, at);
          i += 4;
          if (
            cp >= 0xd800 &&
            cp <= 0xdbff &&
            raw.charCodeAt(i + 1) === 92 &&
            raw.charCodeAt(i + 2) === 117
          ) {
            const low = this.hex4(raw, i + 3, at);
            if (low >= 0xdc00 && low <= 0xdfff) {
              cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
              i += 6;
            }
          }
          if (cp === 0) this.fail(at + i - 5, 'a string cannot contain a NUL byte (\\u0000)');
          out += encodeCodePoint(cp);
          break;
        }
        default:
          // \" \\ \/ and, as HTCondor allows, any other escaped character stand for themselves.
          out += raw[i] ?? '';
      }
      run = i + 1;
    }
    return out + raw.slice(run);
  }

  hex4(raw: string, i: number, at: number): number {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const h = hexValue(raw.charCodeAt(i + k));
      if (h < 0) this.fail(at + i - 2, 'a \\u escape needs four hexadecimal digits');
      v = v * 16 + h;
    }
    return v;
  }
}

/** Parses one JSON object (an ad) into a record; never throws. */
export function parseJsonAd(text: string, options: JsonAdOptions = {}): JsonAdResult {
  const parser = new JsonAdParser(text, options);
  try {
    const c = parser.skipSpace();
    if (c !== 123) parser.fail(parser.pos, `expected '{' but found ${parser.describe(parser.pos)}`);
    const value = parser.object(1);
    if (parser.skipSpace() !== -1) {
      parser.fail(parser.pos, `unexpected ${parser.describe(parser.pos)} after the ad`);
    }
    return { value, errors: parser.errors };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    parser.errors.push({ offset: e.offset, code: IoErrorCode.BadJson, message: e.message });
    parser.errors.sort((a, b) => a.offset - b.offset);
    return { value: { kind: 'Invalid', start: -1, end: -1 }, errors: parser.errors };
  }
}
