/**
 * Whether an ad is a job or a machine: its `MyType` when that is a string
 * literal, else which kind of well-known attributes it holds more of.
 */
import { asciiLower } from '../../language/bytes.js';
import { knownAttribute } from './knownAttributes.js';
import type { AdModel } from './model.js';

/** The kind of ad, when it can be told. */
export type AdRole = 'job' | 'machine';

/** The role of an ad, or undefined when it cannot be told. */
export function adRole(ad: AdModel | undefined): AdRole | undefined {
  if (!ad) return undefined;
  let jobs = 0;
  let machines = 0;
  for (const a of ad.attributes) {
    if (asciiLower(a.name) === 'mytype' && a.value.kind === 'String') {
      const t = asciiLower(a.value.value);
      if (t === 'job') return 'job';
      if (t === 'machine') return 'machine';
    }
    const known = knownAttribute(a.name);
    if (known?.owner === 'job') jobs++;
    else if (known?.owner === 'machine') machines++;
  }
  return jobs > machines ? 'job' : machines > jobs ? 'machine' : undefined;
}
