/**
 * The ClassAd abstract syntax tree.
 *
 * Every node carries `start` and `end`: code-unit offsets into the source it
 * was parsed from (end exclusive). Nodes built by code rather than parsed use
 * -1 for both. Strings and names are byte strings (see bytes.ts).
 */

/** Binary operators, spelled canonically (`is` is `=?=`, `isnt` is `=!=`). */
export type BinaryOp =
  | '||'
  | '&&'
  | '|'
  | '^'
  | '&'
  | '=='
  | '!='
  | '=?='
  | '=!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '<<'
  | '>>'
  | '>>>'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

/** Prefix operators. */
export type UnaryOp = '-' | '+' | '!' | '~';

interface Base {
  start: number;
  end: number;
}

/** An integer literal: a signed 64-bit value. */
export interface IntegerLiteral extends Base {
  kind: 'Integer';
  value: bigint;
}
/** A real literal (IEEE double). */
export interface RealLiteral extends Base {
  kind: 'Real';
  value: number;
}
/** A string literal; `value` holds its bytes. */
export interface StringLiteral extends Base {
  kind: 'String';
  value: string;
}
/** `true` or `false`. */
export interface BooleanLiteral extends Base {
  kind: 'Boolean';
  value: boolean;
}
/** The `undefined` literal. */
export interface UndefinedLiteral extends Base {
  kind: 'Undefined';
}
/** The `error` literal. */
export interface ErrorLiteral extends Base {
  kind: 'Error';
}
/** `absTime("...")` folded at parse time: seconds since the epoch and the zone offset. */
export interface AbsTimeLiteral extends Base {
  kind: 'AbsTime';
  secs: number;
  offset: number;
}
/** `relTime("...")` folded at parse time: seconds (fractions allowed). */
export interface RelTimeLiteral extends Base {
  kind: 'RelTime';
  seconds: number;
}
/**
 * An attribute reference: `name`, `.name` (absolute: looked up from the root)
 * or `scope.name` (selection).
 */
export interface AttributeRef extends Base {
  kind: 'AttributeRef';
  name: string;
  scope?: Expr;
  absolute?: boolean;
}
/** A prefix operator applied to an operand. */
export interface Unary extends Base {
  kind: 'Unary';
  op: UnaryOp;
  operand: Expr;
}
/** A binary operator. */
export interface Binary extends Base {
  kind: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}
/** `cond ? then : otherwise`. */
export interface Ternary extends Base {
  kind: 'Ternary';
  cond: Expr;
  then: Expr;
  otherwise: Expr;
}
/** `left ?: right`: left unless it is undefined. */
export interface Elvis extends Base {
  kind: 'Elvis';
  left: Expr;
  right: Expr;
}
/** Parentheses, kept as written so printing reproduces them. */
export interface Paren extends Base {
  kind: 'Paren';
  inner: Expr;
}
/** `target[index]`. */
export interface Subscript extends Base {
  kind: 'Subscript';
  target: Expr;
  index: Expr;
}
/** A function call; `name` as written. */
export interface Call extends Base {
  kind: 'Call';
  name: string;
  args: Expr[];
}
/** A list `{ a, b }`. */
export interface ListExpr extends Base {
  kind: 'List';
  items: Expr[];
}
/** One `name = value` binding of a record, with the name's own range. */
export interface RecordAttr {
  name: string;
  value: Expr;
  nameStart: number;
  nameEnd: number;
}
/**
 * A record (nested ClassAd) `[ a = 1; b = 2 ]`. `attrs` is in source order,
 * duplicates included; the ClassAd it denotes keeps the last value under the
 * first spelling (see recordEntries in printer.ts).
 */
export interface RecordExpr extends Base {
  kind: 'Record';
  attrs: RecordAttr[];
}
/** Where the parser recovered from a syntax error: no expression could be read. */
export interface Invalid extends Base {
  kind: 'Invalid';
}

/** Any ClassAd expression. */
export type Expr =
  | IntegerLiteral
  | RealLiteral
  | StringLiteral
  | BooleanLiteral
  | UndefinedLiteral
  | ErrorLiteral
  | AbsTimeLiteral
  | RelTimeLiteral
  | AttributeRef
  | Unary
  | Binary
  | Ternary
  | Elvis
  | Paren
  | Subscript
  | Call
  | ListExpr
  | RecordExpr
  | Invalid;

/** The `kind` of every node type. */
export type ExprKind = Expr['kind'];
