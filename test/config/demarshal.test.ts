import { describe, expect, it } from 'vitest';
import { parseKnobSpec } from '../../src/config/knobSpec.js';
import { demarshalFile, demarshalTree, readManifest } from '../../src/config/demarshal.js';
import { parseMapFile } from '../../src/config/mapFile.js';
import { marshalConfig, marshalFile } from '../../src/config/marshal.js';
import { parseConfig } from '../../src/config/parse.js';
import { bytes, makeTree, resolveTree, SOURCE, SPEC } from './helpers.js';

const TARGET = parseMapFile(
  '[paths]\nSPOOL = /srv/spool\nLOCAL_DIR = /data\n[knobs]\nSCHEDD_NAME = ap2.example.edu\n',
  'target.map',
);

/** marshal(text, SOURCE) then demarshal with `map`. */
function trip(text: string, map = SOURCE, spec = SPEC) {
  const m = marshalFile(parseConfig(text, 'f'), 'f', SPEC, SOURCE);
  expect(m.errors).toEqual([]);
  return demarshalFile(m.bytes, 'f', map, spec);
}

const TRICKY = [
  '# Configuration with everything that needs care\r',
  'SPOOL   = $(LOCAL_DIR)/lib/spool\r',
  'SPOOL = /scratch/spool\r',
  'LOG = /var/log \\\r',
  '   /more\r',
  'if version > 8.0\r',
  '  SCHEDD_NAME = ap1.example.edu \r',
  'endif\r',
  'X = $(SPOOL)/kept /scratch/spool/x $(LOCAL_DIR)\r',
  'T @=end\r',
  '  SET Dir "/var/d\xe9"\r',
  '  # comment in a body\r',
  '@end\r',
  'LOCAL_DIR = /var',
].join('\n');

describe('demarshal', () => {
  it('with the source map, gives back every byte (knobs defined twice, continuations, CRLF, no final EOL)', () => {
    const d = trip(TRICKY);
    expect(d.errors).toEqual([]);
    expect(d.bytes).toBe(TRICKY);
  });
  it('with a target map, gives each removed knob the map value and each marshal $(MACRO) the target path', () => {
    const d = trip(TRICKY, TARGET);
    expect(d.errors).toEqual([]);
    expect(d.bytes.split('\r\n')).toEqual([
      '# Configuration with everything that needs care',
      'SPOOL   = /srv/spool',
      'SPOOL = /srv/spool',
      'if version > 8.0',
      '  SCHEDD_NAME = ap2.example.edu',
      'endif',
      'X = $(SPOOL)/kept /srv/spool/x $(LOCAL_DIR)',
      'T @=end',
      '  SET Dir "/data/d\xe9"',
      '  # comment in a body',
      '@end',
      'LOCAL_DIR = /data',
    ]);
    expect(d.restored.map((r) => [r.name, r.line, r.action])).toEqual([
      ['SPOOL', 2, 'mapped'],
      ['SPOOL', 3, 'mapped'],
      ['LOG', 4, 'dropped'],
      ['SCHEDD_NAME', 7, 'mapped'],
      ['LOCAL_DIR', 14, 'mapped'],
    ]);
  });
  it('restores the original of a knob whose value does not change between the hosts', () => {
    const same = parseMapFile('[paths]\nSPOOL = /scratch/spool\nLOCAL_DIR = /data\n', 't');
    const d = trip('SPOOL = $(LOCAL_DIR)/lib/spool\nLOCAL_DIR = /var\nA = /var/a\n', same);
    expect(d.bytes).toBe('SPOOL = $(LOCAL_DIR)/lib/spool\nLOCAL_DIR = /data\nA = /data/a\n');
  });
  it('fails for a required knob without a value, naming it; drops an optional one', () => {
    const map = parseMapFile('[paths]\nLOCAL_DIR = /data\nSPOOL_X = /s\n', 'short.map');
    const d = trip('LOG = /var/log\nSPOOL = /scratch/spool\n', map);
    expect(d.errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'required knob SPOOL (line 2 of f) has no value in the map short.map'],
    ]);
    expect(d.restored).toEqual([{ file: 'f', line: 1, name: 'LOG', action: 'dropped' }]);
  });
  it('uses the knob spec it is given for the class', () => {
    const relaxed = parseKnobSpec('SPOOL optional\n');
    const d = trip('SPOOL = /scratch/spool\n', parseMapFile('LOCAL_DIR = /d\n'), relaxed);
    expect([d.errors, d.bytes]).toEqual([[], '']);
  });
  it('needs a [paths] value for each macro marshal wrote', () => {
    const d = trip('A = /scratch/spool/a\n', parseMapFile('LOCAL_DIR = /d\n', 'm'));
    expect(d.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '2:5 the map m has no [paths] entry for SPOOL',
    ]);
  });
  it('notices a file edited after marshalling', () => {
    const m = marshalFile(parseConfig('A = /var/x\n', 'f'), 'f', SPEC, SOURCE);
    const edited = m.bytes.replace('$(LOCAL_DIR)', '$(LOCAL)');
    expect(demarshalFile(edited, 'f', TARGET, SPEC).errors.map((e) => e.message)).toEqual([
      'expected $(LOCAL_DIR) here (written by marshal): the file was changed after marshalling',
    ]);
    expect(
      demarshalFile('#configmd:marshalled {bad', 'f', TARGET, SPEC).errors[0]!.message,
    ).toMatch(/damaged/);
  });
  it('follows the manifest of the main file', () => {
    const tree = makeTree({
      'etc/condor/condor_config': 'LOCAL_DIR = /var\nLOCAL_CONFIG_DIR = /etc/condor/config.d\n',
      'etc/condor/config.d/10-a': 'SPOOL = /scratch/spool\nB = /var/b\n',
      'etc/condor/config.d/x~': 'SPOOL = /var/old\n',
    });
    const c = resolveTree(tree, 'etc/condor/condor_config');
    const m = marshalConfig(c, 'etc/condor/condor_config', SPEC, SOURCE, bytes);
    const files = new Map(m.outputs.map((o) => [o.path, o.bytes]));
    expect(readManifest(files.get('etc/condor/condor_config')!, 'main').main).toBe(
      'etc/condor/condor_config',
    );
    const d = demarshalTree('etc/condor/condor_config', (p) => files.get(p), TARGET, SPEC);
    expect(d.errors).toEqual([]);
    expect(Object.fromEntries(d.outputs.map((o) => [o.path, o.bytes]))).toEqual({
      'etc/condor/condor_config': 'LOCAL_DIR = /data\nLOCAL_CONFIG_DIR = /etc/condor/config.d\n',
      'etc/condor/config.d/10-a': 'SPOOL = /srv/spool\nB = /data/b\n',
      'etc/condor/config.d/x~': 'SPOOL = /var/old\n',
    });
    const missing = demarshalTree(
      'etc/condor/condor_config',
      (p) => (p.endsWith('10-a') ? undefined : files.get(p)),
      TARGET,
      SPEC,
    );
    expect(missing.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'etc/condor/config.d/10-a: missing from the marshalled tree (listed in etc/condor/condor_config)',
    ]);
    expect(demarshalTree('x', () => 'A = 1\n', TARGET, SPEC).errors[0]!.message).toMatch(
      /not a marshalled main file/,
    );
  });
});
