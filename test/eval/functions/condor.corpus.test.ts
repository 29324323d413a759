// corpus/language/docs-condor-funcs.jsonl (values stated in HTCondor's
// documentation for functions registered outside libclassad), both modes.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus: HTCondor compat-layer functions', () => {
  it('docs-condor-funcs: every case, HTCondor default and strict', () => {
    const cases = loadCases('docs-condor-funcs');
    expect(cases).toHaveLength(13);
    expect(failures(cases)).toEqual([]);
  });
});
