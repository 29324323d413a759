/**
 * Regex engine benchmark: the ClassAd regex functions' engine (PCRE2 syntax
 * translated to re2js, linear time) against the JS RegExp engine (V8's
 * backtracking Irregexp) on typical ClassAd patterns, then one catastrophic
 * pattern, `(a+)+$`, on growing subjects: re2js stays linear while RegExp
 * doubles per extra byte (bounded to small subjects so that it ends).
 *
 * Run: `npx tsc -p tsconfig.bench.json && node dist-bench/test/bench/regex.js`
 * (BENCH_REGEX_MS=n: time budget per measurement, default 300).
 */
import {
  compileRegex,
  CompiledRegex,
  parseRegexOptions,
  substitute,
} from '../../src/eval/functions/regex.js';

const BUDGET_MS = Number(process.env.BENCH_REGEX_MS ?? 300);

/** Nanoseconds per call of `fn`, best of three runs of about BUDGET_MS / 3 each. */
function nsPerCall(fn: () => unknown): number {
  let calls = 1;
  // Find a batch size that takes about 10 ms.
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) fn();
    if (performance.now() - t > 10 || calls > 1e7) break;
    calls *= 2;
  }
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const end = performance.now() + BUDGET_MS / 3;
    let n = 0;
    const t = performance.now();
    while (performance.now() < end) {
      for (let i = 0; i < calls; i++) fn();
      n += calls;
    }
    best = Math.min(best, ((performance.now() - t) * 1e6) / n);
  }
  return best;
}

