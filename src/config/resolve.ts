/**
 * Reading a configuration the way a daemon does: the files in HTCondor's read
 * order (the global file and its includes, `LOCAL_CONFIG_DIR`,
 * `LOCAL_CONFIG_FILE`, the environment), `if`/`elif`/`else` evaluated,
 * `use` templates applied, self-references and `+=` expanded at read time,
 * every other reference expanded lazily at lookup (spec/condor-config.md
 * §1, §3-§5). The result answers `get`/`dump` and tells marshal which files
 * are configuration.
 *
 * Commands (`include : cmd |`, `LOCAL_CONFIG_FILE = cmd |`, `include command`)
 * are never run: a cache file of `include command into` is read when it
 * exists; otherwise the command is recorded in the read order with a warning.
 * A relative include path is taken relative to the directory of the file that
 * names it (HTCondor opens it relative to the daemon's working directory,
 * which the files do not tell). User config files (`USER_CONFIG_FILE`, read
 * only by daemons not running as root) and runtime/persistent `-set`
 * settings are not read.
 */
import {
  builtinDefault,
  DETECTED_MACROS,
  DEFAULT_EXCLUDE_REGEXP,
  type Platform,
} from './defaults.js';
import { configError, configWarning, type ConfigDiagnostic } from './diagnostics.js';
import { expandMacros, ExpansionError, findMacros, type ExpandContext } from './expand.js';
import type { HostFacts } from './hostFacts.js';
import { hostDirname, hostJoin, isAbsoluteHostPath, type HostFileSystem } from './hostPaths.js';
import {
  expandMetaArgs,
  isTemplateCategory,
  parseTemplateList,
  templateBody,
} from './metaknobs.js';
import {
  diagnosticAt,
  isValidKnobName,
  parseConfig,
  type Assignment,
  type ConditionStatement,
  type IncludeStatement,
  type LogicalLine,
  type ParsedConfig,
  type Statement,
  type UseStatement,
} from './parse.js';

/** Where a definition came from. */
export type DefinitionSource =
  | {
      kind: 'file';
      /** Host path of the file. */
      file: string;
      line: number;
      lastLine: number;
      /** The template, for definitions made by a `use` line (`ROLE:Submit`). */
      use?: string;
    }
  | { kind: 'default' }
  | { kind: 'environment'; variable: string }
  | { kind: 'detected' };

/** One macro definition: the raw (unexpanded) value and where it was made. */
export interface MacroDefinition {
  /** The name as first written. */
  name: string;
  value: string;
  source: DefinitionSource;
}

/** One entry of the read order. */
export interface ReadEntry {
  kind: 'file' | 'command';
  /** Host path of the file, or the command line. */
  hostPath: string;
  /** Where the file is on this machine. */
  localPath?: string;
  /** Path relative to the tree (the output layout). */
  treePath?: string;
  /** Why it was read: `include at F:L`, `LOCAL_CONFIG_DIR D`, `LOCAL_CONFIG_FILE`; none for the main file. */
  via?: string;
}

/** A file in a `LOCAL_CONFIG_DIR` that is not configuration. */
export interface ExcludedEntry {
  hostPath: string;
  localPath: string;
  treePath: string;
  reason: string;
}

/** How to read a configuration. */
export interface ResolveOptions {
  fs: HostFileSystem;
  /** The daemon reading it (default `TOOL`, as condor_config_val). */
  subsystem?: string;
  /** `-local-name` of the daemon. */
  localName?: string;
  /** The detected macros. */
  facts?: HostFacts;
  /** The environment: `$ENV()` and `_CONDOR_*` (default: none). */
  env?: Record<string, string | undefined>;
  platform?: Platform;
  /** The HTCondor version `if version ...` compares with. */
  version?: string;
}

/** The version `if version` conditions compare with by default. */
export const DEFAULT_CONDOR_VERSION = '25.14.0';

const MAX_INCLUDE_DEPTH = 20;

class Abort extends Error {}

/** The result of reading a configuration. */
export class ResolvedConfig {
  readonly readOrder: ReadEntry[] = [];
  readonly excluded: ExcludedEntry[] = [];
  readonly errors: ConfigDiagnostic[] = [];
  readonly warnings: ConfigDiagnostic[] = [];
  /** Every configuration file read, by local path, parsed. */
  readonly files = new Map<string, { entry: ReadEntry; parsed: ParsedConfig }>();
  /** Definitions made by configuration, upper-case name -> definition. */
  readonly table = new Map<string, MacroDefinition>();
  readonly detected = new Map<string, string>();
  readonly subsystem: string;
  readonly localName: string | undefined;
  readonly platform: Platform;
  readonly env: Record<string, string | undefined>;

