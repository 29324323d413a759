import { describe, expect, it } from 'vitest';
import { LineSplitter, readLines } from '../../src/io/lines.js';
import { bytes, chunks, collect, stringChunks } from './helpers.js';

const sample = 'first\nsecond line\r\n\nfourth \xe9\xff\x80 bytes\nlast without newline';
const expected = [
  { text: 'first', number: 1 },
  { text: 'second line', number: 2 },
  { text: '', number: 3 },
  { text: 'fourth \xe9\xff\x80 bytes', number: 4 },
  { text: 'last without newline', number: 5 },
];

describe('readLines', () => {
  it('splits lines, drops CR before LF, numbers them from 1', async () => {
    expect(await collect(readLines([sample]))).toEqual(expected);
  });

  it('gives the same lines for every chunk size, bytes or strings', async () => {
    for (const size of [1, 2, 3, 5, 7, 64]) {
      expect(await collect(readLines(chunks(sample, size)))).toEqual(expected);
      expect(await collect(readLines(stringChunks(sample, size)))).toEqual(expected);
    }
  });

  it('keeps every byte value (latin1 decoding)', async () => {
    const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i))
      .join('')
      .replace('\n', '');
    const lines = await collect(readLines([bytes(all + '\n')]));
    expect(lines).toEqual([{ text: all, number: 1 }]);
  });

  it('has no line for empty input, and none after a final newline', async () => {
    expect(await collect(readLines([]))).toEqual([]);
    expect(await collect(readLines(['a\n']))).toEqual([{ text: 'a', number: 1 }]);
    expect(await collect(readLines(['\n']))).toEqual([{ text: '', number: 1 }]);
  });
});

describe('LineSplitter', () => {
  it('waits for a newline before returning a line', () => {
    const s = new LineSplitter();
    s.push('abc');
    expect(s.next()).toBe(false);
    s.push('def\ng');
    expect(s.next()).toBe(true);
    expect(s.text.slice(s.start, s.end)).toBe('abcdef');
    expect(s.line).toBe(1);
    expect(s.next()).toBe(false);
    s.finish();
    expect(s.next()).toBe(true);
    expect(s.text.slice(s.start, s.end)).toBe('g');
    expect(s.line).toBe(2);
    expect(s.next()).toBe(false);
  });

  it('keeps only the unread tail unless asked to retain more', () => {
    const s = new LineSplitter();
    s.push('one\ntwo\nthr');
    s.next();
    s.next();
    s.push('ee\n');
    expect(s.next()).toBe(true);
    expect(s.text).toBe('three\n');
    expect(s.base).toBe(8);
  });

  it('retains text from an input offset across refills', () => {
    const s = new LineSplitter();
    s.push('one\ntwo\nthr');
    s.next();
    s.next();
    s.retainFrom(s.base + s.start); // "two"
    s.push('ee\nfo');
    expect(s.next()).toBe(true);
    expect(s.text.slice(s.start, s.end)).toBe('three');
    expect(s.line).toBe(3);
    s.push('ur\n');
    expect(s.next()).toBe(true);
    expect(s.text).toBe('four\n');
    expect(s.retained(s.base + s.end)).toBe('two\nthree\nfour');
    s.retainFrom(-1);
    expect(s.next()).toBe(false);
  });
});
