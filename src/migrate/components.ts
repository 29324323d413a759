/**
 * Component discovery: from a schedd's resolved configuration, the pieces
 * of its state and where they are — the job queue (JOB_QUEUE_LOG), SPOOL
 * with the job sandboxes, the history file and its rotations (HISTORY), the
 * configuration files, the log directory (LOG, its files only when asked),
 * the schedd's binaries (when asked) — and the directory macros (the
 * source map: SPOOL, LOG, LOCAL_DIR, CONFIG_ROOT, RELEASE_DIR) that make
 * their locations host-independent.
 *
 * SPOOL is archived without the other components inside it and without
 * what only a running schedd has there: its address and daemon-ad files,
 * the local universe's scratch directory, pid files, the job queue's old
 * rotations (`job_queue.log.N`) and temporaries.
 */
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { MigrateError } from './errors.js';
import { isUnder, locate, type PathEntry } from './locations.js';
import { knobPath, knobValue, type ScheddHost } from './scheddHost.js';

/** What a component is: a place only (anchor), a directory tree, one file (with rotations), or the configuration. */
export type ComponentKind = 'anchor' | 'directory' | 'file' | 'config';

/** How a component's bytes are rewritten in the archive. */
export type MarshalKind = 'jobq' | 'history' | 'config';

/** A file or directory to archive, relative to its component. */
export interface SourceEntry {
  /** Path inside the component, `/`-separated (for a file component: the file's name). */
  rel: string;
  /** Where it is on this machine. */
  local: string;
  type: 'file' | 'directory';
  size: number;
  mode: number;
  mtime: Date;
}

/** One component of a schedd. */
export interface Component {
  macro: string;
  kind: ComponentKind;
  /** Its path on the source host (not for `config`). */
  hostPath?: string;
  localPath?: string;
  /** Its host-independent location (`$(LOCAL_DIR)/spool`); undefined for a top-level one. */
  location?: string;
  /** File components: the file's name at its location. */
  name?: string;
  marshal?: MarshalKind;
  /** A directory that must be new (or empty) on the target host. */
  exclusive?: boolean;
  /** What to archive (config: filled in by the archiver). */
  entries: SourceEntry[];
}

/** A configuration file the schedd reads. */
export interface ConfigFile {
  hostPath: string;
  localPath: string;
  treePath: string;
}

/** Everything discovery found. */
export interface Discovery {
  /** The schedd's name, as its jobs' GlobalJobId carry it. */
  scheddName: string;
  /** The source map: directory macros and their paths on this host, most specific first. */
  paths: PathEntry[];
  components: Component[];
  configFiles: ConfigFile[];
  /** Paths left out of SPOOL (and LOG), with the reason. */
  excluded: { path: string; reason: string }[];
  warnings: string[];
  /** Bytes of the files to archive (before marshalling). */
  bytes: number;
}

/** What to include besides the schedd's state. */
export interface DiscoverOptions {
  /** Archive the files of the log directory too. */
  withLog?: boolean;
  /** Archive the schedd's binaries (SCHEDD, SHADOW). */
  withBinaries?: boolean;
}

/** The directory macros of the source map, in order of preference when two are the same path. */
export const PATH_MACROS = ['SPOOL', 'LOG', 'LOCAL_DIR', 'CONFIG_ROOT', 'RELEASE_DIR'];
/** Macros that locate other components (RELEASE_DIR belongs to each host's HTCondor, not the schedd). */
export const PLACEMENT_MACROS = ['LOCAL_DIR', 'SPOOL', 'LOG', 'CONFIG_ROOT'];
/** The binaries archived with `withBinaries`. */
export const BINARY_KNOBS = ['SCHEDD', 'SHADOW'];
/** The schedd's own log files (csu removes them and their rotations). */
export const SCHEDD_LOG_KNOBS = [
  'SCHEDD_LOG',
  'SHADOW_LOG',
  'SCHEDD_AUDIT_LOG',
  'SCHEDD_RESTART_REPORT',
];

function statOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Entry names of a directory, sorted by their bytes. */
export function sortedNames(dir: string): string[] {
  return readdirSync(dir, { encoding: 'buffer' })
    .sort(Buffer.compare)
    .map((b) => b.toString());
}

