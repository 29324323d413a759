/**
 * Host paths and the tree they are read from. A configuration names files by
 * their paths on its host (`/etc/condor/config.d`, `D:\condor\config`); with
 * `--root TREE` those paths are looked up inside TREE, as if TREE were `/`.
 *
 * Windows trees: `X:\dir\rest` is looked up as `TREE/dir/rest`, then
 * `TREE/X/dir/rest`; when the installer directory was copied under another
 * name (`D:\condor` as `TREE/condor-local`), the one top-level directory of
 * TREE that holds `rest` is used, and remembered. `--mount 'X:\dir=sub'`
 * says it explicitly. Windows path components match case-insensitively.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';

/** True for `C:\...`, `C:/...` and `\\server\share` paths. */
export function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** True for an absolute host path of either style. */
export function isAbsoluteHostPath(path: string): boolean {
  return path.startsWith('/') || isWindowsPath(path);
}

/** The directory part of a host path (either style). */
export function hostDirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return path[0]!;
  if (/^[A-Za-z]:[\\/]$/.test(path.slice(0, i + 1))) return path.slice(0, i + 1);
  return path.slice(0, i);
}

/** Joins a host directory and a relative path, with the directory's separator style. */
export function hostJoin(dir: string, name: string): string {
  if (isAbsoluteHostPath(name)) return name;
  const winStyle = isWindowsPath(dir) || (dir.includes('\\') && !dir.includes('/'));
  const s = winStyle ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + s + name;
}

/** A host-path prefix mapped to a directory of the tree. */
export interface Mount {
  host: string;
  tree: string;
}

/** Parses `--mount HOSTPATH=TREEPATH`. */
export function parseMount(text: string): Mount {
  const eq = text.lastIndexOf('=');
  if (eq <= 0 || eq === text.length - 1)
    throw new Error(`--mount expects HOSTPATH=TREEPATH, not '${text}'`);
  return { host: text.slice(0, eq), tree: text.slice(eq + 1) };
}