function compiled(pattern: string, options = ''): CompiledRegex {
  const re = compileRegex(pattern, parseRegexOptions(options));
  if (!(re instanceof CompiledRegex)) throw new Error(`bench: ${pattern}: ${re.reason}`);
  return re;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function fmt(ns: number): string {
  return ns >= 1e6
    ? `${(ns / 1e6).toFixed(1)} ms`
    : ns >= 1e3
      ? `${(ns / 1e3).toFixed(2)} us`
      : `${ns.toFixed(0)} ns`;
}

interface Case {
  /** What the pattern stands for. */
  name: string;
  /** PCRE2 pattern (also valid JS RegExp syntax). */
  pattern: string;
  /** ClassAd options letters (`i` maps to the JS `i` flag). */
  options?: string;
  /** Subjects, matched in turn. */
  subjects: string[];
}

const users = Array.from({ length: 20 }, (_, i) => `user${i.toString(36)}x${i * 7}`);
const longText =
  'Job submitted from host submit.example.org by alice; requested 4 cpus, 16 GB and one GPU (cuda 12.2); '.repeat(
    20,
  );

const cases: Case[] = [
  {
    name: 'slot prefix',
    pattern: '^slot1@',
    subjects: ['slot1@node0001.cluster.example.org', 'slot12@node0002.cluster.example.org'],
  },
  {
    name: 'host name',
    pattern: '^node[0-9]+\\.cluster\\.example\\.org$',
    subjects: ['node0001.cluster.example.org', 'gpu07.cluster.example.org'],
  },
  {
    name: 'owner, caseless',
    pattern: '^(alice|bob|carol)$',
    options: 'i',
    subjects: ['Alice', 'mallory'],
  },
  {
    name: 'word in a list',
    pattern: '\\bgpu\\b',
    subjects: ['x86_64,avx2,gpu,cuda', 'x86_64,avx2,gpus,cuda'],
  },
  {
    name: 'version',
    pattern: '^8\\.(9|10)\\.\\d+$',
    subjects: ['8.10.7', '23.0.1'],
  },
  {
    name: '20 users',
    pattern: `^(${users.join('|')})$`,
    subjects: [users[17]!, 'nobody'],
  },
  {
    name: 'groups',
    pattern: '(\\w+)@(\\w+)\\.org',
    subjects: ['mail alice@example.org now', 'no address here'],
  },
  {
    name: 'word in 2 KB text',
    pattern: 'cuda 1[0-9]\\.',
    subjects: [longText, longText.replace(/cuda/g, 'rocm')],
  },
];

function jsRegExp(c: Case, global = false): RegExp {
  return new RegExp(c.pattern, `${c.options?.includes('i') ? 'i' : ''}${global ? 'g' : ''}`);
}

console.log(
  `Regex engines, best of 3 (${BUDGET_MS} ms per measurement); ratio = re2js time / RegExp time\n`,
);
console.log(`${pad('match (regexp)', 22)}${pad('re2js', 12)}${pad('RegExp', 12)}ratio`);
const ratios: number[] = [];
for (const c of cases) {
  const re = compiled(c.pattern, c.options);
  const js = jsRegExp(c);
  for (const s of c.subjects) {
    if (re.test(s) !== js.test(s)) throw new Error(`bench: engines disagree on ${c.name}`);
  }
  const subjects = c.subjects;
  const tRe2 = nsPerCall(() => {
    for (const s of subjects) re.test(s);
  });
  const tJs = nsPerCall(() => {
    for (const s of subjects) js.test(s);
  });
  ratios.push(tRe2 / tJs);
  console.log(
    `${pad(c.name, 22)}${pad(fmt(tRe2), 12)}${pad(fmt(tJs), 12)}${(tRe2 / tJs).toFixed(1)}x`,
  );
}

// Substitution: replaceAll("\s+", text, " ") and replace with groups.
{
  const subjectWs = 'a  b\t\tc   d '.repeat(20);
  const reWs = compiled('\\s+');
  const tRe2 = nsPerCall(() => substitute(reWs, subjectWs, ' ', true, true));
  const tJs = nsPerCall(() => subjectWs.replace(/\s+/g, ' '));
  ratios.push(tRe2 / tJs);
  console.log(
    `${pad('replaceAll \\s+', 22)}${pad(fmt(tRe2), 12)}${pad(fmt(tJs), 12)}${(tRe2 / tJs).toFixed(1)}x`,
  );
  const reGroups = compiled('(\\w+)@(\\w+)');
  const subjectAt = 'mail alice@example now';
  const tRe2g = nsPerCall(() => substitute(reGroups, subjectAt, '\\2.\\1', true, false));
  const tJsg = nsPerCall(() => subjectAt.replace(/(\w+)@(\w+)/, '$2.$1'));
  ratios.push(tRe2g / tJsg);
  console.log(
    `${pad('replace with groups', 22)}${pad(fmt(tRe2g), 12)}${pad(fmt(tJsg), 12)}${(tRe2g / tJsg).toFixed(1)}x`,
  );
}

{
  // Compiling: a cache miss (PCRE2 parse, RE2 emit, re2js compile) vs new RegExp.
  let i = 0;
  const tRe2 = nsPerCall(() => compileRegex(`^node[0-9]+\\.cluster${i++}\\.example\\.org$`));
  let j = 0;
  const tJs = nsPerCall(() => new RegExp(`^node[0-9]+\\.cluster${j++}\\.example\\.org$`));
  console.log(
    `${pad('compile (cache miss)', 22)}${pad(fmt(tRe2), 12)}${pad(fmt(tJs), 12)}${(tRe2 / tJs).toFixed(1)}x`,
  );
}

const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
console.log(`\ngeometric mean ratio over matching and substitution: ${geo.toFixed(1)}x\n`);

// ------------------------------------------------------------ catastrophic

console.log('catastrophic pattern (a+)+$ on "a" x n + "b" (no match)');
const hostile = compiled('(a+)+$');
console.log(`${pad('re2js: n', 22)}time`);
for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
  const s = `${'a'.repeat(n)}b`;
  const t = performance.now();
  const matched = hostile.test(s);
  const ms = performance.now() - t;
  console.log(`${pad(String(n), 22)}${ms.toFixed(1)} ms${matched ? ' (matched?)' : ''}`);
}
console.log(`${pad('RegExp: n', 22)}time`);
const js = /(a+)+$/;
for (let n = 16; n <= 30; n += 2) {
  const s = `${'a'.repeat(n)}b`;
  const t = performance.now();
  js.test(s);
  const ms = performance.now() - t;
  console.log(`${pad(String(n), 22)}${ms.toFixed(1)} ms`);
  if (ms > 250) {
    console.log('(stopping: each 2 more bytes multiply the time by about 4)');
    break;
  }
}
