// corpus/language/func-string.jsonl (strcat, join, toUpper, toLower, substr,
// strcmp, stricmp, size, and string() from the conversion family),
// HTCondor default and strict modes.
import { describe, expect, it } from 'vitest';
import { failures, loadCases } from '../corpus.js';

describe('corpus/language/func-string', () => {
  it('every case passes in both modes', () => {
    const cases = loadCases('func-string');
    expect(cases).toHaveLength(176);
    expect(failures(cases)).toEqual([]);
  });
});
