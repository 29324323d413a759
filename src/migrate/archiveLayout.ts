/**
 * The layout of a checkpoint archive: `CHECKPOINT.ad` first, then each
 * component under its macro name (`SPOOL/1/0/cluster1.proc0.subproc0/in`,
 * `JOB_QUEUE_LOG/job_queue.log`, `HISTORY/history`), the configuration files
 * under `CONFIG/` by their location (`$(LOCAL_DIR)/config.d/10-schedd` as
 * `CONFIG/LOCAL_DIR/config.d/10-schedd`; a file under none of the
 * directory macros as `CONFIG/_/etc/...`, its absolute path), and
 * `MANIFEST.ad` last.
 */
import { MigrateError } from './errors.js';

/** The archive path of a component's entry. */
export function entryName(macro: string, rel: string): string {
  return `${macro}/${rel}`;
}

/** The path inside `CONFIG/` of a configuration file at a location. */
export function configEntryRel(location: string): string {
  const m = /^\$\(([A-Za-z0-9_.]+)\)(?:\/(.*))?$/s.exec(location);
  if (m) return m[2] ? `${m[1]}/${m[2]}` : m[1]!;
  return `_${location}`;
}

/** The location of a configuration file from its path inside `CONFIG/`. */
export function configLocation(rel: string): string {
  if (rel.startsWith('_/')) return rel.slice(1);
  const slash = rel.indexOf('/');
  return slash < 0 ? `$(${rel})` : `$(${rel.slice(0, slash)})/${rel.slice(slash + 1)}`;
}

/** Splits an archive path into its component macro and the path inside; refuses unsafe paths. */
export function splitEntry(path: string): { macro: string; rel: string } {
  const parts = path.split('/');
  if (path.startsWith('/') || parts.some((p) => p === '..' || p === '.' || p === ''))
    throw new MigrateError(`unsafe path in the archive: ${JSON.stringify(path)}`);
  return { macro: parts[0]!, rel: parts.slice(1).join('/') };
}
