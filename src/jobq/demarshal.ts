/**
 * Demarshal: the macros of a marshalled job_queue.log become the target
 * host's paths (`"$(SPOOL)/5/0/..."` -> `"/srv/htcondor/spool/5/0/..."`), and
 * `$(DOLLAR)` becomes `$` again. A macro the map does not define is an error
 * naming the macro, the line and the column, and nothing is written.
 */
import type { LogSource } from './logSource.js';
import { toSource } from './logSource.js';
import type { PathMap } from './mapFile.js';
import { outputName, sinkFor, type RewriteOptions, type RewriteSummary } from './marshal.js';
import type { RecordView } from './recordReader.js';
import { defaultRules, type Rules } from './rules.js';
import { demarshalString, MacroError, newCounts, type RewriteCounts } from './stringRewrite.js';
import { runTransform, type LineRewriter } from './transform.js';
import {
  rewriteValueStrings,
  sourceOffsetOf,
  ValueRewriteError,
  type ValueRewrite,
} from './valueRewrite.js';

/** The demarshal rewriter for one map and rule set. */
export class DemarshalRewriter implements LineRewriter {
  readonly patterns = ['$('];
  readonly counts: RewriteCounts = newCounts();

  constructor(
    private readonly map: PathMap,
    private readonly rules: Rules = defaultRules(),
  ) {}

  rewrite(line: string, v: RecordView): ValueRewrite | undefined {
    const off = v.start;
    const shape = this.rules.shapeOf(line.slice(v.w1s - off, v.w1e - off));
    if (shape === 'none') return undefined;
    return rewriteValueStrings(line, v.vs - off, v.ve - off, (s, literal) => {
      try {
        return demarshalString(s, this.map, this.counts);
      } catch (e) {
        if (!(e instanceof MacroError)) throw e;
        throw new ValueRewriteError(
          e.message,
          sourceOffsetOf(literal, e.index),
          e.macro ? 'unknown-macro' : 'bad-macro',
        );
      }
    });
  }
}

/** Demarshals a log (a path, `-` for stdin, or a LogSource). */
export async function demarshalLog(
  input: string | LogSource,
  options: RewriteOptions,
): Promise<RewriteSummary> {
  const source = toSource(input);
  const rewriter = new DemarshalRewriter(options.map, options.rules);
  const sink = sinkFor(options, source);
  const summary = await runTransform(source, rewriter, sink, { progress: options.progress });
  return {
    command: 'demarshal',
    output: outputName(options.output),
    ...summary,
    macros: rewriter.counts.macros,
    dollars: rewriter.counts.dollars,
  };
}
