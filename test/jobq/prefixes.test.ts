import { describe, expect, it } from 'vitest';
import { isPathEnd, isPathStart, PrefixMatcher } from '../../src/jobq/prefixes.js';

const unix = new PrefixMatcher([
  { name: 'RELEASE_DIR', path: '/usr', windows: false },
  { name: 'LOCAL_DIR', path: '/scratch/condor', windows: false },
  { name: 'SPOOL', path: '/scratch/condor/spool', windows: false },
]);
const win = new PrefixMatcher([
  { name: 'SPOOL', path: 'D:\\condor\\spool', windows: true },
  { name: 'LOCAL_DIR', path: 'D:\\condor', windows: true },
]);
const found = (m: PrefixMatcher, text: string) =>
  m.findAll(text).map((f) => `${f.prefix.name}@${f.start}`);

describe('PrefixMatcher', () => {
  it('takes the longest prefix that ends at a path boundary', () => {
    expect(found(unix, '/scratch/condor/spool/1/0')).toEqual(['SPOOL@0']);
    expect(found(unix, '/scratch/condor/spool2/x')).toEqual(['LOCAL_DIR@0']);
    expect(found(unix, '/scratch/condor/spool.bak/y')).toEqual(['LOCAL_DIR@0']);
    expect(found(unix, '/scratch/condor_old/w')).toEqual([]);
    expect(found(unix, '/scratch/condor/spool')).toEqual(['SPOOL@0']);
    expect(found(unix, '/usr:/usr/bin')).toEqual(['RELEASE_DIR@0', 'RELEASE_DIR@5']);
  });

  it('needs a path start before the prefix', () => {
    expect(found(unix, '/home/hiro/scratch/condor/spool/z')).toEqual([]);
    expect(found(unix, 'file:///scratch/condor/spool/ckpt')).toEqual([]);
    expect(found(unix, '^/scratch/condor/spool/[0-9]+')).toEqual([]);
    expect(found(unix, 'OUT=/scratch/condor/spool/x PATH=/usr/bin')).toEqual([
      'SPOOL@4',
      'RELEASE_DIR@33',
    ]);
    expect(found(unix, "x '/usr/bin' (/usr) {/usr} [/usr] </usr>")).toHaveLength(5);
  });

  it('reads Windows paths with either separator, byte for byte', () => {
    expect(found(win, 'D:\\condor\\spool\\7\\0')).toEqual(['SPOOL@0']);
    expect(found(win, 'D:\\condor/spool2/x')).toEqual(['LOCAL_DIR@0']);
    expect(found(win, 'D:\\condor\\spool2\\x')).toEqual(['LOCAL_DIR@0']);
    expect(found(win, 'd:\\Condor\\scratch')).toEqual([]);
    expect(found(win, 'D:\\condor_old\\w')).toEqual([]);
  });

  it('treats ":" as the end of a Unix path only', () => {
    expect(isPathEnd('/usr:/bin', 4, false)).toBe(true);
    expect(isPathEnd('C:\\x:y', 4, true)).toBe(false);
    expect(isPathEnd('a\\', 1, false)).toBe(true); // a trailing backslash
    expect(isPathEnd('a\\b', 1, false)).toBe(false);
    expect(isPathStart('x=/usr', 2)).toBe(true);
    expect(isPathStart('x/usr', 1)).toBe(false);
  });
});
