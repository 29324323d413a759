import { describe, expect, it } from 'vitest';
import { analyzeJob, formatAnalysis, splitClauses } from '../../src/match/analyze.js';
import { parseExpression } from '../../src/language/parser.js';
import { printExpr } from '../../src/language/printer.js';
import { ad, machine } from './helpers.js';

describe('splitClauses', () => {
  it('splits top-level && through parentheses', () => {
    expect(
      splitClauses(parseExpression('(a && b) && (c || d) && ((e && f))')).map((c) => printExpr(c)),
    ).toEqual(['a', 'b', '(c || d)', 'e', 'f']);
  });
});

describe('analyzeJob', () => {
  const pool = () => [
    machine('m1', 'Memory = 1024'),
    machine('m2', 'Memory = 2048'),
    machine('m3', 'Memory = 2048; OpSys = "WINDOWS"'),
    machine('m4', 'Memory = 2048; Requirements = TARGET.Owner != "alice"'),
  ];
  it('finds a clause that no machine passes, and says by how much', () => {
    const job = ad(
      '[ Owner = "bob"; RequestMemory = 4096; Requirements = TARGET.OpSys == "LINUX" && TARGET.Memory >= MY.RequestMemory ]',
    );
    const a = analyzeJob(job, pool());
    expect(a.clauses).toEqual([
      { text: 'TARGET.OpSys == "LINUX"', alone: 3, survivors: 3 },
      { text: 'TARGET.Memory >= MY.RequestMemory', alone: 0, survivors: 0 },
    ]);
    expect([a.machines, a.matches, a.jobAccepts, a.worstClause]).toEqual([4, 0, 0, 1]);
    expect(a.hints).toContain('No machine passes `TARGET.Memory >= MY.RequestMemory`.');
    expect(a.hints).toContain(
      'RequestMemory 4096 exceeds the largest Memory, 2048, among machines that pass every other clause.',
    );
  });
  it('counts machine-side rejections and names the rejecting clause', () => {
    const job = ad('[ Owner = "alice"; Requirements = TARGET.Memory >= 1024 ]');
    const a = analyzeJob(job, pool());
    expect([a.matches, a.jobAccepts, a.machineRejects]).toEqual([3, 4, 1]);
    expect(a.machineClauses).toEqual([{ text: 'TARGET.Owner != "alice"', machines: 1 }]);
  });
  it('reports a job that matches everywhere with no hints', () => {
    const job = ad('[ Owner = "bob"; Requirements = TARGET.Cpus >= 1 ]');
    const a = analyzeJob(job, pool());
    expect([a.matches, a.machineRejects, a.worstClause, a.hints]).toEqual([4, 0, -1, []]);
    expect(formatAnalysis(a)).toContain('4 machines; 4 match the job');
  });
  it('names no values for a string clause that only matching machines see', () => {
    const job = ad(
      '[ Owner = "bob"; Requirements = TARGET.OpSys == "linux" && TARGET.Memory >= 2048 ]',
    );
    expect(analyzeJob(job, pool()).hints.filter((h) => h.includes('OpSys'))).toEqual([
      '1 machine passes every other clause but has OpSys "WINDOWS"; the job wants "linux".',
    ]);
  });
  it('lists the values machines have for a string equality that fails', () => {
    const job = ad('[ Owner = "bob"; Requirements = TARGET.OpSys == "FREEBSD" ]');
    expect(analyzeJob(job, pool()).hints).toContain(
      '4 machines pass every other clause but have OpSys "LINUX", "WINDOWS"; the job wants "FREEBSD".',
    );
  });
});
