import { describe, expect, it } from 'vitest';
import { parseMapFile } from '../../src/config/mapFile.js';
import { parseHeader, parseRemoved } from '../../src/config/markers.js';
import { macroise, marshalConfig, marshalFile } from '../../src/config/marshal.js';
import { parseConfig } from '../../src/config/parse.js';
import { prefixesOf } from '../../src/config/pathPrefix.js';
import { bytes, makeTree, resolveTree, SOURCE, SPEC } from './helpers.js';

const one = (text: string, map = SOURCE) => marshalFile(parseConfig(text, 'f'), 'f', SPEC, map);

describe('marshal', () => {
  it('replaces each spec definition by one removed line and keeps every other byte', () => {
    const text =
      '# head\r\nSPOOL   = /scratch/spool\r\nMAX = 5\r\nSCHEDD_NAME = ap1.example.edu\r\n';
    const m = one(text);
    expect(m.errors).toEqual([]);
    expect(m.bytes).toBe(
      '# head\r\n' +
        '#configmd:removed SPOOL {"class":"required","line":2,"lastLine":2,"head":"SPOOL   = "}\r\n' +
        'MAX = 5\r\n' +
        '#configmd:removed SCHEDD_NAME {"class":"optional","line":4,"lastLine":4,"head":"SCHEDD_NAME = "}\r\n',
    );
    expect(m.removed.map((r) => [r.name, r.line, r.class, r.value])).toEqual([
      ['SPOOL', 2, 'required', '/scratch/spool'],
      ['SCHEDD_NAME', 4, 'optional', 'ap1.example.edu'],
    ]);
  });
  it('keeps the original of a definition the map does not reproduce, with a hash of the map value', () => {
    const m = one(
      'SPOOL = $(LOCAL_DIR)/lib/spool\nSPOOL = /scratch/spool \nLOG = /var/log \\\n  /x\n',
    );
    const lines = m.bytes.split('\n').filter((l) => l !== '');
    expect(lines.map((l) => parseRemoved(l))).toEqual([
      {
        name: 'SPOOL',
        class: 'required',
        line: 1,
        lastLine: 1,
        head: 'SPOOL = ',
        keep: 'SPOOL = $(LOCAL_DIR)/lib/spool',
        if: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
      expect.objectContaining({ line: 2, keep: 'SPOOL = $(SPOOL) ', keepPaths: [[8, 'SPOOL']] }),
      expect.objectContaining({
        line: 3,
        lastLine: 4,
        keep: 'LOG = $(LOCAL_DIR)/log \\\n  /x',
        head: 'LOG = ',
      }),
    ]);
  });
  it('removes definitions in if branches, @= bodies, prefixed names and += forms', () => {
    const m = one(
      'if true\n  SCHEDD.SPOOL = /scratch/spool\nelse\n  LOG += x\nendif\nSCHEDD_NAME @=e\n  a\n@e\nZ = 1\n',
    );
    const lines = m.bytes.split('\n');
    expect(lines[1]).toMatch(/^#configmd:removed SCHEDD\.SPOOL /);
    expect(parseRemoved(lines[1]!)!.head).toBe('  SCHEDD.SPOOL = ');
    expect(parseRemoved(lines[3]!)).toMatchObject({
      name: 'LOG',
      head: '  LOG += ',
      keep: '  LOG += x',
    });
    expect(parseRemoved(lines[5]!)).toMatchObject({
      name: 'SCHEDD_NAME',
      line: 6,
      lastLine: 8,
      head: 'SCHEDD_NAME @=e',
      close: '@e',
    });
    expect(lines.slice(6)).toEqual(['Z = 1', '']);
  });
  it('replaces source prefixes in configuration text only, and records where', () => {
    const text = [
      '# /scratch/spool stays in comments',
      'include : /var/etc/extra.conf',
      'ARGS = --spool=/scratch/spool \\',
      '   /var/log/x "/scratch/spool2"',
      'T @=end',
      '  SET Dir "/scratch/spool/d"',
      '@end',
      'use FEATURE : X(/var/y)',
      'OLD = $(SPOOL)/kept',
      '',
    ].join('\n');
    const m = one(text);
    const [header, ...body] = m.bytes.split('\n');
    expect(body).toEqual([
      '# /scratch/spool stays in comments',
      'include : $(LOCAL_DIR)/etc/extra.conf',
      'ARGS = --spool=$(SPOOL) \\',
      '   $(LOCAL_DIR)/log/x "/scratch/spool2"',
      'T @=end',
      '  SET Dir "$(SPOOL)/d"',
      '@end',
      'use FEATURE : X(/var/y)',
      'OLD = $(SPOOL)/kept',
      '',
    ]);
    expect(parseHeader(header!)!.paths).toEqual([
      [2, 10, 'LOCAL_DIR'],
      [3, 15, 'SPOOL'],
      [4, 3, 'LOCAL_DIR'],
      [6, 11, 'SPOOL'],
    ]);
    expect(m.rewritten.map((r) => [r.line, r.macros])).toEqual([
      [2, ['LOCAL_DIR']],
      [3, ['SPOOL']],
      [4, ['LOCAL_DIR']],
      [6, ['SPOOL']],
    ]);
  });
  it('refuses a file that has configmd marks already', () => {
    const m = one('#configmd:removed SPOOL {}\n');
    expect(m.errors.map((e) => [e.line, e.message])).toEqual([
      [1, 'this line is a configmd mark: the file is marshalled already'],
    ]);
  });
  it('warns when the map has no value for a removed knob', () => {
    const m = one('SPOOL = /x\n', parseMapFile('LOCAL_DIR = /var\n', 'm'));
    expect(m.warnings.map((w) => w.message)).toEqual([
      'SPOOL has no value in the map m: demarshal with this map will fail',
    ]);
  });
  it('keeps bytes that are not UTF-8 and a last line without a line end', () => {
    expect(one('# caf\xe9\nX = \xff/var/x\nSPOOL = /scratch/spool').bytes).toBe(
      '# caf\xe9\nX = \xff/var/x\n#configmd:removed SPOOL {"class":"required","line":3,"lastLine":3,"head":"SPOOL = "}',
    );
  });
  it('macroises multi-line text line by line', () => {
    expect(macroise('A = \\\n/var/x', prefixesOf(SOURCE))).toEqual({
      text: 'A = \\\n$(LOCAL_DIR)/x',
      at: [[6, 'LOCAL_DIR']],
    });
  });
  it('marshals a whole configuration: the manifest in the main file, copies of excluded files', () => {
    const tree = makeTree({
      'etc/condor/condor_config': 'LOCAL_DIR = /var\nLOCAL_CONFIG_DIR = /etc/condor/config.d\n',
      'etc/condor/config.d/10-a': 'SPOOL = /scratch/spool\n',
      'etc/condor/config.d/x.rpmsave': 'SPOOL = /old\n',
    });
    const c = resolveTree(tree, 'etc/condor/condor_config');
    const m = marshalConfig(c, 'etc/condor/condor_config', SPEC, SOURCE, bytes);
    expect(m.errors).toEqual([]);
    expect(m.outputs.map((o) => [o.path, o.role])).toEqual([
      ['etc/condor/condor_config', 'config'],
      ['etc/condor/config.d/10-a', 'config'],
      ['etc/condor/config.d/x.rpmsave', 'copy'],
    ]);
    expect(parseHeader(m.outputs[0]!.bytes.split('\n')[0]!)).toEqual({
      format: 'configmd/1',
      main: 'etc/condor/condor_config',
      files: [
        { path: 'etc/condor/condor_config', role: 'config' },
        { path: 'etc/condor/config.d/10-a', role: 'config' },
        { path: 'etc/condor/config.d/x.rpmsave', role: 'copy' },
      ],
    });
    expect(m.outputs[2]!.bytes).toBe('SPOOL = /old\n');
    // A marshalled configuration is still one our parser reads: the knobs are just absent.
    const again = parseConfig(m.outputs[1]!.bytes, 'x');
    expect(again.statements).toEqual([]);
  });
  it('does not marshal a configuration with errors', () => {
    const tree = makeTree({ 'c/condor_config': 'include : /c/missing\n' });
    const c = resolveTree(tree, 'c/condor_config');
    const m = marshalConfig(c, 'c/condor_config', SPEC, SOURCE, bytes);
    expect(m.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^cannot open \/c\/missing/),
    ]);
    expect(m.outputs).toEqual([]);
  });
});
