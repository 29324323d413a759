import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../../src/lsp/service/documentKind.js';
import { getHover } from '../../../src/lsp/service/hover.js';
import { cursor } from '../markers.js';

/** The hover at the `|` of a marked text. */
function hoverAt(marked: string, kind: DocumentKind = 'ad') {
  const { text, offset } = cursor(marked);
  return getHover(text, kind, offset);
}

describe('getHover', () => {
  it("shows a builtin's signature and meaning, over the function name", () => {
    const h = hoverAt('[ a = sub|str("abc", 1) ]');
    expect(h?.markdown).toContain('substr(s, offset, [length]) -> string');
    expect(h?.markdown).toContain('Part of s from offset');
    expect([h?.start, h?.end]).toEqual([6, 12]);
  });

  it('shows the definition and value of a defined attribute, from a reference', () => {
    const h = hoverAt('[ Base = 512; RequestMemory = Base * 4; X = Request|Memory + 1 ]');
    expect(h?.markdown).toContain('RequestMemory = Base * 4');
    expect(h?.markdown).toContain('Value: `2048`');
    expect(h?.markdown).toContain('The memory the job asks for, in MiB.');
  });

  it('shows the definition from the name being defined, and through MY.', () => {
    expect(hoverAt('[ A|b = 1 + 2 ]')?.markdown).toContain('Value: `3`');
    expect(hoverAt('[ Ab = "x"; C = MY.A|b ]')?.markdown).toContain('Value: `"x"`');
  });

  it('says a value depends on the target instead of computing it', () => {
    const h = hoverAt('[ Requi|rements = TARGET.Memory >= 1024 && Disk > 0 ]');
    expect(h?.markdown).toContain('depends on `Disk`, `TARGET.Memory`');
    expect(h?.markdown).not.toContain('Value: `');
  });

  it('shows the meaning of a well-known attribute of the target', () => {
    const h = hoverAt('[ r = TARGET.Mem|ory >= 1 ]');
    expect(h?.markdown).toContain('TARGET.Memory');
    expect(h?.markdown).toContain('The memory in the slot, in MiB.');
    expect([h?.start, h?.end]).toEqual([13, 19]);
  });

  it('explains the special names', () => {
    expect(hoverAt('[ r = TAR|GET.Memory ]')?.markdown).toMatch(/^TARGET: the other ad/);
  });

  it('resolves names in nested records first', () => {
    const h = hoverAt('[ x = 1; inner = [ x = 2; y = |x ] ]');
    expect(h?.markdown).toContain('x = 2');
    expect(h?.markdown).toContain('Value: `2`');
  });

  it('prints old-syntax definitions in old syntax', () => {
    const h = hoverAt('A = x =?= undefined\nB = |A\n');
    expect(h?.markdown).toContain('A = x =?= undefined');
    expect(h?.markdown).toContain('depends on `x`');
  });

  it('follows a job_queue.log proc ad to its cluster ad', () => {
    const log = '103 01.-1 RequestCpus 4\n103 1.0 RequestMemory RequestCpus * 1|024\n';
    expect(hoverAt(log, 'jobQueueLog')).toBeUndefined();
    const h = hoverAt(
      log.replace('RequestMemory', 'Request|Memory').replace('1|024', '1024'),
      'jobQueueLog',
    );
    expect(h?.markdown).toContain('Value: `4096`');
    expect(h?.markdown).toContain('In the ad of key 1.0.');
  });

  it('shows nothing on literals, operators and unknown names', () => {
    expect(hoverAt('[ a = 1| + 2 ]')).toBeUndefined();
    expect(hoverAt('[ a = 1 |+ 2 ]')).toBeUndefined();
    expect(hoverAt('[ a = fo|o ]')).toBeUndefined();
  });

  it('works in UTF-16 offsets after non-ASCII text', () => {
    const h = hoverAt('[ o = "😀"; b = str|cat(o) ]');
    expect([h?.start, h?.end]).toEqual([16, 22]);
  });
});