  constructor(options: ResolveOptions) {
    this.subsystem = (options.subsystem ?? 'TOOL').toUpperCase();
    this.localName = options.localName?.toUpperCase();
    this.platform = options.platform ?? 'unix';
    this.env = options.env ?? {};
  }

  /** The definition a lookup of NAME finds (the daemon's prefixes, then defaults), or undefined. */
  lookup(name: string): MacroDefinition | undefined {
    const key = name.toUpperCase();
    const detected = this.detected.get(key);
    if (detected !== undefined && DETECTED_MACROS.includes(key)) {
      return { name: key, value: detected, source: { kind: 'detected' } };
    }
    const s = this.subsystem;
    const l = this.localName;
    const candidates = [
      l !== undefined ? `${s}.${l}.${key}` : undefined,
      l !== undefined ? `${l}.${key}` : undefined,
      `${s}.${key}`,
      key,
    ];
    for (const c of candidates) {
      if (c === undefined) continue;
      const def = this.table.get(c);
      if (def) return def;
    }
    const builtin = builtinDefault(key, this.platform);
    if (builtin !== undefined) return { name: key, value: builtin, source: { kind: 'default' } };
    if (detected !== undefined) return { name: key, value: detected, source: { kind: 'detected' } };
    return undefined;
  }

  /** The expansion context of this configuration. */
  context(): ExpandContext {
    return {
      lookup: (n) => this.lookup(n)?.value,
      env: (n) => this.env[n],
    };
  }

  /** Expands a text against this configuration; throws ExpansionError. */
  expand(text: string): string {
    return expandMacros(text, this.context());
  }

  /** The value of a knob, expanded, with its raw value and definition; undefined when not defined. */
  get(name: string): { value: string; raw: string; definition: MacroDefinition } | undefined {
    const def = this.lookup(name);
    if (!def) return undefined;
    return {
      value: expandMacros(def.value, this.context(), [name]),
      raw: def.value,
      definition: def,
    };
  }

  /** The expanded value of a knob, or '' (errors become '') — for read-order decisions. */
  valueOr(name: string, fallback = ''): string {
    try {
      const v = this.get(name);
      return v === undefined ? fallback : v.value;
    } catch {
      return fallback;
    }
  }

  /** Every definition made by configuration or the environment, sorted by name. */
  definitions(): MacroDefinition[] {
    return [...this.table.values()].sort((a, b) =>
      a.name.toUpperCase() < b.name.toUpperCase()
        ? -1
        : a.name.toUpperCase() > b.name.toUpperCase()
          ? 1
          : 0,
    );
  }
}

/** The location statements of a source are reported at (a `use` body reports at its `use` line). */
interface Origin {
  parsed: ParsedConfig;
  hostPath: string;
  /** For template bodies: the `use` statement and the template name. */
  use?: { statement: UseStatement; parsed: ParsedConfig; label: string };
}

/** Reads a configuration that starts at `mainLocalPath` (the file CONDOR_CONFIG names). */
export function resolveConfig(mainLocalPath: string, options: ResolveOptions): ResolvedConfig {
  const reader = new Reader(options);
  reader.run(mainLocalPath);
  return reader.config;
}

/** Splits a list knob's value (commas and/or white space). */
export function splitList(value: string): string[] {
  return value.split(/[\s,]+/).filter((x) => x !== '');
}

/** A knob value read as a boolean (`true`, `yes`, `1` ...), or the fallback. */
export function isTrue(value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 't', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'f', 'no', 'n', '0'].includes(v)) return false;
  return fallback;
}

/** Compares dotted versions: -1, 0 or 1. */
function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

class Reader {
  readonly config: ResolvedConfig;
  private readonly fs: HostFileSystem;
  private readonly version: number[];

  constructor(options: ResolveOptions) {
    this.config = new ResolvedConfig(options);
    this.fs = options.fs;
    this.version = (options.version ?? DEFAULT_CONDOR_VERSION)
      .split('.')
      .map((x) => parseInt(x, 10) || 0);
    const c = this.config;
    for (const [k, v] of Object.entries(options.facts ?? {})) c.detected.set(k.toUpperCase(), v);
    c.detected.set('SUBSYSTEM', c.subsystem);
    c.detected.set('LOCALNAME', c.localName ?? c.subsystem);
  }

