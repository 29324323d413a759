import { describe, expect, it } from 'vitest';
import { lineColumnAt } from '../../src/language/diagnostics.js';
import { detectSyntax, parseAdDocument } from '../../src/language/document.js';
import { recordEntries } from '../../src/language/recordOrder.js';

describe('detectSyntax', () => {
  it('tells old long form from new syntax', () => {
    expect(detectSyntax('# comment\nA = 1\n')).toBe('old');
    expect(detectSyntax('// c\n[ a = 1 ]')).toBe('new');
    expect(detectSyntax('{ [a=1], [b=2] }')).toBe('new');
    expect(detectSyntax('a == 1')).toBe('new');
    expect(detectSyntax('')).toBe('old');
  });
});

describe('parseAdDocument', () => {
  it('splits old long form into ads at blank lines', () => {
    const doc = parseAdDocument('A = 1\nB = 2\n\n\nA = 3\n');
    expect(doc.syntax).toBe('old');
    expect(doc.ads.map((ad) => ad.attrs.map((a) => a.name))).toEqual([['A', 'B'], ['A']]);
    expect(doc.errors).toEqual([]);
  });
  it('reads a sequence of new-syntax ads and the -long:new list form', () => {
    const seq = parseAdDocument('[a = 1]\n[b = 2; c = 3]\n');
    expect(seq.ads.map((ad) => recordEntries(ad).map((e) => e.name))).toEqual([['a'], ['b', 'c']]);
    const list = parseAdDocument('{\n[ a = 1 ],\n[ b = 2 ]\n}\n');
    expect(list.ads).toHaveLength(2);
  });
  it('reports three errors in three places with their line and column', () => {
    const text = 'A = 1 +\nB = 2\nC = (3\n\nD = "x" $\n';
    const doc = parseAdDocument(text);
    expect(doc.errors.map((e) => lineColumnAt(text, e.start))).toEqual([
      { line: 1, column: 8 },
      { line: 3, column: 7 },
      { line: 5, column: 9 },
    ]);
  });
  it('flags trailing tokens that HTCondor would silently drop', () => {
    expect(parseAdDocument('A = 1 2\n').errors).toHaveLength(1);
  });
  it('reports errors inside a new-syntax ad and keeps what parsed', () => {
    const text = '[\n  a = 1 +;\n  b = 2;\n  c = {1,}\n]\n';
    const doc = parseAdDocument(text);
    expect(doc.errors.map((e) => lineColumnAt(text, e.start).line)).toEqual([2, 4]);
    expect(doc.ads[0]!.attrs.map((a) => a.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('parseAdDocument on many new-syntax ads', () => {
  it('reports the errors of every broken ad, not only the first', () => {
    const text = '[a=1+;]\n[b=2]\n[c=3+;]\n';
    const doc = parseAdDocument(text);
    expect(doc.errors.map((e) => lineColumnAt(text, e.start).line)).toEqual([1, 3]);
    expect(doc.ads.map((ad) => ad.attrs[0]!.name)).toEqual(['a', 'b', 'c']);
  });
  it('reports one error for stray text between ads', () => {
    const text = '[a=1] x y z [b=2]';
    const doc = parseAdDocument(text);
    expect(doc.errors.map((e) => e.start)).toEqual([6]);
    expect(doc.ads).toHaveLength(2);
  });
  it('reads thousands of ads (each parsed within its own bounds)', () => {
    const doc = parseAdDocument('[ a = 1; b = "x" ]\n'.repeat(5000));
    expect([doc.ads.length, doc.errors.length]).toEqual([5000, 0]);
  });
});
