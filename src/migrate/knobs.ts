/**
 * The machine-dependent knobs of a migrating schedd (format `mdk/1`,
 * corpus/config/README.md): what checkpoint removes from the configuration
 * and restart puts back with the new host's values.
 *
 * The directory macros of the source map (SPOOL, LOG, LOCAL_DIR,
 * RELEASE_DIR) are listed so that their own definitions are never rewritten
 * into self-references; they come back from the install log. JOB_QUEUE_LOG
 * and HISTORY come back from it too. Network identity comes from the new
 * host's facts (kind `host`: its name; `ip`: its address), or is dropped.
 * SCHEDD_NAME is not listed: the schedd keeps its name when it moves (it is
 * how clients find it and part of every GlobalJobId). LOCAL_CONFIG_FILE and
 * LOCAL_CONFIG_DIR are not listed: their paths are rewritten like any other.
 */
import { parseKnobSpec, type KnobSpec } from '../config/knobSpec.js';

/** The default knob spec, as text. */
export const DEFAULT_KNOB_SPEC = `# schedd migration: machine-dependent knobs (mdk/1)
RELEASE_DIR                 required  path
LOCAL_DIR                   required  path
SPOOL                       required  path
LOG                         required  path
JOB_QUEUE_LOG               optional  path
HISTORY                     optional  path
NETWORK_INTERFACE           optional  ip
PRIVATE_NETWORK_INTERFACE   optional  ip
NETWORK_HOSTNAME            optional  host
TCP_FORWARDING_HOST         optional  host
HOST_ALIAS                  optional  host
`;

/** The default knob spec, parsed. */
export function defaultKnobSpec(): KnobSpec {
  return parseKnobSpec(DEFAULT_KNOB_SPEC, '<default knob spec>');
}
