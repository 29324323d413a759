// Runs a Node script of the project as a child process, the way a user runs
// its executables: the tests of every command share this.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The project root. */
export const projectRoot = join(import.meta.dirname, '..');

/** What a run gave: exit status and the output as byte strings (latin1) or text. */
export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of runScript. */
export interface RunOptions {
  /** Standard input: a byte string (latin1) or bytes. */
  input?: string | Buffer;
  cwd?: string;
  /** How to decode the output: bytes as latin1 (default) or UTF-8 text. */
  encoding?: 'latin1' | 'utf8';
}

/** Runs `node SCRIPT ARGS` (SCRIPT relative to the project root) with TZ=UTC. */
export function runScript(script: string, args: string[], options: RunOptions = {}): ScriptRun {
  const input = options.input ?? '';
  const r = spawnSync(process.execPath, [join(projectRoot, script), ...args], {
    input: typeof input === 'string' ? Buffer.from(input, 'latin1') : input,
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 1 << 28,
  });
  const encoding = options.encoding ?? 'latin1';
  return {
    status: r.status,
    stdout: r.stdout.toString(encoding),
    stderr: r.stderr.toString(encoding),
  };
}
