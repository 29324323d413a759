import { describe, expect, it } from 'vitest';
import { JobqInputError } from '../../src/jobq/issues.js';
import { bufferSource } from '../../src/jobq/logSource.js';
import { BufferSink } from '../../src/jobq/recordWriter.js';
import { runTransform, type LineRewriter } from '../../src/jobq/transform.js';
import { rewriteValueStrings } from '../../src/jobq/valueRewrite.js';

/** Upper-cases the strings of 103 lines that contain "x". */
const upper: LineRewriter = {
  patterns: ['x'],
  rewrite(line, v) {
    const off = v.start;
    return rewriteValueStrings(line, v.vs - off, v.ve - off, (s) => s.toUpperCase());
  },
};

async function run(log: string, chunkSize?: number) {
  const sink = new BufferSink();
  const summary = await runTransform(bufferSource(log, 'q.log', chunkSize), upper, sink);
  return { out: sink.result!.toString('latin1'), summary };
}

describe('runTransform', () => {
  it('passes every other byte through, and keeps each line end', async () => {
    const log =
      '107 1 CreationTimestamp 5\r\n103 1.0 A "x\xe9"  \r\n103 1.0 B "y"\r\n103 1.0 C { "x", "z\\"" }\r\n';
    for (const chunkSize of [undefined, 1, 5, 17]) {
      const { out, summary } = await run(log, chunkSize);
      expect(out).toBe(
        '107 1 CreationTimestamp 5\r\n103 1.0 A "X\xc9"  \r\n103 1.0 B "y"\r\n103 1.0 C { "X", "Z\\"" }\r\n',
      );
      expect([summary.attributesRewritten, summary.stringsRewritten, summary.eol]).toEqual([
        2,
        3,
        'crlf',
      ]);
    }
  });

  it('looks only at lines holding a pattern', async () => {
    const { out, summary } = await run('103 1.0 A "abc"\n103 1.0 B "x"\n');
    expect(out).toBe('103 1.0 A "abc"\n103 1.0 B "X"\n');
    expect(summary.attributesRewritten).toBe(1);
  });

  it('returns the warnings of a log it accepts', async () => {
    const { summary } = await run('105 \n103 1.0 A "x"\n');
    expect(summary.warnings.map((w) => [w.code, w.line])).toEqual([
      ['open-transaction', 1],
      ['no-107', 0],
    ]);
  });

  it('reads to the end on bad input, reports every error, and writes nothing', async () => {
    const sink = new BufferSink();
    const log = '107 1 CreationTimestamp 5\n103 1.0 A strcat("x",\n105\n103 1.0 B 1 \n';
    const err = await runTransform(bufferSource(log, 'q.log'), upper, sink).catch((e) => e);
    expect(err).toBeInstanceOf(JobqInputError);
    const lines = (err as JobqInputError).message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^q\.log:2:22: error: the value is not an old-syntax ClassAd expression: /,
    );
    expect(lines[1]).toMatch(
      /^q\.log:3:4: error: "105" must be written "105 " .*\(the schedd silently drops this record and every later one \(lines 3-4\)/,
    );
    expect((err as JobqInputError).issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['value-syntax', 2, 22],
      ['op-needs-space', 3, 4],
    ]);
    expect(sink.result).toBeUndefined();
  });

  it('stops and discards the output when the output fails', async () => {
    let aborted = false;
    const sink = new BufferSink();
    const failing = Object.assign(sink, {
      ready: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      },
      abort: () => {
        aborted = true;
      },
    });
    await expect(runTransform(bufferSource('105 \n106 \n'), upper, failing)).rejects.toThrow(
      /ENOSPC/,
    );
    expect(aborted).toBe(true);
  });

  it('reports a log it cannot read as bad input', async () => {
    await expect(runTransform('/no/such/job_queue.log', upper, new BufferSink())).rejects.toThrow(
      /^\/no\/such\/job_queue\.log: error: cannot read the log: ENOENT/,
    );
  });
});
