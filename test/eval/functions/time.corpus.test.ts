// corpus/language/func-time.jsonl (values from HTCondor's C++ library, TZ=UTC), both modes.
// The file also holds absTime/relTime cases (conversion.ts); they are run here as well.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus: time functions', () => {
  it('func-time: every case, HTCondor default and strict', () => {
    const cases = loadCases('func-time');
    expect(cases).toHaveLength(291);
    expect(failures(cases)).toEqual([]);
  });
});
