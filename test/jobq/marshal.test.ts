import { describe, expect, it } from 'vitest';
import { marshalLog, MarshalRewriter } from '../../src/jobq/marshal.js';
import { parseMapFile } from '../../src/jobq/mapFile.js';
import { BufferSink } from '../../src/jobq/recordWriter.js';
import { parseRulesFile } from '../../src/jobq/rulesFile.js';
import { bufferSource } from '../../src/jobq/logSource.js';
import {
  corpusBytes,
  corpusLogs,
  corpusMap,
  logLines,
  marshalBytes,
  truthOf,
  truthRuleSpans,
  truthValue,
  valueOf,
} from './helpers.js';

describe('marshal, on every corpus log', () => {
  for (const name of corpusLogs) {
    it(`${name}: rewrites exactly the ground-truth occurrences`, async () => {
      const truth = truthOf(name);
      const input = corpusBytes(`${name}.log`);
      const { output, summary } = await marshalBytes(input, corpusMap(`${name}.map`));
      const before = logLines(input);
      const after = logLines(output);
      expect(after).toHaveLength(truth.lines);
      expect(output.includes('\r\n')).toBe(truth.eol === 'crlf');
      const occurrences = new Set(truth.occurrences.map((e) => e.line));
      const mayDiffer = new Set([
        ...truth.ambiguous.map((e) => e.line),
        ...truth.literal_macros.map((e) => e.line),
      ]);
      const sources = truth.prefixes.map((p) => Buffer.from(p.source, 'utf8').toString('latin1'));
      const windows = truth.path_style === 'windows';
      const wrong: string[] = [];
      for (let i = 0; i < before.length; i++) {
        const line = i + 1;
        if (occurrences.has(line)) {
          if (after[i] === before[i]) wrong.push(`line ${line} is listed but did not change`);
          if (truthRuleSpans(valueOf(after[i]!), sources, windows).length > 0)
            wrong.push(`line ${line} still holds a source prefix`);
        } else if (!mayDiffer.has(line) && after[i] !== before[i]) {
          wrong.push(`line ${line} is not listed but changed`);
        }
      }
      expect(wrong).toEqual([]);
      // Every value that held "$(" keeps it distinguishable from our macros.
      for (const e of truth.literal_macros) expect(after[e.line - 1]).toContain('$(DOLLAR)(');
      const spans = Object.values(summary.macros).reduce((a, b) => a + b, 0);
      expect(spans).toBe(truth.summary.path_spans);
      if (truth.summary.by_macro) expect(summary.macros).toEqual(truth.summary.by_macro);
      if (truth.records) expect(summary.records).toEqual(truth.records);
      expect(summary.bytesIn).toBe(truth.bytes);
      expect(summary.bytesOut).toBe(output.length);
    });
  }

  it('uses $(NAME) and $(DOLLAR)( as its convention', async () => {
    const truth = truthOf('j01-tiny-live');
    const { output } = await marshalBytes(
      corpusBytes('j01-tiny-live.log'),
      corpusMap('j01-tiny-live.map'),
    );
    const after = logLines(output);
    const at = (line: number) => valueOf(after[line - 1]!);
    const iwd = truth.occurrences.find((e) => e.attr === 'Iwd')!;
    expect(at(iwd.line)).toBe('"$(SPOOL)/2/0/cluster2.proc0.subproc0"');
    const env = truth.occurrences.find((e) => e.line === 109)!;
    expect(truthValue(env)).toContain('TEMPLATE=$(SPOOL)');
    expect(at(109)).toBe(
      '"OUT=$(SPOOL)/1/0/cluster1.proc0.subproc0/out TEMPLATE=$(DOLLAR)(SPOOL)/templates/default STAMP=\'$(DOLLAR)(date +%s)\'"',
    );
    expect(at(243)).toBe(
      '"$(LOCAL_DIR)/spool2/old/x.dat,$(LOCAL_DIR)/spool.bak/y.dat,/home/hiro/scratch/condor/spool/z.dat,/scratch/condor_old/w.dat,/home/hiro/usr/bin/tool"',
    );
    expect(at(115)).toBe('strcat("$(LOCAL_DIR)/scratch/", Owner, "/job")');
  });

  it('does not depend on where the chunks end', async () => {
    for (const name of ['j01-tiny-live', 'j04-windows-live-crlf']) {
      const input = corpusBytes(`${name}.log`);
      const map = corpusMap(`${name}.map`);
      const whole = (await marshalBytes(input, map)).output;
      for (const chunkSize of [1, 13, 4096])
        expect((await marshalBytes(input, map, { chunkSize })).output.equals(whole)).toBe(true);
    }
  });

  it('follows the rules: a none attribute is left alone', async () => {
    const log = '103 1.0 Iwd "/scratch/condor/x"\n103 1.0 Note "/scratch/condor/y $(X)"\n';
    const map = parseMapFile('LOCAL_DIR = /scratch/condor\n');
    const rules = parseRulesFile('[ None = { "Note" } ]');
    const out = await marshalBytes(log, map, { rules });
    expect(out.output.toString('latin1')).toBe(
      '103 1.0 Iwd "$(LOCAL_DIR)/x"\n103 1.0 Note "/scratch/condor/y $(X)"\n',
    );
    expect(out.summary.attributesRewritten).toBe(1);
    expect(new MarshalRewriter(map).patterns).toEqual(['/scratch/condor', '$(']);
  });

  it('writes to a sink or a file, and reports the output', async () => {
    const sink = new BufferSink();
    const s = await marshalLog(bufferSource('105 \n106 \n', 'mem'), {
      map: parseMapFile('A = /a\n'),
      output: sink,
    });
    expect([s.command, s.input, s.output, s.lines, s.attributesRewritten]).toEqual([
      'marshal',
      'mem',
      '<stdout>',
      2,
      0,
    ]);
    expect(sink.result!.toString()).toBe('105 \n106 \n');
  });
});
