/**
 * schedd_checkpoint: refuses while the schedd appears to run (unless
 * `force`), archives it (csar: the job queue and the configuration
 * marshalled), reads the archive back to check every checksum, and — unless
 * `keep` — removes the schedd from the host (csu). Nothing is removed when
 * any step before fails; an archive to stdout cannot be checked, so it
 * needs `keep`.
 */
import { resolve } from 'node:path';
import { archiveHost, type ArchiveOptions, type ArchiveReport } from './archive.js';
import { MigrateUsageError } from './errors.js';
import { isUnder } from './locations.js';
import { assertStopped } from './running.js';
import { readScheddHost, type ScheddHostOptions } from './scheddHost.js';
import {
  planRemoval,
  removeScheddFiles,
  type UninstallOptions,
  type UninstallReport,
} from './uninstall.js';
import { verifyArchive } from './verify.js';
import { hostToLocal } from './installLog.js';

/** Options of schedd_checkpoint. */
export interface CheckpointOptions
  extends ArchiveOptions, ScheddHostOptions, Omit<UninstallOptions, 'dryRun'> {
  /** Leave the schedd on its host. */
  keep?: boolean;
  /** Do not read the archive back before removing the schedd. */
  noVerify?: boolean;
}

/** What schedd_checkpoint did. */
export interface CheckpointReport {
  archive: ArchiveReport;
  uninstall?: UninstallReport;
  timings: { archiveMs: number; verifyMs: number; uninstallMs: number; totalMs: number };
}

/** schedd_checkpoint (see the module comment). */
export async function checkpointSchedd(options: CheckpointOptions): Promise<CheckpointReport> {
  const started = performance.now();
  const host = readScheddHost(options);
  const configMs = performance.now() - started;
  if (!options.force) assertStopped(host, 'checkpointing it');
  const plan = options.keep ? undefined : planRemoval(host, options);
  if (plan) {
    if (options.output === '-')
      throw new MigrateUsageError(
        'an archive written to stdout cannot be checked before the schedd is removed: add --keep',
      );
    const out = resolve(options.output);
    const local = (p: string): string => resolve(hostToLocal(host.fs.root, p));
    if (plan.trees.some((t) => isUnder(out, local(t))) || plan.files.some((f) => local(f) === out))
      throw new MigrateUsageError(
        `the archive ${options.output} would be removed with the schedd: write it elsewhere`,
      );
  }
  const t0 = performance.now();
  const archive = await archiveHost(host, { ...options, force: true }, configMs);
  const archiveMs = performance.now() - t0;
  let verifyMs = 0;
  let uninstall: UninstallReport | undefined;
  let uninstallMs = 0;
  if (plan) {
    if (!options.noVerify) {
      const t1 = performance.now();
      await verifyArchive(options.output);
      verifyMs = performance.now() - t1;
    }
    const t2 = performance.now();
    uninstall = removeScheddFiles(host, plan);
    uninstallMs = performance.now() - t2;
  }
  return {
    archive,
    uninstall,
    timings: { archiveMs, verifyMs, uninstallMs, totalMs: performance.now() - started },
  };
}
