import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  configError,
  configWarning,
  formatConfigDiagnostic,
} from '../../src/config/diagnostics.js';

describe('configuration diagnostics', () => {
  it('formats file:line:column: severity: message', () => {
    expect(formatConfigDiagnostic(configError('f', 3, 7, 'bad'))).toBe('f:3:7: error: bad');
    expect(formatConfigDiagnostic(configWarning('f', 1, 1, 'hmm'))).toBe('f:1:1: warning: hmm');
  });
  it('carries every diagnostic in one error', () => {
    const e = new ConfigError([configError('a', 1, 1, 'x'), configError('b', 2, 2, 'y')]);
    expect(e.message).toBe('a:1:1: error: x\nb:2:2: error: y');
    expect(e.diagnostics).toHaveLength(2);
  });
});
