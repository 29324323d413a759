/**
 * csi, the installer: unpacks a checkpoint archive onto this host — each
 * component at the place the installation config gives it, or at its
 * location relative to the others (`$(SPOOL)/job_queue.log`), under the
 * target LOCAL_DIR (`prefix`, default the current directory) for the
 * top-level ones — verifies every component's size and SHA-256 against the
 * manifest, and writes the install log (installLog.ts), which is also the
 * macro map for demarshalling.
 *
 * Nothing is overwritten: SPOOL must be new or empty, file components and
 * configuration files must not exist (a configuration file that is already
 * there byte for byte is left alone). Every step is journaled before it is
 * taken; when anything fails (a damaged archive, a checksum, a path that
 * cannot be written) the journal is undone, so a failed install leaves
 * nothing behind (with `rollback: false` the log stays for
 * `csi --cleanup LOG`). Streams: each entry's bytes go straight to their
 * file; the installed files are the archive's (marshalled) bytes.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  chmodSync,
  writeSync,
} from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseMapFile as parseConfigMap, type PathMap as ConfigMap } from '../config/mapFile.js';
import { configLocation, splitEntry } from './archiveLayout.js';
import { MigrateError, MigrateUsageError } from './errors.js';
import {
  hostToLocal,
  InstallLog,
  readInstallLog,
  undoInstall,
  type UndoReport,
} from './installLog.js';
import { isUnder, resolveLocation, type PathEntry } from './locations.js';
import {
  ComponentDigest,
  LAYOUT_ENTRY,
  MANIFEST_ENTRY,
  parseManifest,
  type Manifest,
  type ManifestComponent,
} from './manifest.js';
import { readTar, type TarEntrySink } from './tarReader.js';

/** Where to install. */
export interface InstallTargetOptions {
  /** A tree standing for `/` (paths below are host paths inside it). */
  root?: string;
  /** LOCAL_DIR's place (a host path); default: the current directory. */
  prefix?: string;
  /** The installation config: a map/1 map whose `[paths]` place components and macros. */
  installConfig?: ConfigMap;
  /** RELEASE_DIR on this host (default: the installation config's, then where condor_master is, then /usr). */
  releaseDir?: string;
}