  run(mainLocalPath: string): void {
    const c = this.config;
    const mainHost = this.fs.hostPathOf(mainLocalPath);
    c.detected.set('CONFIG_ROOT', hostDirname(mainHost));
    try {
      this.readFile(mainHost, undefined, 0, true, undefined);
      const dirsDone = new Set<string>();
      this.readDirs(dirsDone);
      this.readLocalFiles();
      this.readDirs(dirsDone);
      for (const [k, v] of Object.entries(c.env)) {
        const m = /^_condor_(.+)$/i.exec(k);
        if (m && v !== undefined) {
          c.table.set(m[1]!.toUpperCase(), {
            name: m[1]!,
            value: v.replace(/^[\t\n\v\f\r ]+/, ''),
            source: { kind: 'environment', variable: k },
          });
        }
      }
    } catch (e) {
      if (!(e instanceof Abort)) throw e;
    }
  }

  private position(
    origin: Origin,
    logical: LogicalLine,
    at: number,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ): ConfigDiagnostic {
    if (origin.use) {
      const u = origin.use;
      return diagnosticAt(
        u.parsed,
        u.statement.logical,
        u.statement.templatesAt,
        `use ${u.label}: ${message}`,
        severity,
      );
    }
    return diagnosticAt(origin.parsed, logical, at, message, severity);
  }

  private error(origin: Origin, logical: LogicalLine, at: number, message: string): void {
    this.config.errors.push(this.position(origin, logical, at, message));
  }

  /** Expands now, against the definitions seen so far; errors become diagnostics and ''. */
  private expandNow(text: string, origin: Origin, logical: LogicalLine, at: number): string {
    try {
      return this.config.expand(text);
    } catch (e) {
      if (e instanceof ExpansionError) {
        this.error(origin, logical, at, e.message);
        return '';
      }
      throw e;
    }
  }

  private readFile(
    hostPath: string,
    via: string | undefined,
    depth: number,
    mustExist: boolean,
    at: { origin: Origin; logical: LogicalLine; offset: number } | undefined,
  ): boolean {
    const c = this.config;
    const fail = (message: string): void => {
      if (at) this.error(at.origin, at.logical, at.offset, message);
      else c.errors.push(configError(hostPath, 1, 1, message));
    };
    if (depth > MAX_INCLUDE_DEPTH) {
      fail('includes nested too deep');
      return false;
    }
    const local = this.fs.localPathOf(hostPath);
    if (local === undefined || !this.fs.isFile(local)) {
      if (mustExist)
        fail(`cannot open ${hostPath}${local && local !== hostPath ? ` (${local})` : ''}`);
      return false;
    }
    let treePath: string | undefined;
    try {
      treePath = this.fs.treePathOf(local);
    } catch {
      treePath = undefined;
    }
    const entry: ReadEntry = { kind: 'file', hostPath, localPath: local, treePath, via };
    c.readOrder.push(entry);
    let known = c.files.get(local);
    if (!known) {
      const parsed = parseConfig(this.fs.readFile(local), local);
      known = { entry, parsed };
      c.files.set(local, known);
      c.errors.push(...parsed.errors);
      c.warnings.push(...parsed.warnings);
    }
    this.runSource({ parsed: known.parsed, hostPath }, depth);
    return true;
  }

  private treeLabel(origin: Origin, line: number): string {
    const known = [...this.config.files.values()].find((f) => f.parsed === origin.parsed);
    const name = known?.entry.treePath ?? origin.hostPath;
    return `${name}:${line}`;
  }

  private runSource(origin: Origin, depth: number): void {
    // The if stack, as HTCondor's ConfigIfStack: per level, whether the
    // current branch is taken and whether an earlier branch was.
    const stack: { on: boolean; taken: boolean }[] = [];
    const enabled = (): boolean => stack.every((s) => s.on);
    for (const st of origin.parsed.statements) {
      switch (st.kind) {
        case 'if': {
          const bb = enabled() ? this.condition(st, origin) : false;
          stack.push({ on: bb, taken: bb });
          continue;
        }
        case 'elif': {
          const top = stack[stack.length - 1];
          if (!top) continue;
          const outer = stack.slice(0, -1).every((s) => s.on);
          if (top.taken || !outer) top.on = false;
          else {
            top.on = this.condition(st, origin);
            top.taken = top.on;
          }
          continue;
        }
        case 'else': {
          const top = stack[stack.length - 1];
          if (top) top.on = !top.taken;
          continue;
        }
        case 'endif':
          stack.pop();
          continue;
        default:
          if (!enabled()) continue;
      }
      this.execute(st, origin, depth);
    }
  }

