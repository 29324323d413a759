import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/lsp/service/editDistance.js';
import { allKnownAttributes, knownAttribute } from '../../../src/lsp/service/knownAttributes.js';

describe('well-known attributes', () => {
  it('has job and machine attributes, each with a one-line meaning', () => {
    const all = allKnownAttributes();
    expect(all.filter((a) => a.owner === 'job').length).toBeGreaterThan(80);
    expect(all.filter((a) => a.owner === 'machine').length).toBeGreaterThan(60);
    for (const a of all) expect(a.meaning, a.name).toMatch(/^[^\n]+\.$/);
  });

  it('has no name twice (ignoring case)', () => {
    const names = allKnownAttributes().map((a) => a.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('looks names up in any case', () => {
    expect(knownAttribute('requestmemory')).toMatchObject({ name: 'RequestMemory', owner: 'job' });
    expect(knownAttribute('MEMORY')?.owner).toBe('machine');
    expect(knownAttribute('Nope')).toBeUndefined();
  });

  it('lists the near pairs that are both real (so neither is taken for a typo of the other)', () => {
    const long = allKnownAttributes().filter((a) => a.name.length >= 5);
    const pairs: string[] = [];
    for (let i = 0; i < long.length; i++)
      for (let j = i + 1; j < long.length; j++)
        if (editDistance(long[i]!.name.toLowerCase(), long[j]!.name.toLowerCase(), 1) <= 1)
          pairs.push(`${long[i]!.name}/${long[j]!.name}`);
    expect(pairs.sort()).toEqual([
      'ChildCpus/ChildGPUs',
      'DetectedCpus/DetectedGPUs',
      'RequestCpus/RequestGPUs',
      'TotalCpus/TotalGPUs',
      'TotalSlotCpus/TotalSlotGPUs',
    ]);
  });
});
