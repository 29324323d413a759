import { describe, expect, it } from 'vitest';
import { builtinDefault, builtinDefaultNames, DETECTED_MACROS } from '../../src/config/defaults.js';

describe('built-in defaults', () => {
  it('has the directory knobs of spec §6, per platform', () => {
    expect(builtinDefault('SPOOL')).toBe('$(LOCAL_DIR)/spool');
    expect(builtinDefault('JOB_QUEUE_LOG')).toBe('$(SPOOL)/job_queue.log');
    expect(builtinDefault('LOCAL_DIR')).toBe('$(TILDE)');
    expect(builtinDefault('LOCAL_DIR', 'windows')).toBe('$(RELEASE_DIR)');
    expect(builtinDefault('RELEASE_DIR', 'windows')).toBe('C:\\condor');
    expect(builtinDefault('UID_DOMAIN')).toBe('$(FULL_HOSTNAME)');
    expect(builtinDefault('NO_SUCH_KNOB')).toBeUndefined();
    expect(builtinDefault('toString')).toBeUndefined();
    expect(builtinDefaultNames()).toContain('LOCAL_CONFIG_DIR_EXCLUDE_REGEXP');
  });
  it('lists the detected macros that cannot be overridden', () => {
    expect(DETECTED_MACROS).toContain('FULL_HOSTNAME');
    expect(DETECTED_MACROS).not.toContain('CONFIG_ROOT');
  });
});
