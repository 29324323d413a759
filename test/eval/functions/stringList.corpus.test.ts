// The string-list cases of the corpus, both modes: stringlist-condor-funcs.jsonl
// (HTCondor's own test values for the compat-layer stringList* functions) and the
// stringListsIntersect cases of func-misc.jsonl (values from the C++ library).
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus: string-list functions', () => {
  it('stringlist-condor-funcs: every case, HTCondor default and strict', () => {
    const cases = loadCases('stringlist-condor-funcs');
    expect(cases).toHaveLength(51);
    expect(failures(cases)).toEqual([]);
  });

  it('func-misc: the stringListsIntersect cases, HTCondor default and strict', () => {
    const cases = loadCases('func-misc').filter((c) =>
      /^stringlistsintersect\(/i.test(c.expr ?? ''),
    );
    expect(cases).toHaveLength(24);
    expect(failures(cases)).toEqual([]);
  });
});
