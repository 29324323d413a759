// Runs the real `classad` executable (bin/classad.js, built by `npm test`'s pretest).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The project root. */
export const root = join(import.meta.dirname, '../..');

/** What a run of the CLI gave. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/classad.js ARGS` with INPUT (bytes, latin1) on stdin. */
export function classad(args: string[], input = ''): CliRun {
  const r = spawnSync(process.execPath, [join(root, 'bin/classad.js'), ...args], {
    input: Buffer.from(input, 'latin1'),
    cwd: root,
    env: { ...process.env, TZ: 'UTC' },
  });
  return {
    status: r.status,
    stdout: r.stdout.toString('latin1'),
    stderr: r.stderr.toString('latin1'),
  };
}