/** Options of csi. */
export interface InstallOptions extends InstallTargetOptions {
  archive: string;
  /** The install log (a host path); default `$(LOCAL_DIR)/csi-install.log`. */
  log?: string;
  /** Undo a failed install at once (default true); false keeps the log for `csi --cleanup`. */
  rollback?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** One installed component. */
export interface InstalledComponent {
  macro: string;
  kind: ManifestComponent['kind'];
  /** Host path (none for config). */
  path?: string;
  files: number;
  size: number;
}

/** What csi did. */
export interface InstallReport {
  /** The install log on this machine, and as a host path. */
  log: string;
  logHost: string;
  root?: string;
  manifest: Manifest;
  /** The `[paths]` written: each macro's place on this host. */
  paths: PathEntry[];
  components: InstalledComponent[];
  /** Configuration files left alone because they were there already, byte for byte. */
  skipped: string[];
  /** The installed configuration files (host paths) by their path inside `CONFIG/`. */
  configFiles: Map<string, string>;
  /** The installed files of each file component (host paths), the main one first. */
  componentFiles: Map<string, string[]>;
  timings: { totalMs: number };
}

/** Reads an installation config (map/1). */
export function readInstallConfig(text: string, file: string): ConfigMap {
  return parseConfigMap(text, file);
}

/** The directory HTCondor is installed in here: where condor_master is on PATH, or /usr. */
export function detectReleaseDir(): string {
  const r = spawnSync('sh', ['-c', 'command -v condor_master'], { encoding: 'utf8' });
  const p = r.status === 0 ? r.stdout.trim() : '';
  if (p.startsWith('/')) {
    const parts = p.split('/');
    const dir = parts.slice(0, -2).join('/');
    if (dir !== '') return dir;
  }
  return '/usr';
}

function hostPathOfCwd(root: string | undefined): string {
  const cwd = process.cwd();
  if (root === undefined) return cwd;
  const rel = relative(resolve(root), cwd);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new MigrateUsageError(
      `the current directory is not inside the tree ${root}: give --prefix`,
    );
  return '/' + rel.split(sep).join('/');
}

/** A path given on the command line: made absolute against the current directory unless a tree stands for /. */
function hereIfRelative(p: string | undefined, root: string | undefined): string | undefined {
  return p === undefined || root !== undefined || p.startsWith('/') ? p : resolve(p);
}

function cleanPath(p: string, what: string): string {
  if (!p.startsWith('/'))
    throw new MigrateUsageError(`${what}: ${JSON.stringify(p)} is not an absolute path`);
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** Decides each macro's place on this host from the layout manifest and the options. */
export function planTargets(layout: Manifest, options: InstallTargetOptions): Map<string, string> {
  const targets = new Map<string, string>();
  for (const e of options.installConfig?.paths ?? [])
    targets.set(e.name.toUpperCase(), cleanPath(e.value, `the installation config's ${e.name}`));
  const byUpper = (m: string): string | undefined => targets.get(m.toUpperCase());
  if (!byUpper('LOCAL_DIR'))
    targets.set(
      'LOCAL_DIR',
      cleanPath(
        hereIfRelative(options.prefix, options.root) ?? hostPathOfCwd(options.root),
        '--prefix',
      ),
    );
  if (layout.sourcePaths.some((p) => p.name === 'RELEASE_DIR') && !byUpper('RELEASE_DIR'))
    targets.set(
      'RELEASE_DIR',
      cleanPath(options.releaseDir ?? detectReleaseDir(), '--release-dir'),
    );
  const pending = layout.components.filter((c) => c.kind !== 'config' && !byUpper(c.macro));
  for (let pass = 0; pending.length > 0 && pass <= layout.components.length; pass++) {
    for (let i = 0; i < pending.length; i++) {
      const c = pending[i]!;
      let place: string | undefined;
      if (c.location !== undefined) {
        try {
          place = resolveLocation(c.location, byUpper);
        } catch {
          continue; // its parent is not placed yet
        }
      } else {
        const base = byUpper('LOCAL_DIR')!;
        const name =
          c.kind === 'file'
            ? c.name!
            : c.macro === 'CONFIG_ROOT'
              ? 'config'
              : c.macro.toLowerCase();
        place = base === '/' ? `/${name}` : `${base}/${name}`;
      }
      targets.set(c.macro.toUpperCase(), place);
      pending.splice(i--, 1);
    }
  }
  if (pending.length > 0)
    throw new MigrateError(
      `no place for ${pending.map((c) => c.macro).join(', ')}: their locations refer to macros no one places`,
    );
  for (const p of layout.sourcePaths)
    if (!byUpper(p.name))
      throw new MigrateError(`no place for $(${p.name}): give it in the installation config`);
  const seen = new Map<string, string>();
  for (const [name, value] of targets) {
    const other = seen.get(value);
    if (other)
      throw new MigrateError(
        `${other} and ${name} would both be ${value}: give them different places`,
      );
    seen.set(value, name);
  }
  return targets;
}

/** The `[paths]` entries of a plan, in the manifest's order, then the others. */
function pathEntries(layout: Manifest, targets: Map<string, string>): PathEntry[] {
  const order = [
    ...layout.components.map((c) => c.macro.toUpperCase()),
    ...layout.sourcePaths.map((p) => p.name.toUpperCase()),
  ];
  const names = [...targets.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
  });
  return names.map((name) => ({ name, value: targets.get(name)! }));
}

function isEmptyDir(local: string): boolean {
  try {
    return readdirSync(local).length === 0;
  } catch {
    return false;
  }
}

/** The installer's state for one run. */
class Installer {
  log: InstallLog | undefined;
  logLocal: string | undefined;
  logHost: string | undefined;
  layout: Manifest | undefined;
  manifest: Manifest | undefined;
  targets = new Map<string, string>();
  /** Local directories csi created or owns (their contents are csi's). */
  private readonly owned: string[] = [];
  readonly digests = new Map<string, ComponentDigest>();
  readonly skipped: string[] = [];
  readonly configFiles = new Map<string, string>();
  readonly componentFiles = new Map<string, string[]>();
  private readonly pendingDirs: string[] = [];

  constructor(readonly options: InstallOptions) {}

  /** Where a host path is on this machine (absolute). */
  local(host: string): string {
    return resolve(hostToLocal(this.options.root, host));
  }

  private ownedBy(local: string): boolean {
    return this.owned.some((d) => isUnder(local, d));
  }

