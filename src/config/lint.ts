/**
 * Lint: the knobs whose values are ClassAd expressions (policy expressions,
 * `SYSTEM_PERIODIC_*`, `SUBMIT_REQUIREMENT_*`, `START_LOCAL_UNIVERSE`, the
 * knobs a `*_ATTRS` list names, ...) are parsed with the ClassAd parser (old
 * syntax, as HTCondor parses configuration values); syntax errors are
 * reported at their place in the file, with the most frequent mistake
 * spelled out: a string value that was not quoted.
 *
 * Macro references are expanded first (a value is parsed as the daemon sees
 * it); an error inside an expansion is reported at the reference.
 */
import { codeFrame } from '../language/diagnostics.js';
import { parseExpressionWithErrors } from '../language/parser.js';
import type { ConfigDiagnostic } from './diagnostics.js';
import { expandMacros, ExpansionError, findMacros } from './expand.js';
import {
  logicalToFile,
  positionOf,
  type Assignment,
  type LogicalLine,
  type ParsedConfig,
} from './parse.js';
import { splitList, type ResolvedConfig } from './resolve.js';

/** One lint finding. */
export interface LintFinding {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  /** The ClassAd syntax error code (SyntaxErrorCode), for parse errors. */
  code?: number;
  /** The knob whose value this is about. */
  knob?: string;
  message: string;
  /** File offsets of the problem and the file's text, for a code frame. */
  start?: number;
  end?: number;
  source?: string;
}

/** Knobs whose values are ClassAd expressions. */
const EXPRESSION_KNOBS = new Set([
  'START',
  'SUSPEND',
  'CONTINUE',
  'PREEMPT',
  'KILL',
  'WANT_SUSPEND',
  'WANT_VACATE',
  'WANT_HOLD',
  'WANT_HOLD_REASON',
  'WANT_HOLD_SUBCODE',
  'PERIODIC_CHECKPOINT',
  'RANK',
  'IS_OWNER',
  'MAXJOBRETIREMENTTIME',
  'PREEMPTION_REQUIREMENTS',
  'PREEMPTION_RANK',
  'NEGOTIATOR_PRE_JOB_RANK',
  'NEGOTIATOR_POST_JOB_RANK',
  'SLOT_WEIGHT',
  'START_LOCAL_UNIVERSE',
  'START_SCHEDULER_UNIVERSE',
  'ALTERNATE_JOB_SPOOL',
  'APPEND_REQUIREMENTS',
  'APPEND_RANK',
  'DEFAULT_RANK',
  'JOB_DEFAULT_REQUESTMEMORY',
  'JOB_DEFAULT_REQUESTDISK',
  'JOB_DEFAULT_REQUESTCPUS',
  'JOB_DEFAULT_REQUESTGPUS',
]);

/** `SUBMIT_ATTRS`, `STARTD_ATTRS`, ... (and the older `*_EXPRS`): lists of knobs inserted into ads. */
const ATTRS_LIST =
  /^(SUBMIT|STARTD|SCHEDD|MASTER|COLLECTOR|NEGOTIATOR|SHADOW|STARTER|JOB_ROUTER)_(ATTRS|EXPRS)$/;

/** The knob name without its `SUBSYS.` / `LOCALNAME.` prefixes, upper case. */
function baseName(name: string): string {
  const parts = name.toUpperCase().split('.');
  return parts[parts.length - 1]!;
}

/** How a knob's value should be read, or undefined when it is not a ClassAd expression. */
export function expressionKind(
  name: string,
  listed: Set<string> = new Set(),
): 'expression' | 'reason' | 'attribute' | undefined {
  const base = baseName(name);
  if (/^SYSTEM_PERIODIC_(HOLD|RELEASE|REMOVE|VACATE)(_SUBCODE)?$/.test(base)) return 'expression';
  if (/^SYSTEM_PERIODIC_(HOLD|REMOVE|VACATE)_REASON$/.test(base) || base === 'WANT_HOLD_REASON')
    return 'reason';
  if (/^SUBMIT_REQUIREMENT_.+_REASON$/.test(base)) return 'reason';
  if (/^SUBMIT_REQUIREMENT_/.test(base) && base !== 'SUBMIT_REQUIREMENT_NAMES') return 'expression';
  if (EXPRESSION_KNOBS.has(base)) return 'expression';
  if (listed.has(base)) return 'attribute';
  return undefined;
}

/** A value's text as the daemon sees it, with the value offset each character came from. */
function expandWithOrigins(
  value: string,
  config: ResolvedConfig,
): { text: string; origin: number[] } | undefined {
  if (!value.includes('$')) return { text: value, origin: [...value].map((_, i) => i) };
  let text = '';
  const origin: number[] = [];
  let i = 0;
  for (const ref of findMacros(value, true)) {
    for (let k = i; k < ref.start; k++) {
      text += value[k];
      origin.push(k);
    }
    let expanded: string;
    try {
      expanded = expandMacros(value.slice(ref.start, ref.end), config.context());
    } catch (e) {
      if (e instanceof ExpansionError) return undefined;
      throw e;
    }
    text += expanded;
    for (let k = 0; k < expanded.length; k++) origin.push(ref.start);
    i = ref.end;
  }
  for (let k = i; k < value.length; k++) {
    text += value[k];
    origin.push(k);
  }
  return { text, origin };
}

