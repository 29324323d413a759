/**
 * Token types of the ClassAd language.
 *
 * The lexer (lexer.ts) is hand-written, because ClassAd lexing depends on
 * context (negative literals, old-syntax strings, adjacent-string joining);
 * these chevrotain token types are what it emits and what the parser matches.
 * Each carries a `label` in plain words, used in syntax error messages.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

function token(name: string, label: string, categories?: TokenType[]): TokenType {
  // The hand-written lexer never matches `pattern`.
  return categories
    ? createToken({ name, label, pattern: Lexer.NA, categories })
    : createToken({ name, label, pattern: Lexer.NA });
}

/** Category of every binary operator token, so the parser can match "any binary operator". */
export const BinaryOperator = createToken({
  name: 'BinaryOperator',
  label: 'an operator',
  pattern: Lexer.NA,
});
/** Category of the prefix operators `- + ! ~`. */
export const UnaryOperator = createToken({
  name: 'UnaryOperator',
  label: 'a unary operator',
  pattern: Lexer.NA,
});

/** An integer literal. Its value (a bigint) is in the token's `payload`. */
export const IntegerLiteral = token('IntegerLiteral', 'a number');
/** A real literal. Its value (a number) is in the token's `payload`. */
export const RealLiteral = token('RealLiteral', 'a number');
/** A string literal. Its decoded bytes are in the token's `payload`. */
export const StringLiteral = token('StringLiteral', 'a string');
/** An attribute or function name, bare or in single quotes. The name is in the `payload`. */
export const Identifier = token('Identifier', 'a name');
/** `true` (any case). */
export const True = token('True', "'true'");
/** `false` (any case). */
export const False = token('False', "'false'");
/** `undefined` (any case). */
export const Undefined = token('Undefined', "'undefined'");
/** `error` (any case). */
export const ErrorKeyword = token('Error', "'error'");

/** `||` */
export const OrOr = token('OrOr', "'||'", [BinaryOperator]);
/** `&&` */
export const AndAnd = token('AndAnd', "'&&'", [BinaryOperator]);
/** `|` */
export const BitOr = token('BitOr', "'|'", [BinaryOperator]);
/** `^` */
export const BitXor = token('BitXor', "'^'", [BinaryOperator]);
/** `&` */
export const BitAnd = token('BitAnd', "'&'", [BinaryOperator]);
/** `==` */
export const EqEq = token('EqEq', "'=='", [BinaryOperator]);
/** `!=` */
export const NotEq = token('NotEq', "'!='", [BinaryOperator]);
/** `=?=` and the keyword `is` */
export const MetaEq = token('MetaEq', "'=?='", [BinaryOperator]);
/** `=!=` and the keyword `isnt` */
export const MetaNotEq = token('MetaNotEq', "'=!='", [BinaryOperator]);
/** `<` */
export const Less = token('Less', "'<'", [BinaryOperator]);
/** `<=` */
export const LessEq = token('LessEq', "'<='", [BinaryOperator]);
/** `>` */
export const Greater = token('Greater', "'>'", [BinaryOperator]);
/** `>=` */
export const GreaterEq = token('GreaterEq', "'>='", [BinaryOperator]);
/** `<<` */
export const ShiftLeft = token('ShiftLeft', "'<<'", [BinaryOperator]);
/** `>>` */
export const ShiftRight = token('ShiftRight', "'>>'", [BinaryOperator]);
/** `>>>` */
export const ShiftRightUnsigned = token('ShiftRightUnsigned', "'>>>'", [BinaryOperator]);
/** `+` (binary or unary) */
export const Plus = token('Plus', "'+'", [BinaryOperator, UnaryOperator]);
/** `-` (binary or unary) */
export const Minus = token('Minus', "'-'", [BinaryOperator, UnaryOperator]);
/** `*` */
export const Star = token('Star', "'*'", [BinaryOperator]);
/** `/` */
export const Slash = token('Slash', "'/'", [BinaryOperator]);
/** `%` */
export const Percent = token('Percent', "'%'", [BinaryOperator]);
/** `!` */
export const Bang = token('Bang', "'!'", [UnaryOperator]);
/** `~` */
export const Tilde = token('Tilde', "'~'", [UnaryOperator]);

/** `?` of the ternary operator */
export const Question = token('Question', "'?'");
/** `:` of the ternary operator */
export const Colon = token('Colon', "':'");
/** `?:` (elvis), also written with spaces between `?` and `:` */
export const Elvis = token('Elvis', "'?:'");
/** `=` binding a name in a record */
export const Assign = token('Assign', "'='");
/** `;` */
export const Semicolon = token('Semicolon', "';'");
/** `,` */
export const Comma = token('Comma', "','");
/** `.` */
export const Dot = token('Dot', "'.'");
/** `[` */
export const LBracket = token('LBracket', "'['");
/** `]` */
export const RBracket = token('RBracket', "']'");
/** `(` */
export const LParen = token('LParen', "'('");
/** `)` */
export const RParen = token('RParen', "')'");
/** `{` */
export const LBrace = token('LBrace', "'{'");
/** `}` */
export const RBrace = token('RBrace', "'}'");

/** Every token type, categories first, as chevrotain's parser wants them. */
export const allTokenTypes: TokenType[] = [
  BinaryOperator,
  UnaryOperator,
  IntegerLiteral,
  RealLiteral,
  StringLiteral,
  Identifier,
  True,
  False,
  Undefined,
  ErrorKeyword,
  OrOr,
  AndAnd,
  BitOr,
  BitXor,
  BitAnd,
  EqEq,
  NotEq,
  MetaEq,
  MetaNotEq,
  Less,
  LessEq,
  Greater,
  GreaterEq,
  ShiftLeft,
  ShiftRight,
  ShiftRightUnsigned,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Bang,
  Tilde,
  Question,
  Colon,
  Elvis,
  Assign,
  Semicolon,
  Comma,
  Dot,
  LBracket,
  RBracket,
  LParen,
  RParen,
  LBrace,
  RBrace,
];

/** A lexed token: chevrotain's IToken plus the literal's decoded value. */
export interface ClassAdToken extends IToken {
  /** bigint for integers, number for reals, byte string for strings and names. */
  payload?: unknown;
}