/** Walks a directory: every file and directory under it, in byte order, parents first. */
export function walkTree(
  root: string,
  skip: (local: string) => string | undefined,
  excluded: { path: string; reason: string }[],
  show: (local: string) => string,
): SourceEntry[] {
  const out: SourceEntry[] = [];
  const visit = (dir: string, rel: string): void => {
    for (const name of sortedNames(dir)) {
      const local = join(dir, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      const why = skip(local);
      if (why !== undefined) {
        excluded.push({ path: show(local), reason: why });
        continue;
      }
      const st = statOf(local);
      if (!st) continue;
      if (st.isDirectory()) {
        out.push({
          rel: r,
          local,
          type: 'directory',
          size: 0,
          mode: st.mode & 0o7777,
          mtime: st.mtime,
        });
        visit(local, r);
      } else if (st.isFile()) {
        out.push({
          rel: r,
          local,
          type: 'file',
          size: st.size,
          mode: st.mode & 0o7777,
          mtime: st.mtime,
        });
      } else {
        excluded.push({
          path: show(local),
          reason: st.isSymbolicLink() ? 'a symbolic link: not archived' : 'not a regular file',
        });
      }
    }
  };
  visit(root, '');
  return out;
}

/** The schedd's name (spec/condor-config.md §7): SCHEDD_NAME, made `name@FQDN` unless it has an `@`. */
export function scheddNameOf(host: ScheddHost): { name: string; hostDependent: boolean } {
  const set = knobValue(host, 'SCHEDD_NAME');
  if (set === undefined) return { name: host.hostName, hostDependent: true };
  if (set.includes('@')) return { name: set, hostDependent: false };
  if (set === host.hostName) return { name: set, hostDependent: true };
  return { name: `${set}@${host.hostName}`, hostDependent: true };
}

/** Files next to `path` that are its rotations (`history.20250101T000000`, `job_queue.log.3`). */
export function rotationsOf(host: ScheddHost, path: string, pattern: RegExp): string[] {
  const dirHost = path.slice(0, path.lastIndexOf('/')) || '/';
  const dir = host.fs.localPathOf(dirHost);
  if (dir === undefined) return [];
  let names: string[];
  try {
    names = sortedNames(dir);
  } catch {
    return [];
  }
  const base = basename(path);
  return names
    .filter((n) => n.startsWith(base + '.') && pattern.test(n.slice(base.length + 1)))
    .map((n) => `${dirHost === '/' ? '' : dirHost}/${n}`);
}

/** Finds a schedd's components. */
export function discoverComponents(host: ScheddHost, options: DiscoverOptions = {}): Discovery {
  const warnings: string[] = [];
  const excluded: { path: string; reason: string }[] = [];
  const local = (p: string): string | undefined => host.fs.localPathOf(p);
  const show = (l: string): string => {
    try {
      return host.fs.hostPathOf(l);
    } catch {
      return l;
    }
  };

  // The source map.
  const paths: PathEntry[] = [];
  for (const name of PATH_MACROS) {
    const value = knobPath(host, name);
    if (value === undefined || value === '/') continue;
    const same = paths.find((p) => p.value === value);
    if (same) {
      warnings.push(
        `${name} is the same directory as ${same.name} (${value}): $(${same.name}) stands for it`,
      );
      continue;
    }
    paths.push({ name, value });
  }
  paths.sort((a, b) => b.value.length - a.value.length);
  const spool = paths.find((p) => p.name === 'SPOOL')?.value;
  if (!spool)
    throw new MigrateError(
      'SPOOL is not defined as an absolute path: there is no schedd state to find',
    );
  const placement = paths.filter((p) => PLACEMENT_MACROS.includes(p.name));
  const where = (path: string, self: string): string | undefined => locate(path, placement, [self]);

  const { name: scheddName, hostDependent } = scheddNameOf(host);
  if (hostDependent)
    warnings.push(
      `the schedd's name ${scheddName} depends on this host: its jobs' GlobalJobId carry it and it changes on another host; ` +
        'set SCHEDD_NAME to a host-independent name (name@domain) so that the schedd can be found after it moves',
    );

  const components: Component[] = [];
  const anchor = (macro: string): void => {
    const value = paths.find((p) => p.name === macro)?.value;
    if (value === undefined) return;
    components.push({
      macro,
      kind: 'anchor',
      hostPath: value,
      localPath: local(value),
      location: where(value, macro),
      entries: [],
    });
  };
  anchor('LOCAL_DIR');
  anchor('CONFIG_ROOT');

  // Files that are components of their own, or that only a running schedd has.
  const skip = new Map<string, string>();
  const skipHost = (p: string | undefined, reason: string): void => {
    if (p === undefined) return;
    const l = local(p);
    if (l !== undefined) skip.set(l, reason);
  };
  const jobQueue = knobPath(host, 'JOB_QUEUE_LOG') ?? `${spool}/job_queue.log`;
  const history = knobPath(host, 'HISTORY');
  skipHost(jobQueue, 'the job queue: archived (marshalled) as JOB_QUEUE_LOG');
  for (const r of rotationsOf(host, jobQueue, /^(\d+|tmp)$/))
    skipHost(r, 'an old rotation of the job queue: not archived');
  if (history) {
    skipHost(history, 'the history: archived (marshalled) as HISTORY');
    for (const r of rotationsOf(host, history, /^\d{8}T\d{6}$/))
      skipHost(r, 'a history rotation: archived (marshalled) as HISTORY');
  }
  const address = knobPath(host, 'SCHEDD_ADDRESS_FILE') ?? `${spool}/.schedd_address`;
  skipHost(address, 'the running schedd’s address file: not state');
  skipHost(`${address}.super`, 'the running schedd’s address file: not state');
  skipHost(
    knobPath(host, 'SCHEDD_DAEMON_AD_FILE') ?? `${spool}/.schedd_classad`,
    'the running schedd’s daemon ad: not state',
  );
  skipHost(
    knobPath(host, 'LOCAL_UNIV_EXECUTE') ?? `${spool}/local_univ_execute`,
    'the local universe’s scratch directory: not state',
  );
  for (const p of paths) skipHost(p.value, `the ${p.name} directory: a component of its own`);
  const skipFn = (l: string): string | undefined => {
    const why = skip.get(l);
    if (why !== undefined) return why;
    const name = basename(l);
    if (/\.pid$/i.test(name)) return 'a pid file: not state';
    return undefined;
  };

  const spoolLocal = local(spool);
  if (spoolLocal === undefined || !host.fs.isDirectory(spoolLocal))
    throw new MigrateError(`SPOOL ${spool} is not a directory`);
  components.push({
    macro: 'SPOOL',
    kind: 'directory',
    hostPath: spool,
    localPath: spoolLocal,
    location: where(spool, 'SPOOL'),
    exclusive: true,
    entries: walkTree(spoolLocal, skipFn, excluded, show),
  });

  const log = paths.find((p) => p.name === 'LOG')?.value;
  if (log) {
    const logLocal = local(log);
    const entries =
      options.withLog && logLocal !== undefined && host.fs.isDirectory(logLocal)
        ? walkTree(logLocal, skipFn, excluded, show)
        : [];
    components.push({
      macro: 'LOG',
      kind: 'directory',
      hostPath: log,
      localPath: logLocal,
      location: where(log, 'LOG'),
      entries,
    });
  }

  const fileComponent = (
    macro: string,
    path: string,
    marshal?: MarshalKind,
    extra: string[] = [],
  ): void => {
    const l = local(path);
    const st = l === undefined ? undefined : statOf(l);
    if (!st || !st.isFile()) {
      warnings.push(`${macro} ${path} does not exist: not archived`);
      return;
    }
    const entries: SourceEntry[] = [];
    for (const p of [path, ...extra]) {
      const lp = local(p)!;
      const s = statOf(lp);
      if (!s?.isFile()) continue;
      entries.push({
        rel: basename(p),
        local: lp,
        type: 'file',
        size: s.size,
        mode: s.mode & 0o7777,
        mtime: s.mtime,
      });
    }
    components.push({
      macro,
      kind: 'file',
      hostPath: path,
      localPath: l,
      location: where(path, macro),
      name: basename(path),
      marshal,
      entries,
    });
  };
  fileComponent('JOB_QUEUE_LOG', jobQueue, 'jobq');
  if (history)
    fileComponent('HISTORY', history, 'history', rotationsOf(host, history, /^\d{8}T\d{6}$/));
  if (options.withBinaries) {
    for (const knob of BINARY_KNOBS) {
      const p = knobPath(host, knob);
      if (p) fileComponent(knob, p);
      else warnings.push(`${knob} is not defined: its binary is not archived`);
    }
  }

  const configFiles: ConfigFile[] = [];
  const seen = new Set<string>();
  for (const e of host.config.readOrder) {
    if (e.kind !== 'file' || e.localPath === undefined || seen.has(e.localPath)) continue;
    seen.add(e.localPath);
    configFiles.push({ hostPath: e.hostPath, localPath: e.localPath, treePath: e.treePath ?? '' });
  }
  for (const c of configFiles)
    for (const comp of components)
      if (comp.kind === 'directory' && comp.hostPath && isUnder(c.hostPath, comp.hostPath))
        comp.entries = comp.entries.filter((x) => x.local !== c.localPath);
  components.push({ macro: 'CONFIG', kind: 'config', marshal: 'config', entries: [] });

  const bytes = components.reduce((n, c) => n + c.entries.reduce((m, e) => m + e.size, 0), 0);
  return { scheddName, paths, components, configFiles, excluded, warnings, bytes };
}