  private execute(st: Statement, origin: Origin, depth: number): void {
    const c = this.config;
    switch (st.kind) {
      case 'invalid':
        this.error(origin, st.logical, st.at, st.message);
        return;
      case 'ini':
        return;
      case 'assign':
        this.assign(st, origin);
        return;
      case 'include':
        this.include(st, origin, depth);
        return;
      case 'use':
        this.use(st, origin, depth);
        return;
      case 'warning': {
        const text = this.expandNow(st.text, origin, st.logical, st.textAt);
        c.warnings.push(this.position(origin, st.logical, 0, `warning : ${text}`, 'warning'));
        return;
      }
      case 'error': {
        const text = this.expandNow(st.text, origin, st.logical, st.textAt);
        this.error(origin, st.logical, 0, `error : ${text}`);
        throw new Abort();
      }
      default:
        return;
    }
  }

  /** Replaces references to the knob itself with its current value (the self-reference rule). */
  private expandSelf(value: string, name: string): string {
    const c = this.config;
    const upper = name.toUpperCase();
    const selves = new Set([upper]);
    const parts = upper.split('.');
    if (parts.length >= 2) {
      const prefix = parts.slice(0, -1).join('.');
      const s = c.subsystem;
      const l = c.localName;
      if (prefix === s || (l !== undefined && (prefix === l || prefix === `${s}.${l}`))) {
        selves.add(parts[parts.length - 1]!);
      }
    }
    const refs = findMacros(value).filter((r) => r.func === '' && selves.has(r.name.toUpperCase()));
    if (refs.length === 0) return value;
    let out = '';
    let i = 0;
    for (const r of refs) {
      const current = c.lookup(r.name)?.value ?? '';
      out += value.slice(i, r.start) + (current !== '' ? current : (r.def ?? ''));
      i = r.end;
    }
    return out + value.slice(i);
  }

  private assign(st: Assignment, origin: Origin): void {
    const c = this.config;
    let name = st.name;
    if (name.includes('$')) {
      name = this.expandNow(name, origin, st.logical, st.nameAt).trim();
      if (!isValidKnobName(name)) {
        this.error(
          origin,
          st.logical,
          st.nameAt,
          `illegal knob name '${name}' (from '${st.name}')`,
        );
        return;
      }
    }
    let value = this.expandSelf(st.value, name);
    if (st.op === '+=') {
      const current = c.lookup(name)?.value ?? '';
      if (current !== '') value = current + (st.separator ?? ' ') + value;
    }
    const key = name.toUpperCase();
    const source: DefinitionSource = origin.use
      ? {
          kind: 'file',
          file: origin.hostPath,
          line: origin.use.statement.firstLine,
          lastLine: origin.use.statement.lastLine,
          use: origin.use.label,
        }
      : { kind: 'file', file: origin.hostPath, line: st.firstLine, lastLine: st.lastLine };
    const previous = c.table.get(key);
    c.table.set(key, { name: previous?.name ?? name, value, source });
  }

  private hostOf(parsed: ParsedConfig): string {
    for (const f of this.config.files.values()) if (f.parsed === parsed) return f.entry.hostPath;
    return parsed.name;
  }

  private resolveHostPath(target: string, origin: Origin): string {
    if (isAbsoluteHostPath(target)) return target;
    return hostJoin(
      hostDirname(origin.use ? this.hostOf(origin.use.parsed) : origin.hostPath),
      target,
    );
  }

