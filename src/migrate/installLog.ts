/**
 * The install log (`csi-install/1`): what csi created on this host, where
 * each macro's place is, and the journal that undoes an install.
 *
 * It is a `map/1` map (corpus/jobq/README.md): its `[paths]` section gives
 * each component's and directory macro's path on this host, so
 * `jobqmd demarshal --map INSTALL_LOG` works, and configmd accepts it; every
 * other line is a comment to those readers. The `#csi:` comment lines are
 * the journal, each written (and synced) before the step it records:
 *
 * ```
 * # csi-install/1 ...
 * #csi: root /tmp/tree-b                  a tree standing for / (csi --root)
 * #csi: archive /data/schedd.tar.gz
 * #csi: schedd mobile@physics.example.edu
 * #csi: mkdir /srv/htcondor               created by csi: removed whole on undo
 * #csi: own /srv/htcondor/log             existed empty: its contents are removed on undo
 * #csi: file /etc/condor-mobile/x.conf    created in a directory csi did not create
 * #csi: verified                          every checksum matched
 * [paths]
 * LOCAL_DIR = /srv/htcondor
 * SPOOL = /srv/htcondor/spool
 * #csi: complete
 * ```
 *
 * `csi --cleanup LOG` and `csu --log LOG` undo the journal in reverse and
 * remove the log itself, leaving nothing behind.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { MigrateError } from './errors.js';
import { isUnder, type PathEntry } from './locations.js';

/** The format line of install logs. */
export const INSTALL_LOG_FORMAT = 'csi-install/1';

/** One journal step. */
export interface InstallAction {
  kind: 'mkdir' | 'own' | 'file';
  /** Host path. */
  path: string;
}

/** A parsed install log. */
export interface InstallLogData {
  /** The log's path on this machine. */
  file: string;
  /** The tree standing for `/`, if any. */
  root?: string;
  archive?: string;
  schedd?: string;
  actions: InstallAction[];
  paths: PathEntry[];
  verified: boolean;
  complete: boolean;
  /** Other `#csi:` lines (restart's notes). */
  notes: string[];
}

/** Where a host path is on this machine, given the tree standing for `/`. */
export function hostToLocal(root: string | undefined, hostPath: string): string {
  return root === undefined ? hostPath : join(root, hostPath);
}

/** An install log being written. */
export class InstallLog {
  private fd: number | undefined;

  private constructor(
    /** The log's path on this machine. */
    readonly file: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Creates a new log (refusing to overwrite one) with its header. */
  static create(
    file: string,
    header: { root?: string; archive?: string; schedd?: string },
  ): InstallLog {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new MigrateError(
        code === 'EEXIST'
          ? `the install log ${file} exists: an install is there already (csu --log, or csi --cleanup, removes it)`
          : `cannot write the install log ${file}: ${code}`,
      );
    }
    const log = new InstallLog(file, fd);
    log.write(
      `# ${INSTALL_LOG_FORMAT}: the install log of a schedd checkpoint (classad-ts csi)\n` +
        '# A map/1 map: [paths] gives each macro its path on this host (jobqmd/configmd demarshal --map).\n' +
        '# The #csi: lines are the journal that csi --cleanup and csu --log undo.\n',
    );
    if (header.root !== undefined) log.line(`root ${resolve(header.root)}`);
    if (header.archive !== undefined) log.line(`archive ${header.archive}`);
    if (header.schedd !== undefined) log.line(`schedd ${header.schedd}`);
    return log;
  }

  /** Reopens an existing log to append (restart's notes). */
  static append(file: string): InstallLog {
    try {
      return new InstallLog(file, openSync(file, 'a'));
    } catch (e) {
      throw new MigrateError(
        `cannot append to the install log ${file}: ${(e as NodeJS.ErrnoException).code}`,
      );
    }
  }

  private write(text: string): void {
    if (this.fd === undefined) throw new Error('the install log is closed');
    if (/[\0]/.test(text)) throw new MigrateError('a NUL byte cannot go into the install log');
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
    fsyncSync(this.fd);
  }

