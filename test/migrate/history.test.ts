import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMapFile } from '../../src/config/mapFile.js';
import { parseMapFile } from '../../src/jobq/mapFile.js';
import { FileSink } from '../../src/jobq/recordWriter.js';
import { demarshalHistory, marshalHistory } from '../../src/migrate/history.js';
import { MigrateError } from '../../src/migrate/errors.js';
import { HOST_A, HOST_B, historyFiles } from './scheddTree.js';
import { tempDir } from './helpers.js';

const map = (h: typeof HOST_A) =>
  parseMapFile(
    formatMapFile([
      { name: 'SPOOL', value: h.spool },
      { name: 'LOCAL_DIR', value: h.localDir },
      { name: 'RELEASE_DIR', value: h.releaseDir },
    ]),
    'm',
  );

describe('historyMD', () => {
  it('marshals a history file and demarshals it for another host', async () => {
    const dir = tempDir('migrate-hist-');
    const input = join(dir, 'history');
    const text = historyFiles(HOST_A)[`${HOST_A.spool}/history`]!;
    writeFileSync(input, Buffer.from(text, 'latin1'));
    const m = await marshalHistory(input, new FileSink(join(dir, 'm')), map(HOST_A));
    const marshalled = readFileSync(join(dir, 'm'), 'latin1');
    expect(marshalled).not.toContain(HOST_A.spool);
    expect(marshalled).toContain('Iwd = "$(SPOOL)/901/0/cluster901.proc0.subproc0"');
    expect(marshalled).toContain('Arguments = "--out $(DOLLAR)(literal)"');
    expect(marshalled).toContain('*** ProcId = 0 ClusterId = 901');
    expect(m.rewritten).toBe(8);
    await demarshalHistory(join(dir, 'm'), new FileSink(join(dir, 'b')), map(HOST_B));
    expect(readFileSync(join(dir, 'b'), 'latin1')).toBe(
      historyFiles(HOST_B)[`${HOST_B.spool}/history`],
    );
    await demarshalHistory(join(dir, 'm'), new FileSink(join(dir, 'a')), map(HOST_A));
    expect(readFileSync(join(dir, 'a'), 'latin1')).toBe(text);
  });

  it('names the line of a macro the map lacks, and writes nothing', async () => {
    const dir = tempDir('migrate-hist-');
    writeFileSync(join(dir, 'm'), 'ClusterId = 1\nIwd = "$(EXECUTE)/x"\n');
    const p = demarshalHistory(join(dir, 'm'), new FileSink(join(dir, 'out')), map(HOST_B));
    await expect(p).rejects.toThrow(MigrateError);
    await expect(
      demarshalHistory(join(dir, 'm'), new FileSink(join(dir, 'out')), map(HOST_B)),
    ).rejects.toThrow(/m:2:\d+: Iwd: no mapping for the macro \$\(EXECUTE\)/);
    expect(() => readFileSync(join(dir, 'out'))).toThrow();
  });
});
