// corpus/language/func-math.jsonl (floor, ceiling, ceil, round, pow, quantize, random),
// HTCondor default and strict modes.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus/language/func-math', () => {
  it('every case passes in both modes', () => {
    const cases = loadCases('func-math');
    expect(cases).toHaveLength(386);
    expect(failures(cases)).toEqual([]);
  });
});
