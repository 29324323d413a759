// The configuration corpus (corpus/config): every host tree is read, marshalled
// and demarshalled, and checked against its ground truth (*.truth.json).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demarshalTree } from '../../src/config/demarshal.js';
import { hostFacts } from '../../src/config/hostFacts.js';
import { HostFileSystem } from '../../src/config/hostPaths.js';
import { parseKnobSpec } from '../../src/config/knobSpec.js';
import { lintConfig } from '../../src/config/lint.js';
import { deriveMacroMap } from '../../src/config/macroMap.js';
import type { PathMap } from '../../src/config/mapFile.js';
import { marshalConfig, type OutputFile } from '../../src/config/marshal.js';
import { matchKnob } from '../../src/config/knobSpec.js';
import { parseConfig } from '../../src/config/parse.js';
import { findPrefixes, type Prefix } from '../../src/config/pathPrefix.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { scanResidue } from '../../src/config/residue.js';
import { bytes, corpus, expectedTarget, host, HOSTS, type Host } from './helpers.js';

const spec = parseKnobSpec(bytes(join(corpus, 'machine-knobs.spec')), 'machine-knobs.spec');

/** Reads a host tree as its schedd does, with nothing but the tree (host name from its directory). */
function resolveHost(h: Host) {
  return resolveConfig(join(h.tree, h.truth.condor_config), {
    fs: new HostFileSystem({ root: h.tree }),
    facts: hostFacts({ root: h.tree }),
    subsystem: 'SCHEDD',
    env: {},
  });
}

function marshalHost(h: Host) {
  const m = marshalConfig(resolveHost(h), h.truth.condor_config, spec, h.source, bytes);
  expect(m.errors).toEqual([]);
  return m;
}

function demarshalHost(outputs: OutputFile[], h: Host, map: PathMap) {
  const files = new Map(outputs.map((o) => [o.path, o.bytes]));
  const d = demarshalTree(h.truth.condor_config, (p) => files.get(p), map, spec);
  return { ...d, files: new Map(d.outputs.map((o) => [o.path, o.bytes])) };
}

describe('the real configurations from the HTCondor sources', () => {
  const real = join(corpus, 'real');
  const files = [
    ...readdirSync(real).filter((f) => !f.endsWith('.md') && !f.endsWith('.json')),
    'config.d/00-security',
  ];
  it.each(files.filter((f) => f !== 'config.d'))('%s parses with no errors', (file) => {
    const parsed = parseConfig(bytes(join(real, file)), file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.statements.filter((s) => s.kind === 'invalid')).toEqual([]);
  });
  it('the definitions the knob spec covers are the ones real/knobs.json lists', () => {
    const knobs = JSON.parse(bytes(join(real, 'knobs.json'))) as {
      definitions: { file: string; line: number; name: string; value: string; spec: string }[];
    };
    const found: string[] = [];
    for (const file of files.filter((f) => f !== 'config.d')) {
      const parsed = parseConfig(bytes(join(real, file)), file);
      for (const st of parsed.statements) {
        const entry = st.kind === 'assign' ? matchKnob(spec, st.name) : undefined;
        if (st.kind === 'assign' && entry)
          found.push(`real/${file}:${st.firstLine} ${st.name} = ${st.value} ${entry.class}`);
      }
    }
    expect(found.sort()).toEqual(
      knobs.definitions.map((d) => `${d.file}:${d.line} ${d.name} = ${d.value} ${d.spec}`).sort(),
    );
  });
});

