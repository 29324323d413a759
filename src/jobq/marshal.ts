/**
 * Marshal: host paths in a job_queue.log become macros, so the log no longer
 * depends on the host (`"/scratch/condor/spool/5/0/cluster5.proc0.subproc0"`
 * -> `"$(SPOOL)/5/0/cluster5.proc0.subproc0"`).
 *
 * For every candidate attribute (see rules.ts) the value is parsed and each
 * string literal in it rewritten: the longest map path at a path boundary
 * becomes `$(NAME)`, and a `$(` already in the string becomes `$(DOLLAR)(`
 * so that demarshal restores it exactly. Everything else stays byte for byte.
 */
import type { LogSource } from './logSource.js';
import { toSource } from './logSource.js';
import type { PathMap } from './mapFile.js';
import { PrefixMatcher } from './prefixes.js';
import type { RecordView } from './recordReader.js';
import { openOutput, type ByteSink } from './recordWriter.js';
import { defaultRules, type Rules } from './rules.js';
import { marshalString, newCounts, type RewriteCounts } from './stringRewrite.js';
import { runTransform, type LineRewriter, type TransformSummary } from './transform.js';
import { rewriteValueStrings, type ValueRewrite } from './valueRewrite.js';

/** Options of marshal and demarshal. */
export interface RewriteOptions {
  /** The host's map (marshal: the source host; demarshal: the target host). */
  map: PathMap;
  /** The rules (default: the shipped ones). */
  rules?: Rules;
  /** Output path (`-` or undefined: stdout), or a sink. */
  output?: string | ByteSink;
  /** Called with the bytes read so far. */
  progress?: (bytesRead: number) => void;
}

/** A summary of marshal or demarshal. */
export interface RewriteSummary extends TransformSummary {
  command: 'marshal' | 'demarshal';
  output: string;
  /** Macros written (marshal) or expanded (demarshal), by name. */
  macros: Record<string, number>;
  /** `$(` escaped (marshal) or restored (demarshal). */
  dollars: number;
}

/** The marshal rewriter for one map and rule set. */
export class MarshalRewriter implements LineRewriter {
  readonly patterns: string[];
  readonly counts: RewriteCounts = newCounts();
  private readonly matcher: PrefixMatcher;

  constructor(
    map: PathMap,
    private readonly rules: Rules = defaultRules(),
  ) {
    this.matcher = new PrefixMatcher(
      map.entries.map((e) => ({ name: e.name, path: e.path, windows: e.windows })),
    );
    // A line that holds a prefix holds every shorter prefix it contains: look for those only.
    const paths = [...new Set(map.entries.map((e) => e.path))];
    const minimal = paths.filter((p) => !paths.some((q) => q !== p && p.includes(q)));
    this.patterns = [...minimal, '$('];
  }

  rewrite(line: string, v: RecordView): ValueRewrite | undefined {
    const off = v.start;
    const shape = this.rules.shapeOf(line.slice(v.w1s - off, v.w1e - off));
    if (shape === 'none') return undefined;
    return rewriteValueStrings(line, v.vs - off, v.ve - off, (s) =>
      marshalString(s, shape, this.matcher, this.counts),
    );
  }
}

/** Output name for summaries. */
export function outputName(output: string | ByteSink | undefined): string {
  return typeof output === 'string' && output !== '-' ? output : '<stdout>';
}

/** Opens the sink for `options.output` (never the input itself). */
export function sinkFor(options: RewriteOptions, source: LogSource): ByteSink {
  return typeof options.output === 'object'
    ? options.output
    : openOutput(options.output, source.path);
}

/** Marshals a log (a path, `-` for stdin, or a LogSource). */
export async function marshalLog(
  input: string | LogSource,
  options: RewriteOptions,
): Promise<RewriteSummary> {
  const source = toSource(input);
  const rewriter = new MarshalRewriter(options.map, options.rules);
  const sink = sinkFor(options, source);
  const summary = await runTransform(source, rewriter, sink, { progress: options.progress });
  return {
    command: 'marshal',
    output: outputName(options.output),
    ...summary,
    macros: rewriter.counts.macros,
    dollars: rewriter.counts.dollars,
  };
}