  /** Makes a directory (and its parents), journaling the topmost one created. */
  ensureDir(host: string, what: string): void {
    const missing: string[] = [];
    let h = host;
    for (;;) {
      const l = this.local(h);
      if (existsSync(l)) {
        if (!statSync(l).isDirectory())
          throw new MigrateError(`cannot create ${host} (${what}): ${h} is not a directory`);
        break;
      }
      if (h === '/')
        throw new MigrateError(
          `cannot create ${host} (${what}): the tree ${this.options.root} does not exist`,
        );
      missing.unshift(h);
      h = h.slice(0, h.lastIndexOf('/')) || '/';
    }
    if (missing.length === 0) return;
    const top = missing[0]!;
    const topLocal = this.local(top);
    if (!this.ownedBy(topLocal)) {
      if (this.log) this.log.action('mkdir', top);
      else this.pendingDirs.push(top);
      this.owned.push(resolve(topLocal));
    }
    for (const m of missing) {
      try {
        mkdirSync(this.local(m));
      } catch (e) {
        throw new MigrateError(
          `cannot create ${m} (${what}): ${(e as NodeJS.ErrnoException).code}`,
        );
      }
    }
  }

  /** Takes an existing empty directory: its contents become csi's. */
  own(host: string): void {
    const l = resolve(this.local(host));
    if (this.ownedBy(l)) return;
    this.log!.action('own', host);
    this.owned.push(l);
  }

  /** Creates a file (which must not exist), journaled unless in a directory csi owns. */
  createFile(host: string, mode: number, what: string): number {
    const l = this.local(host);
    const parent = host.slice(0, host.lastIndexOf('/')) || '/';
    this.ensureDir(parent, what);
    if (existsSync(l))
      throw new MigrateError(`${host} (${what}) exists already: csi never overwrites a file`);
    if (!this.ownedBy(resolve(l))) this.log!.action('file', host);
    try {
      return openSync(l, 'wx', mode & 0o777 || 0o644);
    } catch (e) {
      throw new MigrateError(
        `cannot create ${host} (${what}): ${(e as NodeJS.ErrnoException).code}`,
      );
    }
  }

  /** Plans, checks and prepares the targets once the layout is known. */
  start(layout: Manifest): void {
    if (layout.complete)
      throw new MigrateError(`${this.options.archive}: ${LAYOUT_ENTRY} is not a layout`);
    this.layout = layout;
    this.targets = planTargets(layout, this.options);
    const t = (m: string): string => this.targets.get(m.toUpperCase())!;
    this.logHost = cleanPath(
      hereIfRelative(this.options.log, this.options.root) ??
        `${t('LOCAL_DIR') === '/' ? '' : t('LOCAL_DIR')}/csi-install.log`,
      '--log',
    );
    this.logLocal = this.local(this.logHost);
    // Check everything before writing anything.
    for (const c of layout.components) {
      if (c.kind === 'config' || c.kind === 'anchor') continue;
      const l = this.local(t(c.macro));
      if (c.kind === 'file' && existsSync(l))
        throw new MigrateError(
          `${c.macro}: ${t(c.macro)} exists already: csi never overwrites a file`,
        );
      if (c.kind === 'directory' && c.exclusive && existsSync(l) && !isEmptyDir(l))
        throw new MigrateError(
          `${c.macro}: ${t(c.macro)} exists and is not empty: a schedd's ${c.macro} must be its own`,
        );
    }
    if (existsSync(this.logLocal))
      throw new MigrateError(
        `the install log ${this.logHost} exists: an install is there already (csu --log, or csi --cleanup, removes it)`,
      );
    this.ensureDir(this.logHost.slice(0, this.logHost.lastIndexOf('/')) || '/', 'the install log');
    try {
      this.log = InstallLog.create(this.logLocal, {
        root: this.options.root,
        archive: resolve(this.options.archive),
        schedd: layout.scheddName,
      });
    } catch (e) {
      for (const d of this.pendingDirs) rmSync(this.local(d), { recursive: true, force: true });
      throw e;
    }
    for (const d of this.pendingDirs) this.log.action('mkdir', d);
    for (const c of layout.components) {
      if (c.kind === 'anchor') this.ensureDir(t(c.macro), c.macro);
      else if (c.kind === 'directory') {
        const l = this.local(t(c.macro));
        const existed = existsSync(l);
        this.ensureDir(t(c.macro), c.macro);
        if (existed && c.exclusive) this.own(t(c.macro));
      } else if (c.kind === 'file') {
        this.ensureDir(t(c.macro).slice(0, t(c.macro).lastIndexOf('/')) || '/', c.macro);
      }
      if (c.kind !== 'anchor') this.digests.set(c.macro, new ComponentDigest());
    }
  }

