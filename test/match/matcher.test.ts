import { describe, expect, it } from 'vitest';
import { printValue } from '../../src/eval/convert.js';
import { Matcher, rankAsNumber } from '../../src/match/matcher.js';
import { ad, machine } from './helpers.js';

describe('Matcher', () => {
  it('reproduces the spec §12 match vectors', () => {
    const job = ad(
      '[Requirements = TARGET.Memory > 100 && MY.x == 1; x=1; Rank = TARGET.Memory; Owner="me"]',
    );
    const m = ad('[Requirements = other.Owner == "me"; Memory = 200; Rank = 2.5]');
    const matcher = new Matcher(job);
    const r = matcher.match(m);
    expect([r.matches, printValue(r.rank), printValue(matcher.machineRank(m))]).toEqual([
      true,
      '200',
      '2.500000000000000E+00',
    ]);
  });
  it('treats 5 and 0.5 as matches, "yes" and a missing Requirements as not', () => {
    const job = ad('[ Requirements = true ]');
    const matcher = new Matcher(job);
    expect(matcher.match(ad('[ Requirements = 5 ]')).matches).toBe(true);
    expect(matcher.match(ad('[ Requirements = 0.5 ]')).matches).toBe(true);
    expect(matcher.match(ad('[ Requirements = "yes" ]')).matches).toBe(false);
    expect(matcher.match(ad('[ Memory = 1 ]')).matches).toBe(false);
  });
  it('lets unscoped job references reach the machine only in HTCondor mode', () => {
    const job = ad('[ Requirements = Memory >= 1024 ]');
    expect(new Matcher(job).match(machine('a')).matches).toBe(true);
    expect(new Matcher(job, { strict: true }).match(machine('a')).matches).toBe(false);
  });
  it('re-binds the target for each machine and restores the ads afterwards', () => {
    const job = ad('[ Requirements = TARGET.Memory >= 4096; Rank = TARGET.Cpus ]');
    const small = machine('small');
    const big = machine('big', 'Memory = 8192; Cpus = 16');
    const matcher = new Matcher(job);
    expect([
      matcher.match(small).matches,
      matcher.match(big).matches,
      matcher.match(small).matches,
    ]).toEqual([false, true, false]);
    expect(matcher.match(big).rankNumber).toBe(16);
    matcher.release();
    expect([job.parentScope, big.parentScope, big.alternateScope]).toEqual([null, null, null]);
  });
  it('reads rank as the negotiator does: non-numbers are 0', () => {
    expect(rankAsNumber({ type: 'boolean', value: true })).toBe(1);
    expect(rankAsNumber({ type: 'string', value: 'x' })).toBe(0);
    expect(rankAsNumber({ type: 'real', value: NaN })).toBe(0);
    expect(rankAsNumber({ type: 'integer', value: 7 })).toBe(7);
  });
});
