import { describe, expect, it } from 'vitest';
import { SyntaxErrorCode } from '../../src/language/diagnostics.js';
import { lex, type SyntaxOptions } from '../../src/language/lexer.js';

/** Token names and payloads, for compact expectations. */
function tokens(source: string, options: SyntaxOptions = {}): string[] {
  const result = lex(source, options);
  expect(result.errors).toEqual([]);
  return result.tokens.map((t) =>
    t.payload === undefined ? t.tokenType.name : `${t.tokenType.name}(${String(t.payload)})`,
  );
}

function errorCodes(source: string, options: SyntaxOptions = {}): number[] {
  return lex(source, options).errors.map((e) => e.code);
}

describe('lex: numbers', () => {
  it('reads decimal, octal-looking and hex-looking integers in base 10', () => {
    expect(tokens('17', { strict: true })).toEqual(['IntegerLiteral(17)']);
    expect(tokens('017', { strict: true })).toEqual(['IntegerLiteral(17)']);
    expect(tokens('0x10', { strict: true })).toEqual(['IntegerLiteral(0)']);
    expect(tokens('00', { strict: true })).toEqual(['IntegerLiteral(0)']);
  });
  it('rejects a leading 0 on multi-digit integers in HTCondor mode only', () => {
    expect(errorCodes('010')).toEqual([SyntaxErrorCode.LeadingZero]);
    expect(errorCodes('0x1F')).toEqual([SyntaxErrorCode.LeadingZero]);
    expect(errorCodes('010', { strict: true })).toEqual([]);
    expect(tokens('0')).toEqual(['IntegerLiteral(0)']);
    expect(tokens('-010')).toEqual(['IntegerLiteral(-10)']);
  });
  it('rejects 08, 5., 1.e5, 1e and 0X without digits', () => {
    for (const bad of ['08', '5.', '1.e5', '1e', '1e+', '3.a', '0X'])
      expect(errorCodes(bad, { strict: true }), bad).toEqual([SyntaxErrorCode.MalformedNumber]);
  });
  it('turns out-of-range integers into 0 and keeps INT64_MIN', () => {
    expect(tokens('99999999999999999999')).toEqual(['IntegerLiteral(0)']);
    expect(tokens('-9223372036854775808')).toEqual(['IntegerLiteral(-9223372036854775808)']);
    expect(tokens('9223372036854775808')).toEqual(['IntegerLiteral(0)']);
  });
  it('reads reals, with overflow to infinity', () => {
    expect(tokens('1.5 .5 1e5 1E+5 09.5 0e0')).toEqual([
      'RealLiteral(1.5)',
      'RealLiteral(0.5)',
      'RealLiteral(100000)',
      'RealLiteral(100000)',
      'RealLiteral(9.5)',
      'RealLiteral(0)',
    ]);
    expect(tokens('1e400')).toEqual(['RealLiteral(Infinity)']);
  });
});

describe('lex: the negative-literal rule', () => {
  it('makes - part of a number only after a token that cannot end an operand', () => {
    expect(tokens('-3')).toEqual(['IntegerLiteral(-3)']);
    expect(tokens('- 3')).toEqual(['Minus', 'IntegerLiteral(3)']);
    expect(tokens('2-1')).toEqual(['IntegerLiteral(2)', 'Minus', 'IntegerLiteral(1)']);
    expect(tokens('x -1')).toEqual(['Identifier(x)', 'Minus', 'IntegerLiteral(1)']);
    expect(tokens('2--1')).toEqual(['IntegerLiteral(2)', 'Minus', 'IntegerLiteral(-1)']);
    expect(tokens('1*-1')).toEqual(['IntegerLiteral(1)', 'Star', 'IntegerLiteral(-1)']);
    expect(tokens('x[-1]')).toEqual([
      'Identifier(x)',
      'LBracket',
      'IntegerLiteral(-1)',
      'RBracket',
    ]);
    expect(tokens(')-.5')).toEqual(['RParen', 'Minus', 'RealLiteral(0.5)']);
    expect(tokens('a ?: -1')).toEqual(['Identifier(a)', 'Elvis', 'IntegerLiteral(-1)']);
  });
});

