// Small builders for matching tests.
import { adFromRecord, type AdScope } from '../../src/eval/scope.js';
import { parseExpression } from '../../src/language/parser.js';

/** An ad from new-syntax text. */
export function ad(text: string): AdScope {
  const e = parseExpression(text);
  if (e.kind !== 'Record') throw new Error('not a record');
  return adFromRecord(e);
}

/** A machine with the usual attributes, overridden by `extra` (new-syntax attribute text). */
export function machine(name: string, extra = ''): AdScope {
  return ad(
    `[ Name = "${name}"; OpSys = "LINUX"; Arch = "X86_64"; Memory = 2048; Cpus = 4; Requirements = true; ${extra} ]`,
  );
}
