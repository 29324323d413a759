// corpus/language/func-conv.jsonl (int, real, string, bool), HTCondor default and strict modes.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus/language/func-conv', () => {
  it('every case passes in both modes', () => {
    const cases = loadCases('func-conv');
    expect(cases).toHaveLength(219);
    expect(failures(cases)).toEqual([]);
  });
});
