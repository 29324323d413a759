/**
 * Macro references and their expansion: `$(NAME)`, `$(NAME:default)`,
 * `$ENV(VAR[:default])`, `$(DOLLAR)`, and the special functions
 * (`$RANDOM_CHOICE`, `$RANDOM_INTEGER`, `$CHOICE`, `$SUBSTR`, `$INT`, `$REAL`,
 * `$STRING`, `$EVAL`, `$BASENAME`, `$DIRNAME`, `$F<letters>`).
 *
 * Expansion follows HTCondor's expand_macro(): find the first reference that
 * is a macro, replace it, scan again from the start, until none is left; then
 * `$(DOLLAR)` becomes `$`. `$$(...)` is never expanded. A reference whose text
 * breaks the character rules is not a macro and stays as it is. Facts:
 * spec/condor-config.md §4.
 */

/** One macro reference found in a text. */
export interface MacroRef {
  /** Offset of the `$`. */
  start: number;
  /** Offset just past the closing `)`. */
  end: number;
  /** `''` for `$(...)`, otherwise the function name (`ENV`, `RANDOM_CHOICE`, `Fpn`, ...). */
  func: string;
  /** The text between the parentheses. */
  body: string;
  /** For `$(...)` and `$ENV(...)`: the name before any `:`. */
  name: string;
  /** For `$(...)` and `$ENV(...)`: the default after the `:`, if there is one. */
  def?: string;
}

/** Thrown when a value cannot be expanded (recursion, a bad function call). */
export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionError';
  }
}

/** What expansion needs to know about the configuration. */
export interface ExpandContext {
  /** The raw (unexpanded) value of a macro, or undefined when it is not defined. */
  lookup(name: string): string | undefined;
  /** An environment variable, for `$ENV()`. */
  env(name: string): string | undefined;
  /** A random number in [0, 1), for `$RANDOM_CHOICE` and `$RANDOM_INTEGER`. */
  random?(): number;
}

const SPECIAL_FUNCS = new Set([
  'ENV',
  'RANDOM_CHOICE',
  'RANDOM_INTEGER',
  'CHOICE',
  'SUBSTR',
  'INT',
  'REAL',
  'STRING',
  'EVAL',
  'BASENAME',
  'DIRNAME',
]);

const isIdChar = (c: string): boolean => /^[A-Za-z0-9_./]$/.test(c);
const isFuncChar = (c: string): boolean => /^[A-Za-z0-9_]$/.test(c);
/** Characters a `$(NAME:default)` default may hold besides the name characters. */
const DEFAULT_EXTRA = '$ ,\\:';

/** True for `$F...` file name functions (`$Fp`, `$Fnx`, `$Fqa` ...). */
function isFilenameFunc(func: string): boolean {
  return /^F[pnxdqabfwuPNXDQABFWU]*$/.test(func);
}

/** Whether `func` names a macro: `''` (normal), a special function, or a `$F` function. */
function macroKind(func: string): 'normal' | 'env' | 'func' | undefined {
  if (func === '') return 'normal';
  if (func === 'ENV') return 'env';
  if (SPECIAL_FUNCS.has(func) || isFilenameFunc(func)) return 'func';
  return undefined;
}

/**
 * The first macro reference at or after `from`. With `skipDollar`, `$(DOLLAR)`
 * is passed over (it is replaced only at the very end).
 */
export function findMacro(text: string, from = 0, skipDollar = true): MacroRef | undefined {
  let i = text.indexOf('$', from);
  while (i >= 0 && i < text.length) {
    if (text[i + 1] === '$') {
      i = text.indexOf('$', i + 2);
      continue;
    }
    let j = i + 1;
    while (j < text.length && isFuncChar(text[j]!)) j++;
    const func = text.slice(i + 1, j);
    const kind = text[j] === '(' ? macroKind(func) : undefined;
    if (kind !== undefined) {
      const ref = scanBody(text, i, j + 1, func, kind);
      if (ref) {
        if (
          skipDollar &&
          kind === 'normal' &&
          ref.def === undefined &&
          /^dollar$/i.test(ref.name)
        ) {
          i = text.indexOf('$', ref.end);
          continue;
        }
        return ref;
      }
    }
    i = text.indexOf('$', i + 1);
  }
  return undefined;
}