  private include(st: IncludeStatement, origin: Origin, depth: number): void {
    const c = this.config;
    const target = this.expandNow(st.target, origin, st.logical, st.targetAt).trim();
    const where = this.treeLabel(origin, st.firstLine);
    if (st.into !== undefined) {
      const cache = this.expandNow(st.into, origin, st.logical, 0).trim();
      const cachePath = this.resolveHostPath(cache, origin);
      const local = this.fs.localPathOf(cachePath);
      if (local !== undefined && this.fs.isFile(local)) {
        this.readFile(cachePath, `include command into at ${where}`, depth + 1, true, {
          origin,
          logical: st.logical,
          offset: st.targetAt,
        });
        return;
      }
    }
    if (st.command) {
      const command = target.replace(/[\s|]+$/, '');
      c.readOrder.push({ kind: 'command', hostPath: command, via: `include command at ${where}` });
      c.warnings.push(
        this.position(
          origin,
          st.logical,
          st.targetAt,
          `the command '${command}' is not run: its output is not part of this configuration`,
          'warning',
        ),
      );
      return;
    }
    if (target === '') {
      if (!st.ifExist) this.error(origin, st.logical, st.targetAt, 'include of an empty file name');
      return;
    }
    this.readFile(
      this.resolveHostPath(target, origin),
      `include at ${where}`,
      depth + 1,
      !st.ifExist,
      {
        origin,
        logical: st.logical,
        offset: st.targetAt,
      },
    );
  }

  private use(st: UseStatement, origin: Origin, depth: number): void {
    const c = this.config;
    const category = this.expandNow(st.category, origin, st.logical, 0).trim();
    if (!isTemplateCategory(category)) {
      this.error(origin, st.logical, 0, `use ${category}: unknown category`);
      return;
    }
    if (depth > MAX_INCLUDE_DEPTH) {
      this.error(origin, st.logical, 0, `use ${category}: nesting too deep`);
      return;
    }
    for (const t of parseTemplateList(st.templates)) {
      const label = `${category.toUpperCase()}:${t.name}`;
      const body = templateBody(category, t.name);
      if (body === undefined) {
        c.warnings.push(
          this.position(
            origin,
            st.logical,
            st.templatesAt,
            `use ${label}: configmd does not know this template's settings; they are not applied`,
            'warning',
          ),
        );
        continue;
      }
      const text = expandMetaArgs(body, t.args);
      const parsed = parseConfig(text, `<use ${label}>`);
      const useOrigin: Origin = origin.use
        ? {
            parsed,
            hostPath: origin.hostPath,
            use: { ...origin.use, label: `${origin.use.label} > ${label}` },
          }
        : {
            parsed,
            hostPath: origin.hostPath,
            use: { statement: st, parsed: origin.parsed, label },
          };
      this.runSource(useOrigin, depth + 1);
    }
  }

  /** Evaluates an `if`/`elif` condition (spec §3.3); a bad one is an error and counts as false. */
  private condition(st: ConditionStatement, origin: Origin): boolean {
    let expr = st.condition;
    let expanded = false;
    if (expr.includes('$')) {
      expr = this.expandNow(expr, origin, st.logical, st.conditionAt).replace(/\s+$/, '');
      expanded = true;
    }
    expr = expr.replace(/^\s+/, '');
    let inverted = false;
    if (expr.startsWith('!')) {
      inverted = true;
      expr = expr.slice(1).replace(/^\s+/, '');
    }
    if (expanded && expr === '') return inverted;
    const result = this.evaluateCondition(expr);
    if (typeof result === 'string') {
      this.error(
        origin,
        st.logical,
        st.conditionAt,
        `${st.condition} is not a valid ${st.kind} condition because ${result}`,
      );
      return false;
    }
    return inverted ? !result : result;
  }

