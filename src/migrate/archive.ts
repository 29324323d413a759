/**
 * csar, the archiver: reads a schedd's configuration, finds its components,
 * marshals the job queue (jobqMD), the history (historyMD) and the
 * configuration (configMD) with the host's directory macros, and writes one
 * host-independent archive: tar, gzip unless `gzip: false`, with the layout
 * of archiveLayout.ts and the manifest of manifest.ts.
 *
 * Sandboxes and other files are streamed from their place into the archive;
 * the marshalled job queue and history are written to a temporary directory
 * first (their sizes must be known before their tar headers), which is
 * removed at the end. Refuses while the schedd appears to run (running.ts)
 * unless `force`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../config/diagnostics.js';
import { matchKnob, parseKnobSpec, type KnobSpec } from '../config/knobSpec.js';
import { lineText, splitPhysicalLines } from '../config/lines.js';
import { formatMapFile, parseMapFile as parseConfigMap } from '../config/mapFile.js';
import { formatHeader, parseHeader } from '../config/markers.js';
import { marshalConfig } from '../config/marshal.js';
import { scanResidue } from '../config/residue.js';
import { parseMapFile as parseJobqMap, type PathMap as JobqMap } from '../jobq/mapFile.js';
import { marshalLog } from '../jobq/marshal.js';
import { FileSink } from '../jobq/recordWriter.js';
import { configEntryRel, entryName } from './archiveLayout.js';
import {
  discoverComponents,
  type Component,
  type Discovery,
  type DiscoverOptions,
} from './components.js';
import { MigrateError, MigrateUsageError } from './errors.js';
import { marshalHistory } from './history.js';
import { defaultKnobSpec } from './knobs.js';
import { isUnder, locate, type PathEntry } from './locations.js';
import {
  CHECKPOINT_FORMAT,
  ComponentDigest,
  formatManifest,
  LAYOUT_ENTRY,
  MANIFEST_ENTRY,
  type Manifest,
  type ManifestComponent,
} from './manifest.js';
import { assertStopped } from './running.js';
import { readScheddHost, type ScheddHost, type ScheddHostOptions } from './scheddHost.js';
import { TarWriter } from './tarWriter.js';

/** Options of csar. */
export interface ArchiveOptions extends DiscoverOptions {
  /** The archive to write, or `-` for stdout. */
  output: string;
  /** gzip (default true). */
  gzip?: boolean;
  /** gzip level (default 6). */
  level?: number;
  /** A knob spec (mdk/1 text or parsed) instead of the default one. */
  knobs?: string | KnobSpec;
  /** Archive even if the schedd appears to run. */
  force?: boolean;
  /** Where the marshalled job queue and history wait (default: next to the output). */
  tempDir?: string;
  /** Called with the bytes archived so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The creation time (default now). */
  now?: Date;
}

/** Where the time went. */
export interface ArchiveTimings {
  /** Reading and marshalling the configuration (configMD). */
  configMs: number;
  /** Marshalling the job queue (jobqMD). */
  jobqMs: number;
  historyMs: number;
  totalMs: number;
}

/** What csar did. */
export interface ArchiveReport {
  output: string;
  manifest: Manifest;
  discovery: Discovery;
  /** Bytes of the archive file (undefined for stdout). */
  archiveBytes?: number;
  /** Bytes of the tar stream. */
  tarBytes: number;
  /** Definitions the configuration lost (restored on restart) and lines rewritten. */
  removedKnobs: number;
  rewrittenConfigLines: number;
  jobqAttributesRewritten: number;
  warnings: string[];
  timings: ArchiveTimings;
}

/** The knob spec to use: the given one, plus every directory macro of the source map (never self-references). */
export function effectiveKnobSpec(
  knobs: string | KnobSpec | undefined,
  paths: PathEntry[],
): KnobSpec {
  const spec =
    knobs === undefined
      ? defaultKnobSpec()
      : typeof knobs === 'string'
        ? parseKnobSpec(knobs, '<knobs>')
        : knobs;
  const entries = [...spec.entries];
  for (const p of paths)
    if (p.name !== 'CONFIG_ROOT' && !matchKnob({ entries }, p.name))
      entries.push({ name: p.name, class: 'required', kind: 'path', line: 0 });
  return { entries };
}

/** The jobqMD map of a set of paths. */
export function jobqMapOf(paths: PathEntry[], file: string): JobqMap {
  return parseJobqMap(formatMapFile(paths), file);
}

/** The marshalled configuration files, as archive entries. */
interface ConfigOutput {
  rel: string;
  bytes: Buffer;
  mode: number;
  mtime: Date;
}

function relocate(hostPath: string, paths: PathEntry[]): string {
  return locate(hostPath, paths) ?? hostPath;
}

