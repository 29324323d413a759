/**
 * The ClassAd parser: tokens to AST, built on chevrotain.
 *
 * Binary operators are read as one flat chain (`unary { op unary }`) and
 * arranged by precedence in an action, which keeps the rule nesting, and so
 * the JavaScript stack per level of parentheses, small. Nesting is bounded
 * (HTCondor's parser allows 500 levels), so hostile input gives an error, not
 * a stack overflow.
 */
import {
  EmbeddedActionsParser,
  EOF,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type * as A from './ast.js';
import {
  ClassAdSyntaxError,
  SyntaxErrorCode,
  type SyntaxDiagnostic,
  type SyntaxErrorCodeValue,
} from './diagnostics.js';
import { lex, type SyntaxOptions } from './lexer.js';
import { parseAbsTimeText, parseRelTimeText } from './timeText.js';
import * as T from './tokens.js';
import type { ClassAdToken } from './tokens.js';

/** HTCondor's parser recursion limit. */
export const MAX_PARSE_DEPTH = 500;

/** Options for the parse entry points. */
export interface ParseOptions extends SyntaxOptions {
  /**
   * Reject tokens after a complete expression (HTCondor's "full" parse,
   * used for job_queue.log values and `eval`). Default true. A top-level
   * ternary is the one exception, as in HTCondor: `1 ? 2 : 3 4` is `1 ? 2 : 3`.
   */
  full?: boolean;
}

/** What the recovering entry points return: a (possibly partial) tree and every error. */
export interface ParseResult<N> {
  value: N;
  errors: SyntaxDiagnostic[];
}

const binaryOps = new Map<TokenType, A.BinaryOp>([
  [T.OrOr, '||'],
  [T.AndAnd, '&&'],
  [T.BitOr, '|'],
  [T.BitXor, '^'],
  [T.BitAnd, '&'],
  [T.EqEq, '=='],
  [T.NotEq, '!='],
  [T.MetaEq, '=?='],
  [T.MetaNotEq, '=!='],
  [T.Less, '<'],
  [T.LessEq, '<='],
  [T.Greater, '>'],
  [T.GreaterEq, '>='],
  [T.ShiftLeft, '<<'],
  [T.ShiftRight, '>>'],
  [T.ShiftRightUnsigned, '>>>'],
  [T.Plus, '+'],
  [T.Minus, '-'],
  [T.Star, '*'],
  [T.Slash, '/'],
  [T.Percent, '%'],
]);

/** Binding strength of each binary operator (higher binds tighter); all are left-associative. */
export const binaryPrecedence: Record<A.BinaryOp, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '=?=': 6,
  '=!=': 6,
  '<': 7,
  '<=': 7,
  '>': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '>>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
};

const unaryOps = new Map<TokenType, A.UnaryOp>([
  [T.Minus, '-'],
  [T.Plus, '+'],
  [T.Bang, '!'],
  [T.Tilde, '~'],
]);

function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the input';
  const image = token.image.length > 20 ? token.image.slice(0, 20) + '…' : token.image;
  return `'${image}'`;
}

