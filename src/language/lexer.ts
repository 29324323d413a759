/**
 * The ClassAd lexer: source text to chevrotain tokens.
 *
 * Hand-written over `charCodeAt`, because ClassAd lexing depends on context
 * (a `-` before a digit is part of the literal unless the previous token ends
 * an operand), because new and old syntax lex strings differently, and for
 * speed. It never throws: problems become diagnostics and lexing resumes.
 */
import type { TokenType } from 'chevrotain';
import { encodeCodePoint } from './bytes.js';
import { SyntaxErrorCode, type SyntaxDiagnostic } from './diagnostics.js';
import * as T from './tokens.js';
import type { ClassAdToken } from './tokens.js';

/** Options shared by the lexer and the parser. */
export interface SyntaxOptions {
  /**
   * Old ClassAd syntax (HTCondor's `Attr = expr` lines, job_queue.log): no
   * escapes in strings except `\"`, no adjacent-string joining.
   */
  oldSyntax?: boolean;
  /**
   * Strict (pure library) semantics. Off by default: HTCondor's default mode,
   * where a multi-digit integer literal with a leading 0 is an error and `;`
   * may separate function arguments.
   */
  strict?: boolean;
  /**
   * The source is a byte string (one code unit per byte, e.g. a file read as
   * latin1), not Unicode text. Affects only the bytes of non-ASCII characters
   * inside strings and quoted names.
   */
  binary?: boolean;
  /** Lex only `source[start, end)`; offsets stay relative to the whole source. */
  start?: number;
  /** See `start`. */
  end?: number;
}

/** The lexer's output. */
export interface LexResult {
  tokens: ClassAdToken[];
  errors: SyntaxDiagnostic[];
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

// Token types after which a `-` is binary subtraction, not the sign of a literal.
const endsOperand = new Set<TokenType>([
  T.IntegerLiteral,
  T.RealLiteral,
  T.True,
  T.False,
  T.StringLiteral,
  T.Undefined,
  T.ErrorKeyword,
  T.Identifier,
  T.Dot,
  T.RBracket,
  T.RParen,
  T.RBrace,
]);

const keywords: Record<string, TokenType> = {
  true: T.True,
  false: T.False,
  undefined: T.Undefined,
  error: T.ErrorKeyword,
  is: T.MetaEq,
  isnt: T.MetaNotEq,
};

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Splits ClassAd source text into tokens. */
export function lex(source: string, options: SyntaxOptions = {}): LexResult {
  return new Lexer(source, options).run();
}

class Lexer {
  private readonly tokens: ClassAdToken[] = [];
  private readonly errors: SyntaxDiagnostic[] = [];
  private readonly end: number;
  private pos = 0;
  private last: TokenType | undefined;

  constructor(
    private readonly src: string,
    private readonly options: SyntaxOptions,
  ) {
    const start = options.start ?? 0;
    const end = options.end ?? src.length;
    // A NUL byte ends the input, as in HTCondor. Only the range is searched.
    let stop = end;
    for (let i = start; i < end; i++) {
      if (src.charCodeAt(i) === 0) {
        stop = i;
        break;
      }
    }
    this.end = stop;
    this.pos = start;
  }