/** Marshals the configuration; returns its entries, the main file's location and counts. */
function marshalConfiguration(
  host: ScheddHost,
  discovery: Discovery,
  spec: KnobSpec,
  warnings: string[],
): { outputs: ConfigOutput[]; main: string; removed: number; rewritten: number } {
  const { config, fs } = host;
  const paths = discovery.paths;
  // The source values of the spec's knobs, so that marshal keeps each definition exactly.
  const knobs: { name: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const { parsed } of config.files.values())
    for (const st of parsed.statements) {
      if (st.kind !== 'assign' || st.heredoc || st.firstLine !== st.lastLine) continue;
      const key = st.name.toUpperCase();
      if (seen.has(key) || !/^[A-Za-z0-9_./]+$/.test(st.name) || !matchKnob(spec, st.name))
        continue;
      const value = st.value.trim();
      if (value.endsWith('\\') || paths.some((p) => p.name.toUpperCase() === key)) continue;
      seen.add(key);
      knobs.push({ name: st.name, value });
    }
  const map = parseConfigMap(formatMapFile(paths, knobs), '<source map>');
  let mainTree: string;
  try {
    mainTree = fs.treePathOf(host.mainLocal);
  } catch (e) {
    throw new MigrateUsageError((e as Error).message);
  }
  const result = marshalConfig(config, mainTree, spec, map, (p) => fs.readFile(p));
  if (result.errors.length > 0) throw new ConfigError(result.errors);
  for (const w of result.warnings) warnings.push(`${w.file}:${w.line}:${w.column}: ${w.message}`);
  const removedAt = (file: string, line: number): boolean =>
    result.removed.some((r) => r.file === file && line >= r.line && line <= r.lastLine);
  for (const { entry, parsed } of config.files.values())
    for (const r of scanResidue(parsed, {
      hostNames: [host.hostName, host.hostName.split('.')[0] ?? ''],
      addresses: [host.ip],
    }))
      if (!removedAt(entry.treePath ?? '', r.line))
        warnings.push(
          `${entry.hostPath}:${r.line}:${r.column}: ${r.match} is specific to this host and not in the knob spec: it stays as it is`,
        );
  const locationOf = (tree: string): string => relocate('/' + tree, paths);
  const outputs: ConfigOutput[] = [];
  for (const o of result.outputs) {
    if (o.role !== 'config') continue;
    let bytes = o.bytes;
    if (o.path === mainTree) {
      const first = splitPhysicalLines(bytes)[0]!;
      const header = parseHeader(lineText(bytes, first))!;
      header.main = locationOf(header.main!);
      header.files = header
        .files!.filter((f) => f.role === 'config')
        .map((f) => ({ ...f, path: locationOf(f.path) }));
      bytes = formatHeader(header) + bytes.slice(first.end);
    }
    const local = fs.localPathOf('/' + o.path);
    const st = local !== undefined ? statSync(local) : undefined;
    outputs.push({
      rel: configEntryRel(locationOf(o.path)),
      bytes: Buffer.from(bytes, 'latin1'),
      mode: st ? st.mode & 0o7777 : 0o644,
      mtime: st ? st.mtime : new Date(),
    });
  }
  return {
    outputs,
    main: locationOf(mainTree),
    removed: result.removed.length,
    rewritten: result.rewritten.length,
  };
}

function manifestComponent(c: Component): ManifestComponent {
  return {
    macro: c.macro,
    kind: c.kind,
    location: c.location,
    name: c.name,
    marshal: c.marshal,
    exclusive: c.exclusive,
  };
}

