import { describe, expect, it } from 'vitest';
import { getCompletions } from '../../../src/lsp/service/completion.js';
import type { DocumentKind } from '../../../src/lsp/service/documentKind.js';
import { cursor } from '../markers.js';

/** The completion labels at the `|` of a marked text. */
function labelsAt(marked: string, kind: DocumentKind = 'ad'): string[] {
  const { text, offset } = cursor(marked);
  return getCompletions(text, kind, offset).items.map((i) => i.label);
}

describe('getCompletions', () => {
  it('offers machine attributes after TARGET. in a job ad, job attributes in a machine ad', () => {
    const job = labelsAt('[ MyType = "Job"; Requirements = TARGET.| ]');
    expect(job).toEqual(expect.arrayContaining(['Memory', 'Cpus', 'OpSys', 'Name']));
    expect(job).not.toContain('RequestMemory');
    const machine = labelsAt('[ MyType = "Machine"; Start = TARGET.Re| ]');
    expect(machine).toEqual(expect.arrayContaining(['RequestMemory', 'Owner']));
    expect(machine).not.toContain('Memory');
  });

  it("offers the ad's own attributes first after MY.", () => {
    const labels = labelsAt('[ RequestCpus = 1; Mine = 2; Rank = MY.| ]');
    expect(labels.slice(0, 3)).toEqual(['Mine', 'Rank', 'RequestCpus']);
    expect(labels).toContain('RequestMemory');
  });

  it('offers attributes, keywords and builtins where an expression goes, the enclosing ad first', () => {
    const labels = labelsAt('[ a = 1; b = | ]\n[ c = 2 ]');
    expect(labels.slice(0, 2)).toEqual(['a', 'b']);
    expect(labels).toEqual(expect.arrayContaining(['c', 'true', 'TARGET', 'strcat', 'ifThenElse']));
    expect(labels).not.toContain('SlotEval');
  });

  it('replaces the word being typed', () => {
    const { text, offset } = cursor('[ a = str| ]');
    const r = getCompletions(text, 'ad', offset);
    expect([r.start, r.end]).toEqual([6, 9]);
    const strcat = r.items.find((i) => i.label === 'strcat');
    expect(strcat).toMatchObject({ kind: 'function', detail: 'strcat(a, ...) -> string' });
  });

  it('offers nothing inside strings and comments', () => {
    expect(labelsAt('[ a = "st| ]')).toEqual([]);
    expect(labelsAt('[ a = 1; // st|\n]')).toEqual([]);
    expect(labelsAt('[ a = 1; /* st| */ ]')).toEqual([]);
    expect(labelsAt('A = "x\n# comm|ent\n')).toEqual([]);
  });

  it('offers attribute names where an attribute is named', () => {
    const oldName = labelsAt('MyType = "Job"\nReq|');
    expect(oldName).toContain('RequestMemory');
    expect(oldName).not.toContain('strcat');
    expect(labelsAt('[ a = 1; Req| ]')).toContain('RequestMemory');
    expect(labelsAt('103 1.0 Req|', 'jobQueueLog')).toContain('RequestMemory');
  });

  it('offers expressions in old-syntax values and job_queue.log values', () => {
    expect(labelsAt('Owner = "a"\nRank = TARGET.Mi|\n')).toContain('Mips');
    expect(labelsAt('103 1.0 Rank str|\n', 'jobQueueLog')).toContain('strcat');
    expect(labelsAt('10|1 1.0', 'jobQueueLog')).toEqual([]);
  });
});
