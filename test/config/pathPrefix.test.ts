import { describe, expect, it } from 'vitest';
import { parseMapFile } from '../../src/config/mapFile.js';
import { findPrefixes, prefixesOf, replaceSpans } from '../../src/config/pathPrefix.js';

const unix = prefixesOf(
  parseMapFile('LOCAL_DIR = /srv/condor\nSPOOL = /srv/condor/spool\nRELEASE_DIR = /usr\n'),
);
const win = prefixesOf(parseMapFile('LOCAL_DIR = D:\\condor\nSPOOL = D:\\condor\\spool\n'));
const found = (text: string, prefixes = unix) =>
  findPrefixes(text, prefixes).map((s) => `${s.macro}@${s.start}-${s.end}`);

describe('path prefixes on a path boundary', () => {
  it('sorts prefixes longest first and prefers the longest at one place', () => {
    expect(unix.map((p) => p.macro)).toEqual(['SPOOL', 'LOCAL_DIR', 'RELEASE_DIR']);
    expect(found('A = /srv/condor/spool/x')).toEqual(['SPOOL@4-21']);
  });
  it('needs a start boundary before and an end boundary after', () => {
    expect(found('/srv/condor/spool')).toEqual(['SPOOL@0-17']);
    expect(found('--spool=/srv/condor/spool --log=/srv/condor/log/x')).toEqual([
      'SPOOL@8-25',
      'LOCAL_DIR@32-43',
    ]);
    expect(found('X = /srv/condor/spool-b/.schedd_address')).toEqual(['LOCAL_DIR@4-15']);
    expect(found('X = "/usr/bin", (/usr), {/usr}, a:/usr:b')).toEqual([
      'RELEASE_DIR@5-9',
      'RELEASE_DIR@17-21',
      'RELEASE_DIR@25-29',
      'RELEASE_DIR@34-38',
    ]);
  });
  it('leaves near misses alone', () => {
    expect(found('X = /srv/condor2/x /usr2 ~/usr/bin login3.old/srv/condor x/usr')).toEqual([]);
  });
  it('knows Windows separators, and that a colon does not end a Windows path', () => {
    expect(found('X = D:\\condor\\spool\\x;D:\\condor/y', win)).toEqual([
      'SPOOL@4-19',
      'LOCAL_DIR@22-31',
    ]);
    expect(found('X = D:\\condor:', win)).toEqual([]);
    expect(found('X = d:\\condor\\x', win)).toEqual([]);
  });
  it('replaces spans', () => {
    const text = 'A = /usr/bin /srv/condor/x';
    expect(replaceSpans(text, findPrefixes(text, unix), (s) => `$(${s.macro})`)).toBe(
      'A = $(RELEASE_DIR)/bin $(LOCAL_DIR)/x',
    );
  });
});
