import { describe, expect, it } from 'vitest';
import {
  formatDocument,
  minimalEdit,
  type TextEditData,
} from '../../../src/lsp/service/formatting.js';

function apply(text: string, edits: TextEditData[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('formatDocument', () => {
  it('formats new-syntax ads as classad fmt does', () => {
    const text = '[a=1;b=  2+3]\n[ c = "x" ]\n';
    const r = formatDocument(text, 'ad');
    expect(apply(text, r.edits)).toBe('[\n  a = 1;\n  b = 2 + 3;\n]\n\n[\n  c = "x";\n]\n');
  });

  it('formats old syntax in place, keeping comments and non-ASCII text', () => {
    const text = '# jürgen 😀\nOwner  =   "jürgen"\nRank=Memory>1\n';
    const r = formatDocument(text, 'ad');
    expect(apply(text, r.edits)).toBe('# jürgen 😀\nOwner = "jürgen"\nRank = Memory > 1\n');
  });

  it('makes no edit for a formatted document', () => {
    expect(formatDocument('A = 1\n', 'ad')).toEqual({ edits: [] });
  });

  it('leaves alone a document with syntax errors, or whose comments would be lost', () => {
    expect(formatDocument('[ a = 1 + ]', 'ad')).toEqual({
      edits: [],
      reason: 'the document has syntax errors',
    });
    expect(formatDocument('[ a = 1; // note\n]', 'ad').edits).toEqual([]);
    expect(formatDocument('[ a = 1; // note\n]', 'ad').reason).toMatch(/comments/);
  });

  it('prints an expression, and leaves job_queue.log alone', () => {
    const r = formatDocument('TARGET.Memory>=1024&&(MY.x=?=undefined)\n', 'expression');
    expect(apply('TARGET.Memory>=1024&&(MY.x=?=undefined)\n', r.edits)).toBe(
      'TARGET.Memory >= 1024 && (MY.x is undefined)\n',
    );
    expect(formatDocument('103 1.0 A  1\n', 'jobQueueLog').edits).toEqual([]);
  });

  it('converts in the forced syntax', () => {
    const r = formatDocument('A = 1\n', 'adNew');
    expect(r.reason).toBe('the document has syntax errors');
  });
});

describe('minimalEdit', () => {
  it('replaces only what differs', () => {
    expect(minimalEdit('a = 1;', 'a = 12;')).toEqual([{ start: 5, end: 5, newText: '2' }]);
    expect(minimalEdit('abc', 'abc')).toEqual([]);
    expect(minimalEdit('aXa', 'aa')).toEqual([{ start: 1, end: 2, newText: '' }]);
  });
});