  private evaluateCondition(expr: string): boolean | string {
    const e = expr.trim();
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(e)) return parseFloat(e) !== 0;
    if (/^(true|yes|t)$/i.test(e)) return true;
    if (/^(false|no|f)$/i.test(e)) return false;
    const version = /^version(?![A-Za-z0-9])\s*(.*)$/i.exec(e);
    if (version) {
      const m = /^(!?)([<=>]?)(=?)\s*[vV]?(\d+)\.(\d+)(?:\.(\d+))?\s*$/.exec(version[1]!);
      if (!m) return 'the version literal is invalid';
      const op = m[2] === '<' ? -1 : m[2] === '>' ? 1 : 0;
      const orEqual = m[3] === '=';
      const given = [
        parseInt(m[4]!, 10),
        parseInt(m[5]!, 10),
        m[6] !== undefined ? parseInt(m[6], 10) : (this.version[2] ?? 0),
      ];
      if (given[0]! < 6) return 'the version literal is invalid';
      const diff = compareVersions(this.version, given);
      let result = diff === op || (orEqual && diff === 0);
      if (m[1] === '!') result = !result;
      return result;
    }
    const defined = /^defined(?![A-Za-z0-9])\s*(.*)$/i.exec(e);
    if (defined) {
      const arg = defined[1]!.trim();
      if (arg === '') return false;
      if (/^use\s/i.test(arg)) {
        const rest = arg.slice(4).trim();
        if (/\s/.test(rest))
          return 'defined use meta argument with internal spaces will never match';
        const [cat, tmpl] = rest.split(':');
        if (!isTemplateCategory(cat ?? '')) return false;
        return tmpl === undefined || tmpl === '' || templateBody(cat!, tmpl) !== undefined;
      }
      if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(arg) || /^(true|false)$/i.test(arg)) return true;
      if (/^[A-Za-z0-9_./]+$/.test(arg)) {
        const def = this.config.lookup(arg);
        if (!def && /^(yes|no|t|f)$/i.test(arg)) return true;
        return def !== undefined && def.value !== '';
      }
      return 'defined argument must be param name, boolean, or number';
    }
    if (/^[A-Za-z0-9_./]+$/.test(e)) return 'expression is not a conditional';
    return 'complex conditionals are not supported';
  }

  /** Processes the LOCAL_CONFIG_DIR directories not processed yet. */
  private readDirs(done: Set<string>): void {
    const c = this.config;
    const dirs = splitList(c.valueOr('LOCAL_CONFIG_DIR'));
    for (const dir of dirs) {
      if (done.has(dir)) continue;
      done.add(dir);
      const local = this.fs.localPathOf(dir);
      if (local === undefined || !this.fs.isDirectory(local)) continue;
      let dirTree: string;
      try {
        dirTree = this.fs.treePathOf(local);
      } catch {
        dirTree = dir;
      }
      let exclude: RegExp;
      const pattern = c.valueOr('LOCAL_CONFIG_DIR_EXCLUDE_REGEXP', DEFAULT_EXCLUDE_REGEXP);
      try {
        exclude = new RegExp(pattern);
      } catch {
        c.warnings.push(
          configWarning(
            dir,
            1,
            1,
            `LOCAL_CONFIG_DIR_EXCLUDE_REGEXP '${pattern}' is not a valid regular expression; the default is used`,
          ),
        );
        exclude = new RegExp(DEFAULT_EXCLUDE_REGEXP);
      }
      for (const name of this.fs.listFiles(local)) {
        const hostPath = hostJoin(dir, name);
        const localFile = this.fs.localPathOf(hostPath) ?? `${local}/${name}`;
        if (exclude.test(name)) {
          let treePath: string;
          try {
            treePath = this.fs.treePathOf(localFile);
          } catch {
            treePath = hostPath;
          }
          c.excluded.push({
            hostPath,
            localPath: localFile,
            treePath,
            reason: 'name matches LOCAL_CONFIG_DIR_EXCLUDE_REGEXP: not configuration',
          });
          continue;
        }
        this.readFile(hostPath, `LOCAL_CONFIG_DIR ${dirTree}`, 1, true, undefined);
      }
    }
  }

  /** Processes LOCAL_CONFIG_FILE, following changes of its value. */
  private readLocalFiles(): void {
    const c = this.config;
    const done = new Set<string>();
    let raw = c.lookup('LOCAL_CONFIG_FILE')?.value;
    let value = c.valueOr('LOCAL_CONFIG_FILE');
    if (value.includes('|')) {
      const command = value.replace(/[\s|]+$/, '');
      c.readOrder.push({ kind: 'command', hostPath: command, via: 'LOCAL_CONFIG_FILE' });
      c.warnings.push(
        configWarning('LOCAL_CONFIG_FILE', 1, 1, `the command '${command}' is not run`),
      );
      return;
    }
    let pending = splitList(value);
    while (pending.length > 0) {
      const file = pending.shift()!;
      if (done.has(file)) continue;
      done.add(file);
      const required = isTrue(
        c.valueOr('REQUIRE_LOCAL_CONFIG_FILE', 'true'),
        this.config.platform !== 'windows',
      );
      this.readFile(file, 'LOCAL_CONFIG_FILE', 1, required, undefined);
      const now = c.lookup('LOCAL_CONFIG_FILE')?.value;
      if (now !== raw) {
        raw = now;
        value = c.valueOr('LOCAL_CONFIG_FILE');
        pending = splitList(value).filter((f) => !done.has(f));
      }
    }
  }
}
