import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTar, type TarEntryInfo } from '../../src/migrate/tarReader.js';
import { TarWriter } from '../../src/migrate/tarWriter.js';
import { filesUnder, tempDir } from './helpers.js';

async function roundTrip(gzip: boolean) {
  const dir = tempDir('migrate-tar-');
  const out = join(dir, gzip ? 'a.tar.gz' : 'a.tar');
  const long = `SPOOL/${'d'.repeat(120)}/${'n'.repeat(150)}.dat`;
  const big = Buffer.alloc(3 << 20, 7);
  const src = join(dir, 'big.bin');
  writeFileSync(src, big);
  const w = new TarWriter(out, { gzip });
  await w.addDirectory('SPOOL/1', 0o750);
  await w.addFile('SPOOL/1/empty', 0, Buffer.alloc(0));
  await w.addFile(long, 5, Buffer.from('hello'), { mode: 0o600 });
  await w.addLocalFile('SPOOL/big.bin', src, big.length);
  await w.addFile('SPOOL/jürgen.txt', 2, Buffer.from('ok'));
  await w.finish();
  expect(filesUnder(dir)).toEqual([gzip ? 'a.tar.gz' : 'a.tar', 'big.bin']);
  const seen: (TarEntryInfo & { bytes: number })[] = [];
  await readTar(out, (e) => {
    const rec = { ...e, mtime: undefined, bytes: 0 };
    seen.push(rec);
    return { data: (c) => void (rec.bytes += c.length), end: () => {} };
  });
  return { out, seen, long };
}

describe('the tar writer and reader', () => {
  for (const gzip of [true, false])
    it(`round-trip directories, empty files, long and UTF-8 names, large files (${gzip ? 'gzip' : 'plain'})`, async () => {
      const { out, seen, long } = await roundTrip(gzip);
      expect(seen.map((e) => [e.path, e.type, e.size, e.bytes])).toEqual([
        ['SPOOL/1', 'directory', 0, 0],
        ['SPOOL/1/empty', 'file', 0, 0],
        [long, 'file', 5, 5],
        ['SPOOL/big.bin', 'file', 3 << 20, 3 << 20],
        ['SPOOL/jürgen.txt', 'file', 2, 2],
      ]);
      expect(seen[2]!.mode & 0o777).toBe(0o600);
      expect(readFileSync(out)[0] === 0x1f).toBe(gzip);
    });

  it('refuses a file that changes size while it is archived, and leaves no archive', async () => {
    const dir = tempDir('migrate-tar-');
    const w = new TarWriter(join(dir, 'x.tar'));
    await expect(w.addFile('SPOOL/x', 10, Buffer.from('short'))).rejects.toThrow(
      /shrank while it was archived/,
    );
    w.abort();
    expect(filesUnder(dir)).toEqual([]);
  });

  it('stops at an error thrown by the caller', async () => {
    const { out } = await roundTrip(true);
    await expect(
      readTar(out, (e) => {
        if (e.path.endsWith('big.bin')) throw new Error('stop here');
      }),
    ).rejects.toThrow('stop here');
  });
});