/** The file offset of an offset in an assignment's value. */
function valueOffsetToFile(st: Assignment, at: number): number {
  if (!st.heredoc) return logicalToFile(st.logical, st.valueAt + at);
  let rest = at;
  let line: LogicalLine | undefined;
  for (const b of st.heredoc.body) {
    line = b;
    if (rest <= b.text.length) return logicalToFile(b, rest);
    rest -= b.text.length + 1;
  }
  return line ? logicalToFile(line, line.text.length) : logicalToFile(st.logical, 0);
}

const OPERATORS = /==|!=|=\?=|=!=|<|>|&&|\|\||\(|\)/;

function looksLikeText(value: string): boolean {
  return !value.includes('"') && /[A-Za-z]/.test(value) && !OPERATORS.test(value);
}

function finding(
  parsed: ParsedConfig,
  severity: 'error' | 'warning',
  start: number,
  end: number,
  message: string,
  knob: string,
  code?: number,
): LintFinding {
  const { line, column } = positionOf(parsed, start);
  return {
    severity,
    file: parsed.name,
    line,
    column,
    code,
    knob,
    message,
    start,
    end,
    source: parsed.text,
  };
}

/** Lints one definition; pushes its findings. */
function lintDefinition(
  parsed: ParsedConfig,
  st: Assignment,
  kind: 'expression' | 'reason' | 'attribute',
  config: ResolvedConfig,
  out: LintFinding[],
): void {
  const raw = st.value;
  if (raw.trim() === '') return;
  const expanded = expandWithOrigins(raw, config);
  if (!expanded || expanded.text.trim() === '') return;
  const { text, origin } = expanded;
  const toFile = (at: number): number => {
    const o = at < origin.length ? origin[at]! : raw.length;
    return valueOffsetToFile(st, o);
  };
  const result = parseExpressionWithErrors(text, { oldSyntax: true, binary: true });
  if (result.errors.length > 0) {
    const hint =
      looksLikeText(text) && kind !== 'expression'
        ? ` (a string value must be quoted: "${text.trim()}")`
        : looksLikeText(text)
          ? ` (if this is meant to be a string, quote it: "${text.trim()}")`
          : '';
    result.errors.forEach((e, i) => {
      const start = toFile(e.start);
      const end = Math.max(start + 1, toFile(Math.max(e.start, e.end - 1)) + 1);
      out.push(
        finding(
          parsed,
          'error',
          start,
          end,
          `${st.name}: ${e.message}${i === 0 ? hint : ''}`,
          st.name,
          e.code,
        ),
      );
    });
    return;
  }
  const v = result.value;
  if ((kind === 'reason' || kind === 'attribute') && v.kind === 'AttributeRef' && !v.scope) {
    const start = toFile(v.start >= 0 ? v.start : 0);
    out.push(
      finding(
        parsed,
        'warning',
        start,
        start + Math.max(1, v.end - v.start),
        `${st.name}: '${text.trim()}' is an attribute reference, not a string; write "${text.trim()}" if a string is meant`,
        st.name,
      ),
    );
  }
}

/** The knobs `*_ATTRS` lists name, upper case. */
function listedKnobs(config: ResolvedConfig): Set<string> {
  const names = new Set<string>();
  for (const def of config.definitions()) {
    if (!ATTRS_LIST.test(baseName(def.name))) continue;
    let value: string;
    try {
      value = config.expand(def.value);
    } catch {
      continue;
    }
    for (const n of splitList(value)) names.add(n.replace(/^\+/, '').toUpperCase());
  }
  return names;
}

/** Lints a resolved configuration: its read errors and warnings, then every ClassAd-valued definition. */
export function lintConfig(config: ResolvedConfig): LintFinding[] {
  const out: LintFinding[] = [];
  const fromDiagnostic = (d: ConfigDiagnostic): LintFinding => ({ ...d });
  out.push(...config.errors.map(fromDiagnostic), ...config.warnings.map(fromDiagnostic));
  const listed = listedKnobs(config);
  const seen = new Set<ParsedConfig>();
  for (const { parsed } of config.files.values()) {
    if (seen.has(parsed)) continue;
    seen.add(parsed);
    for (const st of parsed.statements) {
      if (st.kind !== 'assign' || st.name.includes('$')) continue;
      const kind = expressionKind(st.name, listed);
      if (kind) lintDefinition(parsed, st, kind, config, out);
      if (baseName(st.name) === 'SUBMIT_REQUIREMENT_NAMES') {
        let names: string[];
        try {
          names = splitList(config.expand(st.value));
        } catch {
          continue;
        }
        for (const n of names) {
          if (config.lookup(`SUBMIT_REQUIREMENT_${n}`) === undefined) {
            const start = logicalToFile(st.logical, st.valueAt);
            out.push(
              finding(
                parsed,
                'warning',
                start,
                start + 1,
                `${st.name} names ${n}, but SUBMIT_REQUIREMENT_${n} is not defined`,
                st.name,
              ),
            );
          }
        }
      }
    }
  }
  return out;
}

/** `file:line:column: error CODE: message` (or `warning:`), then a code frame when the place is known. */
export function formatLintFinding(f: LintFinding): string {
  const head = `${f.file}:${f.line}:${f.column}: ${f.severity}${f.code !== undefined ? ` ${f.code}` : ''}: ${f.message}`;
  if (f.source === undefined || f.start === undefined) return head;
  return `${head}\n${codeFrame(f.source, f.start, f.end ?? f.start + 1)}`;
}