  run(): LexResult {
    const src = this.src;
    const end = this.end;
    while (this.pos < end) {
      const start = this.pos;
      const c = src.charCodeAt(start);
      if (isSpace(c)) {
        this.pos++;
        continue;
      }
      if (isIdentStart(c)) {
        let i = start + 1;
        while (i < end && isIdentPart(src.charCodeAt(i))) i++;
        this.pos = i;
        const text = src.slice(start, i);
        const kw = i - start <= 9 ? keywords[text.toLowerCase()] : undefined;
        if (kw) this.push(kw, start, i);
        else this.push(T.Identifier, start, i, text);
        continue;
      }
      if (isDigit(c)) {
        this.number(start, false);
        continue;
      }
      switch (c) {
        case 34: // "
          this.string(start, 34);
          continue;
        case 39: // '
          this.string(start, 39);
          continue;
        case 46: // .
          if (isDigit(src.charCodeAt(start + 1))) this.number(start, false);
          else if (src.charCodeAt(start + 1) === 46 && isDigit(src.charCodeAt(start + 2))) {
            // HTCondor's number lexer accepts a doubled leading dot: `..5` is
            // one real literal whose conversion fails, giving 0.0.
            let i = start + 2;
            while (i < this.end && isDigit(src.charCodeAt(i))) i++;
            this.pos = i;
            this.push(T.RealLiteral, start, i, 0);
          } else this.op(T.Dot, 1);
          continue;
        case 45: {
          // -
          const d = src.charCodeAt(start + 1);
          const signed =
            (isDigit(d) || (d === 46 && isDigit(src.charCodeAt(start + 2)))) &&
            !(this.last && endsOperand.has(this.last));
          if (signed) this.number(start, true);
          else this.op(T.Minus, 1);
          continue;
        }
        case 47: // /
          if (src.charCodeAt(start + 1) === 47) {
            const nl = src.indexOf('\n', start);
            this.pos = nl < 0 || nl > end ? end : nl + 1;
          } else if (src.charCodeAt(start + 1) === 42) {
            const close = src.indexOf('*/', start + 2);
            if (close < 0 || close + 2 > end) {
              this.error(
                SyntaxErrorCode.UnterminatedComment,
                start,
                start + 2,
                'a comment that starts with /* is never closed with */',
              );
              this.pos = end;
            } else this.pos = close + 2;
          } else this.op(T.Slash, 1);
          continue;
        case 43:
          this.op(T.Plus, 1);
          continue;
        case 42:
          this.op(T.Star, 1);
          continue;
        case 37:
          this.op(T.Percent, 1);
          continue;
        case 126:
          this.op(T.Tilde, 1);
          continue;
        case 94:
          this.op(T.BitXor, 1);
          continue;
        case 38: // &
          if (src.charCodeAt(start + 1) === 38) this.op(T.AndAnd, 2);
          else this.op(T.BitAnd, 1);
          continue;
        case 124: // |
          if (src.charCodeAt(start + 1) === 124) this.op(T.OrOr, 2);
          else this.op(T.BitOr, 1);
          continue;
        case 60: {
          // <
          const d = src.charCodeAt(start + 1);
          if (d === 61) this.op(T.LessEq, 2);
          else if (d === 60) this.op(T.ShiftLeft, 2);
          else this.op(T.Less, 1);
          continue;
        }
        case 62: {
          // >
          const d = src.charCodeAt(start + 1);
          if (d === 61) this.op(T.GreaterEq, 2);
          else if (d === 62) {
            if (src.charCodeAt(start + 2) === 62) this.op(T.ShiftRightUnsigned, 3);
            else this.op(T.ShiftRight, 2);
          } else this.op(T.Greater, 1);
          continue;
        }
        case 61: {
          // =
          const d = src.charCodeAt(start + 1);
          if (d === 61) this.op(T.EqEq, 2);
          else if (d === 63) {
            if (src.charCodeAt(start + 2) === 61) this.op(T.MetaEq, 3);
            else {
              this.error(
                SyntaxErrorCode.IncompleteOperator,
                start,
                start + 2,
                "'=?' must be followed by '=' (the operator is '=?=')",
              );
              this.op(T.MetaEq, 2);
            }
          } else if (d === 33 && src.charCodeAt(start + 2) === 61) this.op(T.MetaNotEq, 3);
          else this.op(T.Assign, 1);
          continue;
        }
        case 33: // !
          if (src.charCodeAt(start + 1) === 61) this.op(T.NotEq, 2);
          else this.op(T.Bang, 1);
          continue;
        case 63: {
          // ? or ?: (whitespace allowed between)
          let i = start + 1;
          while (i < end && isSpace(src.charCodeAt(i))) i++;
          if (src.charCodeAt(i) === 58) this.op(T.Elvis, i + 1 - start);
          else this.op(T.Question, 1);
          continue;
        }
        case 58:
          this.op(T.Colon, 1);
          continue;
        case 59:
          this.op(T.Semicolon, 1);
          continue;
        case 44:
          this.op(T.Comma, 1);
          continue;
        case 91:
          this.op(T.LBracket, 1);
          continue;
        case 93:
          this.op(T.RBracket, 1);
          continue;
        case 40:
          this.op(T.LParen, 1);
          continue;
        case 41:
          this.op(T.RParen, 1);
          continue;
        case 123:
          this.op(T.LBrace, 1);
          continue;
        case 125:
          this.op(T.RBrace, 1);
          continue;
        default: {
          const cp = src.codePointAt(start) ?? c;
          const width = cp > 0xffff ? 2 : 1;
          const shown =
            cp >= 0x20 && cp !== 0x7f
              ? `'${String.fromCodePoint(cp)}'`
              : `byte 0x${cp.toString(16)}`;
          this.error(
            SyntaxErrorCode.UnexpectedCharacter,
            start,
            start + width,
            `unexpected character ${shown}`,
          );
          this.pos = start + width;
        }
      }
    }
    return { tokens: this.tokens, errors: this.errors };
  }

  private op(type: TokenType, length: number): void {
    this.push(type, this.pos, this.pos + length);
    this.pos += length;
  }

