// corpus/language/func-version.jsonl (versioncmp, versionLT/LE/GT/GE/EQ,
// version_in_range), HTCondor default and strict modes.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus/language/func-version', () => {
  it('every case passes in both modes', () => {
    const cases = loadCases('func-version');
    expect(cases).toHaveLength(143);
    expect(failures(cases)).toEqual([]);
  });
});
