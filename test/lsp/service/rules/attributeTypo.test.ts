import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../../src/lsp/service/model.js';
import {
  attributeTypoRule,
  nearKnownAttribute,
} from '../../../../src/lsp/service/rules/attributeTypo.js';
import { expectMarked, findings } from './harness.js';

const corpus = join(import.meta.dirname, '../../../../corpus');

describe('attribute-typo rule', () => {
  it('reports a defined name one typo away from a well-known attribute', () => {
    expectMarked(
      attributeTypoRule,
      '⟦RequestMemmory⟧ = 2048\n⟦ReqestCpus⟧ = 1\n',
      'attribute-typo',
    );
    const [d] = attributeTypoRule.check(analyzeDocument('[ RequestMemmory = 1 ]', 'ad'));
    expect(d!.replacement).toBe('RequestMemory');
  });

  it('reports references, bare or under MY / TARGET, by the name alone', () => {
    expectMarked(
      attributeTypoRule,
      '[ Requirements = TARGET.⟦Memroy⟧ >= 1 && ⟦OpSsy⟧ == "LINUX" && MY.⟦JobPrioo⟧ > 0 ]',
      'attribute-typo',
    );
  });

  it('leaves alone well-known names, short names, and references to names the document defines', () => {
    const text =
      '[ RequestMemory = 1; GPUs = 1; Cpuz = 1; MyMemroy = 2; a = MyMemroy + Memory + cpus + Nmae ]';
    expect(findings(attributeTypoRule, text)).toEqual([]);
  });

  it('reports a definition once, not the references to it', () => {
    expectMarked(
      attributeTypoRule,
      '[ ⟦RequestMemmory⟧ = 1; a = RequestMemmory ]',
      'attribute-typo',
    );
  });

  it('leaves alone names selected from other ads', () => {
    expect(findings(attributeTypoRule, '[ a = [ Memroy = 1 ].Memroy; b = c.Memroy ]')).toEqual([
      ['attribute-typo', 8, 14],
    ]);
  });

  it('checks job_queue.log attribute names', () => {
    expectMarked(attributeTypoRule, '103 1.0 ⟦JobStatsu⟧ 1\n', 'attribute-typo', 'jobQueueLog');
  });

  it('finds the near name by insertion, deletion, substitution and swap', () => {
    expect(nearKnownAttribute('RequestMemmory')).toBe('RequestMemory');
    expect(nearKnownAttribute('RequstMemory')).toBe('RequestMemory');
    expect(nearKnownAttribute('RequestMemorx')).toBe('RequestMemory');
    expect(nearKnownAttribute('ReqeustMemory')).toBe('RequestMemory');
    expect(nearKnownAttribute('requestmemory')).toBeUndefined();
    expect(nearKnownAttribute('RequestMemoryMB')).toBeUndefined();
  });

  it('reports nothing in real machine ads and job queue logs', () => {
    const ads = readFileSync(join(corpus, 'match/machines.ads'), 'utf8');
    expect(findings(attributeTypoRule, ads)).toEqual([]);
    const logs = readdirSync(join(corpus, 'jobq')).filter((f) => f.endsWith('.log'));
    expect(logs.length).toBeGreaterThan(3);
    for (const f of logs) {
      const text = readFileSync(join(corpus, 'jobq', f), 'utf8');
      expect(findings(attributeTypoRule, text, 'jobQueueLog'), f).toEqual([]);
    }
  });
});
