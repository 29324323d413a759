import { describe, expect, it } from 'vitest';
import { isKnownFunction } from '../../../src/lsp/service/knownFunctions.js';

describe('isKnownFunction', () => {
  it('knows the registered builtins in any case and the daemon-only functions', () => {
    expect(isKnownFunction('strcat')).toBe(true);
    expect(isKnownFunction('StringListMember')).toBe(true);
    expect(isKnownFunction('slotEval')).toBe(true);
    expect(isKnownFunction('sqrt')).toBe(false);
  });
});