/** Archives a schedd whose host has been read (see archiveSchedd). */
export async function archiveHost(
  host: ScheddHost,
  options: ArchiveOptions,
  configMsSoFar = 0,
): Promise<ArchiveReport> {
  const started = performance.now();
  if (!options.force) assertStopped(host, 'archiving it');
  const discovery = discoverComponents(host, options);
  const warnings = [...discovery.warnings];
  if (options.output !== '-') {
    const out = resolve(options.output);
    for (const c of discovery.components)
      if (
        (c.kind === 'directory' || c.kind === 'anchor') &&
        c.localPath &&
        c.macro !== 'LOCAL_DIR' &&
        c.macro !== 'CONFIG_ROOT' &&
        isUnder(out, resolve(c.localPath))
      )
        throw new MigrateUsageError(
          `the archive ${options.output} would be inside ${c.macro} (${c.hostPath}), which is archived`,
        );
  }

  const t0 = performance.now();
  const spec = effectiveKnobSpec(options.knobs, discovery.paths);
  const config = marshalConfiguration(host, discovery, spec, warnings);
  const configMs = configMsSoFar + (performance.now() - t0);

  const jmap = jobqMapOf(discovery.paths, '<source map>');
  const tempBase =
    options.tempDir ?? (options.output === '-' ? tmpdir() : dirname(resolve(options.output)));
  let temp: string;
  try {
    temp = mkdtempSync(join(tempBase, '.csar-'));
  } catch (e) {
    throw new MigrateError(
      `cannot create a temporary directory in ${tempBase}: ${(e as NodeJS.ErrnoException).code}`,
    );
  }
  let writer: TarWriter | undefined;
  try {
    // Marshal the job queue and the history first: their sizes go into their headers.
    const marshalled = new Map<string, string>();
    let jobqMs = 0;
    let historyMs = 0;
    let jobqAttributesRewritten = 0;
    for (const c of discovery.components) {
      if (c.marshal !== 'jobq' && c.marshal !== 'history') continue;
      for (const e of c.entries) {
        const out = join(temp, `${c.macro}.${e.rel}`);
        const t = performance.now();
        if (c.marshal === 'jobq') {
          const s = await marshalLog(e.local, { map: jmap, output: new FileSink(out) });
          jobqAttributesRewritten += s.attributesRewritten;
          for (const w of s.warnings) warnings.push(`${c.hostPath}:${w.line}: ${w.message}`);
          jobqMs += performance.now() - t;
        } else {
          await marshalHistory(e.local, new FileSink(out), jmap);
          historyMs += performance.now() - t;
        }
        marshalled.set(e.local, out);
      }
    }

    const now = options.now ?? new Date();
    const layout: Manifest = {
      format: CHECKPOINT_FORMAT,
      complete: false,
      created: Math.floor(now.getTime() / 1000),
      creator: 'classad-ts csar',
      scheddName: discovery.scheddName,
      sourceHost: host.hostName,
      sourceAddress: host.ip,
      sourcePaths: discovery.paths,
      components: discovery.components.map((c) =>
        c.kind === 'config' ? { ...manifestComponent(c), main: config.main } : manifestComponent(c),
      ),
    };
    writer = new TarWriter(options.output, { gzip: options.gzip, level: options.level });
    const w = writer;
    const layoutBytes = Buffer.from(formatManifest(layout), 'utf8');
    await w.addFile(LAYOUT_ENTRY, layoutBytes.length, layoutBytes);
    const total = discovery.bytes;
    let done = 0;
    const final: ManifestComponent[] = [];
    for (const c of discovery.components) {
      const m = layout.components.find((x) => x.macro === c.macro)!;
      if (c.kind === 'anchor') {
        final.push(m);
        continue;
      }
      const digest = new ComponentDigest();
      if (c.kind === 'config') {
        for (const o of config.outputs) {
          digest.file(o.rel, o.bytes.length);
          await w.addFile(entryName(c.macro, o.rel), o.bytes.length, o.bytes, {
            mode: o.mode,
            mtime: o.mtime,
            onChunk: (b) => digest.update(b),
          });
        }
      } else {
        for (const e of c.entries) {
          const name = entryName(c.macro, e.rel);
          if (e.type === 'directory') {
            digest.directory(e.rel);
            await w.addDirectory(name, e.mode, e.mtime);
            continue;
          }
          const source = marshalled.get(e.local) ?? e.local;
          const size = source === e.local ? e.size : statSync(source).size;
          digest.file(e.rel, size);
          await w.addLocalFile(name, source, size, {
            mode: e.mode,
            mtime: e.mtime,
            onChunk: (b) => {
              digest.update(b);
              done += b.length;
              options.onProgress?.(Math.min(done, total), total);
            },
          });
        }
      }
      final.push({
        ...m,
        files: digest.files,
        directories: digest.directories,
        size: digest.size,
        sha256: digest.digest(),
      });
    }
    const manifest: Manifest = { ...layout, complete: true, components: final };
    const manifestBytes = Buffer.from(formatManifest(manifest), 'utf8');
    await w.addFile(MANIFEST_ENTRY, manifestBytes.length, manifestBytes);
    await w.finish();
    writer = undefined;
    return {
      output: options.output,
      manifest,
      discovery,
      archiveBytes: options.output === '-' ? undefined : statSync(options.output).size,
      tarBytes: w.bytes,
      removedKnobs: config.removed,
      rewrittenConfigLines: config.rewritten,
      jobqAttributesRewritten,
      warnings,
      timings: {
        configMs,
        jobqMs,
        historyMs,
        totalMs: configMsSoFar + performance.now() - started,
      },
    };
  } finally {
    writer?.abort();
    rmSync(temp, { recursive: true, force: true });
  }
}

/** csar: reads the schedd's configuration and writes its archive. */
export async function archiveSchedd(
  options: ArchiveOptions & ScheddHostOptions,
): Promise<ArchiveReport> {
  const t0 = performance.now();
  const host = readScheddHost(options);
  return archiveHost(host, options, performance.now() - t0);
}
