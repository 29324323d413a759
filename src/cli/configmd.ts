/**
 * `config` (the paper's `configmd`): marshal | demarshal | get | dump | map | lint
 * for condor_config trees. Commander wiring only; the work is in src/config.
 * Exit codes: 0 success, 1 bad input (messages name file:line:column), 2 bad usage.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { builtinDefaultNames } from '../config/defaults.js';
import { demarshalTree, readManifest } from '../config/demarshal.js';
import {
  ConfigError,
  formatConfigDiagnostic,
  type ConfigDiagnostic,
} from '../config/diagnostics.js';
import { ExpansionError } from '../config/expand.js';
import { hostFacts } from '../config/hostFacts.js';
import { HostFileSystem, parseMount, type Mount } from '../config/hostPaths.js';
import { parseKnobSpec, type KnobSpec } from '../config/knobSpec.js';
import { formatLintFinding, lintConfig } from '../config/lint.js';
import { DEFAULT_MAP_MACROS, deriveMacroMap } from '../config/macroMap.js';
import { formatMapFile, parseMapFile, type PathMap } from '../config/mapFile.js';
import { marshalConfig, type OutputFile } from '../config/marshal.js';
import { scanResidue } from '../config/residue.js';
import { resolveConfig, type DefinitionSource, type ResolvedConfig } from '../config/resolve.js';
import { readBytes, writeFileAtomic, writeStdout } from './streams.js';

interface ReadOptions {
  config: string;
  root?: string;
  mount: string[];
  hostName?: string;
  ip?: string;
  fact: string[];
  subsystem?: string;
  localName?: string;
  condorVersion?: string;
  platform?: 'unix' | 'windows';
  ignoreEnv?: boolean;
  json?: boolean;
}

interface TransformOptions extends ReadOptions {
  knobs: string;
  map: string;
  out: string;
  verbose?: boolean;
}

/** A problem with the command line: exit code 2. */
class UsageError extends Error {}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function addReadOptions(cmd: Command, subsystem: string): Command {
  return cmd
    .requiredOption('--config <file>', 'the configuration to read (the file CONDOR_CONFIG names)')
    .option('--root <tree>', 'read absolute paths inside TREE, as if TREE were /')
    .option(
      '--mount <host=tree>',
      "with --root: a host directory's place in the tree (repeatable)",
      collect,
      [],
    )
    .option(
      '--host-name <fqdn>',
      'FULL_HOSTNAME (default: the tree directory name if it is one, else this machine)',
    )
    .option('--ip <address>', 'IP_ADDRESS (default: this machine, or empty with --root)')
    .option('--fact <name=value>', 'another detected macro (repeatable)', collect, [])
    .option('--subsystem <name>', `the daemon reading the configuration (default ${subsystem})`)
    .option('--local-name <name>', 'the daemon’s -local-name')
    .option('--condor-version <x.y.z>', 'the version `if version` compares with')
    .option('--platform <platform>', 'unix or windows built-in defaults', 'unix')
    .option('--ignore-env', 'ignore _CONDOR_* variables and $ENV()')
    .option('--json', 'machine-readable output');
}

function say(message: string): void {
  process.stderr.write(Buffer.from(`configmd: ${message}\n`, 'latin1'));
}

function report(diagnostics: ConfigDiagnostic[]): void {
  for (const d of diagnostics) say(formatConfigDiagnostic(d));
}

/** Runs an action: ConfigError -> exit 1, UsageError -> exit 2. */
function run(action: () => number | void): void {
  try {
    const code = action();
    if (code) process.exitCode = code;
  } catch (e) {
    if (e instanceof UsageError) {
      say(e.message);
      process.exitCode = 2;
    } else if (e instanceof ConfigError) {
      report(e.diagnostics);
      process.exitCode = 1;
    } else if (e instanceof ExpansionError) {
      say(e.message);
      process.exitCode = 1;
    } else throw e;
  }
}

