/**
 * Rewrite rules: which job attributes are candidates for marshalling and how
 * each one's strings are shaped (spec §12).
 *
 * - `path`: each string is one path (`Iwd`, `Cmd`, `UserLog`): a prefix only
 *   at its start;
 * - `list`: paths separated by commas or blanks (`TransferInput`);
 * - `remap`: `src=dst` pairs separated by `;` (`TransferOutputRemaps`);
 * - `text`: free text that may embed paths (`Environment`, `Arguments`,
 *   `HoldReason`): a prefix wherever a path may start;
 * - `none`: never rewritten.
 *
 * Every string literal of a candidate's value is rewritten, wherever it sits
 * in the expression (`ifThenElse`, lists, `strcat`). Attributes not listed
 * take the `default` shape: `text` in the shipped rules, so a path in any
 * attribute is found (a site attribute such as `+ScratchDir` included); a
 * rules file can set it to `none` to rewrite only what it lists.
 */

/** How the strings of an attribute are shaped. */
export type Shape = 'path' | 'list' | 'remap' | 'text' | 'none';

/** Every shape, in the order the rules file lists them. */
export const SHAPES: readonly Shape[] = ['path', 'list', 'remap', 'text', 'none'];

/** A rule: an attribute (name as written) and its shape. */
export interface AttributeRule {
  name: string;
  shape: Shape;
}

/** A set of rules. Attribute names are case-insensitive. */
export class Rules {
  /** Rules by lower-cased attribute name. */
  readonly attributes = new Map<string, AttributeRule>();
  private readonly cache = new Map<string, Shape>();

  constructor(
    /** The shape of attributes that have no rule. */
    public defaultShape: Shape = 'text',
    rules: Iterable<AttributeRule> = [],
  ) {
    for (const r of rules) this.set(r.name, r.shape);
  }

  /** Sets (or replaces) the rule of an attribute. */
  set(name: string, shape: Shape): void {
    this.attributes.set(name.toLowerCase(), { name, shape });
    this.cache.clear();
  }

  /** The shape of an attribute's strings (names ignore case, as in ClassAds). */
  shapeOf(name: string): Shape {
    let s = this.cache.get(name);
    if (s === undefined) {
      s = this.attributes.get(name.toLowerCase())?.shape ?? this.defaultShape;
      if (this.cache.size < 10_000) this.cache.set(name, s);
    }
    return s;
  }

  /** The rules grouped by shape, names sorted (case-insensitively). */
  byShape(): Map<Shape, string[]> {
    const out = new Map<Shape, string[]>(SHAPES.map((s) => [s, []]));
    for (const r of this.attributes.values()) out.get(r.shape)!.push(r.name);
    for (const names of out.values())
      names.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    return out;
  }

  /** A copy. */
  clone(): Rules {
    return new Rules(this.defaultShape, this.attributes.values());
  }
}

/** HTCondor 25's path-valued job attributes (spec §12), by shape. */
export const DEFAULT_RULES: Readonly<Record<Exclude<Shape, 'none'>, readonly string[]>> = {
  path: [
    'Iwd',
    'SUBMIT_Iwd',
    'OrigIwd',
    'RemoteIwd',
    'Cmd',
    'SUBMIT_Cmd',
    'In',
    'SUBMIT_In',
    'Out',
    'Err',
    'UserLog',
    'SUBMIT_UserLog',
    'DAGManNodesLog',
    'x509userproxy',
    'SUBMIT_x509userproxy',
    'ScitokensFile',
    'EC2AccessKeyId',
    'EC2SecretAccessKey',
    'EC2KeyPairFile',
    'EC2UserDataFile',
    'GceAuthFile',
    'GceMetadataFile',
    'GceJsonFile',
    'AzureAuthFile',
    'JobMaterializeDigestFile',
    'JobMaterializeItemsFile',
    'JobSubmitFile',
    'ContainerImage',
    'ContainerImageFullPath',
    'DockerImage',
    'SingularityImage',
    'ManifestDir',
    'RequestedChroot',
    'RemoteSpoolDir',
    'DataReuseManifestSHA256',
    'SUBMIT_DataReuseManifestSHA256',
    'OutputDestination',
    'CheckpointDestination',
  ],
  list: [
    'TransferInput',
    'SUBMIT_TransferInput',
    'TransferOutput',
    'TransferCheckpoint',
    'FailureFiles',
    'SpooledOutputFiles',
    'EncryptInputFiles',
    'EncryptOutputFiles',
    'DontEncryptInputFiles',
    'DontEncryptOutputFiles',
  ],
  remap: ['TransferOutputRemaps', 'SUBMIT_TransferOutputRemaps'],
  text: [
    'Environment',
    'Env',
    'Arguments',
    'Args',
    'PreCmd',
    'PostCmd',
    'PreArguments',
    'PreArgs',
    'PostArguments',
    'PostArgs',
    'PreEnvironment',
    'PreEnv',
    'PostEnvironment',
    'PostEnv',
    'HoldReason',
    'LastHoldReason',
    'RemoveReason',
    'ReleaseReason',
    'LastRejMatchReason',
  ],
};

/** The shipped rules: the attributes above, every other attribute as `text`. */
export function defaultRules(): Rules {
  const rules = new Rules('text');
  for (const shape of ['path', 'list', 'remap', 'text'] as const)
    for (const name of DEFAULT_RULES[shape]) rules.set(name, shape);
  return rules;
}
