import { describe, expect, it } from 'vitest';
import {
  definitionText,
  formatHeader,
  formatRemoved,
  parseHeader,
  parseRemoved,
  valueHash,
} from '../../src/config/markers.js';

describe('marshal marks', () => {
  it('round-trips headers', () => {
    const h = {
      format: 'configmd/1',
      main: 'etc/condor/condor_config',
      files: [],
      paths: [[3, 4, 'SPOOL']] as [number, number, string][],
    };
    const line = formatHeader(h);
    expect(line.startsWith('#configmd:marshalled {')).toBe(true);
    expect(parseHeader(line)).toEqual(h);
    expect(parseHeader('# just a comment')).toBeUndefined();
    expect(() => parseHeader('#configmd:marshalled {"format":"other"}')).toThrow(
      'unknown marshal format',
    );
  });
  it('round-trips removed definitions, bytes and control characters included, never ending in a backslash', () => {
    const r = {
      name: 'SPOOL',
      class: 'required' as const,
      line: 7,
      lastLine: 8,
      head: 'SPOOL\t= ',
      keep: 'SPOOL\t= $(LOCAL_DIR)/sp\xe9cial \\\r\n   x',
      keepPaths: [[8, 'LOCAL_DIR']] as [number, string][],
      if: valueHash('/srv/spool'),
    };
    const line = formatRemoved(r);
    expect(line).toMatch(/^#configmd:removed SPOOL \{.*\}$/);
    expect(line).not.toMatch(/[\r\n]/);
    expect(parseRemoved(line)).toEqual(r);
    expect(parseRemoved('#configmd:removedX')).toBeUndefined();
    expect(() => parseRemoved('#configmd:removed SPOOL')).toThrow();
  });
  it('hashes values as bytes', () => {
    expect(valueHash('/srv/spool')).toMatch(/^[0-9a-f]{16}$/);
    expect(valueHash('a')).not.toBe(valueHash('b'));
  });
  it('rebuilds a definition from its head and a value', () => {
    const base = { name: 'A', class: 'optional' as const, line: 1, lastLine: 1 };
    expect(definitionText({ ...base, head: 'A   = ' }, '/x', '\n')).toBe('A   = /x');
    expect(definitionText({ ...base, head: 'A =' }, '/x', '\n')).toBe('A = /x');
    expect(definitionText({ ...base, head: 'A =' }, '', '\n')).toBe('A =');
    expect(definitionText({ ...base, head: 'A @=end', close: '@end' }, 'v', '\r\n')).toBe(
      'A @=end\r\nv\r\n@end',
    );
  });
});
