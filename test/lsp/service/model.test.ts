import { describe, expect, it } from 'vitest';
import { evaluateIn } from '../../../src/eval/evaluate.js';
import { printValue } from '../../../src/eval/convert.js';
import { parseExpression } from '../../../src/language/parser.js';
import {
  adAt,
  analyzeDocument,
  definitionAt,
  lookupDefinition,
  scopeOf,
} from '../../../src/lsp/service/model.js';

describe('analyzeDocument', () => {
  it('reads new-syntax ads with their definitions, nested records included', () => {
    const m = analyzeDocument('[ a = 1; n = [ b = a ] ]\n[ c = 2 ]', 'ad');
    expect(m.syntax).toBe('new');
    expect(m.ads).toHaveLength(2);
    expect(m.definitions.map((d) => d.name)).toEqual(['a', 'n', 'b', 'c']);
    expect(m.roots).toHaveLength(3);
    expect([...m.definedNames].sort()).toEqual(['a', 'b', 'c', 'n']);
    expect(m.ads[0]!.nested[0]!.parent).toBe(m.ads[0]);
  });

  it('detects old syntax, or takes the forced one', () => {
    expect(analyzeDocument('A = 1\n', 'ad').syntax).toBe('old');
    expect(analyzeDocument('A = 1\n', 'adNew').syntax).toBe('new');
    expect(analyzeDocument('[ a = 1 ]', 'adOld').syntax).toBe('old');
  });

  it('reads an expression, and the records inside it as ads of their own', () => {
    const m = analyzeDocument('[ x = 1 ].x + 1', 'expression');
    expect(m.expression?.kind).toBe('Binary');
    expect(m.definitions.map((d) => d.name)).toEqual(['x']);
  });

  it('reads a job_queue.log into one ad per key, proc ads chained to their cluster ad', () => {
    const m = analyzeDocument('103 01.-1 A 1\n103 1.0 B A + 1\n103 1.0 C 3\n', 'jobQueueLog');
    expect(m.syntax).toBe('old');
    expect(m.ads.map((a) => [a.key, a.attributes.map((d) => d.name)])).toEqual([
      ['01.-1', ['A']],
      ['1.0', ['B', 'C']],
    ]);
    expect(m.ads[1]!.parent).toBe(m.ads[0]);
    expect(m.ads[1]!.chained).toBe(true);
    const b = m.ads[1]!.attributes[0]!;
    expect(printValue(evaluateIn(b.value, scopeOf(b.ad)).value)).toBe('2');
  });

  it('caches by text and kind', () => {
    const text = '[ a = 1 ]';
    expect(analyzeDocument(text, 'ad')).toBe(analyzeDocument(text, 'ad'));
    expect(analyzeDocument(text, 'ad')).not.toBe(analyzeDocument(text, 'expression'));
  });
});

describe('positions and names', () => {
  const text = '[ a = 1; n = [ a = 2; b = a ] ]';
  const m = analyzeDocument(text, 'ad');

  it('finds the innermost definition and ad at an offset', () => {
    expect(definitionAt(m, text.indexOf('b ='))?.name).toBe('b');
    expect(definitionAt(m, text.indexOf('n ='))?.name).toBe('n');
    expect(adAt(m, text.indexOf('b ='))).toBe(m.ads[0]!.nested[0]);
    expect(adAt(m, 0)).toBe(m.ads[0]);
  });

  it('resolves names from the inside out', () => {
    const inner = m.ads[0]!.nested[0]!;
    expect(lookupDefinition(inner, 'A')?.value).toMatchObject({ kind: 'Integer', value: 2n });
    expect(lookupDefinition(m.ads[0], 'a')?.value).toMatchObject({ kind: 'Integer', value: 1n });
    expect(lookupDefinition(inner, 'n')?.name).toBe('n');
    expect(lookupDefinition(inner, 'zz')).toBeUndefined();
  });

  it('builds evaluator scopes with the enclosing ads behind them', () => {
    const inner = m.ads[0]!.nested[0]!;
    expect(printValue(evaluateIn(parseExpression('b + n.a'), scopeOf(inner)).value)).toBe('4');
  });
});
