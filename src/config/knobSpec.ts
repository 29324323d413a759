/**
 * Knob specs, format `mdk/1` (corpus/config/README.md): the machine-dependent
 * knobs that marshal removes and demarshal restores.
 *
 * ```
 * # comment
 * NAME  required|optional  [path|host|ip|other]  [# comment]
 * ```
 *
 * A plain NAME also matches its `SUBSYS.`, `LOCALNAME.` and
 * `SUBSYS.LOCALNAME.` prefixed forms; a NAME with a dot matches only itself;
 * a trailing `*` matches any suffix. Names are case-insensitive.
 */
import { configError, ConfigError, type ConfigDiagnostic } from './diagnostics.js';

/** Whether demarshal must find a value for the knob. */
export type KnobClass = 'required' | 'optional';

/** What the knob's value is (informational). */
export type KnobKind = 'path' | 'host' | 'ip' | 'other';

/** One line of a knob spec. */
export interface KnobSpecEntry {
  /** The pattern as written. */
  name: string;
  class: KnobClass;
  kind?: KnobKind;
  line: number;
}

/** A parsed knob spec. */
export interface KnobSpec {
  entries: KnobSpecEntry[];
}

const KINDS = new Set(['path', 'host', 'ip', 'other']);

/** Parses an `mdk/1` knob spec; throws ConfigError listing every bad line. */
export function parseKnobSpec(text: string, file = '<knobs>'): KnobSpec {
  const entries: KnobSpecEntry[] = [];
  const errors: ConfigDiagnostic[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const hash = raw.indexOf('#');
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (body === '') return;
    const col = raw.indexOf(body) + 1;
    const words = body.split(/\s+/);
    const [name, cls, kind, ...extra] = words;
    if (!/^[A-Za-z0-9_./]+\*?$/.test(name!)) {
      errors.push(
        configError(
          file,
          lineNo,
          col,
          `'${name}' is not a knob name (A-Z a-z 0-9 _ . / and a final *)`,
        ),
      );
      return;
    }
    if (cls !== 'required' && cls !== 'optional') {
      errors.push(
        configError(
          file,
          lineNo,
          col + name!.length,
          `${name}: expected 'required' or 'optional', not '${cls ?? ''}'`,
        ),
      );
      return;
    }
    if (kind !== undefined && !KINDS.has(kind)) {
      errors.push(
        configError(
          file,
          lineNo,
          raw.indexOf(kind) + 1,
          `${name}: unknown kind '${kind}' (path, host, ip or other)`,
        ),
      );
      return;
    }
    if (extra.length > 0) {
      errors.push(
        configError(
          file,
          lineNo,
          raw.indexOf(extra[0]!) + 1,
          `${name}: unexpected '${extra.join(' ')}'`,
        ),
      );
      return;
    }
    const key = name!.toUpperCase();
    const before = seen.get(key);
    if (before !== undefined) {
      errors.push(configError(file, lineNo, col, `${name} is already listed on line ${before}`));
      return;
    }
    seen.set(key, lineNo);
    entries.push({ name: name!, class: cls, kind: kind as KnobKind | undefined, line: lineNo });
  });
  if (errors.length > 0) throw new ConfigError(errors);
  return { entries };
}

function matchesPattern(pattern: string, name: string): boolean {
  const p = pattern.toUpperCase();
  const n = name.toUpperCase();
  if (p.endsWith('*')) return n.startsWith(p.slice(0, -1));
  return n === p;
}

/** The spec entry a knob name (as written in the configuration) matches, or undefined. */
export function matchKnob(spec: KnobSpec, name: string): KnobSpecEntry | undefined {
  const parts = name.split('.');
  const last = parts[parts.length - 1]!;
  let best: KnobSpecEntry | undefined;
  let bestScore = -1;
  for (const e of spec.entries) {
    let ok: boolean;
    if (e.name.includes('.')) ok = matchesPattern(e.name, name);
    else ok = parts.length <= 3 && matchesPattern(e.name, last);
    if (!ok) continue;
    // Exact names win over patterns; longer patterns over shorter ones.
    const score = (e.name.endsWith('*') ? 0 : 10_000) + e.name.length;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}
