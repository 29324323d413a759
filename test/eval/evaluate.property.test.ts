// Property: evaluating any expression — every operator, literal type and
// builtin, in any nesting — returns a value in both modes; it never throws
// and never runs away (the depth and step budgets bound it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOp, Expr, UnaryOp } from '../../src/language/ast.js';
import { parseExpression } from '../../src/language/parser.js';
import { printExpr } from '../../src/language/printer.js';
import { evaluateIn } from '../../src/eval/evaluate.js';
import { builtinNames } from '../../src/eval/functions/registry.js';
import { adFromRecord } from '../../src/eval/scope.js';

const P = { start: -1, end: -1 };
const binaryOps: BinaryOp[] = [
  '||',
  '&&',
  '|',
  '^',
  '&',
  '==',
  '!=',
  '=?=',
  '=!=',
  '<',
  '<=',
  '>',
  '>=',
  '<<',
  '>>',
  '>>>',
  '+',
  '-',
  '*',
  '/',
  '%',
];
const unaryOps: UnaryOp[] = ['-', '+', '!', '~'];
const names = [
  'a',
  'b',
  'l',
  'n',
  's',
  'r',
  'self',
  'parent',
  'my',
  'target',
  'x',
  'Memory',
  'CurrentTime',
];

const literal: fc.Arbitrary<Expr> = fc.oneof(
  fc
    .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
    .map((value) => ({ kind: 'Integer' as const, value, ...P })),
  fc
    .integer({ min: -5, max: 70 })
    .map((v) => ({ kind: 'Integer' as const, value: BigInt(v), ...P })),
  fc.double().map((value) => ({ kind: 'Real' as const, value, ...P })),
  fc.string({ maxLength: 8 }).map((value) => ({ kind: 'String' as const, value, ...P })),
  fc
    .constantFrom('.*', '(a+)+$', 'a|b', '[', '\\d+', 'i', 'x y', '1:30', '2024-01-01')
    .map((value) => ({ kind: 'String' as const, value, ...P })),
  fc.boolean().map((value) => ({ kind: 'Boolean' as const, value, ...P })),
  fc.constant({ kind: 'Undefined' as const, ...P }),
  fc.constant({ kind: 'Error' as const, ...P }),
  fc
    .integer({ min: 0, max: 2 ** 31 })
    .map((secs) => ({ kind: 'AbsTime' as const, secs, offset: 0, ...P })),
  fc
    .integer({ min: -1e6, max: 1e6 })
    .map((seconds) => ({ kind: 'RelTime' as const, seconds, ...P })),
);

const { expr } = fc.letrec<{ expr: Expr }>((tie) => {
  const sub = tie('expr');
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      fc.constantFrom(...names).map((name) => ({ kind: 'AttributeRef' as const, name, ...P })),
      fc
        .tuple(sub, fc.constantFrom(...names))
        .map(([scope, name]) => ({ kind: 'AttributeRef' as const, name, scope, ...P })),
      fc
        .tuple(fc.constantFrom(...unaryOps), sub)
        .map(([op, operand]) => ({ kind: 'Unary' as const, op, operand, ...P })),
      fc
        .tuple(fc.constantFrom(...binaryOps), sub, sub)
        .map(([op, left, right]) => ({ kind: 'Binary' as const, op, left, right, ...P })),
      fc.tuple(sub, sub, sub).map(([cond, then, otherwise]) => ({
        kind: 'Ternary' as const,
        cond,
        then,
        otherwise,
        ...P,
      })),
      fc.tuple(sub, sub).map(([left, right]) => ({ kind: 'Elvis' as const, left, right, ...P })),
      fc
        .tuple(sub, sub)
        .map(([target, index]) => ({ kind: 'Subscript' as const, target, index, ...P })),
      fc.array(sub, { maxLength: 3 }).map((items) => ({ kind: 'List' as const, items, ...P })),
      fc.array(fc.tuple(fc.constantFrom(...names), sub), { maxLength: 3 }).map((attrs) => ({
        kind: 'Record' as const,
        attrs: attrs.map(([name, value]) => ({ name, value, nameStart: -1, nameEnd: -1 })),
        ...P,
      })),
      fc
        .tuple(fc.constantFrom(...builtinNames()), fc.array(sub, { maxLength: 4 }))
        .map(([name, args]) => ({
          kind: 'Call' as const,
          name,
          args,
          ...P,
        })),
    ),
  };
});

const record = (text: string) => {
  const e = parseExpression(text);
  if (e.kind !== 'Record') throw new Error('not a record');
  return adFromRecord(e);
};

describe('evaluating random expressions', () => {
  it('draws calls from the registry, which has every builtin of spec §6.12', () => {
    const spec =
      'isUndefined isError isString isInteger isReal isList isClassAd isBoolean isAbstime isReltime member identicalMember size sum avg min max anyCompare allCompare time currentTime timeZoneOffset dayTime getYear getMonth getDayOfYear getDayOfMonth getDayOfWeek getDays getHours getMinutes getSeconds splitTime formatTime strcat join toUpper toLower substr strcmp stricmp versioncmp versionLE versionLT versionGE versionGT versionEQ version_in_range regexp regexpMember regexps replace replaceAll int real string bool absTime relTime unparse unresolved floor ceil ceiling round pow quantize random ifThenElse interval eval stringListsIntersect debug ' +
      'envV1ToV2 mergeEnvironment listToArgs argsToList stringListSize stringListSum stringListAvg stringListMin stringListMax stringListMember stringListIMember stringListSubsetMatch stringListISubsetMatch stringList_regexpMember userHome userMap splitUserName splitSlotName split evalInEachContext countMatches';
    const registered = new Set(builtinNames());
    expect(spec.split(' ').filter((n) => !registered.has(n.toLowerCase()))).toEqual([]);
  });
  it('always returns a value, in both modes, with and without a target', () => {
    const types = new Set([
      'undefined',
      'error',
      'boolean',
      'integer',
      'real',
      'string',
      'abstime',
      'reltime',
      'list',
      'classad',
    ]);
    fc.assert(
      fc.property(expr, (e) => {
        const ad = record(
          '[ a = 1; b = a + 1; l = {1, "x", [x = 2]}; n = [x = 5; p = parent.a]; s = "str"; r = 2.5; c = c + 1 ]',
        );
        const target = record('[ Memory = 4096; a = "t"; Requirements = MY.a > 0 ]');
        for (const strict of [false, true]) {
          for (const t of [undefined, target]) {
            const r = evaluateIn(e, ad, { strict, target: t, now: () => 1700000000 });
            if (!types.has(r.value.type)) throw new Error(`bad value for ${printExpr(e)}`);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