function readInput(path: string, what: string): string {
  try {
    return readBytes(path);
  } catch (e) {
    throw new ConfigError({
      severity: 'error',
      file: path,
      line: 1,
      column: 1,
      message: `cannot read the ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    });
  }
}

function parseFacts(list: string[]): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const f of list) {
    const eq = f.indexOf('=');
    if (eq <= 0) throw new UsageError(`--fact expects NAME=VALUE, not '${f}'`);
    facts[f.slice(0, eq)] = f.slice(eq + 1);
  }
  return facts;
}

function fileSystem(opts: ReadOptions): HostFileSystem {
  let mounts: Mount[];
  try {
    mounts = opts.mount.map(parseMount);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return new HostFileSystem({ root: opts.root, mounts });
}

function readConfiguration(
  opts: ReadOptions,
  subsystem: string,
): { config: ResolvedConfig; fs: HostFileSystem } {
  if (opts.platform !== 'unix' && opts.platform !== 'windows') {
    throw new UsageError(`--platform is unix or windows, not '${opts.platform}'`);
  }
  const fs = fileSystem(opts);
  opts.config = fs.givenFile(opts.config);
  try {
    fs.hostPathOf(opts.config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const facts = hostFacts({
    hostName: opts.hostName,
    ip: opts.ip,
    facts: parseFacts(opts.fact),
    root: opts.root,
  });
  const config = resolveConfig(opts.config, {
    fs,
    subsystem: opts.subsystem ?? subsystem,
    localName: opts.localName,
    facts,
    env: opts.ignoreEnv ? {} : process.env,
    platform: opts.platform,
    version: opts.condorVersion,
  });
  return { config, fs };
}

function sourceText(source: DefinitionSource): string {
  switch (source.kind) {
    case 'file':
      return `${source.file}, line ${source.line}${source.use ? `, use ${source.use}` : ''}`;
    case 'default':
      return '<Default>';
    case 'environment':
      return `<Environment> ${source.variable}`;
    default:
      return '<Detected>';
  }
}

function sourceJson(source: DefinitionSource): Record<string, unknown> {
  return { ...source };
}

/** The real path of a file, or the resolved path when it does not exist. */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Writes outputs under DIR, refusing to overwrite any input. Nothing is written if one would. */
function writeOutputs(dir: string, outputs: OutputFile[], inputs: string[]): void {
  const taken = new Set(inputs.map(realOrResolved));
  const targets = outputs.map((o) => {
    const dest = join(resolve(dir), ...o.path.split('/'));
    const rel = relative(resolve(dir), dest);
    if (rel.startsWith('..') || rel.split(sep).includes('..')) {
      throw new UsageError(`${o.path} would be written outside ${dir}`);
    }
    if (taken.has(realOrResolved(dest))) {
      throw new UsageError(`--out ${dir} would overwrite the input ${dest}`);
    }
    return { dest, bytes: o.bytes };
  });
  for (const t of targets) {
    mkdirSync(dirname(t.dest), { recursive: true });
    writeFileAtomic(t.dest, t.bytes);
  }
}

function loadSpecAndMap(opts: TransformOptions): { spec: KnobSpec; map: PathMap } {
  const spec = parseKnobSpec(readInput(opts.knobs, 'knob spec'), opts.knobs);
  const map = parseMapFile(readInput(opts.map, 'map'), opts.map);
  return { spec, map };
}

function marshalAction(opts: TransformOptions): number {
  const { spec, map } = loadSpecAndMap(opts);
  const { config, fs } = readConfiguration(opts, 'SCHEDD');
  let mainPath: string;
  try {
    mainPath = fs.treePathOf(opts.config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const result = marshalConfig(config, mainPath, spec, map, (p) => fs.readFile(p));
  if (result.errors.length > 0) {
    report(result.errors);
    say(`nothing written: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
    return 1;
  }
  // Host-specific text the knob spec does not cover stays; say where.
  const facts = config.detected;
  const hostNames = [facts.get('FULL_HOSTNAME') ?? '', facts.get('HOSTNAME') ?? ''];
  const addresses = [facts.get('IP_ADDRESS') ?? ''];
  const removedLines = (file: string, line: number): boolean =>
    result.removed.some((r) => r.file === file && line >= r.line && line <= r.lastLine);
  const residues = [...config.files.values()].flatMap(({ entry, parsed }) =>
    scanResidue(parsed, { hostNames, addresses }).filter(
      (r) => !removedLines(entry.treePath ?? '', r.line),
    ),
  );
  report([...config.warnings, ...result.warnings]);
  for (const r of residues) {
    say(
      `${r.file}:${r.line}:${r.column}: warning: ${r.match} is host-specific and not covered by the knob spec: left as is`,
    );
  }
  const inputs = [
    ...config.files.keys(),
    ...config.excluded.map((x) => x.localPath),
    opts.knobs,
    opts.map,
  ];
  writeOutputs(opts.out, result.outputs, inputs);
  if (opts.json) {
    writeStdout(
      JSON.stringify(
        {
          files: result.outputs.map((o) => ({ path: o.path, role: o.role })),
          removed: result.removed,
          rewritten: result.rewritten,
          residues: residues.map(({ file, line, column, kind, match }) => ({
            file,
            line,
            column,
            kind,
            match,
          })),
        },
        null,
        1,
      ) + '\n',
    );
  }
  return 0;
}

function demarshalAction(opts: TransformOptions): number {
  const { spec, map } = loadSpecAndMap(opts);
  if (opts.root !== undefined)
    opts.config = new HostFileSystem({ root: opts.root }).givenFile(opts.config);
  const mainBytes = readInput(opts.config, 'marshalled main file');
  let root: string;
  if (opts.root !== undefined) root = resolve(opts.root);
  else {
    let manifest;
    try {
      manifest = readManifest(mainBytes, opts.config);
    } catch (e) {
      throw new ConfigError({
        severity: 'error',
        file: opts.config,
        line: 1,
        column: 1,
        message: (e as Error).message.replace(/^.*?:1:1: /, ''),
      });
    }
    const abs = resolve(opts.config);
    const suffix = manifest.main.split('/').join(sep);
    if (!abs.endsWith(sep + suffix)) {
      throw new UsageError(
        `${opts.config} was marshalled as ${manifest.main}: give the marshalled tree with --root`,
      );
    }
    root = abs.slice(0, abs.length - suffix.length - 1) || sep;
  }
  const mainPath = relative(root, resolve(opts.config)).split(sep).join('/');
  if (mainPath.startsWith('..')) throw new UsageError(`${opts.config} is not inside ${root}`);
  const fs = new HostFileSystem({ root });
  const read = (path: string): string | undefined => {
    const local = join(root, ...path.split('/'));
    return fs.isFile(local) ? fs.readFile(local) : undefined;
  };
  const result = demarshalTree(mainPath, read, map, spec, (p) => join(root, ...p.split('/')));
  if (result.errors.length > 0) {
    report(result.errors);
    say(`nothing written: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
    return 1;
  }
  report(result.warnings);
  const inputs = result.outputs.map((o) => join(root, ...o.path.split('/')));
  writeOutputs(opts.out, result.outputs, [...inputs, opts.knobs, opts.map]);
  if (opts.json) {
    writeStdout(
      JSON.stringify(
        {
          files: result.outputs.map((o) => ({ path: o.path, role: o.role })),
          knobs: result.restored,
        },
        null,
        1,
      ) + '\n',
    );
  }
  return 0;
}

interface GetOptions extends ReadOptions {
  raw?: boolean;
  verbose?: boolean;
}

function getAction(names: string[], opts: GetOptions): number {
  const { config } = readConfiguration(opts, 'TOOL');
  if (config.errors.length > 0) {
    report(config.errors);
    return 1;
  }
  let status = 0;
  let out = '';
  const json: Record<string, unknown>[] = [];
  for (const name of names) {
    const v = config.get(name);
    if (v === undefined) {
      say(`Not defined: ${name}`);
      status = 1;
      continue;
    }
    const shown = opts.raw ? v.raw : v.value;
    if (opts.json) {
      json.push({ name, value: v.value, raw: v.raw, source: sourceJson(v.definition.source) });
    } else if (opts.verbose) {
      out += `${name} = ${shown}\n # at: ${sourceText(v.definition.source)}\n # raw: ${v.definition.name} = ${v.raw}\n`;
    } else out += `${shown}\n`;
  }
  if (opts.json) out = JSON.stringify(json, null, 1) + '\n';
  writeStdout(out);
  return status;
}

interface DumpOptions extends ReadOptions {
  expand?: boolean;
  verbose?: boolean;
  defaults?: boolean;
}

function dumpAction(opts: DumpOptions): number {
  const { config } = readConfiguration(opts, 'TOOL');
  if (config.errors.length > 0) {
    report(config.errors);
    return 1;
  }
  const defs = config.definitions();
  if (opts.defaults) {
    const known = new Set(defs.map((d) => d.name.toUpperCase()));
    for (const n of builtinDefaultNames(config.platform)) {
      if (!known.has(n)) defs.push(config.lookup(n)!);
    }
    defs.sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  }
  const value = (raw: string): string => {
    if (!opts.expand) return raw;
    try {
      return config.expand(raw);
    } catch (e) {
      return `<error: ${(e as Error).message}>`;
    }
  };
  if (opts.json) {
    writeStdout(
      JSON.stringify(
        defs.map((d) => ({
          name: d.name,
          raw: d.value,
          value: value(d.value),
          source: sourceJson(d.source),
        })),
        null,
        1,
      ) + '\n',
    );
    return 0;
  }
  let out = `# Configuration read from ${config.readOrder[0]?.hostPath ?? opts.config}\n`;
  for (const d of defs) {
    out += `${d.name} = ${value(d.value)}\n`;
    if (opts.verbose) out += ` # at: ${sourceText(d.source)}\n`;
  }
  writeStdout(out);
  return 0;
}

interface MapOptions extends ReadOptions {
  macro: string[];
  output?: string;
}

function mapAction(opts: MapOptions): number {
  const { config } = readConfiguration(opts, 'SCHEDD');
  if (config.errors.length > 0) {
    report(config.errors);
    return 1;
  }
  const macros =
    opts.macro.length > 0
      ? opts.macro.flatMap((m) => m.split(',')).filter((m) => m)
      : DEFAULT_MAP_MACROS;
  const derived = deriveMacroMap(config, macros);
  for (const s of derived.skipped)
    say(`warning: ${s.name}${s.value ? ` = ${s.value}` : ''} left out: ${s.reason}`);
  if (derived.paths.length === 0) {
    say('no path macro could be derived');
    return 1;
  }
  if (opts.json) {
    writeStdout(JSON.stringify(derived, null, 1) + '\n');
    return 0;
  }
  const who = `${config.subsystem}${config.localName ? ` -local-name ${config.localName.toLowerCase()}` : ''}`;
  const text = formatMapFile(
    derived.paths,
    [],
    [
      'format: map/1 (paths derived by configmd map)',
      `from ${config.readOrder[0]?.hostPath ?? opts.config}, as read by ${who}`,
    ],
  );
  if (opts.output !== undefined && opts.output !== '-') {
    const dest = resolve(opts.output);
    if ([...config.files.keys()].map(realOrResolved).includes(realOrResolved(dest))) {
      throw new UsageError(`--output ${opts.output} would overwrite an input`);
    }
    mkdirSync(dirname(dest), { recursive: true });
    writeFileAtomic(dest, text);
  } else writeStdout(text);
  return 0;
}

function lintAction(opts: ReadOptions): number {
  const { config } = readConfiguration(opts, 'TOOL');
  const findings = lintConfig(config);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (opts.json) {
    writeStdout(
      JSON.stringify(
        findings.map(({ source: _source, start: _start, end: _end, ...f }) => f),
        null,
        1,
      ) + '\n',
    );
  } else if (findings.length > 0) {
    let text = findings.map(formatLintFinding).join('\n') + '\n';
    text += `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
    process.stderr.write(Buffer.from(text, 'latin1'));
  }
  return errors > 0 ? 1 : 0;
}

/** Registers `config` and its subcommands. */
export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description('condor_config trees: marshal, demarshal, get, dump, map, lint (configmd)');

  const transform = (
    name: string,
    description: string,
    action: (o: TransformOptions) => number,
  ): void => {
    addReadOptions(config.command(name).description(description), 'SCHEDD')
      .requiredOption('--knobs <spec>', 'the machine-dependent knobs (mdk/1)')
      .requiredOption('--map <map>', 'the host’s map (map/1)')
      .requiredOption('--out <dir>', 'where to write the files, in the same layout')
      .action((o: TransformOptions) => run(() => action(o)));
  };
  transform(
    'marshal',
    'write every file the configuration reads, with its machine-dependent knobs removed and host paths as $(MACRO)',
    marshalAction,
  );
  transform(
    'demarshal',
    'write a marshalled configuration back for a host: knobs from the map, $(MACRO) paths as the map’s paths',
    demarshalAction,
  );

  addReadOptions(
    config.command('get').description('the values of knobs, like condor_config_val'),
    'TOOL',
  )
    .argument('<knobs...>', 'knob names')
    .option('--raw', 'the unexpanded values')
    .option('-v, --verbose', 'where each value was defined')
    .action((names: string[], o: GetOptions) => run(() => getAction(names, o)));

  addReadOptions(
    config
      .command('dump')
      .description('every knob the configuration defines, like condor_config_val -dump'),
    'TOOL',
  )
    .option('--expand', 'expanded values')
    .option('--defaults', 'include the built-in defaults')
    .option('-v, --verbose', 'where each value was defined')
    .action((o: DumpOptions) => run(() => dumpAction(o)));

  addReadOptions(
    config
      .command('map')
      .description(
        'the [paths] map (SPOOL, LOCAL_DIR, RELEASE_DIR) for jobqmd, from the configuration',
      ),
    'SCHEDD',
  )
    .option(
      '--macro <name>',
      `a macro to include (repeatable; default ${DEFAULT_MAP_MACROS.join(', ')})`,
      collect,
      [],
    )
    .option('-o, --output <file>', 'write the map to FILE (atomically) instead of stdout')
    .action((o: MapOptions) => run(() => mapAction(o)));

  addReadOptions(
    config
      .command('lint')
      .description('check the configuration and its ClassAd-valued knobs; exit 1 on errors'),
    'TOOL',
  ).action((o: ReadOptions) => run(() => lintAction(o)));
}
