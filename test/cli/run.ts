// Runs the real `classad` executable (bin/classad.js, built by `npm test`'s pretest).
import { projectRoot, runScript, type ScriptRun } from '../runNode.js';

/** The project root. */
export const root = projectRoot;

/** What a run of the CLI gave. */
export type CliRun = ScriptRun;

/** Runs `node bin/classad.js ARGS` with INPUT (bytes, latin1) on stdin. */
export function classad(args: string[], input = ''): CliRun {
  return runScript('bin/classad.js', args, { input });
}
