import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../../src/lsp/service/editDistance.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('memory', 'memory')).toBe(0);
    expect(editDistance('memory', 'memmory')).toBe(1);
    expect(editDistance('memory', 'memry')).toBe(1);
    expect(editDistance('memory', 'menory')).toBe(1);
    expect(editDistance('memory', 'memroy')).toBe(1);
    expect(editDistance('memory', 'yromem')).toBe(5);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('closestName', () => {
  it('finds the closest candidate ignoring case, the first on ties', () => {
    expect(closestName('STRCATT', ['substr', 'strcat', 'strcmp'], 2)).toBe('strcat');
    expect(closestName('strcmq', ['strcat', 'strcmp'], 2)).toBe('strcmp');
    expect(closestName('xyz', ['strcat'], 2)).toBeUndefined();
  });
});