  /** Appends one `#csi:` line. */
  line(text: string): void {
    if (text.includes('\n') || text.includes('\r'))
      throw new MigrateError(
        `a path with a line break cannot be installed: ${JSON.stringify(text)}`,
      );
    this.write(`#csi: ${text}\n`);
  }

  /** Records a step before it is taken. */
  action(kind: InstallAction['kind'], path: string): void {
    this.line(`${kind} ${path}`);
  }

  /** Appends the `[paths]` section. */
  paths(entries: PathEntry[]): void {
    for (const e of entries)
      if (e.value.includes('\n') || (/[\\/]$/.test(e.value) && e.value !== '/'))
        throw new MigrateError(`${e.name} = ${JSON.stringify(e.value)} cannot go into a map`);
    this.write('[paths]\n' + entries.map((e) => `${e.name} = ${e.value}\n`).join(''));
  }

  /** Closes the log. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Reads an install log. */
export function readInstallLog(file: string): InstallLogData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MigrateError(
      `cannot read the install log ${file}: ${(e as NodeJS.ErrnoException).code}`,
    );
  }
  if (!text.startsWith(`# ${INSTALL_LOG_FORMAT}`))
    throw new MigrateError(
      `${file}:1:1: not an install log (its first line does not name ${INSTALL_LOG_FORMAT})`,
    );
  const data: InstallLogData = {
    file,
    actions: [],
    paths: [],
    verified: false,
    complete: false,
    notes: [],
  };
  let section = '';
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const csi = /^#csi: (\S+)(?: (.*))?$/.exec(line);
    if (csi) {
      const [, word, rest = ''] = csi;
      if (word === 'mkdir' || word === 'own' || word === 'file') {
        if (!rest.startsWith('/'))
          throw new MigrateError(`${file}:${i + 1}:1: ${word} needs an absolute path`);
        data.actions.push({ kind: word, path: rest });
      } else if (word === 'root') data.root = rest;
      else if (word === 'archive') data.archive = rest;
      else if (word === 'schedd') data.schedd = rest;
      else if (word === 'verified') data.verified = true;
      else if (word === 'complete') data.complete = true;
      else data.notes.push(`${word}${rest ? ' ' + rest : ''}`);
      return;
    }
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const sec = /^\[([A-Za-z]+)\]$/.exec(t);
    if (sec) {
      section = sec[1]!.toLowerCase();
      return;
    }
    const eq = t.indexOf('=');
    if (section === 'paths' && eq > 0)
      data.paths.push({ name: t.slice(0, eq).trim(), value: t.slice(eq + 1).trim() });
  });
  return data;
}

/** What an undo removed. */
export interface UndoReport {
  removed: string[];
  /** Steps whose path was gone already. */
  missing: string[];
}

function removeContents(dir: string): void {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Undoes an install log's journal (in reverse) and removes the log itself. */
export function undoInstall(log: InstallLogData): UndoReport {
  const report: UndoReport = { removed: [], missing: [] };
  const logAbs = resolve(log.file);
  let logRemoved = false;
  for (const a of [...log.actions].reverse()) {
    const local = hostToLocal(log.root, a.path);
    if (local === '/' || (log.root !== undefined && resolve(local) === resolve(log.root)))
      throw new MigrateError(`refusing to remove ${a.path}: it is the root`);
    try {
      if (a.kind === 'file') unlinkSync(local);
      else if (a.kind === 'own') removeContents(local);
      else rmSync(local, { recursive: true });
      report.removed.push(a.path);
      if (a.kind !== 'file' && isUnder(logAbs, resolve(local))) logRemoved = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new MigrateError(`cannot remove ${a.path}: ${(e as NodeJS.ErrnoException).code}`);
      report.missing.push(a.path);
    }
  }
  if (!logRemoved) {
    try {
      unlinkSync(log.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new MigrateError(`cannot remove ${log.file}: ${(e as NodeJS.ErrnoException).code}`);
    }
  }
  return report;
}
