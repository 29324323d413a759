import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './helpers.js';
import { JobqUsageError } from '../../src/jobq/issues.js';
import {
  BufferSink,
  FileSink,
  NullSink,
  openOutput,
  removeStaleTemporaries,
  StdoutSink,
  tempNamePattern,
} from '../../src/jobq/recordWriter.js';

const dir = () => tempDir('jobq-writer-');

afterAll(removeTempDirs);

describe('FileSink', () => {
  it('writes through a temporary file (mode 0600) renamed at commit', async () => {
    const d = dir();
    const target = join(d, 'out.log');
    writeFileSync(target, 'previous\n');
    const sink = new FileSink(target);
    const big = Buffer.alloc(3 << 20, 0x61);
    sink.write(Buffer.from('xhead\n'), 1, 6);
    sink.writeBytes('caf\xe9\n');
    sink.write(big, 0, big.length);
    await sink.ready();
    expect(readFileSync(target, 'latin1')).toBe('previous\n');
    expect(readdirSync(d).filter((n) => tempNamePattern(target).test(n))).toHaveLength(1);
    await sink.commit();
    const out = readFileSync(target);
    expect(out.subarray(0, 10).toString('latin1')).toBe('head\ncaf\xe9\n');
    expect(out.length).toBe(10 + big.length);
    expect(sink.bytes).toBe(out.length);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(d)).toEqual(['out.log']);
  });

  it('leaves nothing behind, and the old output untouched, on abort', () => {
    const d = dir();
    const target = join(d, 'out.log');
    writeFileSync(target, 'previous\n');
    const sink = new FileSink(target);
    sink.writeBytes('partial');
    sink.abort();
    sink.abort();
    expect(readdirSync(d)).toEqual(['out.log']);
    expect(readFileSync(target, 'latin1')).toBe('previous\n');
  });

  it('removes the temporary files of processes that no longer run', () => {
    const d = dir();
    const target = join(d, 'out.log');
    const stale = join(d, '.out.log.jobqmd-999999999-abcd1234.tmp');
    const other = join(d, '.other.log.jobqmd-999999999-abcd1234.tmp');
    const mine = join(d, `.out.log.jobqmd-${process.pid}-abcd1234.tmp`);
    for (const f of [stale, other, mine]) writeFileSync(f, 'x');
    expect(removeStaleTemporaries(target)).toEqual([stale]);
    expect(readdirSync(d).sort()).toEqual([
      '.other.log.jobqmd-999999999-abcd1234.tmp',
      `.out.log.jobqmd-${process.pid}-abcd1234.tmp`,
    ]);
  });
});

describe('openOutput', () => {
  it('never writes over the input', () => {
    const d = dir();
    const input = join(d, 'job_queue.log');
    writeFileSync(input, '');
    expect(() => openOutput(input, input)).toThrow(JobqUsageError);
    expect(() => openOutput(join(d, '.', 'job_queue.log'), input)).toThrow(/is the input/);
    expect(openOutput(undefined, input)).toBeInstanceOf(StdoutSink);
    expect(openOutput('-', input)).toBeInstanceOf(StdoutSink);
    const sink = openOutput(join(d, 'out.log'), input);
    expect(sink).toBeInstanceOf(FileSink);
    sink.abort();
    expect(existsSync(join(d, 'out.log'))).toBe(false);
  });
});

describe('StdoutSink', () => {
  async function collect(limit: number, pieces: string[]): Promise<string> {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const sink = new StdoutSink(stream, limit);
    for (const p of pieces) sink.writeBytes(p);
    expect(chunks).toEqual([]); // nothing before commit
    await sink.commit();
    return Buffer.concat(chunks).toString('latin1');
  }

  it('holds the output until commit, in memory or in an anonymous file', async () => {
    const pieces = ['one\n', 'two\xff\n', 'x'.repeat(5000), '\n'];
    expect(await collect(1 << 20, pieces)).toBe(pieces.join(''));
    expect(await collect(16, pieces)).toBe(pieces.join(''));
  });

  it('writes nothing when aborted', async () => {
    const stream = new PassThrough();
    const sink = new StdoutSink(stream, 4);
    sink.writeBytes('0123456789');
    sink.abort();
    stream.end();
    expect(stream.read()).toBeNull();
  });
});

describe('NullSink and BufferSink', () => {
  it('count, or keep, what they are given', async () => {
    const n = new NullSink();
    n.write(Buffer.from('abc'), 1, 3);
    n.writeBytes('xy');
    expect(n.bytes).toBe(4);
    const b = new BufferSink();
    b.write(Buffer.from('abc'), 1, 3);
    b.writeBytes('\xe9');
    await b.commit();
    expect(b.result).toEqual(Buffer.from([0x62, 0x63, 0xe9]));
  });
});