function splitComponents(path: string): string[] {
  return path.split(/[\\/]+/).filter((c) => c !== '');
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Reads files and directories named by host paths, from `/` or from a tree. */
export class HostFileSystem {
  /** The tree, absolute, or undefined to read the real `/`. */
  readonly root: string | undefined;
  private readonly mounts: Mount[];
  private readonly learned: Mount[] = [];

  constructor(options: { root?: string; mounts?: Mount[] } = {}) {
    this.root = options.root !== undefined ? resolve(options.root) : undefined;
    this.mounts = (options.mounts ?? []).slice().sort((a, b) => b.host.length - a.host.length);
  }

  /**
   * A configuration file named on the command line, as a path on this
   * machine: either already a path here (inside the tree), or the path the
   * host knows (`/etc/condor/condor_config`), found under the tree.
   */
  givenFile(path: string): string {
    if (this.root === undefined || !isAbsolute(path)) return path;
    const rel = relative(this.root, resolve(path));
    if ((!rel.startsWith('..') && !isAbsolute(rel)) || existsSync(path)) return path;
    const underRoot = join(this.root, path);
    return existsSync(underRoot) ? underRoot : path;
  }

  /** The host path of a file given on the command line (a path on this machine). */
  hostPathOf(localPath: string): string {
    const abs = resolve(localPath);
    if (this.root === undefined) return abs;
    const rel = relative(this.root, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw new Error(`${localPath} is not inside the tree ${this.root}`);
    }
    return '/' + rel.split(sep).join('/');
  }

  /** The path of a file relative to the tree (or to `/`): the layout of the outputs. */
  treePathOf(localPath: string): string {
    const abs = resolve(localPath);
    const base = this.root ?? '/';
    const rel = relative(base, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw new Error(`${localPath} is not inside the tree ${base}`);
    }
    return rel.split(sep).join('/');
  }

  /** Where a host path is on this machine, or undefined when it cannot be mapped. */
  localPathOf(hostPath: string): string | undefined {
    if (isWindowsPath(hostPath)) return this.windowsPath(hostPath);
    if (!hostPath.startsWith('/')) return undefined;
    const mounted = this.mounted(hostPath, '/');
    if (mounted !== undefined) return mounted;
    if (this.root === undefined) return hostPath;
    // As on the host, `..` cannot climb above `/`: normalize first.
    const local = join(this.root, posix.normalize(hostPath));
    const rel = relative(this.root, local);
    return rel.startsWith('..') || isAbsolute(rel) ? undefined : local;
  }

  private mounted(hostPath: string, s: string): string | undefined {
    const norm = (p: string): string =>
      p
        .replace(/[\\/]+/g, '/')
        .toLowerCase()
        .replace(/\/$/, '');
    const target = s === '/' ? hostPath.replace(/\/$/, '') : norm(hostPath);
    for (const m of [...this.mounts, ...this.learned]) {
      const h = s === '/' ? m.host.replace(/\/$/, '') : norm(m.host);
      if (target === h || target.startsWith(h + '/')) {
        const rest = splitComponents(hostPath.slice(m.host.replace(/[\\/]$/, '').length));
        const base =
          isAbsolute(m.tree) || this.root === undefined ? m.tree : join(this.root, m.tree);
        return this.caseInsensitive(base, rest);
      }
    }
    return undefined;
  }

  private windowsPath(hostPath: string): string | undefined {
    const mounted = this.mounted(hostPath, '\\');
    if (mounted !== undefined) return mounted;
    if (this.root === undefined) return undefined;
    const comps = splitComponents(hostPath);
    const drive = /^[A-Za-z]:$/.test(comps[0] ?? '') ? comps.shift()!.slice(0, 1) : '';
    const direct = this.caseInsensitive(this.root, comps);
    if (exists(direct)) return direct;
    if (drive) {
      const withDrive = this.caseInsensitive(this.root, [drive, ...comps]);
      if (exists(withDrive)) return withDrive;
    }
    if (comps.length >= 2) {
      const rest = comps.slice(1);
      const found: string[] = [];
      for (const top of this.listNames(this.root)) {
        const candidate = this.caseInsensitive(join(this.root, top), rest);
        if (exists(candidate)) found.push(top);
      }
      if (found.length === 1) {
        this.learned.push({ host: `${drive ? drive + ':' : ''}\\${comps[0]}`, tree: found[0]! });
        return this.caseInsensitive(join(this.root, found[0]!), rest);
      }
    }
    return direct;
  }

  private listNames(dir: string): string[] {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
  }

  /** Joins components onto a base, matching each case-insensitively when the exact name is absent. */
  private caseInsensitive(base: string, comps: string[]): string {
    let cur = base;
    for (const c of comps) {
      const exact = join(cur, c);
      if (exists(exact)) {
        cur = exact;
        continue;
      }
      let names: string[] = [];
      try {
        names = readdirSync(cur);
      } catch {
        // not a directory
      }
      const match = names.find((n) => n.toLowerCase() === c.toLowerCase());
      cur = join(cur, match ?? c);
    }
    return cur;
  }

  /** True for a regular file (symbolic links followed). */
  isFile(localPath: string): boolean {
    try {
      return statSync(localPath).isFile();
    } catch {
      return false;
    }
  }

  /** True for a directory (symbolic links followed). */
  isDirectory(localPath: string): boolean {
    try {
      return statSync(localPath).isDirectory();
    } catch {
      return false;
    }
  }

  /** A file's bytes, as a latin1 byte string. */
  readFile(localPath: string): string {
    return readFileSync(localPath).toString('latin1');
  }

  /** The regular files of a directory (links followed), sorted by the bytes of their names. */
  listFiles(localDir: string): string[] {
    let names: Buffer[];
    try {
      names = readdirSync(localDir, { encoding: 'buffer' });
    } catch {
      return [];
    }
    return names
      .sort(Buffer.compare)
      .map((b) => b.toString())
      .filter((n) => this.isFile(join(localDir, n)));
  }
}
