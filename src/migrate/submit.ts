/**
 * The HTCondor submit description of a migration: a vanilla-universe job,
 * bound to the chosen machine, that transfers the checkpoint archive and
 * runs schedd_restart on it there. Every line is a `name = value`
 * assignment our condor_config parser reads (job attributes are written
 * `MY.Attr = ...`, not `+Attr`), except the final `queue` statement.
 */

/** What goes into the submit description. */
export interface SubmitDescriptionOptions {
  /** The checkpoint archive on the submitting host (absolute path). */
  archive: string;
  scheddName: string;
  /** The chosen host (its Machine). */
  machine: string;
  /** schedd_restart on the target (transfer_executable is false). */
  restartCommand: string;
  /** Where schedd_restart installs on the target (its --prefix). */
  targetPrefix: string;
  /** Extra schedd_restart arguments. */
  restartArguments?: string[];
  /** The job's Rank (as given to the choice), for the record. */
  rank?: string;
  /** KiB. */
  requestDisk: number;
  /** MiB. */
  requestMemory?: number;
  /** Comment lines at the top. */
  comments?: string[];
}

/** Quotes arguments in the submit language's new syntax: `"a 'b c' ""d"""`. */
export function quoteSubmitArguments(args: string[]): string {
  const one = (a: string): string => {
    const q = a.replace(/"/g, '""');
    return a === '' || /[\s']/.test(a) ? `'${q.replace(/'/g, "''")}'` : q;
  };
  return `"${args.map(one).join(' ')}"`;
}

/** A ClassAd string literal (for requirements). */
function classAdString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function checkValue(name: string, value: string): string {
  if (/[\n\r]/.test(value) || value.endsWith('\\'))
    throw new Error(`${name}: a submit value cannot hold a line break or end in a backslash`);
  return value;
}

/** Formats the submit description. */
export function formatSubmitDescription(o: SubmitDescriptionOptions): string {
  const base = o.archive.slice(o.archive.lastIndexOf('/') + 1);
  const args = [base, '--prefix', o.targetPrefix, ...(o.restartArguments ?? [])];
  const lines: [string, string][] = [
    ['universe', 'vanilla'],
    ['executable', o.restartCommand],
    ['transfer_executable', 'false'],
    ['arguments', quoteSubmitArguments(args)],
    ['transfer_input_files', o.archive],
    ['should_transfer_files', 'YES'],
    ['when_to_transfer_output', 'ON_EXIT'],
    ['requirements', `(TARGET.Machine == ${classAdString(o.machine)})`],
    ['request_disk', String(o.requestDisk)],
    ['request_memory', String(o.requestMemory ?? 512)],
    ['output', 'schedd_restart.out'],
    ['error', 'schedd_restart.err'],
    ['log', 'schedd_restart.log'],
    ['MY.ScheddMigration', classAdString(o.scheddName)],
    ['MY.ScheddMigrationTarget', classAdString(o.machine)],
  ];
  if (o.rank !== undefined) lines.push(['MY.ScheddMigrationRank', classAdString(o.rank)]);
  let out = (o.comments ?? []).map((c) => `# ${c}\n`).join('');
  for (const [k, v] of lines) out += `${k} = ${checkValue(k, v)}\n`;
  return out + 'queue\n';
}
