import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/diagnostics.js';
import { formatMapFile, mapPath, mapValue, parseMapFile } from '../../src/config/mapFile.js';
import { bytes, corpus, HOSTS } from './helpers.js';

const errorsOf = (text: string): string[] => {
  try {
    parseMapFile(text, 'm.map');
    return [];
  } catch (e) {
    return (e as ConfigError).diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
  }
};

describe('map/1 files', () => {
  it('reads [paths] (the default section) and [knobs], values trimmed', () => {
    const map = parseMapFile(
      '# c\nSPOOL = /srv/spool \n[knobs]   # values\nSCHEDD_NAME =  ap2@x \nLOG = $(LOCAL_DIR)/log\nEMPTY =\n',
    );
    expect(map.paths).toEqual([{ name: 'SPOOL', value: '/srv/spool', line: 2 }]);
    expect(map.knobs.map((k) => [k.name, k.value])).toEqual([
      ['SCHEDD_NAME', 'ap2@x'],
      ['LOG', '$(LOCAL_DIR)/log'],
      ['EMPTY', ''],
    ]);
  });
  it('looks removed knobs up in [knobs], then [paths], case-insensitively', () => {
    const map = parseMapFile(
      '[paths]\nSPOOL = /p\nLOCAL_DIR = /l\n[knobs]\nspool = /k\n'.replace(
        'spool = /k',
        'SCHEDD.SPOOL = /k',
      ),
    );
    expect(mapValue(map, 'spool')).toBe('/p');
    expect(mapValue(map, 'SCHEDD.SPOOL')).toBe('/k');
    expect(mapValue(map, 'NOPE')).toBeUndefined();
    expect(mapPath(map, 'local_dir')).toBe('/l');
  });
  it('keeps Windows values with their backslashes and spaces', () => {
    const map = parseMapFile(
      'SPOOL = D:\\condor\\spool\r\nRELEASE_DIR = C:\\Program Files\\HTCondor\r\n',
    );
    expect(map.paths.map((p) => p.value)).toEqual([
      'D:\\condor\\spool',
      'C:\\Program Files\\HTCondor',
    ]);
  });
  it('rejects duplicates, equal paths, relative paths, trailing separators and continuations', () => {
    expect(errorsOf('A = /x\n[knobs]\na = 1\n')).toEqual(['3:1: a is already defined on line 1']);
    expect(errorsOf('A = /x\nB = /x\n')).toEqual(['2:5: B has the same path as A (line 1)']);
    expect(errorsOf('A = x/y\n')).toEqual(["1:5: A: [paths] values are absolute paths, not 'x/y'"]);
    expect(errorsOf('A = /x/\n')).toEqual(['1:5: A: a path prefix may not end with a separator']);
    expect(errorsOf('[knobs]\nA = C:\\dir\\\n')).toEqual([
      "2:5: A: a value ending in '\\' would continue onto the next configuration line",
    ]);
    expect(errorsOf('[other]\nno equals sign\n')).toEqual([
      '1:1: unknown section [other] (expected [paths] or [knobs])',
      '2:1: expected NAME = value',
    ]);
  });
  it('reads every corpus map', () => {
    for (const h of HOSTS) {
      for (const suffix of ['.map', '.target.map']) {
        const map = parseMapFile(bytes(`${corpus}/hosts/${h}${suffix}`));
        expect(map.paths.map((p) => p.name)).toEqual(['SPOOL', 'LOCAL_DIR', 'RELEASE_DIR']);
      }
    }
    expect(parseMapFile(bytes(`${corpus}/sample-target.map`)).knobs).toHaveLength(9);
  });
  it('writes maps that read back', () => {
    const text = formatMapFile(
      [{ name: 'SPOOL', value: '/s' }],
      [{ name: 'A', value: 'b' }],
      ['made here'],
    );
    expect(text).toBe('# made here\n[paths]\nSPOOL = /s\n[knobs]\nA = b\n');
    expect(mapValue(parseMapFile(text), 'A')).toBe('b');
  });
});