describe.each(HOSTS)('host tree %s', (name) => {
  const h = host(name);
  const t = h.truth;

  it('reads the files of the ground truth in its read order, and skips the excluded ones', () => {
    const c = resolveHost(h);
    expect(c.errors).toEqual([]);
    expect(
      c.readOrder.map((e) =>
        e.kind === 'file'
          ? { file: e.treePath, via: e.via }
          : { file: null, command: e.hostPath, via: e.via },
      ),
    ).toEqual(
      t.read_order.map((e) => (e.via === undefined ? { file: e.file, via: undefined } : e)),
    );
    expect(c.excluded.map((e) => ({ file: e.treePath, reason: e.reason }))).toEqual(
      t.excluded_files,
    );
  });

  it('every file it reads parses with no errors, and lints clean', () => {
    const c = resolveHost(h);
    for (const { parsed } of c.files.values()) {
      expect(parsed.errors).toEqual([]);
      expect(parsed.statements.filter((s) => s.kind === 'invalid')).toEqual([]);
    }
    expect(lintConfig(c).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('removes exactly the spec definitions of the ground truth', () => {
    const m = marshalHost(h);
    expect(
      m.removed.map((r) => `${r.file}:${r.line}-${r.lastLine} ${r.name} ${r.class}`).sort(),
    ).toEqual(
      t.machine_dependent
        .filter((d) => d.spec !== null)
        .map((d) => `${d.file}:${d.line}-${d.last_line} ${d.name} ${d.spec}`)
        .sort(),
    );
  });

  it('macroises exactly the path occurrences of the ground truth', () => {
    const m = marshalHost(h);
    expect(m.rewritten.map((r) => `${r.file}:${r.line} ${r.macros.join(',')}`)).toEqual(
      t.path_occurrences.map((o) => `${o.file}:${o.line} ${o.paths.map((p) => p.macro).join(',')}`),
    );
    const prefixes: Prefix[] = t.prefixes.map((p) => ({
      macro: p.macro,
      value: p.source,
      windows: t.path_style === 'windows',
    }));
    for (const o of t.path_occurrences) {
      expect(
        findPrefixes(o.text, prefixes).map((s) => ({ macro: s.macro, start: s.start, end: s.end })),
      ).toEqual(o.paths);
    }
    // Marshalled files hold no source prefix in configuration lines, and comments are untouched.
    const changing = prefixes.filter(
      (p) => t.prefixes.find((x) => x.macro === p.macro)!.target !== p.value,
    );
    for (const o of m.outputs.filter((x) => x.role === 'config')) {
      expect(scanResidue(parseConfig(o.bytes, o.path), { prefixes: changing })).toEqual([]);
    }
    const all = new Map(m.outputs.map((o) => [o.path, o.bytes]));
    for (const c of [...t.comment_mentions, ...t.excluded_mentions]) {
      expect(all.get(c.file)!.split(/\r?\n/)).toContain(c.text);
    }
  });

  it('marshal then demarshal with the source map gives back every file byte for byte', () => {
    const m = marshalHost(h);
    const d = demarshalHost(m.outputs, h, h.source);
    expect(d.errors).toEqual([]);
    expect([...d.files.keys()].sort()).toEqual(t.files.map((f) => f.file).sort());
    for (const f of t.files) expect(d.files.get(f.file), f.file).toBe(bytes(join(h.tree, f.file)));
  });

  it('demarshal with the target map gives the target text, the target values, and changes nothing else', () => {
    const m = marshalHost(h);
    const d = demarshalHost(m.outputs, h, h.target);
    expect(d.errors).toEqual([]);
    for (const f of t.files) expect(d.files.get(f.file), f.file).toBe(expectedTarget(h, f.file));
    const dropped = d.restored
      .filter((r) => r.action === 'dropped')
      .map((r) => `${r.file}:${r.line} ${r.name}`);
    expect(dropped.sort()).toEqual(
      t.machine_dependent
        .filter((x) => x.spec !== null && x.target_map_value === null)
        .map((x) => `${x.file}:${x.line} ${x.name}`)
        .sort(),
    );
  });

  it('leaves no source prefix or host name behind, except in knobs the spec does not cover', () => {
    const m = marshalHost(h);
    const d = demarshalHost(m.outputs, h, h.target);
    const prefixes: Prefix[] = t.prefixes
      .filter((p) => p.source !== p.target)
      .map((p) => ({ macro: p.macro, value: p.source, windows: t.path_style === 'windows' }));
    const read = new Set(t.read_order.map((r) => r.file));
    const found: string[] = [];
    for (const [path, text] of d.files) {
      if (!read.has(path)) continue;
      for (const r of scanResidue(parseConfig(text, path), {
        prefixes,
        hostNames: [t.host, t.short_name],
        addresses: [t.ip],
      })) {
        found.push(`${r.file}:${r.line}`);
      }
    }
    // What is left is exactly the host-specific literals of knobs the sample spec does not cover.
    expect(found.sort()).toEqual(
      t.machine_dependent
        .filter(
          (x) =>
            x.spec === null &&
            x.note === 'host-specific literal in a knob the sample spec does not cover',
        )
        .map((x) => `${x.file}:${x.line}`)
        .sort(),
    );
  });

  it('derives the source map [paths] from the configuration (configmd map)', () => {
    const derived = deriveMacroMap(resolveHost(h));
    expect(derived.paths).toEqual(h.source.paths.map((p) => ({ name: p.name, value: p.value })));
  });
});
