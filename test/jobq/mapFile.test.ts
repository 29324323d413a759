import { describe, expect, it } from 'vitest';
import { JobqInputError } from '../../src/jobq/issues.js';
import {
  isWindowsPath,
  parseMapFile,
  readMapFile,
  stripTrailingSeparators,
} from '../../src/jobq/mapFile.js';
import { corpus, corpusLogs } from './helpers.js';
import { join } from 'node:path';

function errors(text: string): string[] {
  try {
    parseMapFile(text, 'host.map');
  } catch (e) {
    expect(e).toBeInstanceOf(JobqInputError);
    return (e as JobqInputError).message.split('\n');
  }
  return [];
}

describe('parseMapFile', () => {
  it('reads the map/1 format: comments, sections, trimmed literal values', () => {
    const map = parseMapFile(
      '# source host\n[paths]\nSPOOL = /scratch/condor/spool\r\n  LOCAL_DIR=/scratch/condor/  \n' +
        '\n[knobs]\nSCHEDD_NAME = x\n[Paths]\nRELEASE_DIR = C:\\Program Files\\condor\\\n',
      'host.map',
    );
    expect(map.entries.map((e) => [e.name, e.path, e.windows, e.line])).toEqual([
      ['SPOOL', '/scratch/condor/spool', false, 3],
      ['LOCAL_DIR', '/scratch/condor', false, 4],
      ['RELEASE_DIR', 'C:\\Program Files\\condor', true, 9],
    ]);
    expect(map.byName.get('LOCAL_DIR')?.path).toBe('/scratch/condor');
  });

  it('reads every corpus map', () => {
    for (const name of corpusLogs) {
      for (const m of [`${name}.map`, `${name}.target.map`]) {
        const map = readMapFile(join(corpus, m));
        expect(map.entries.map((e) => e.name)).toEqual(['SPOOL', 'LOCAL_DIR', 'RELEASE_DIR']);
      }
    }
  });

  it('names file, line and what was expected', () => {
    expect(errors('SPOOL /x\n')).toEqual([
      'host.map:1:1: error: expected NAME = /path (a macro name, "=", an absolute path), found "SPOOL /x"',
    ]);
    expect(errors('A = /x\na = /y\n')).toEqual([
      'host.map:2:1: error: a is defined twice (first at line 1; names ignore case)',
    ]);
    expect(errors('A = /x\nB = /x/\n')[0]).toMatch(
      /^host.map:2:5: error: B has the same path as A/,
    );
    expect(errors('A = relative/dir\n')[0]).toMatch(
      /^host.map:1:5: error: A = relative\/dir: expected an absolute path/,
    );
    expect(errors('A =\n')[0]).toMatch(/^host.map:1:4: error: A has an empty path/);
    expect(errors('DOLLAR = /x\n')[0]).toMatch(/DOLLAR is reserved/);
    expect(errors('A = $(B)/x\n')[0]).toMatch(/literal/);
    expect(errors('[bad section\n')[0]).toMatch(/^host.map:1:1: error: expected a section line/);
    expect(errors('# nothing\n')).toEqual([
      'host.map: error: the map defines no paths: expected NAME = /path lines (in the [paths] section)',
    ]);
  });
});

describe('paths', () => {
  it('knows Windows paths and drops trailing separators, roots excepted', () => {
    expect(['C:\\x', 'c:/x', '\\\\server\\share', '/x', 'x'].map(isWindowsPath)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(stripTrailingSeparators('/a/b//')).toBe('/a/b');
    expect(stripTrailingSeparators('/')).toBe('/');
    expect(stripTrailingSeparators('C:\\')).toBe('C:\\');
    expect(stripTrailingSeparators('C:\\a\\/')).toBe('C:\\a');
    expect(stripTrailingSeparators('/a\\')).toBe('/a\\');
  });
});