function labelOf(type: TokenType): string {
  return type.LABEL ?? type.name;
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${labelOf(expected)} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)} after a complete expression`;
  },
  buildNoViableAltMessage({ actual, customUserDescription }) {
    return `expected ${customUserDescription ?? 'an expression'} but found ${describeToken(actual[0]!)}`;
  },
  buildEarlyExitMessage({ actual, customUserDescription }) {
    return `expected ${customUserDescription ?? 'more input'} but found ${describeToken(actual[0]!)}`;
  },
};

class DepthExceeded extends Error {
  constructor(readonly offset: number) {
    super('too deeply nested');
  }
}

const NO_POS = -1;
function invalid(): A.Invalid {
  return { kind: 'Invalid', start: NO_POS, end: NO_POS };
}
function tokenEnd(t: IToken): number {
  return t.endOffset! + 1;
}

/** The chevrotain grammar. One instance is reused for every parse. */
export class ClassAdGrammar extends EmbeddedActionsParser {
  /** HTCondor's default semantics: `;` may separate function arguments. */
  oldSemantics = true;
  /** Errors found by actions (bad time literals, empty names, nesting). */
  actionErrors: SyntaxDiagnostic[] = [];
  private depth = 0;

  /**
   * `validate` runs chevrotain's grammar checks (ambiguities, left recursion)
   * during construction; the shared instances skip them to start faster, and
   * a test constructs one with them on.
   */
  constructor(recovery: boolean, validate = false) {
    super(T.allTokenTypes, {
      recoveryEnabled: recovery,
      maxLookahead: 2,
      errorMessageProvider: messages,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  /** Resets per-parse state and sets the token input. */
  begin(tokens: ClassAdToken[], oldSemantics: boolean, sourceLength: number): void {
    // An explicit end token: chevrotain's recovery reads one token past the
    // last without a bounds check.
    tokens.push({
      image: '',
      startOffset: sourceLength,
      endOffset: sourceLength - 1,
      tokenType: EOF,
      tokenTypeIdx: EOF.tokenTypeIdx!,
    });
    this.input = tokens;
    this.oldSemantics = oldSemantics;
    this.actionErrors = [];
    this.depth = 0;
  }

  /** The first token not consumed yet (EOF at the end). */
  nextToken(): IToken {
    return this.LA(1);
  }

  private enter(offset: number, levels = 1): void {
    this.depth += levels;
    if (this.depth > MAX_PARSE_DEPTH) throw new DepthExceeded(offset);
  }

  private fail(code: SyntaxErrorCodeValue, start: number, end: number, message: string): void {
    this.actionErrors.push({ code, message, start, end });
  }

  /**
   * Expression ::= Operand { BinaryOperator Operand } [ '?' Expression ':' Expression ]
   *
   * The operator chain is arranged by precedence in an action (see `arrange`).
   * Few rules per nesting level keep the stack small for deep input.
   */
  expression = this.RULE(
    'expression',
    (): A.Expr => {
      const first = this.LA(1);
      this.ACTION(() => this.enter(first.startOffset));
      try {
        const operands: A.Expr[] = [this.SUBRULE(this.operand, { ARGS: [true] })];
        const ops: A.BinaryOp[] = [];
        this.MANY(() => {
          const op = this.CONSUME(T.BinaryOperator);
          ops.push(binaryOps.get(op.tokenType)!);
          operands.push(this.SUBRULE2(this.operand, { ARGS: [true] }));
        });
        const cond = this.ACTION(() => arrange(operands, ops));
        let result: A.Expr = cond;
        this.OPTION(() => {
          this.CONSUME(T.Question);
          const then = this.SUBRULE(this.expression);
          this.CONSUME(T.Colon);
          const otherwise = this.SUBRULE2(this.expression);
          result = this.ACTION(() => ({
            kind: 'Ternary',
            cond,
            then,
            otherwise,
            start: cond.start,
            end: otherwise.end,
          }));
        });
        return result;
      } finally {
        this.depth--;
      }
    },
    { recoveryValueFunc: invalid },
  );

  /**
   * Operand ::= { '-' | '+' | '!' | '~' } Primary { '.' Name | '[' Expression ']' | '?:' Postfix }
   *
   * With `allowPrefix` false this is the Postfix form (no prefix operators),
   * the right operand of elvis: `a ?: -b` is a syntax error, as in HTCondor.
   */
  operand = this.RULE(
    'operand',
    (allowPrefix: boolean): A.Expr => {
      const prefix: IToken[] = [];
      this.MANY({
        GATE: () => allowPrefix,
        DEF: () => {
          prefix.push(this.CONSUME(T.UnaryOperator));
        },
      });
      this.ACTION(() => {
        if (prefix.length > 0) this.enter(prefix[0]!.startOffset, prefix.length);
      });
      try {
        let expr = this.primary();
        this.MANY2(() => {
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(T.Dot);
                // HTCondor also reads `a..b` as a selection.
                this.OPTION5(() => this.CONSUME3(T.Dot));
                const name = this.CONSUME(T.Identifier) as ClassAdToken;
                expr = this.ACTION(() => ({
                  kind: 'AttributeRef',
                  name: (name.payload as string | undefined) ?? '',
                  scope: expr,
                  start: expr.start,
                  end: tokenEnd(name),
                }));
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.LBracket);
                const index = this.SUBRULE(this.expression);
                const close = this.CONSUME(T.RBracket);
                expr = this.ACTION(() => ({
                  kind: 'Subscript',
                  target: expr,
                  index,
                  start: expr.start,
                  end: tokenEnd(close),
                }));
              },
            },
            {
              ALT: () => {
                const elvis = this.CONSUME(T.Elvis);
                this.ACTION(() => this.enter(elvis.startOffset));
                try {
                  const right = this.SUBRULE(this.operand, { ARGS: [false] });
                  expr = this.ACTION(() => ({
                    kind: 'Elvis',
                    left: expr,
                    right,
                    start: expr.start,
                    end: right.end,
                  }));
                } finally {
                  this.depth--;
                }
              },
            },
          ]);
        });
        return this.ACTION(() => {
          for (let i = prefix.length - 1; i >= 0; i--) {
            const t = prefix[i]!;
            expr = {
              kind: 'Unary',
              op: unaryOps.get(t.tokenType)!,
              operand: expr,
              start: t.startOffset,
              end: expr.end,
            };
          }
          return expr;
        });
      } finally {
        this.depth -= prefix.length;
      }
    },
    { recoveryValueFunc: invalid },
  );

  /**
   * Primary ::= literal | Name [ '(' Args ')' ] | '.' Name | '(' Expression ')' | Record | List
   *
   * Inlined into `operand` (a plain method, not a rule) to save stack per nesting level.
   */
  private primaryAlternatives: IOrAlt<A.Expr>[] | undefined;

  private primary(): A.Expr {
    // The alternatives are built once: they use nothing but `this`.
    return this.OR({
      DEF: (this.primaryAlternatives ??= [
        { ALT: () => this.literal(this.CONSUME(T.IntegerLiteral), 'Integer') },
        { ALT: () => this.literal(this.CONSUME(T.RealLiteral), 'Real') },
        { ALT: () => this.literal(this.CONSUME(T.StringLiteral), 'String') },
        { ALT: () => this.keyword(this.CONSUME(T.True)) },
        { ALT: () => this.keyword(this.CONSUME(T.False)) },
        { ALT: () => this.keyword(this.CONSUME(T.Undefined)) },
        { ALT: () => this.keyword(this.CONSUME(T.ErrorKeyword)) },
        { ALT: () => this.SUBRULE(this.nameOrCall) },
        {
          ALT: () => {
            const dot = this.CONSUME2(T.Dot);
            const name = this.CONSUME2(T.Identifier) as ClassAdToken;
            return this.ACTION((): A.Expr => ({
              kind: 'AttributeRef',
              name: (name.payload as string | undefined) ?? '',
              absolute: true,
              start: dot.startOffset,
              end: tokenEnd(name),
            }));
          },
        },
        {
          ALT: () => {
            const open = this.CONSUME(T.LParen);
            const inner = this.SUBRULE3(this.expression);
            const close = this.CONSUME(T.RParen);
            return this.ACTION((): A.Expr => ({
              kind: 'Paren',
              inner,
              start: open.startOffset,
              end: tokenEnd(close),
            }));
          },
        },
        { ALT: () => this.SUBRULE(this.record) },
        { ALT: () => this.SUBRULE(this.list) },
      ]),
      ERR_MSG: 'an expression',
    });
  }

  /** Name [ '(' [ Expression { ',' Expression } ] ')' ], with time literals folded. */
  nameOrCall = this.RULE(
    'nameOrCall',
    (): A.Expr => {
      const name = this.CONSUME(T.Identifier) as ClassAdToken;
      let args: A.Expr[] | undefined;
      let close: IToken | undefined;
      this.OPTION(() => {
        this.CONSUME(T.LParen);
        args = [];
        this.OPTION2(() => {
          args!.push(this.SUBRULE(this.expression));
          this.MANY(() => {
            this.OR([
              { ALT: () => this.CONSUME(T.Comma) },
              { GATE: () => this.oldSemantics, ALT: () => this.CONSUME(T.Semicolon) },
            ]);
            args!.push(this.SUBRULE2(this.expression));
          });
        });
        close = this.CONSUME(T.RParen);
      });
      return this.ACTION((): A.Expr => {
        const text = (name.payload as string | undefined) ?? '';
        const start = name.startOffset;
        if (!args) return { kind: 'AttributeRef', name: text, start, end: tokenEnd(name) };
        const end = tokenEnd(close!);
        if (args.length === 1 && args[0]!.kind === 'String') {
          const lower = text.toLowerCase();
          if (lower === 'abstime') {
            const t = parseAbsTimeText(args[0].value);
            if (t) return { kind: 'AbsTime', secs: t.secs, offset: t.offset, start, end };
            this.fail(
              SyntaxErrorCode.BadAbsTime,
              args[0].start,
              args[0].end,
              'not a valid absolute time (expected a date like "2024-01-31T12:00:00Z")',
            );
          } else if (lower === 'reltime') {
            const seconds = parseRelTimeText(args[0].value);
            if (seconds !== undefined) return { kind: 'RelTime', seconds, start, end };
            this.fail(
              SyntaxErrorCode.BadRelTime,
              args[0].start,
              args[0].end,
              'not a valid relative time (expected a duration like "1+02:03:04" or "1d2h3m4s")',
            );
          }
        }
        return { kind: 'Call', name: text, args, start, end };
      });
    },
    { recoveryValueFunc: invalid },
  );

  /**
   * Record ::= '[' { ';' | Attr } ']', where attributes must be separated by
   * at least one ';' (`[;;a=1;;b=2;;]` is fine, `[a=1 b=2]` is not), and
   * Attr ::= Name '=' Expression. Attributes are read inline, not as a
   * separate rule, to save stack per nesting level.
   */
  record = this.RULE(
    'record',
    (): A.Expr => {
      const open = this.CONSUME(T.LBracket);
      const attrs: A.RecordAttr[] = [];
      let separated = true;
      let firstSemicolon: IToken | undefined;
      this.MANY(() => {
        this.OR([
          {
            ALT: () => {
              const semicolon = this.CONSUME(T.Semicolon);
              firstSemicolon ??= semicolon;
              separated = true;
            },
          },
          {
            ALT: () => {
              const name = this.CONSUME(T.Identifier) as ClassAdToken;
              this.CONSUME(T.Assign);
              const value = this.SUBRULE(this.expression);
              this.ACTION(() => {
                const text = (name.payload as string | undefined) ?? '';
                if (!separated)
                  this.fail(
                    SyntaxErrorCode.UnexpectedToken,
                    name.startOffset,
                    tokenEnd(name),
                    `expected ';' or ']' but found ${describeToken(name)}`,
                  );
                if (text === '' && !name.isInsertedInRecovery)
                  this.fail(
                    SyntaxErrorCode.EmptyName,
                    name.startOffset,
                    tokenEnd(name),
                    'an attribute name cannot be empty',
                  );
                separated = false;
                attrs.push({
                  name: text,
                  value,
                  nameStart: name.startOffset,
                  nameEnd: tokenEnd(name),
                });
              });
            },
          },
        ]);
      });
      const close = this.CONSUME(T.RBracket);
      this.ACTION(() => {
        // `[]` is an empty ad, but `[;;;]` is an error in HTCondor: separators need an attribute.
        if (attrs.length === 0 && firstSemicolon)
          this.fail(
            SyntaxErrorCode.UnexpectedToken,
            firstSemicolon.startOffset,
            tokenEnd(firstSemicolon),
            "expected an attribute or ']' but found ';'",
          );
      });
      return this.ACTION((): A.Expr => ({
        kind: 'Record',
        attrs,
        start: open.startOffset,
        end: tokenEnd(close),
      }));
    },
    { recoveryValueFunc: invalid },
  );

  /** List ::= '{' [ Expression { ',' Expression } ] '}' */
  list = this.RULE(
    'list',
    (): A.Expr => {
      const open = this.CONSUME(T.LBrace);
      const items: A.Expr[] = [];
      this.OPTION(() => {
        items.push(this.SUBRULE(this.expression));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          items.push(this.SUBRULE2(this.expression));
        });
      });
      const close = this.CONSUME(T.RBrace);
      return this.ACTION((): A.Expr => ({
        kind: 'List',
        items,
        start: open.startOffset,
        end: tokenEnd(close),
      }));
    },
    { recoveryValueFunc: invalid },
  );

  private literal(token: IToken, kind: 'Integer' | 'Real' | 'String'): A.Expr {
    return this.ACTION(
      () =>
        ({
          kind,
          value: (token as ClassAdToken).payload,
          start: token.startOffset,
          end: tokenEnd(token),
        }) as A.Expr,
    );
  }

  private keyword(token: IToken): A.Expr {
    return this.ACTION((): A.Expr => {
      const start = token.startOffset;
      const end = tokenEnd(token);
      switch (token.tokenType) {
        case T.True:
          return { kind: 'Boolean', value: true, start, end };
        case T.False:
          return { kind: 'Boolean', value: false, start, end };
        case T.Undefined:
          return { kind: 'Undefined', start, end };
        default:
          return { kind: 'Error', start, end };
      }
    });
  }
}

/** Builds the tree of a flat operand/operator chain by precedence (left-associative). */
function arrange(operands: A.Expr[], ops: A.BinaryOp[]): A.Expr {
  if (ops.length === 0) return operands[0]!;
  const out: A.Expr[] = [operands[0]!];
  const pending: A.BinaryOp[] = [];
  const reduce = () => {
    const right = out.pop()!;
    const left = out.pop()!;
    out.push({
      kind: 'Binary',
      op: pending.pop()!,
      left,
      right,
      start: left.start,
      end: right.end,
    });
  };
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const p = binaryPrecedence[op];
    while (pending.length > 0 && binaryPrecedence[pending[pending.length - 1]!] >= p) reduce();
    pending.push(op);
    out.push(operands[i + 1]!);
  }
  while (pending.length > 0) reduce();
  return out[0]!;
}

let fastParser: ClassAdGrammar | undefined;
let recoveringParser: ClassAdGrammar | undefined;

/** The shared grammar instance (created on first use; `recovery` selects the error-recovering one). */
export function grammarInstance(recovery: boolean): ClassAdGrammar {
  if (recovery) return (recoveringParser ??= new ClassAdGrammar(true));
  return (fastParser ??= new ClassAdGrammar(false));
}

/** The parse entry points' rules. */
export type EntryRule = 'expression' | 'record';

/**
 * Parses where the stack is deep enough for nesting this thread's stack
 * cannot hold; undefined when it cannot either. Node's CLI installs one that
 * runs the parse in a worker thread with a large stack.
 */
export type DeepParser = (
  source: string,
  options: ParseOptions,
  rule: EntryRule,
  recovery: boolean,
) => ParseResult<A.Expr> | undefined;

let deepParser: DeepParser | undefined;

/** Installs (or removes) the parser used for input nested beyond this thread's stack. */
export function setDeepParser(parser: DeepParser | undefined): void {
  deepParser = parser;
}

/** Runs one parse entry point here, as the deep parser's other side does. */
export function runParse(
  source: string,
  options: ParseOptions,
  rule: EntryRule,
  recovery: boolean,
): ParseResult<A.Expr> {
  return run(source, options, rule, recovery);
}

function depthError(offset: number): SyntaxDiagnostic {
  return {
    code: SyntaxErrorCode.TooDeep,
    message: `expression nested more than ${MAX_PARSE_DEPTH} levels deep`,
    start: offset,
    end: offset + 1,
  };
}

/**
 * The offset of the first bracket nested deeper than the parser allows, or -1.
 * Checked before parsing, so absurd nesting fails fast and predictably.
 */
function bracketDepthExceeded(tokens: ClassAdToken[]): number {
  let depth = 1;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.LParen || type === T.LBracket || type === T.LBrace) {
      if (++depth > MAX_PARSE_DEPTH) return t.startOffset;
    } else if (type === T.RParen || type === T.RBracket || type === T.RBrace) depth--;
  }
  return -1;
}

function run(
  source: string,
  options: ParseOptions,
  rule: EntryRule,
  recovery: boolean,
): ParseResult<A.Expr> {
  const lexed = lex(source, options);
  const full = options.full ?? true;
  // Lexical errors are judged after parsing: one after the end of a non-full
  // parse does not matter (HTCondor lexes on demand). The lexer emits a
  // stand-in token for each bad literal, so the parser does not add noise.
  const errors: SyntaxDiagnostic[] = [];
  const tooDeep = bracketDepthExceeded(lexed.tokens);
  if (tooDeep >= 0) {
    errors.push(depthError(tooDeep));
    return { value: invalid(), errors: [...lexed.errors, ...errors] };
  }
  const parser = grammarInstance(recovery);
  parser.begin(lexed.tokens, !options.strict, options.end ?? source.length);
  let value: A.Expr;
  try {
    value = rule === 'expression' ? parser.expression() : parser.record();
  } catch (e) {
    if (e instanceof DepthExceeded) {
      errors.push(depthError(e.offset));
      return { value: invalid(), errors: [...lexed.errors, ...errors] };
    }
    if (e instanceof RangeError) {
      // Legal nesting (under 500 levels) that this thread's stack cannot hold:
      // a host may parse it where the stack is bigger (the CLI uses a worker).
      if (deepParser) {
        const retried = deepParser(source, options, rule, recovery);
        if (retried) return retried;
      }
      errors.push({
        code: SyntaxErrorCode.TooDeep,
        message: 'expression nested too deeply for the parser',
        start: options.start ?? 0,
        end: (options.start ?? 0) + 1,
      });
      return { value: invalid(), errors: [...lexed.errors, ...errors] };
    }
    throw e;
  }
  // Trailing input is judged here (the ternary exception, non-full parses), not by chevrotain.
  const recognition = parser.errors.filter((e) => e.name !== 'NotAllInputParsedException');
  for (const e of recognition) {
    const d = fromRecognition(e, options.end ?? source.length);
    // A character the lexer already reported and skipped leaves a gap the
    // parser trips on right there: one error is enough.
    if (!lexed.errors.some((l) => d.start >= l.start && d.start <= l.end)) errors.push(d);
  }
  errors.push(...parser.actionErrors);
  if (value === undefined) value = invalid();
  const next = parser.nextToken();
  const trailingIgnored = !full || (rule === 'expression' && value.kind === 'Ternary');
  const consumedEnd = value.end >= 0 ? value.end : Infinity;
  for (const e of lexed.errors) if (!trailingIgnored || e.start < consumedEnd) errors.push(e);
  if (next.tokenType !== EOF && recognition.length === 0 && !trailingIgnored) {
    errors.push({
      code: SyntaxErrorCode.TrailingInput,
      message: `unexpected ${describeToken(next)} after a complete expression`,
      start: next.startOffset,
      end: tokenEnd(next),
    });
  }
  errors.sort((a, b) => a.start - b.start);
  return { value, errors };
}

function fromRecognition(e: IRecognitionException, sourceEnd: number): SyntaxDiagnostic {
  const t = e.token;
  const atEnd = t.tokenType === EOF || Number.isNaN(t.startOffset);
  const start = atEnd ? sourceEnd : t.startOffset;
  return {
    code: atEnd ? SyntaxErrorCode.UnexpectedEnd : SyntaxErrorCode.UnexpectedToken,
    message: e.message,
    start,
    end: atEnd ? sourceEnd : tokenEnd(t),
  };
}

/**
 * Parses one expression and returns it with every syntax error; never throws.
 * With errors, the tree is partial (`Invalid` nodes where nothing could be read).
 */
export function parseExpressionWithErrors(
  source: string,
  options: ParseOptions = {},
): ParseResult<A.Expr> {
  return run(source, options, 'expression', true);
}

/** Parses one expression; throws ClassAdSyntaxError on the first syntax error. */
export function parseExpression(source: string, options: ParseOptions = {}): A.Expr {
  const result = run(source, options, 'expression', false);
  if (result.errors.length > 0) throw new ClassAdSyntaxError(source, result.errors);
  return result.value;
}

/**
 * Parses one expression, returning undefined instead of throwing when it does
 * not parse (the fast path for bulk input).
 */
export function tryParseExpression(source: string, options: ParseOptions = {}): A.Expr | undefined {
  const result = run(source, options, 'expression', false);
  return result.errors.length > 0 ? undefined : result.value;
}

/** Parses a new-syntax ClassAd `[ ... ]`, returning it with every syntax error. */
export function parseRecordWithErrors(
  source: string,
  options: ParseOptions = {},
): ParseResult<A.RecordExpr | A.Invalid> {
  const result = run(source, options, 'record', true);
  return result as ParseResult<A.RecordExpr | A.Invalid>;
}
