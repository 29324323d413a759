import { describe, expect, it } from 'vitest';
import {
  chunkText,
  decodeLatin1,
  decodeLatin1Portable,
  encodeLatin1,
} from '../../src/io/chunks.js';

describe('latin1 chunks', () => {
  const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

  it('decodes every byte to the code unit of the same value, and back', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeLatin1(bytes)).toBe(all);
    expect(encodeLatin1(all)).toEqual(bytes);
    expect(decodeLatin1(bytes.subarray(250, 253))).toBe('\xfa\xfb\xfc');
  });

  it('decodes without Node (the browser path) the same way', () => {
    const big = new Uint8Array(20000).map((_, i) => i % 256);
    expect(decodeLatin1Portable(big)).toBe(all.repeat(79).slice(0, 20000));
    expect(decodeLatin1Portable(big)).toBe(decodeLatin1(big));
  });

  it('takes strings as byte strings, unchanged', () => {
    expect(chunkText('\xe9\xff')).toBe('\xe9\xff');
    expect(chunkText(new Uint8Array([0xe9, 0xff]))).toBe('\xe9\xff');
  });
});
