import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/language/parser.js';
import { jobFromExpressions, selectTargets } from '../../src/match/select.js';
import { machine } from './helpers.js';

const pool = () => [
  machine('a', 'Memory = 1024'),
  machine('b', 'Memory = 8192'),
  machine('c', 'Memory = 4096'),
  machine('d', 'Memory = 8192'),
  machine('e', 'Memory = 4096; Requirements = false'),
];
const names = (cs: { machine: { entry(n: string): unknown } }[]) =>
  cs.map((c) => (c.machine.entry('Name') as { expr: { value: string } }).expr.value);

describe('selectTargets', () => {
  const job = jobFromExpressions(
    parseExpression('TARGET.Memory >= 2048'),
    parseExpression('TARGET.Memory'),
  );
  it('returns matching machines best rank first, ties in input order', async () => {
    const cs = await selectTargets(job, pool());
    expect(names(cs)).toEqual(['b', 'd', 'c']);
    expect(cs.map((c) => [c.index, c.rank])).toEqual([
      [1, 8192],
      [3, 8192],
      [2, 4096],
    ]);
  });
  it('keeps only the best N', async () => {
    expect(names(await selectTargets(job, pool(), { best: 2 }))).toEqual(['b', 'd']);
    expect(names(await selectTargets(job, pool(), { best: 1 }))).toEqual(['b']);
  });
  it('takes async streams', async () => {
    async function* stream() {
      yield* pool();
    }
    expect(names(await selectTargets(job, stream(), { best: 2 }))).toEqual(['b', 'd']);
  });
  it('keeps the best N of a large pool (heap order is correct)', async () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      machine(`m${i}`, `Memory = ${2048 + ((i * 7919) % 500)}`),
    );
    const top = await selectTargets(job, many, { best: 5 });
    const all = await selectTargets(job, many);
    expect(top.map((c) => c.index)).toEqual(all.slice(0, 5).map((c) => c.index));
  });
});
