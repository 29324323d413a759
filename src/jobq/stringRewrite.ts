/**
 * Rewriting the contents of one string (decoded bytes, not the quoted
 * literal): host path prefixes to `$(MACRO)` and back.
 *
 * Convention: a prefix becomes `$(NAME)` (the name as the map spells it); a
 * `$(` that is already in the string becomes `$(DOLLAR)(` (HTCondor's own
 * spelling of a literal `$` in configuration), so demarshal can tell the two
 * apart and restore the string exactly. Demarshal expands `$(NAME)` with the
 * target map and `$(DOLLAR)` to `$`; any other `$(` is an error.
 */
import type { PathMap } from './mapFile.js';
import type { PrefixMatcher } from './prefixes.js';
import { isPathStart } from './prefixes.js';
import type { Shape } from './rules.js';

/** Counters of one run. */
export interface RewriteCounts {
  /** Prefixes replaced by macros (marshal) or macros expanded (demarshal), by macro name. */
  macros: Record<string, number>;
  /** `$(` escaped as `$(DOLLAR)(` (marshal) or `$(DOLLAR)` restored (demarshal). */
  dollars: number;
}

/** A new set of counters. */
export function newCounts(): RewriteCounts {
  return { macros: {}, dollars: 0 };
}

const isBlank = (c: number) => c === 32 || c === 9;

/** Whether a path may start at `i` in a string of the given shape. */
function mayStartPath(s: string, i: number, shape: Shape, first: number): boolean {
  switch (shape) {
    case 'path':
      return i === first;
    case 'list': {
      if (i === 0) return true;
      const c = s.charCodeAt(i - 1);
      return c === 44 || isBlank(c);
    }
    case 'remap': {
      if (i === 0) return true;
      const c = s.charCodeAt(i - 1);
      return c === 59 || c === 61 || isBlank(c);
    }
    case 'text':
      return isPathStart(s, i);
    default:
      return false;
  }
}

/**
 * Marshals one string: every prefix where a path of this shape may start
 * becomes `$(NAME)`, every `$(` becomes `$(DOLLAR)(`. Returns undefined when
 * nothing changes.
 */
export function marshalString(
  s: string,
  shape: Shape,
  matcher: PrefixMatcher,
  counts?: RewriteCounts,
): string | undefined {
  if (shape === 'none') return undefined;
  let first = 0;
  while (first < s.length && isBlank(s.charCodeAt(first))) first++;
  let out = '';
  let last = 0;
  const re = matcher.candidates;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const i = m.index;
    if (s.charCodeAt(i) === 36 && s.charCodeAt(i + 1) === 40) {
      out += s.slice(last, i) + '$(DOLLAR)(';
      last = re.lastIndex = i + 2;
      if (counts) counts.dollars++;
      continue;
    }
    const p = mayStartPath(s, i, shape, first) ? matcher.matchAt(s, i) : undefined;
    if (p) {
      out += s.slice(last, i) + '$(' + p.name + ')';
      last = re.lastIndex = i + p.path.length;
      if (counts) counts.macros[p.name] = (counts.macros[p.name] ?? 0) + 1;
    } else re.lastIndex = i + 1;
  }
  if (last === 0) return undefined;
  return out + s.slice(last);
}

/** A `$(` in a marshalled string that demarshal cannot expand. */
export class MacroError extends Error {
  constructor(
    message: string,
    /** Offset of the `$` in the string. */
    readonly index: number,
    /** The macro name, when there is one. */
    readonly macro?: string,
  ) {
    super(message);
    this.name = 'MacroError';
  }
}

const macroName = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * Demarshals one string: `$(NAME)` becomes the map's path for NAME (names
 * ignore case), `$(DOLLAR)` becomes `$`. Returns undefined when nothing
 * changes; throws MacroError for a macro the map lacks or a `$(` that is not
 * a macro reference.
 */
export function demarshalString(
  s: string,
  map: PathMap,
  counts?: RewriteCounts,
): string | undefined {
  let i = s.indexOf('$(');
  if (i < 0) return undefined;
  let out = '';
  let last = 0;
  while (i >= 0) {
    const close = s.indexOf(')', i + 2);
    const name = close < 0 ? '' : s.slice(i + 2, close);
    if (!macroName.test(name)) {
      throw new MacroError(
        `"$(" not followed by a macro name and ")" (${JSON.stringify(s.slice(i, i + 20))}): a log marshalled by jobqmd writes a literal "$(" as "$(DOLLAR)("`,
        i,
      );
    }
    const upper = name.toUpperCase();
    let value: string;
    if (upper === 'DOLLAR') {
      value = '$';
      if (counts) counts.dollars++;
    } else {
      const entry = map.byName.get(upper);
      if (!entry) {
        const known = map.entries.map((e) => e.name).join(', ');
        throw new MacroError(
          `no mapping for the macro $(${name}): the map ${map.file} defines ${known}`,
          i,
          name,
        );
      }
      value = entry.path;
      if (counts) counts.macros[entry.name] = (counts.macros[entry.name] ?? 0) + 1;
    }
    out += s.slice(last, i) + value;
    last = close + 1;
    i = s.indexOf('$(', last);
  }
  return out + s.slice(last);
}
