import { describe, expect, it } from 'vitest';
import { mapValue } from '../../src/config/mapFile.js';
import { defaultKnobSpec } from '../../src/migrate/knobs.js';
import { generateTargetMap, removedKnobNames } from '../../src/migrate/targetMap.js';
import { residualTraces, scanText } from '../../src/migrate/residual.js';
import { planTargets } from '../../src/migrate/install.js';
import type { Manifest } from '../../src/migrate/manifest.js';

const removed = (name: string) =>
  `#configmd:removed ${name} {"class":"optional","line":1,"lastLine":1,"head":"${name} = "}`;

describe('the generated target map', () => {
  it('gives removed knobs this host’s paths, name and address', () => {
    const files = [
      `${removed('SPOOL')}\n${removed('SCHEDD.SPOOL')}\nX = 1\n`,
      `${removed('NETWORK_INTERFACE')}\r\n${removed('NETWORK_HOSTNAME')}\n${removed('HOST_ALIAS')}\n`,
    ];
    expect(removedKnobNames(files)).toEqual([
      'SPOOL',
      'SCHEDD.SPOOL',
      'NETWORK_INTERFACE',
      'NETWORK_HOSTNAME',
      'HOST_ALIAS',
    ]);
    const t = generateTargetMap({
      paths: [{ name: 'SPOOL', value: '/srv/spool' }],
      files,
      spec: defaultKnobSpec(),
      hostName: 'b.example.net',
      ip: '10.9.8.7',
      knobs: [{ name: 'HOST_ALIAS', value: 'alias.example.net' }],
    });
    expect(mapValue(t.map, 'SPOOL')).toBe('/srv/spool');
    expect(mapValue(t.map, 'SCHEDD.SPOOL')).toBe('/srv/spool');
    expect(mapValue(t.map, 'NETWORK_INTERFACE')).toBe('10.9.8.7');
    expect(mapValue(t.map, 'NETWORK_HOSTNAME')).toBe('b.example.net');
    expect(mapValue(t.map, 'HOST_ALIAS')).toBe('alias.example.net');
    expect(t.text).toContain('[knobs]\n');
  });

  it('leaves out an address it does not know', () => {
    const t = generateTargetMap({
      paths: [],
      files: [removed('NETWORK_INTERFACE')],
      spec: defaultKnobSpec(),
      hostName: 'b',
      ip: '',
    });
    expect(mapValue(t.map, 'NETWORK_INTERFACE')).toBeUndefined();
  });
});

describe('the residual scan', () => {
  it('does not look for a source prefix that holds a path of this host', () => {
    const t = residualTraces(
      {
        paths: [
          { name: 'RELEASE_DIR', value: '/usr' },
          { name: 'SPOOL', value: '/scratch/spool' },
        ],
        hostName: 'a.example.edu',
        address: '10.1.2.3',
      },
      [{ name: 'RELEASE_DIR', value: '/usr' }],
    );
    expect(t.prefixes.map((p) => p.name)).toEqual(['SPOOL']);
    expect(t.skipped[0]!.reason).toContain("this host's RELEASE_DIR");
    expect(t.hosts).toEqual(['a.example.edu', 'a']);
  });

  it('finds prefixes on a path boundary, whole host names and addresses', () => {
    const t = residualTraces(
      {
        paths: [{ name: 'SPOOL', value: '/scratch/spool' }],
        hostName: 'a.example.edu',
        address: '10.1.2.3',
      },
      [],
    );
    const hits = scanText(
      'Iwd = "/scratch/spool/1"\nx = /scratch/spool2/y\nslot1@A.example.edu data.example.edu\nip 10.1.2.3 110.1.2.34\n',
      'f',
      t,
    );
    expect(hits.map((h) => [h.line, h.kind, h.match])).toEqual([
      [1, 'prefix', '/scratch/spool'],
      [3, 'host', 'A.example.edu'],
      [4, 'address', '10.1.2.3'],
    ]);
  });
});

describe('install targets', () => {
  const layout: Manifest = {
    format: 'schedd-checkpoint/1',
    complete: false,
    created: 0,
    creator: '',
    scheddName: 's',
    sourceHost: 'a',
    sourceAddress: '',
    sourcePaths: [
      { name: 'SPOOL', value: '/scratch/spool' },
      { name: 'LOCAL_DIR', value: '/opt/local' },
      { name: 'CONFIG_ROOT', value: '/opt/etc' },
      { name: 'RELEASE_DIR', value: '/opt' },
    ],
    components: [
      { macro: 'LOCAL_DIR', kind: 'anchor' },
      { macro: 'CONFIG_ROOT', kind: 'anchor' },
      { macro: 'SPOOL', kind: 'directory' },
      {
        macro: 'JOB_QUEUE_LOG',
        kind: 'file',
        name: 'job_queue.log',
        location: '$(SPOOL)/job_queue.log',
      },
      { macro: 'CONFIG', kind: 'config' },
    ],
  };

  it('place top-level components under LOCAL_DIR and the others where their location says', () => {
    const t = planTargets(layout, { prefix: '/srv/h', releaseDir: '/usr' });
    expect(Object.fromEntries(t)).toEqual({
      LOCAL_DIR: '/srv/h',
      RELEASE_DIR: '/usr',
      CONFIG_ROOT: '/srv/h/config',
      SPOOL: '/srv/h/spool',
      JOB_QUEUE_LOG: '/srv/h/spool/job_queue.log',
    });
  });

  it('follow the installation config, and refuse two macros in one place', () => {
    const installConfig = {
      file: 'i',
      paths: [{ name: 'SPOOL', value: '/data/spool/', line: 1 }],
      knobs: [],
    };
    expect(
      planTargets(layout, { prefix: '/srv/h', releaseDir: '/usr', installConfig }).get(
        'JOB_QUEUE_LOG',
      ),
    ).toBe('/data/spool/job_queue.log');
    const clash = { file: 'i', paths: [{ name: 'SPOOL', value: '/srv/h', line: 1 }], knobs: [] };
    expect(() =>
      planTargets(layout, { prefix: '/srv/h', releaseDir: '/usr', installConfig: clash }),
    ).toThrow(/would both be \/srv\/h/);
  });
});