function scanBody(
  text: string,
  start: number,
  bodyStart: number,
  func: string,
  kind: 'normal' | 'env' | 'func',
): MacroRef | undefined {
  if (kind === 'func') {
    const close = text.indexOf(')', bodyStart);
    if (close < 0) return undefined;
    const body = text.slice(bodyStart, close);
    return { start, end: close + 1, func, body, name: body };
  }
  let k = bodyStart;
  while (k < text.length && isIdChar(text[k]!)) k++;
  if (k === bodyStart) return undefined;
  const name = text.slice(bodyStart, k);
  if (text[k] === ')') {
    return { start, end: k + 1, func, body: name, name };
  }
  if (text[k] !== ':') return undefined;
  let d = k + 1;
  while (d < text.length && (isIdChar(text[d]!) || DEFAULT_EXTRA.includes(text[d]!))) d++;
  if (text[d] !== ')') return undefined;
  return {
    start,
    end: d + 1,
    func,
    body: text.slice(bodyStart, d),
    name,
    def: text.slice(k + 1, d),
  };
}

/** Every macro reference of a text, left to right, without expanding anything. */
export function findMacros(text: string, includeDollar = false): MacroRef[] {
  const refs: MacroRef[] = [];
  let ref: MacroRef | undefined;
  let from = 0;
  while ((ref = findMacro(text, from, !includeDollar)) !== undefined) {
    refs.push(ref);
    from = ref.end;
  }
  return refs;
}

/** Replaces every `$(DOLLAR)` with `$` (the last step of expansion). */
export function replaceDollar(text: string): string {
  return text.replace(/\$\(dollar\)/gi, '$');
}

const MAX_STEPS = 100_000;

/**
 * Expands every macro of `text` (HTCondor's expand_macro), `$(DOLLAR)` last.
 * `within` names the macros being expanded already (the value of NAME is
 * expanded within [NAME]), so that a reference back to one is reported.
 */
export function expandMacros(text: string, ctx: ExpandContext, within: string[] = []): string {
  return replaceDollar(
    expandInner(
      text,
      ctx,
      within.map((n) => n.toUpperCase()),
    ),
  );
}

function expandInner(text: string, ctx: ExpandContext, stack: string[]): string {
  let s = text;
  for (let steps = 0; ; steps++) {
    const ref = findMacro(s, 0, true);
    if (!ref) return s;
    if (steps >= MAX_STEPS) throw new ExpansionError('macro expansion does not terminate');
    const value = evaluate(ref, ctx, stack);
    s = s.slice(0, ref.start) + value + s.slice(ref.end);
  }
}

/** The expanded value of a macro name, with recursion detection. */
function expandName(name: string, ctx: ExpandContext, stack: string[]): string | undefined {
  const key = name.toUpperCase();
  if (stack.includes(key)) {
    throw new ExpansionError(`recursive macro reference: ${[...stack, key].join(' -> ')}`);
  }
  const raw = ctx.lookup(name);
  if (raw === undefined) return undefined;
  return expandInner(raw, ctx, [...stack, key]);
}

/** A function argument: the value of the macro it names, or the text itself. */
function argValue(arg: string, ctx: ExpandContext, stack: string[]): string {
  const name = arg.trim();
  if (/^[A-Za-z0-9_./]+$/.test(name) && ctx.lookup(name) !== undefined) {
    return expandName(name, ctx, stack) ?? '';
  }
  return expandInner(name, ctx, stack);
}

function random(ctx: ExpandContext): number {
  return ctx.random ? ctx.random() : Math.random();
}

function parseInteger(text: string): number | undefined {
  const t = text.trim();
  if (/^[-+]?\d+$/.test(t)) return parseInt(t, 10);
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  if (/^true$/i.test(t)) return 1;
  if (/^false$/i.test(t)) return 0;
  return undefined;
}

function parseReal(text: string): number | undefined {
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return parseFloat(t);
  const i = parseInteger(t);
  return i;
}

/**
 * A small printf for `$INT(name,fmt)`, `$REAL(name,fmt)` and `$STRING(name,fmt)`:
 * one conversion (`%d %i %u %x %X %o %e %E %f %g %G %s`) with flags, width and
 * precision, and literal text around it.
 */
