import { describe, expect, it } from 'vitest';
import {
  expandMetaArgs,
  isTemplateCategory,
  parseTemplateList,
  templateBody,
} from '../../src/config/metaknobs.js';

describe('configuration templates', () => {
  it('splits template lists with arguments', () => {
    expect(parseTemplateList('Submit, Execute')).toEqual([
      { name: 'Submit', args: '' },
      { name: 'Execute', args: '' },
    ]);
    expect(parseTemplateList('recommended(SYSTEM, Administrator@*) GPUs')).toEqual([
      { name: 'recommended', args: 'SYSTEM, Administrator@*' },
      { name: 'GPUs', args: '' },
    ]);
    expect(parseTemplateList('X(a, (b), [c])')).toEqual([{ name: 'X', args: 'a, (b), [c]' }]);
  });
  it('expands argument macros', () => {
    expect(expandMetaArgs('$(1) $(2:d2) $(3?) $(0#) [$(0)] $(2+)', 'a, b , c')).toBe(
      'a b 1 3 [a, b , c] b, c',
    );
    expect(expandMetaArgs('$(1:condor)@* $(2:root@*) $(2?)', '')).toBe('condor@* root@* 0');
    expect(expandMetaArgs('SLOT_TYPE_$(1:1) = $(2+:100%) $(SPOOL)', '')).toBe(
      'SLOT_TYPE_1 = 100% $(SPOOL)',
    );
  });
  it('knows the common templates, case-insensitively', () => {
    expect(templateBody('role', 'SUBMIT')).toBe('DAEMON_LIST = $(DAEMON_LIST) SCHEDD');
    expect(templateBody('FEATURE', 'NoSuchThing')).toBeUndefined();
    expect([isTemplateCategory('security'), isTemplateCategory('nonsense')]).toEqual([true, false]);
  });
});