  private push(type: TokenType, start: number, end: number, payload?: unknown): void {
    this.tokens.push({
      image: this.src.slice(start, end),
      startOffset: start,
      endOffset: end - 1,
      tokenType: type,
      tokenTypeIdx: type.tokenTypeIdx!,
      payload,
    } as ClassAdToken);
    this.last = type;
  }

  private error(code: SyntaxDiagnostic['code'], start: number, end: number, message: string): void {
    this.errors.push({ code, message, start, end });
  }

  /** Lexes a number starting at `start` (at the `-` when `negative`). */
  private number(start: number, negative: boolean): void {
    const src = this.src;
    const end = this.end;
    let i = negative ? start + 1 : start;
    const digitsStart = i;
    while (i < end && isDigit(src.charCodeAt(i))) i++;
    let real = false;
    let bad = '';
    let c = src.charCodeAt(i);
    if (c === 46) {
      // A '.' after digits must be followed by a digit: 5. and 1.e5 are errors.
      if (isDigit(src.charCodeAt(i + 1))) {
        real = true;
        i++;
        while (i < end && isDigit(src.charCodeAt(i))) i++;
        c = src.charCodeAt(i);
      } else if (i > digitsStart) {
        bad = "a '.' in a number must be followed by a digit";
        i++;
      }
    }
    if (!bad && (c === 101 || c === 69)) {
      let j = i + 1;
      const s = src.charCodeAt(j);
      if (s === 43 || s === 45) j++;
      if (isDigit(src.charCodeAt(j))) {
        while (j < end && isDigit(src.charCodeAt(j))) j++;
        real = true;
        i = j;
      } else {
        bad = 'an exponent must have digits';
        i = j;
      }
    }
    if (bad) {
      this.error(
        SyntaxErrorCode.MalformedNumber,
        start,
        i,
        `malformed number '${src.slice(start, i)}': ${bad}`,
      );
      this.pos = i;
      this.push(T.RealLiteral, start, i, 0); // a stand-in, so parsing goes on
      return;
    }
    if (real) {
      this.pos = i;
      this.push(T.RealLiteral, start, i, Number(src.slice(start, i)));
      return;
    }
    // Integer: decimal, or octal-looking 0[0-7]*, or hex-looking 0[xX][0-9a-fA-F]+.
    const digits = src.slice(digitsStart, i);
    if (digits.length > 1 && digits.charCodeAt(0) === 48) {
      if (/[89]/.test(digits)) {
        this.error(
          SyntaxErrorCode.MalformedNumber,
          start,
          i,
          `malformed number '${src.slice(start, i)}': a number with a leading 0 cannot contain 8 or 9`,
        );
        this.pos = i;
        this.push(T.IntegerLiteral, start, i, 0n);
        return;
      }
    }
    if (digits === '0' && (c === 120 || c === 88)) {
      if (!isHexDigit(src.charCodeAt(i + 1))) {
        this.error(
          SyntaxErrorCode.MalformedNumber,
          start,
          i + 1,
          `malformed number '${src.slice(start, i + 1)}': '0x' must be followed by hexadecimal digits`,
        );
        this.pos = i + 1;
        this.push(T.IntegerLiteral, start, i + 1, 0n);
        return;
      }
      i += 2;
      while (i < end && isHexDigit(src.charCodeAt(i))) i++;
    }
    this.pos = i;
    // HTCondor's default mode rejects a leading 0 on an unsigned multi-digit literal.
    if (!this.options.strict && !negative && i - start > 1 && src.charCodeAt(start) === 48) {
      this.error(
        SyntaxErrorCode.LeadingZero,
        start,
        i,
        `integer '${src.slice(start, i)}' has a leading 0, which HTCondor rejects (octal and hexadecimal are not supported)`,
      );
      this.push(T.IntegerLiteral, start, i, 0n);
      return;
    }
    // Converted in base 10, stopping at the first non-decimal character;
    // a value outside the signed 64-bit range becomes 0, as in HTCondor.
    let value = BigInt(digits);
    if (negative) value = -value;
    if (value > INT64_MAX || value < INT64_MIN) value = 0n;
    this.push(T.IntegerLiteral, start, i, value);
  }

  /** Lexes a string literal (quote 34) or a quoted name (quote 39). */
  private string(start: number, quote: number): void {
    const type = quote === 34 ? T.StringLiteral : T.Identifier;
    const value = this.options.oldSyntax
      ? this.oldString(start, quote)
      : this.newString(start, quote);
    if (value === undefined) return;
    if (value === null) {
      this.error(
        SyntaxErrorCode.NulInString,
        start,
        this.pos,
        'a string cannot contain a NUL byte (\\0)',
      );
      this.push(type, start, this.pos, '');
      return;
    }
    this.push(type, start, this.pos, value);
  }

