import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/jobq/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('ProgressBar', () => {
  it('is wanted on a terminal, for large logs only', () => {
    expect(ProgressBar.wanted(100 << 20, fakeStream(true).stream)).toBe(true);
    expect(ProgressBar.wanted(1 << 20, fakeStream(true).stream)).toBe(false);
    expect(ProgressBar.wanted(100 << 20, fakeStream(false).stream)).toBe(false);
    expect(ProgressBar.wanted(undefined, fakeStream(true).stream)).toBe(false);
  });

  it('draws at most ten times a second and erases itself', () => {
    const { stream, written } = fakeStream(true);
    const bar = new ProgressBar(200e6, 'marshal', stream);
    bar.update(50e6);
    bar.update(60e6); // too soon: not drawn
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\rmarshal \[#{8}-{22}\] {2}25% 50\.0\/200\.0 MB \d+ MB\/s$/);
    bar.done();
    expect(written[1]).toBe('\r\x1b[K');
    bar.done();
    expect(written).toHaveLength(2);
  });
});
