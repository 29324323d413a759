import { describe, expect, it } from 'vitest';
import { parseAdDocument } from '../../../src/language/document.js';
import { parseNewSyntaxAds } from '../../../src/lsp/service/newSyntaxAds.js';

describe('parseNewSyntaxAds', () => {
  it('reads the same ads as parseAdDocument for a valid document', () => {
    const text = '[ a = 1; b = [ c = "]" ] ]\n// comment [\n[ d = {1, [e = 2]} ]\n';
    const r = parseNewSyntaxAds(text)!;
    expect(r.errors).toEqual([]);
    expect(r.ads).toEqual(parseAdDocument(text).ads);
  });

  it('reports the errors of every ad', () => {
    const r = parseNewSyntaxAds('[ a = ; ]\n[ b = 1 ]\n[ c = ) ]')!;
    expect(r.ads).toHaveLength(3);
    expect(r.errors.map((e) => [e.code, e.start])).toEqual([
      [2001, 6],
      [2001, 26],
    ]);
  });

  it('reports text between ads once, and an ad left open', () => {
    const r = parseNewSyntaxAds('[ a = 1 ] junk here [ b = 2')!;
    expect(r.ads.map((a) => a.attrs[0]!.name)).toEqual(['a']);
    expect(r.errors.map((e) => [e.code, e.start])).toEqual([
      [2001, 10],
      [2002, 27],
    ]);
  });

  it('leaves lists of ads and bare expressions to the whole-document parser', () => {
    expect(parseNewSyntaxAds('{ [ a = 1 ] }')).toBeUndefined();
    expect(parseNewSyntaxAds('a + 1')).toBeUndefined();
    expect(parseNewSyntaxAds('')).toBeUndefined();
  });
});