  private unterminated(start: number, quote: number): undefined {
    const what = quote === 34 ? 'string' : 'quoted name';
    const q = quote === 34 ? '"' : "'";
    // Resume at the next line so one bad string does not swallow the rest.
    const nl = this.src.indexOf('\n', start);
    const stop = nl < 0 || nl > this.end ? this.end : nl;
    this.error(
      SyntaxErrorCode.UnterminatedString,
      start,
      stop,
      `this ${what} is never closed: expected a closing ${q}`,
    );
    this.push(
      quote === 34 ? T.StringLiteral : T.Identifier,
      start,
      stop,
      this.src.slice(start + 1, stop),
    );
    this.pos = nl < 0 || nl > this.end ? this.end : nl + 1;
    return undefined;
  }

  /** New syntax: escapes, adjacent literals joined. null means a NUL byte. */
  private newString(start: number, quote: number): string | null | undefined {
    const src = this.src;
    const end = this.end;
    let raw = '';
    let i = start;
    for (;;) {
      const contentStart = i + 1;
      let j = contentStart;
      let escapes = false;
      for (;;) {
        if (j >= end) return this.unterminated(start, quote);
        const c = src.charCodeAt(j);
        if (c === 92) {
          escapes = true;
          j += 2;
          continue;
        }
        if (c === quote) break;
        j++;
      }
      if (j > end) return this.unterminated(start, quote);
      raw = raw === '' && !escapes ? src.slice(contentStart, j) : raw + src.slice(contentStart, j);
      i = j + 1;
      let k = i;
      while (k < end && isSpace(src.charCodeAt(k))) k++;
      if (k < end && src.charCodeAt(k) === quote) {
        i = k;
        continue;
      }
      break;
    }
    this.pos = i;
    return this.decodeEscapes(raw);
  }

  private decodeEscapes(raw: string): string | null {
    const binary = this.options.binary;
    let simple = true;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 92 || (c >= 0x80 && !binary)) {
        simple = false;
        break;
      }
    }
    if (simple) return raw;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c !== 92) {
        out += c < 0x80 || binary ? raw[i] : this.encodeAt(raw, i);
        if (c >= 0xd800 && c <= 0xdbff && !binary) i++;
        continue;
      }
      i++;
      const e = raw.charCodeAt(i);
      switch (e) {
        case 97:
          out += '\x07';
          break;
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
        case 118:
          out += '\v';
          break;
        default:
          if (e >= 48 && e <= 55) {
            let v = e - 48;
            if (i + 1 < raw.length && isOctal(raw.charCodeAt(i + 1))) {
              v = v * 8 + raw.charCodeAt(++i) - 48;
              if (v < 0x20 && i + 1 < raw.length && isOctal(raw.charCodeAt(i + 1))) {
                v = v * 8 + raw.charCodeAt(++i) - 48;
              }
            }
            if (v === 0) return null;
            out += String.fromCharCode(v & 0xff);
          } else if (i < raw.length) {
            // Any other escaped character stands for itself.
            out += e < 0x80 || binary ? raw[i] : this.encodeAt(raw, i);
            if (e >= 0xd800 && e <= 0xdbff && !binary) i++;
          }
      }
    }
    return out;
  }

  private encodeAt(raw: string, i: number): string {
    return encodeCodePoint(raw.codePointAt(i)!);
  }

  /**
   * Old syntax: no escapes except that `\"` is a literal quote when more
   * text follows on the line; at the end of a line the string ends there and
   * keeps the backslash.
   */
  private oldString(start: number, quote: number): string | null | undefined {
    const src = this.src;
    const end = this.end;
    let out = '';
    let segment = start + 1;
    let j = start + 1;
    for (;;) {
      if (j >= end) return this.unterminated(start, quote);
      const c = src.charCodeAt(j);
      if (c === quote) {
        if (
          j > start + 1 &&
          src.charCodeAt(j - 1) === 92 &&
          j + 1 < end &&
          src.charCodeAt(j + 1) !== 10
        ) {
          out += src.slice(segment, j - 1);
          segment = j;
          j++;
          continue;
        }
        break;
      }
      j++;
    }
    out += src.slice(segment, j);
    this.pos = j + 1;
    if (!this.options.binary) {
      let ascii = true;
      for (let i = 0; i < out.length; i++) if (out.charCodeAt(i) >= 0x80) ascii = false;
      if (!ascii) {
        let enc = '';
        for (let i = 0; i < out.length; i++) {
          const c = out.charCodeAt(i);
          if (c < 0x80) enc += out[i];
          else {
            enc += this.encodeAt(out, i);
            if (c >= 0xd800 && c <= 0xdbff) i++;
          }
        }
        out = enc;
      }
    }
    return out;
  }
}

function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}
