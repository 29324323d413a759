import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demarshalLog, DemarshalRewriter } from '../../src/jobq/demarshal.js';
import { JobqInputError } from '../../src/jobq/issues.js';
import { parseMapFile } from '../../src/jobq/mapFile.js';
import { BufferSink } from '../../src/jobq/recordWriter.js';
import { bufferSource } from '../../src/jobq/logSource.js';
import {
  corpusBytes,
  corpusLogs,
  corpusMap,
  demarshalBytes,
  expectedTarget,
  marshalBytes,
  removeTempDirs,
  tempDir,
} from './helpers.js';

afterAll(removeTempDirs);

describe('demarshal, on every corpus log', () => {
  for (const name of corpusLogs) {
    it(`${name}: restores the log byte for byte, and moves it to the target host`, async () => {
      const input = corpusBytes(`${name}.log`);
      const { output: marshalled } = await marshalBytes(input, corpusMap(`${name}.map`));
      const back = await demarshalBytes(marshalled, corpusMap(`${name}.map`));
      expect(back.output.equals(input)).toBe(true);
      const moved = await demarshalBytes(marshalled, corpusMap(`${name}.target.map`));
      expect(moved.output.toString('latin1')).toBe(expectedTarget(name).toString('latin1'));
    });
  }
});

describe('demarshal', () => {
  const map = parseMapFile('SPOOL = /srv/spool\nLOCAL_DIR = /srv\n', 'target.map');

  it('expands macros in every string of a candidate attribute', async () => {
    const log =
      '103 1.0 Iwd "$(SPOOL)/1/0"\r\n103 1.0 X ifThenElse(a, "$(LOCAL_DIR)/x", "$(DOLLAR)(HOME)")\r\n';
    const { output, summary } = await demarshalBytes(log, map);
    expect(output.toString('latin1')).toBe(
      '103 1.0 Iwd "/srv/spool/1/0"\r\n103 1.0 X ifThenElse(a, "/srv/x", "$(HOME)")\r\n',
    );
    expect([summary.macros, summary.dollars, summary.attributesRewritten]).toEqual([
      { SPOOL: 1, LOCAL_DIR: 1 },
      1,
      2,
    ]);
  });

  it('names the macro and the line of a macro the map lacks, and writes nothing', async () => {
    const log =
      '105 \n103 1.0 Iwd "$(SPOOL)/1"\n103 1.0 Cmd "x\\"y\\" $(RELEASE_DIR)/bin/sh"\n106 \n';
    const sink = new BufferSink();
    const run = demarshalLog(bufferSource(log, 'q.log'), { map, output: sink });
    await expect(run).rejects.toThrow(JobqInputError);
    await run.catch((e: JobqInputError) => {
      expect(e.message).toBe(
        'q.log:3:21: error: no mapping for the macro $(RELEASE_DIR): the map target.map defines SPOOL, LOCAL_DIR (the schedd refuses to start: a valid 106 follows at line 4, so this corrupt record lies inside a closed transaction and recovery fails)',
      );
      expect(e.issues[0]).toMatchObject({ code: 'unknown-macro', line: 3, column: 21 });
    });
    expect(sink.result).toBeUndefined();
  });

  it('leaves no output file when it fails', async () => {
    const dir = tempDir('jobq-demarshal-');
    const input = join(dir, 'in.log');
    writeFileSync(input, '103 1.0 Iwd "$(NOPE)/1"\n');
    await expect(demarshalLog(input, { map, output: join(dir, 'out.log') })).rejects.toThrow(
      /no mapping for the macro \$\(NOPE\)/,
    );
    expect(readdirSync(dir)).toEqual(['in.log']);
  });

  it('refuses a $( that its marshal would have escaped', async () => {
    await expect(demarshalBytes('103 1.0 Env "A=$(date +%s)"\n', map)).rejects.toThrow(
      /<test>:1:16: error: "\$\(" not followed by a macro name/,
    );
    expect(new DemarshalRewriter(map).patterns).toEqual(['$(']);
  });
});
