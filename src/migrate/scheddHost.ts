/**
 * A schedd's host as the migration tools see it: its configuration read the
 * way the schedd reads it (subsystem SCHEDD, its -local-name), the file
 * system it lives on (the real `/`, or a copy of the host's files with
 * `root`, as configmd's `--root`), and the host's facts (name, address).
 */
import { ConfigError } from '../config/diagnostics.js';
import { ExpansionError } from '../config/expand.js';
import { hostFacts } from '../config/hostFacts.js';
import { HostFileSystem, isWindowsPath, type Mount } from '../config/hostPaths.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { MigrateError, MigrateUsageError } from './errors.js';

/** Where a schedd's configuration is and how to read it. */
export interface ScheddHostOptions {
  /** The file CONDOR_CONFIG names: a host path, or a path on this machine. */
  config: string;
  /** Read absolute host paths inside this tree, as if it were `/`. */
  root?: string;
  mounts?: Mount[];
  /** The schedd's `-local-name` (a second schedd on the host). */
  localName?: string;
  /** FULL_HOSTNAME (default: the tree's name with `root`, else this machine's). */
  hostName?: string;
  /** IP_ADDRESS (default: this machine's; empty with `root`). */
  ip?: string;
  /** `_CONDOR_*` variables and `$ENV()` (default: none). */
  env?: Record<string, string | undefined>;
}

/** A schedd host: its resolved configuration and file system. */
export interface ScheddHost {
  config: ResolvedConfig;
  fs: HostFileSystem;
  /** The main configuration file on this machine. */
  mainLocal: string;
  /** The main file's host path. */
  mainHost: string;
  hostName: string;
  ip: string;
}

/** Reads a schedd host's configuration; throws ConfigError when it has errors. */
export function readScheddHost(options: ScheddHostOptions): ScheddHost {
  const fs = new HostFileSystem({ root: options.root, mounts: options.mounts });
  const mainLocal = fs.givenFile(options.config);
  let mainHost: string;
  try {
    mainHost = fs.hostPathOf(mainLocal);
  } catch (e) {
    throw new MigrateUsageError((e as Error).message);
  }
  if (!fs.isFile(mainLocal))
    throw new MigrateError(`${options.config}: no such configuration file`);
  const facts = hostFacts({ hostName: options.hostName, ip: options.ip, root: options.root });
  const config = resolveConfig(mainLocal, {
    fs,
    subsystem: 'SCHEDD',
    localName: options.localName,
    facts,
    env: options.env ?? {},
  });
  if (config.errors.length > 0) throw new ConfigError(config.errors);
  return {
    config,
    fs,
    mainLocal,
    mainHost,
    hostName: facts.FULL_HOSTNAME ?? '',
    ip: facts.IP_ADDRESS ?? '',
  };
}

/** The expanded value of a knob (trimmed), or undefined when it is not defined or empty. */
export function knobValue(host: ScheddHost, name: string): string | undefined {
  let v: string | undefined;
  try {
    v = host.config.get(name)?.value;
  } catch (e) {
    if (e instanceof ExpansionError) throw new MigrateError(`${name}: ${e.message}`);
    throw e;
  }
  v = v?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** A knob's value as an absolute host path (trailing separators removed), or undefined. */
export function knobPath(host: ScheddHost, name: string): string | undefined {
  const v = knobValue(host, name);
  if (v === undefined) return undefined;
  if (isWindowsPath(v))
    throw new MigrateError(`${name} = ${v}: Windows schedds cannot be migrated by these tools`);
  if (!v.startsWith('/')) return undefined;
  return v.length > 1 ? v.replace(/\/+$/, '') : v;
}

/** Where a host path is on this machine; throws MigrateError when it cannot be mapped. */
export function localPath(host: { fs: HostFileSystem }, hostPath: string): string {
  const local = host.fs.localPathOf(hostPath);
  if (local === undefined) throw new MigrateError(`${hostPath} cannot be reached on this machine`);
  return local;
}