  /** The host path an archive entry goes to. */
  placeOf(c: ManifestComponent, rel: string): string {
    const target = this.targets.get(c.macro.toUpperCase());
    if (c.kind === 'config') {
      const location = configLocation(rel);
      try {
        return resolveLocation(location, (m) => this.targets.get(m.toUpperCase()));
      } catch (e) {
        throw new MigrateError(`CONFIG/${rel}: ${(e as Error).message}`);
      }
    }
    if (c.kind === 'file') {
      if (rel.includes('/'))
        throw new MigrateError(`${c.macro}/${rel}: a file component holds files only`);
      if (rel === c.name) return target!;
      const dir = target!.slice(0, target!.lastIndexOf('/')) || '/';
      return dir === '/' ? `/${rel}` : `${dir}/${rel}`;
    }
    if (c.kind === 'anchor')
      throw new MigrateError(`${c.macro}/${rel}: ${c.macro} holds no files in an archive`);
    return target === '/' ? `/${rel}` : `${target}/${rel}`;
  }

  /** Handles one archive entry. */
  entry(
    path: string,
    type: 'file' | 'directory',
    size: number,
    mode: number,
    mtime: Date | undefined,
  ): TarEntrySink | void {
    const archive = this.options.archive;
    if (this.layout === undefined) {
      if (path !== LAYOUT_ENTRY || type !== 'file')
        throw new MigrateError(
          `${archive}: not a schedd checkpoint (its first entry is ${JSON.stringify(path)}, not ${LAYOUT_ENTRY})`,
        );
      return this.buffered(size, (bytes) =>
        this.start(parseManifest(bytes.toString('utf8'), `${archive}: ${LAYOUT_ENTRY}`)),
      );
    }
    if (this.manifest !== undefined)
      throw new MigrateError(`${archive}: ${JSON.stringify(path)} follows the manifest`);
    if (path === MANIFEST_ENTRY)
      return this.buffered(size, (bytes) => {
        this.manifest = parseManifest(bytes.toString('utf8'), `${archive}: ${MANIFEST_ENTRY}`);
      });
    const { macro, rel } = splitEntry(path);
    const c = this.layout.components.find((x) => x.macro === macro);
    if (!c)
      throw new MigrateError(`${archive}: ${path}: ${macro} is not a component of this checkpoint`);
    if (rel === '') throw new MigrateError(`${archive}: ${path}: an entry without a name`);
    const digest = this.digests.get(macro)!;
    const host = this.placeOf(c, rel);
    if (type === 'directory') {
      digest.directory(rel);
      this.ensureDir(host, macro);
      return;
    }
    digest.file(rel, size);
    if (c.kind === 'config') {
      this.configFiles.set(rel, host);
      if (existsSync(this.local(host))) {
        if (size > 4 << 20)
          throw new MigrateError(
            `${host} (a configuration file) exists already: csi never overwrites a file`,
          );
        const existing = readFileSync(this.local(host));
        return this.buffered(size, (bytes) => {
          digest.update(bytes);
          if (!bytes.equals(existing))
            throw new MigrateError(
              `${host} (a configuration file) exists already with other contents: csi never overwrites a file`,
            );
          this.skipped.push(host);
        });
      }
    }
    if (c.kind === 'file') {
      const list = this.componentFiles.get(macro) ?? [];
      if (rel === c.name) list.unshift(host);
      else list.push(host);
      this.componentFiles.set(macro, list);
    }
    const fd = this.createFile(host, mode, macro);
    const local = this.local(host);
    let open = true;
    return {
      data: (chunk) => {
        digest.update(chunk);
        let off = 0;
        try {
          while (off < chunk.length) off += writeSync(fd, chunk, off);
        } catch (e) {
          closeSync(fd);
          open = false;
          throw new MigrateError(
            `cannot write ${host} (${macro}): ${(e as NodeJS.ErrnoException).code}`,
          );
        }
      },
      end: () => {
        if (!open) return;
        closeSync(fd);
        chmodSync(local, mode & 0o7777 || 0o644);
        if (mtime) utimesSync(local, mtime, mtime);
      },
    };
  }