export function formatPrintf(fmt: string, value: number | string): string {
  const m = /%([-+ 0#]*)(\d*)(?:\.(\d+))?([diuxXoeEfgGs])/.exec(fmt);
  if (!m) return fmt.replace(/%%/g, '%');
  const [whole, flags = '', widthText = '', precText, conv = 'd'] = m;
  const width = widthText === '' ? 0 : parseInt(widthText, 10);
  const prec = precText === undefined ? undefined : parseInt(precText, 10);
  let body: string;
  const num = typeof value === 'number' ? value : Number(value);
  switch (conv) {
    case 'd':
    case 'i':
    case 'u':
      body = Math.trunc(num).toString();
      break;
    case 'x':
      body = Math.trunc(num).toString(16);
      break;
    case 'X':
      body = Math.trunc(num).toString(16).toUpperCase();
      break;
    case 'o':
      body = Math.trunc(num).toString(8);
      break;
    case 'e':
    case 'E': {
      const t = num.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      body = conv === 'E' ? t.toUpperCase() : t;
      break;
    }
    case 'f':
      body = num.toFixed(prec ?? 6);
      break;
    case 'g':
    case 'G': {
      const t = String(Number(num.toPrecision(prec === 0 ? 1 : (prec ?? 6))));
      body = conv === 'G' ? t.toUpperCase() : t;
      break;
    }
    default:
      body = String(value);
      if (prec !== undefined) body = body.slice(0, prec);
  }
  if (conv !== 's' && flags.includes('+') && num >= 0) body = '+' + body;
  if (body.length < width) {
    if (flags.includes('-')) body = body.padEnd(width);
    else if (flags.includes('0') && conv !== 's') {
      const sign = /^[-+]/.test(body) ? body[0]! : '';
      body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
    } else body = body.padStart(width);
  }
  return (fmt.slice(0, m.index) + body + fmt.slice(m.index + whole.length)).replace(/%%/g, '%');
}

/** Strips one pair of matching double or single quotes. */
function unquote(text: string): string {
  if (
    text.length > 1 &&
    text[0] === text[text.length - 1] &&
    (text[0] === '"' || text[0] === "'")
  ) {
    return text.slice(1, -1);
  }
  return text;
}

/** The offset where the file name of a path starts (after the last `/` or `\`). */
function basenameStart(path: string): number {
  return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
}

/** The `$F<letters>`, `$BASENAME` and `$DIRNAME` functions on a path. */
export function filenameFunction(func: string, value: string): string {
  let parts = 0;
  let dirs = 0;
  let quoted = false;
  let argQuote = false;
  let bare = false;
  let toSep = '';
  if (func === 'BASENAME') parts = 1 | 2;
  else if (func === 'DIRNAME') parts = 4;
  else {
    for (const ch of func.slice(1).toLowerCase()) {
      if (ch === 'x') parts |= 1;
      else if (ch === 'n') parts |= 2;
      else if (ch === 'p') parts |= 4;
      else if (ch === 'd') {
        parts |= 8;
        dirs++;
      } else if (ch === 'a') argQuote = true;
      else if (ch === 'b') bare = true;
      else if (ch === 'w') toSep = '\\';
      else if (ch === 'u') toSep = '/';
      else if (ch === 'q') quoted = true;
      // 'f' (make absolute) needs the daemon's working directory: left as is.
    }
  }
  let path = unquote(value);
  if (toSep) path = path.replace(/[\\/]/g, toSep);
  const ixn = basenameStart(path);
  const dot = path.lastIndexOf('.');
  const ixx = dot > ixn ? dot : path.length;
  if (ixn === 0 && parts & 3) parts &= ~(4 | 8);
  let out: string;
  switch (parts & 0xf) {
    case 1:
      out = path.slice(bare && ixx < path.length ? ixx + 1 : ixx);
      break;
    case 3:
      out = path.slice(ixn);
      break;
    case 2:
      out = path.slice(ixn, ixx);
      break;
    case 0:
    case 7:
    case 5:
      out = path;
      break;
    case 4:
      out = path.slice(0, bare && ixn > 0 ? ixn - 1 : ixn);
      break;
    case 6:
      out = path.slice(0, ixx);
      break;
    default: {
      if (ixn === 0) {
        out = '';
        break;
      }
      const seps: number[] = [];
      for (let k = 0; k < path.length; k++)
        if (path[k] === '/' || path[k] === '\\') seps.push(k + 1);
      const from = seps.length > dirs ? seps[seps.length - 1 - dirs]! : 0;
      if ((parts & 3) === 2) out = path.slice(from, ixx);
      else if ((parts & 3) === 0) out = path.slice(from, bare && ixn > 0 ? ixn - 1 : ixn);
      else out = path.slice(from);
    }
  }
  if (quoted) {
    const q = argQuote ? "'" : '"';
    out = q + out + q;
  }
  return out;
}

function evaluate(ref: MacroRef, ctx: ExpandContext, stack: string[]): string {
  const func = ref.func;
  if (func === '') {
    const key = ref.name.toUpperCase();
    if (stack.includes(key)) {
      throw new ExpansionError(`recursive macro reference: ${[...stack, key].join(' -> ')}`);
    }
    const raw = ctx.lookup(ref.name);
    if (raw !== undefined && raw !== '') return expandInner(raw, ctx, [...stack, key]);
    return ref.def ?? '';
  }
  if (func === 'ENV') {
    const v = ctx.env(ref.name);
    if (v !== undefined) return v;
    return ref.def ?? 'UNDEFINED';
  }
  const args = ref.body.split(',').map((a) => a.trim());
  switch (func) {
    case 'RANDOM_CHOICE': {
      let items = args;
      if (args.length === 1) {
        if (args[0] === '') throw new ExpansionError('$RANDOM_CHOICE(): no list');
        items = argValue(args[0]!, ctx, stack)
          .split(',')
          .map((a) => a.trim());
      }
      return items[Math.floor(random(ctx) * items.length)] ?? '';
    }
    case 'RANDOM_INTEGER': {
      const min = parseInteger(args[0] ?? '');
      const max = parseInteger(args[1] ?? '');
      const step = args.length > 2 ? parseInteger(args[2]!) : 1;
      if (min === undefined) throw new ExpansionError('$RANDOM_INTEGER(): invalid min');
      if (max === undefined) throw new ExpansionError('$RANDOM_INTEGER(): invalid max');
      if (step === undefined || step < 1)
        throw new ExpansionError('$RANDOM_INTEGER(): invalid step');
      if (min > max) throw new ExpansionError('$RANDOM_INTEGER(): min > max');
      const count = Math.floor((step + max - min) / step);
      return String(min + Math.floor(random(ctx) * count) * step);
    }
    case 'CHOICE': {
      if (args.length < 2) throw new ExpansionError('$CHOICE(): no list');
      const indexText = argValue(args[0]!, ctx, stack);
      const index = parseInteger(indexText);
      if (index === undefined || index < 0) {
        throw new ExpansionError(`$CHOICE(): '${indexText}' is an invalid index`);
      }
      let items = args.slice(1);
      if (items.length === 1) {
        const list = expandName(items[0]!, ctx, stack);
        if (list === undefined) throw new ExpansionError(`$CHOICE(): no list named ${items[0]}`);
        items = list.split(',').map((a) => a.trim());
      }
      if (index >= items.length)
        throw new ExpansionError(`$CHOICE(): index ${index} is out of range`);
      return items[index]!;
    }
    case 'SUBSTR': {
      const value = argValue(args[0] ?? '', ctx, stack);
      const start = parseInteger(args.length > 1 ? argValue(args[1]!, ctx, stack) : '0');
      if (start === undefined) throw new ExpansionError(`$SUBSTR(): invalid start index`);
      const lenText = args.length > 2 ? argValue(args[2]!, ctx, stack) : undefined;
      let from = start < 0 ? Math.max(0, value.length + start) : Math.min(start, value.length);
      const rest = value.length - from;
      let len = lenText === undefined ? rest : parseInteger(lenText);
      if (len === undefined) throw new ExpansionError(`$SUBSTR(): invalid length`);
      if (len < 0) len = Math.max(0, rest + len);
      from = Math.max(0, from);
      return value.slice(from, from + Math.min(len, rest));
    }
    case 'INT':
    case 'REAL': {
      const [name, ...fmtParts] = ref.body.split(',');
      const fmt = fmtParts.length > 0 ? fmtParts.join(',') : undefined;
      const text = argValue(name ?? '', ctx, stack);
      const n = func === 'INT' ? parseInteger(text) : parseReal(text);
      if (n === undefined) {
        throw new ExpansionError(
          `$${func}(): '${text}' does not evaluate to ${func === 'INT' ? 'an integer' : 'a real'}`,
        );
      }
      if (fmt !== undefined) {
        const out = formatPrintf(fmt, n);
        return func === 'REAL' && !out.includes('.') ? out + '.0' : out;
      }
      if (func === 'INT') return String(Math.trunc(n));
      return String(Number(n.toPrecision(16))).toUpperCase();
    }
    case 'STRING': {
      const [name, ...fmtParts] = ref.body.split(',');
      const text = argValue(name ?? '', ctx, stack);
      const value = /^".*"$/s.test(text) ? text.slice(1, -1).replace(/\\"/g, '"') : text;
      return fmtParts.length > 0 ? formatPrintf(fmtParts.join(','), value) : value;
    }
    case 'EVAL': {
      const text = argValue(ref.body, ctx, stack).trim();
      if (/^".*"$/s.test(text)) return text.slice(1, -1).replace(/\\"/g, '"');
      return text;
    }
    default:
      return filenameFunction(func, argValue(ref.body, ctx, stack));
  }
}
