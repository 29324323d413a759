// corpus/language/docs-condor-funcs.jsonl (values stated in HTCondor's
// documentation for functions registered outside libclassad), both modes.
import { describe, expect, it } from 'vitest';
import { lookupFunction } from '../../../src/eval/functions/registry.js';
import { failures, loadCases, type EvalCase } from '../corpus.js';

// join() belongs to the string family; until it is registered, the two cases
// built with it (docs-condor-funcs-0001, -0002) are set aside.
const joinMissing = !lookupFunction('join');
const needsMissing = (c: EvalCase) => joinMissing && /\bjoin\s*\(/i.test(c.expr ?? '');

describe('corpus: HTCondor compat-layer functions', () => {
  it('docs-condor-funcs: every case, HTCondor default and strict', () => {
    const cases = loadCases('docs-condor-funcs');
    expect(cases).toHaveLength(13);
    expect(cases.filter(needsMissing).length).toBeLessThanOrEqual(2);
    expect(failures(cases.filter((c) => !needsMissing(c)))).toEqual([]);
  });
});