  private buffered(size: number, done: (bytes: Buffer) => void): TarEntrySink {
    const parts: Buffer[] = [];
    if (size > 64 << 20)
      throw new MigrateError(
        `${this.options.archive}: a manifest of ${size} bytes is not plausible`,
      );
    return { data: (c) => void parts.push(Buffer.from(c)), end: () => done(Buffer.concat(parts)) };
  }

  /** Checks every component against the manifest. */
  verify(): void {
    const archive = this.options.archive;
    if (!this.layout) throw new MigrateError(`${archive}: empty, or not a schedd checkpoint`);
    if (!this.manifest)
      throw new MigrateError(`${archive}: the archive ends before its manifest (it is truncated)`);
    const m = this.manifest;
    if (!m.complete) throw new MigrateError(`${archive}: ${MANIFEST_ENTRY} is not complete`);
    const names = (x: Manifest): string => x.components.map((c) => c.macro).join(',');
    if (names(m) !== names(this.layout))
      throw new MigrateError(`${archive}: the manifest lists other components than the layout`);
    const bad: string[] = [];
    for (const c of m.components) {
      if (c.kind === 'anchor') continue;
      const d = this.digests.get(c.macro)!;
      const sha = d.digest();
      if (d.files !== c.files || d.size !== c.size)
        bad.push(
          `${c.macro}: ${d.files} files, ${d.size} bytes, but the manifest says ${c.files} files, ${c.size} bytes`,
        );
      else if (sha !== c.sha256)
        bad.push(`${c.macro}: SHA-256 ${sha}, but the manifest says ${c.sha256}`);
    }
    if (bad.length > 0)
      throw new MigrateError(
        `${archive}: the archive is damaged: checksums do not match:\n  ${bad.join('\n  ')}`,
      );
  }
}

/** csi: installs an archive; on failure undoes everything (see the module comment). */
export async function installArchive(options: InstallOptions): Promise<InstallReport> {
  const started = performance.now();
  if (
    options.root !== undefined &&
    !statSync(options.root, { throwIfNoEntry: false })?.isDirectory()
  )
    throw new MigrateUsageError(`the tree ${options.root} is not a directory`);
  const inst = new Installer(options);
  try {
    await readTar(options.archive, (e) => inst.entry(e.path, e.type, e.size, e.mode, e.mtime), {
      onProgress: options.onProgress,
    });
    inst.verify();
    const log = inst.log!;
    log.line('verified');
    const paths = pathEntries(inst.layout!, inst.targets);
    log.paths(paths);
    log.line('complete');
    log.close();
    const components: InstalledComponent[] = inst.manifest!.components.map((c) => ({
      macro: c.macro,
      kind: c.kind,
      path: c.kind === 'config' ? undefined : inst.targets.get(c.macro.toUpperCase()),
      files: c.files ?? 0,
      size: c.size ?? 0,
    }));
    return {
      log: inst.logLocal!,
      logHost: inst.logHost!,
      root: options.root,
      manifest: inst.manifest!,
      paths,
      components,
      skipped: inst.skipped,
      configFiles: inst.configFiles,
      componentFiles: inst.componentFiles,
      timings: { totalMs: performance.now() - started },
    };
  } catch (e) {
    inst.log?.close();
    if (!inst.log && e instanceof MigrateError)
      throw new MigrateError(`${e.message}\nnothing was installed`);
    if (options.rollback === false || !inst.logLocal || !inst.log) {
      if (inst.log && e instanceof MigrateError)
        throw new MigrateError(
          `${e.message}\nthe partial install is recorded in ${inst.logLocal}: csi --cleanup ${inst.logLocal} removes it`,
        );
      throw e;
    }
    let undo: UndoReport;
    try {
      undo = undoInstall(readInstallLog(inst.logLocal));
    } catch (u) {
      throw new MigrateError(
        `${(e as Error).message}\nand undoing the partial install failed: ${(u as Error).message} (csi --cleanup ${inst.logLocal})`,
      );
    }
    if (e instanceof MigrateError)
      throw new MigrateError(
        `${e.message}\nnothing was installed: the ${undo.removed.length} path(s) created were removed`,
      );
    throw e;
  }
}

/** csi --cleanup: undoes an install recorded in a log (complete or not) and removes the log. */
export function cleanupInstall(logFile: string): UndoReport {
  return undoInstall(readInstallLog(logFile));
}
