import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, defaultRules, Rules } from '../../src/jobq/rules.js';

describe('Rules', () => {
  it('ships the path-valued job attributes of spec §12', () => {
    const rules = defaultRules();
    expect(
      [
        'Iwd',
        'IWD',
        'Cmd',
        'UserLog',
        'x509userproxy',
        'X509UserProxy',
        'JobMaterializeDigestFile',
      ].map((n) => rules.shapeOf(n)),
    ).toEqual(['path', 'path', 'path', 'path', 'path', 'path', 'path']);
    expect(rules.shapeOf('TransferInput')).toBe('list');
    expect(rules.shapeOf('TransferOutputRemaps')).toBe('remap');
    expect(rules.shapeOf('Environment')).toBe('text');
    expect(rules.shapeOf('Env')).toBe('text');
    expect(rules.shapeOf('Arguments')).toBe('text');
    // Attributes without a rule take the default: text, so a path anywhere is found.
    expect(rules.shapeOf('ScratchDir')).toBe('text');
    expect(rules.defaultShape).toBe('text');
    for (const name of [...DEFAULT_RULES.path, ...DEFAULT_RULES.list])
      expect(rules.attributes.has(name.toLowerCase())).toBe(true);
  });

  it('sets, overrides and groups rules, names ignoring case', () => {
    const rules = new Rules('none', [{ name: 'MyDir', shape: 'path' }]);
    expect(rules.shapeOf('mydir')).toBe('path');
    expect(rules.shapeOf('Other')).toBe('none');
    rules.set('MYDIR', 'list');
    expect(rules.shapeOf('MyDir')).toBe('list');
    rules.set('b', 'text');
    rules.set('A', 'text');
    expect(Object.fromEntries(rules.clone().byShape())).toEqual({
      path: [],
      list: ['MYDIR'],
      remap: [],
      text: ['A', 'b'],
      none: [],
    });
  });
});
