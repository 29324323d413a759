/**
 * The macro map for jobqmd: the `[paths]` section of a `map/1` file
 * (`SPOOL = /path`, `LOCAL_DIR = ...`, `RELEASE_DIR = ...`) computed from a
 * resolved configuration, so a job queue can be marshalled with the
 * configuration of its schedd instead of a hand-written map. Read the
 * configuration as the schedd does (subsystem SCHEDD, its local name).
 */
import { ConfigError } from './diagnostics.js';
import { ExpansionError } from './expand.js';
import { hostFacts } from './hostFacts.js';
import { HostFileSystem, isAbsoluteHostPath, isWindowsPath, type Mount } from './hostPaths.js';
import { resolveConfig, type ResolvedConfig } from './resolve.js';

/** The macros of a schedd's job queue map, most specific first. */
export const DEFAULT_MAP_MACROS = ['SPOOL', 'LOCAL_DIR', 'RELEASE_DIR'];

/** A derived map. */
export interface MacroMap {
  paths: { name: string; value: string }[];
  /** Macros left out, and why. */
  skipped: { name: string; value?: string; reason: string }[];
}

/** Computes the `[paths]` entries for the given macros. */
export function deriveMacroMap(
  config: ResolvedConfig,
  macros: string[] = DEFAULT_MAP_MACROS,
): MacroMap {
  const map: MacroMap = { paths: [], skipped: [] };
  for (const name of macros) {
    let value: string | undefined;
    try {
      value = config.get(name)?.value;
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      map.skipped.push({ name, reason: e.message });
      continue;
    }
    if (value === undefined || value.trim() === '') {
      map.skipped.push({ name, reason: 'not defined' });
      continue;
    }
    value = value.trim();
    if (value.length > 1 && !/^[A-Za-z]:[\\/]$/.test(value)) value = value.replace(/[\\/]+$/, '');
    if (!isAbsoluteHostPath(value) || value.includes('$(')) {
      map.skipped.push({ name, value, reason: 'not an absolute path' });
      continue;
    }
    const key = isWindowsPath(value) ? value.toLowerCase() : value;
    const same = map.paths.find(
      (p) => (isWindowsPath(p.value) ? p.value.toLowerCase() : p.value) === key,
    );
    if (same) {
      map.skipped.push({ name, value, reason: `same path as ${same.name}` });
      continue;
    }
    map.paths.push({ name, value });
  }
  return map;
}

/** Where a schedd's configuration is, for readMacroMap. */
export interface MacroMapOptions {
  /** Read absolute paths inside this tree, as if it were `/`. */
  root?: string;
  mounts?: Mount[];
  /** The schedd's `-local-name`, for a second schedd (`SCHEDD.<NAME>.SPOOL`). */
  localName?: string;
  hostName?: string;
  env?: Record<string, string | undefined>;
  macros?: string[];
}

/**
 * One call for jobqmd: reads the configuration that starts at `configFile` as
 * the schedd does and derives its macro map. Throws ConfigError when the
 * configuration has errors.
 */
export function readMacroMap(configFile: string, options: MacroMapOptions = {}): MacroMap {
  const fs = new HostFileSystem({ root: options.root, mounts: options.mounts });
  const config = resolveConfig(fs.givenFile(configFile), {
    fs,
    subsystem: 'SCHEDD',
    localName: options.localName,
    facts: hostFacts({ hostName: options.hostName, root: options.root }),
    env: options.env ?? {},
  });
  if (config.errors.length > 0) throw new ConfigError(config.errors);
  return deriveMacroMap(config, options.macros);
}
