// The core (src/language, src/eval, src/match, src/classad.ts) must run in a
// browser: no module it imports, directly or through others, may be a Node
// built-in.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

/** Every module reachable from `file`, and the bare (package or built-in) imports met. */
function reach(entries: string[]): { files: Set<string>; bare: Map<string, string> } {
  const files = new Set<string>();
  const bare = new Map<string, string>();
  const work = [...entries];
  while (work.length > 0) {
    const file = work.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
    )) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('.')) work.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else bare.set(spec, file);
    }
  }
  return { files, bare };
}

describe('browser-safe core', () => {
  it('imports no Node built-in from src/language, src/eval, src/match or src/classad.ts', () => {
    const entries = [
      ...sources(join(src, 'language')),
      ...sources(join(src, 'eval')),
      ...sources(join(src, 'match')),
      join(src, 'classad.ts'),
    ];
    const { files, bare } = reach(entries);
    expect(files.size).toBeGreaterThan(entries.length);
    const nodeOnly = [...bare].filter(
      ([spec]) =>
        spec.startsWith('node:') ||
        ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'stream'].includes(spec),
    );
    expect(nodeOnly).toEqual([]);
    expect([...bare.keys()].sort()).toEqual(['chevrotain', 're2js']);
  });
});
