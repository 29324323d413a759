import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openInput, writeText } from '../../src/io/node.js';
import { readLongFormAds } from '../../src/io/longFormReader.js';
import { collect } from './helpers.js';

describe('node helpers', () => {
  it('reads a file as byte chunks that the readers take', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'classad-io-'));
    try {
      const path = join(dir, 'ads.txt');
      writeFileSync(path, Buffer.from('A = "\xe9"\r\n\r\nB = 2\r\n', 'latin1'));
      const ads = await collect(readLongFormAds(openInput(path, { chunkSize: 3 })));
      expect(ads.map((ad) => ad.names())).toEqual([['A'], ['B']]);
      expect(ads[0]!.get('A')).toMatchObject({ kind: 'String', value: '\xe9' });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('writes byte strings as latin1 bytes', async () => {
    const out = new PassThrough();
    const got: Buffer[] = [];
    out.on('data', (b: Buffer) => got.push(b));
    await writeText(out, 'x\xe9\xff');
    out.end();
    await new Promise((r) => out.on('end', r));
    expect([...Buffer.concat(got)]).toEqual([0x78, 0xe9, 0xff]);
  });
});
