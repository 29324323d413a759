import { describe, expect, it } from 'vitest';
import { adRole } from '../../../src/lsp/service/adRole.js';
import { analyzeDocument } from '../../../src/lsp/service/model.js';

const roleOf = (text: string) => adRole(analyzeDocument(text, 'ad').ads[0]);

describe('adRole', () => {
  it('takes MyType when it says', () => {
    expect(roleOf('[ MyType = "Machine"; RequestMemory = 1 ]')).toBe('machine');
    expect(roleOf('[ MyType = "JOB" ]')).toBe('job');
  });

  it('otherwise counts well-known job and machine attributes', () => {
    expect(roleOf('[ RequestMemory = 1; Cmd = "x"; Memory = 2 ]')).toBe('job');
    expect(roleOf('[ Memory = 1; Cpus = 2 ]')).toBe('machine');
    expect(roleOf('[ a = 1 ]')).toBeUndefined();
    expect(adRole(undefined)).toBeUndefined();
  });
});
