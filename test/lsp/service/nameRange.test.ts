import { describe, expect, it } from 'vitest';
import type { AttributeRef, Call } from '../../../src/language/ast.js';
import { parseExpression } from '../../../src/language/parser.js';
import {
  callNameSpan,
  isQuotedName,
  referenceNameSpan,
} from '../../../src/lsp/service/nameRange.js';

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('name ranges', () => {
  it('finds the name of a reference after its scope, quoted or not', () => {
    for (const [text, name] of [
      ['TARGET.Memory', 'Memory'],
      ["MY.'a b'", "'a b'"],
      ['.x', 'x'],
      ["'q'", "'q'"],
    ] as const) {
      const ref = parseExpression(text) as AttributeRef;
      const span = referenceNameSpan(text, ref, false);
      expect(slice(text, span)).toBe(name);
      expect(isQuotedName(text, span)).toBe(name.startsWith("'"));
    }
  });

  it('finds the name of a call, quoted or not', () => {
    for (const [text, name] of [
      ['strcat(1, 2)', 'strcat'],
      ["'f'(1)", "'f'"],
    ] as const) {
      expect(slice(text, callNameSpan(text, parseExpression(text) as Call, false))).toBe(name);
    }
  });
});