describe('lex: strings in new syntax', () => {
  it('processes escapes', () => {
    expect(tokens(String.raw`"a\"b\\c\tq\x41"`)).toEqual(['StringLiteral(a"b\\c\tqx41)']);
    expect(tokens(String.raw`"\101\044\44\1"`)).toEqual(['StringLiteral(A$$\x01)']);
    expect(tokens(String.raw`"\777"`)).toEqual(['StringLiteral(?7)']);
    expect(tokens(String.raw`"\400"`)).toEqual(['StringLiteral( 0)']);
  });
  it('joins adjacent literals separated only by whitespace, on the raw text', () => {
    expect(tokens('"abc" "def"')).toEqual(['StringLiteral(abcdef)']);
    expect(tokens('"\\1" \n "23"')).toEqual(['StringLiteral(S)']);
    expect(tokens('"a" /**/ "b"')).toEqual(['StringLiteral(a)', 'StringLiteral(b)']);
  });
  it('rejects NUL bytes and unterminated strings', () => {
    expect(errorCodes(String.raw`"\0"`)).toEqual([SyntaxErrorCode.NulInString]);
    expect(errorCodes(String.raw`"\000"`)).toEqual([SyntaxErrorCode.NulInString]);
    expect(errorCodes('"abc')).toEqual([SyntaxErrorCode.UnterminatedString]);
  });
  it('stores UTF-8 bytes for Unicode text and raw bytes for binary input', () => {
    expect(tokens('"é"')).toEqual(['StringLiteral(\xc3\xa9)']);
    expect(tokens('"\xc3\xa9"', { binary: true })).toEqual(['StringLiteral(\xc3\xa9)']);
  });
  it('lexes quoted names as identifiers', () => {
    expect(tokens("'a b', 'true'")).toEqual(['Identifier(a b)', 'Comma', 'Identifier(true)']);
    expect(tokens("'a' 'b'")).toEqual(['Identifier(ab)']);
  });
});

describe('lex: strings in old syntax', () => {
  const old = { oldSyntax: true };
  it('keeps backslashes, with \\" a quote only when more text follows on the line', () => {
    expect(tokens(String.raw`"ab\"cd\ef"`, old)).toEqual(['StringLiteral(ab"cd\\ef)']);
    expect(tokens(String.raw`"C:\condor\spool"`, old)).toEqual([
      'StringLiteral(C:\\condor\\spool)',
    ]);
    expect(tokens(String.raw`"C:\path\"`, old)).toEqual(['StringLiteral(C:\\path\\)']);
    expect(tokens(String.raw`"a\\b"`, old)).toEqual(['StringLiteral(a\\\\b)']);
    expect(tokens('"x\\"\nb', old)).toEqual(['StringLiteral(x\\)', 'Identifier(b)']);
  });
  it('does not join adjacent strings', () => {
    expect(tokens('"a" "b"', old)).toEqual(['StringLiteral(a)', 'StringLiteral(b)']);
  });
  it('fails when \\" makes the string run to the end', () => {
    expect(errorCodes(String.raw`"C:\path\" && x`, old)).toEqual([
      SyntaxErrorCode.UnterminatedString,
    ]);
  });
});

describe('lex: keywords, operators, comments', () => {
  it('matches keywords case-insensitively', () => {
    expect(tokens('TRUE False UNDEFINED Error IS isNT True_x error2')).toEqual([
      'True',
      'False',
      'Undefined',
      'Error',
      'MetaEq',
      'MetaNotEq',
      'Identifier(True_x)',
      'Identifier(error2)',
    ]);
  });
  it('lexes the longest operator, with ClassAd quirks', () => {
    expect(tokens('&&& <<< >>> =?= =!= != ==')).toEqual([
      'AndAnd',
      'BitAnd',
      'ShiftLeft',
      'Less',
      'ShiftRightUnsigned',
      'MetaEq',
      'MetaNotEq',
      'NotEq',
      'EqEq',
    ]);
    expect(tokens('[a=!b]')).toEqual([
      'LBracket',
      'Identifier(a)',
      'Assign',
      'Bang',
      'Identifier(b)',
      'RBracket',
    ]);
    expect(tokens('a ? : b')).toEqual(['Identifier(a)', 'Elvis', 'Identifier(b)']);
    expect(errorCodes('a =? b')).toEqual([SyntaxErrorCode.IncompleteOperator]);
  });
  it('skips comments; # is not a comment', () => {
    expect(tokens('1 // x\n+ /* y */ 2')).toEqual([
      'IntegerLiteral(1)',
      'Plus',
      'IntegerLiteral(2)',
    ]);
    expect(errorCodes('1 /* open')).toEqual([SyntaxErrorCode.UnterminatedComment]);
    expect(errorCodes('# x')).toEqual([SyntaxErrorCode.UnexpectedCharacter]);
  });
  it('reports each bad character and keeps going', () => {
    const result = lex('a @ b $ c');
    expect(result.errors.map((e) => [e.code, e.start, e.end])).toEqual([
      [SyntaxErrorCode.UnexpectedCharacter, 2, 3],
      [SyntaxErrorCode.UnexpectedCharacter, 6, 7],
    ]);
    expect(result.tokens.map((t) => t.image)).toEqual(['a', 'b', 'c']);
  });
  it('records offsets (chevrotain end offsets are inclusive)', () => {
    const [t] = lex('  abc').tokens;
    expect([t!.startOffset, t!.endOffset]).toEqual([2, 4]);
  });
  it('lexes only the requested range', () => {
    expect(lex('xx 1 + 2 yy', { start: 3, end: 8 }).tokens.map((t) => t.image)).toEqual([
      '1',
      '+',
      '2',
    ]);
  });
});
