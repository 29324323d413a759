import { describe, expect, it } from 'vitest';
import { getDocumentSymbols, type SymbolData } from '../../../src/lsp/service/symbols.js';

function outline(symbols: SymbolData[]): unknown[] {
  return symbols.map((s) => (s.children.length ? [s.name, outline(s.children)] : s.name));
}

describe('getDocumentSymbols', () => {
  it('names ads after Name, else MyType, else their position', () => {
    const text = '[ Name = "slot1"; a = 1 ]\n[ MyType = "Job" ]\n[ b = 2 ]';
    expect(outline(getDocumentSymbols(text, 'ad'))).toEqual([
      ['slot1', ['Name', 'a']],
      ['Job ad 2', ['MyType']],
      ['ad 3', ['b']],
    ]);
  });

  it('puts the attributes of nested records under the attribute holding them', () => {
    const [ad] = getDocumentSymbols('[ a = [ b = 1; c = [ d = 2 ] ] ]', 'ad');
    expect(outline([ad!])).toEqual([['ad 1', [['a', ['b', ['c', ['d']]]]]]]);
  });

  it('gives ranges and name ranges', () => {
    const [ad] = getDocumentSymbols('A = 1 + 2\nB = "x"\n', 'ad');
    expect(ad).toMatchObject({ start: 0, end: 18, selectionStart: 0, selectionEnd: 1 });
    expect(ad!.children[1]).toMatchObject({
      name: 'B',
      detail: '"x"',
      start: 10,
      end: 17,
      selectionStart: 10,
      selectionEnd: 11,
    });
  });

  it('lists job_queue.log ads by key', () => {
    const log = '101 1.0 Job Machine\n103 01.-1 Owner "a"\n103 1.0 ProcId 0\n103 1.0 Cmd "x"\n';
    expect(outline(getDocumentSymbols(log, 'jobQueueLog'))).toEqual([
      ['01.-1', ['Owner']],
      ['1.0', ['ProcId', 'Cmd']],
    ]);
  });

  it('has nothing for an expression', () => {
    expect(getDocumentSymbols('a + 1', 'expression')).toEqual([]);
  });
});
