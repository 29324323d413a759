// corpus/language/func-regex.jsonl (regexp, regexpMember, regexps, replace,
// replaceAll), HTCondor default and strict modes.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus/language/func-regex', () => {
  it('every case passes in both modes', () => {
    const cases = loadCases('func-regex');
    expect(cases).toHaveLength(115);
    expect(failures(cases)).toEqual([]);
  });
});
