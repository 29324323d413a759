/**
 * Rule `argument-count`: a builtin called with a number of arguments it
 * does not take evaluates to ERROR. Too few: the whole call is reported; too
 * many: the extra arguments.
 */
import { arityText, builtinInfo } from '../builtins.js';
import type { ServiceDiagnostic } from '../diagnostics.js';
import { forEachNode } from '../../../language/walk.js';
import type { DiagnosticRule } from './rule.js';

/** Reports builtin calls with a wrong number of arguments. */
export const argumentCountRule: DiagnosticRule = {
  id: 'argument-count',
  check(model) {
    const out: ServiceDiagnostic[] = [];
    for (const root of model.roots) {
      forEachNode(root, (e) => {
        if (e.kind !== 'Call' || e.start < 0) return;
        const info = builtinInfo(e.name);
        if (!info) return;
        const n = e.args.length;
        if (n >= info.minArgs && n <= info.maxArgs) return;
        const takes = `${info.name}() takes ${arityText(info)} argument${info.maxArgs === 1 ? '' : 's'}`;
        const given = `${n} ${n === 1 ? 'is' : 'are'} given (the call evaluates to error)`;
        const extra = { start: e.args[info.maxArgs]?.start ?? -1, end: e.args[n - 1]?.end ?? -1 };
        const span =
          n > info.maxArgs && extra.start >= 0 && extra.end >= 0
            ? extra
            : { start: e.start, end: e.end };
        out.push({
          code: 'argument-count',
          severity: 'error',
          message: `${takes}, but ${given}`,
          ...span,
        });
      });
    }
    return out;
  },
};
