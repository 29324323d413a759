import { describe, expect, it } from 'vitest';
import { isUnder, locate, locationMacro, resolveLocation } from '../../src/migrate/locations.js';
import { configEntryRel, configLocation, splitEntry } from '../../src/migrate/archiveLayout.js';

const paths = [
  { name: 'LOCAL_DIR', value: '/opt/condor/local' },
  { name: 'SPOOL', value: '/opt/condor/local/spool' },
  { name: 'RELEASE_DIR', value: '/opt/condor' },
];

describe('locations', () => {
  it('name a path by the most specific macro, on a path boundary', () => {
    expect(locate('/opt/condor/local/spool/job_queue.log', paths)).toBe('$(SPOOL)/job_queue.log');
    expect(locate('/opt/condor/local/spool2/x', paths)).toBe('$(LOCAL_DIR)/spool2/x');
    expect(locate('/opt/condor/local', paths)).toBe('$(LOCAL_DIR)');
    expect(locate('/opt/condor/local/x', paths, ['LOCAL_DIR'])).toBe('$(RELEASE_DIR)/local/x');
    expect(locate('/etc/condor', paths)).toBeUndefined();
    expect(isUnder('/a/b', '/')).toBe(true);
    expect(isUnder('/ab', '/a')).toBe(false);
  });

  it('resolve with another host’s places', () => {
    const there = (m: string) => ({ SPOOL: '/srv/spool', ROOT: '/' })[m];
    expect(resolveLocation('$(SPOOL)/job_queue.log', there)).toBe('/srv/spool/job_queue.log');
    expect(resolveLocation('$(SPOOL)', there)).toBe('/srv/spool');
    expect(resolveLocation('$(ROOT)/x', there)).toBe('/x');
    expect(resolveLocation('/etc/x', there)).toBe('/etc/x');
    expect(() => resolveLocation('$(LOG)/x', there)).toThrow(/no location for \$\(LOG\)/);
    expect(locationMacro('$(SPOOL)/x')).toBe('SPOOL');
  });

  it('give configuration files their archive names and back', () => {
    for (const loc of [
      '$(LOCAL_DIR)/config.d/10-schedd.conf',
      '$(CONFIG_ROOT)/condor_config',
      '/etc/condor/x.conf',
    ])
      expect(configLocation(configEntryRel(loc))).toBe(loc);
    expect(configEntryRel('$(LOCAL_DIR)/condor_config.local')).toBe(
      'LOCAL_DIR/condor_config.local',
    );
    expect(configEntryRel('/etc/x')).toBe('_/etc/x');
  });

  it('refuse unsafe archive paths', () => {
    expect(splitEntry('SPOOL/1/0/x')).toEqual({ macro: 'SPOOL', rel: '1/0/x' });
    for (const p of ['/etc/passwd', 'SPOOL/../../x', 'SPOOL//x', './x'])
      expect(() => splitEntry(p)).toThrow(/unsafe path/);
  });
});
