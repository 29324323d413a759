// corpus/language/func-list.jsonl (values from HTCondor's C++ library), both modes.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus: list functions', () => {
  it('func-list: every case, HTCondor default and strict', () => {
    const cases = loadCases('func-list');
    expect(cases).toHaveLength(440);
    expect(failures(cases)).toEqual([]);
  });
});
