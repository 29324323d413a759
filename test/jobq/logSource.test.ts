import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './helpers.js';
import { bufferSource, fileSource, toSource } from '../../src/jobq/logSource.js';

async function all(chunks: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

afterAll(removeTempDirs);

describe('log sources', () => {
  it('read a file in chunks, with its size', async () => {
    const d = tempDir('jobq-source-');
    const f = join(d, 'job_queue.log');
    writeFileSync(f, Buffer.from('105 \n\xff\n', 'latin1'));
    const src = fileSource(f);
    expect([src.name, src.path, src.size]).toEqual([f, f, 7]);
    expect(Buffer.concat(await all(src.chunks())).toString('latin1')).toBe('105 \n\xff\n');
    expect(toSource(f).name).toBe(f);
    expect(fileSource('-').name).toBe('<stdin>');
    expect(fileSource(join(d, 'missing')).size).toBeUndefined();
  });

  it('split bytes in memory at any chunk size', async () => {
    const src = bufferSource('abcdefg', 'mem', 3);
    expect((await all(src.chunks())).map((c) => c.toString())).toEqual(['abc', 'def', 'g']);
    expect(toSource(src)).toBe(src);
    expect(src.size).toBe(7);
  });
});
