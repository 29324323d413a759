import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../src/language/bytes.js';
import { parseExpressionWithErrors } from '../../../src/language/parser.js';
import { bytesToText, shorten, showExpr } from '../../../src/lsp/service/display.js';

describe('display', () => {
  it('turns byte strings back into text when they are UTF-8', () => {
    expect(bytesToText(utf8Encode('jürgen 😀'))).toBe('jürgen 😀');
    expect(bytesToText('\xff')).toBe('\xff');
  });

  it('cuts long text', () => {
    expect(shorten('abcdef', 5)).toBe('ab...');
    expect(shorten('abc', 5)).toBe('abc');
  });

  it('prints expressions in either syntax, and shows the source of a partial tree', () => {
    const ok = parseExpressionWithErrors('a=?=b').value;
    expect(showExpr(ok, false)).toBe('a is b');
    expect(showExpr(ok, true)).toBe('a =?= b');
    const text = '[ a = 1 + ]';
    const broken = parseExpressionWithErrors(text).value;
    expect(showExpr(broken, false, 400, text)).toBe(text);
  });
});
