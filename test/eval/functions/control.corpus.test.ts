// corpus/language/func-misc.jsonl, the cases of the control and meta family (ifThenElse,
// eval, unparse, unresolved, debug), HTCondor default and strict modes. The file also
// covers other families (stringListsIntersect, unknown and HTCondor-only functions):
// those cases are left to their own tests.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

/** A call of one of this family's functions. */
const OURS = /\b(ifThenElse|eval|unparse|unresolved|debug)\s*\(/i;

describe('corpus/language/func-misc (control and meta functions)', () => {
  it('every case of the family passes in both modes', () => {
    const cases = loadCases('func-misc').filter((c) => OURS.test(c.expr ?? ''));
    expect(cases).toHaveLength(105);
    expect(failures(cases)).toEqual([]);
  });
});
