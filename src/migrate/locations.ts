/**
 * Host-independent locations: a host path written relative to one of the
 * schedd's directory macros (`/scratch/condor/spool/job_queue.log` ->
 * `$(SPOOL)/job_queue.log`), and back with another host's values. The
 * archive and its manifest name every place this way; only the manifest's
 * provenance (`SourcePaths`) keeps the source host's own paths.
 */

/** A macro and the absolute host path it stands for. */
export interface PathEntry {
  name: string;
  value: string;
}

/** Whether `path` is `dir` or inside it (on a path boundary). */
export function isUnder(path: string, dir: string): boolean {
  if (dir === '/') return path.startsWith('/');
  return path === dir || path.startsWith(dir + '/');
}

/**
 * `$(NAME)/rest` for the most specific entry `path` is under (or `$(NAME)`
 * when equal), or undefined when it is under none. Entries named in
 * `exclude` are not used.
 */
export function locate(
  path: string,
  entries: PathEntry[],
  exclude: string[] = [],
): string | undefined {
  let best: PathEntry | undefined;
  for (const e of entries) {
    if (exclude.includes(e.name) || !isUnder(path, e.value)) continue;
    if (!best || e.value.length > best.value.length) best = e;
  }
  if (!best) return undefined;
  const rest = path.slice(best.value.length).replace(/^\/+/, '');
  return rest === '' ? `$(${best.name})` : `$(${best.name})/${rest}`;
}

/** The macro a location starts with (`$(SPOOL)/x` -> `SPOOL`), or undefined for an absolute path. */
export function locationMacro(location: string): string | undefined {
  return /^\$\(([A-Za-z0-9_.]+)\)/.exec(location)?.[1];
}

/** Resolves a location with a macro lookup; throws an Error naming a macro it cannot resolve. */
export function resolveLocation(
  location: string,
  lookup: (macro: string) => string | undefined,
): string {
  const m = /^\$\(([A-Za-z0-9_.]+)\)(.*)$/s.exec(location);
  if (!m) return location;
  const base = lookup(m[1]!);
  if (base === undefined) throw new Error(`no location for $(${m[1]}) (needed by ${location})`);
  const rest = m[2]!.replace(/^\/+/, '');
  if (rest === '') return base;
  return base === '/' ? `/${rest}` : `${base}/${rest}`;
}
