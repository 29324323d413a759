/**
 * Configuration templates (`use CATEGORY : template(args)`): the template
 * list syntax, the `$(1)`, `$(1?)`, `$(0#)`, `$(2+)`, `$(1:default)` argument
 * macros, and the bodies of the common templates.
 *
 * The bodies here are the settings the HTCondor manual documents for each
 * template, written out by hand; HTCondor has many more templates (and their
 * exact text changes between versions). A template this table does not know
 * is reported as a warning and contributes nothing. Rewriting tools leave
 * `use` lines untouched, so this matters only to `get`/`dump`.
 */

/** One `template(args)` item of a `use` line. */
export interface TemplateUse {
  name: string;
  /** The text between the parentheses, or '' without them. */
  args: string;
}

/** Splits `a, b(x, y) c` into its templates, as HTCondor's MetaKnobAndArgs does. */
export function parseTemplateList(text: string): TemplateUse[] {
  const out: TemplateUse[] = [];
  let p = 0;
  const n = text.length;
  const isSep = (c: string | undefined): boolean => c !== undefined && /[\s,]/.test(c);
  while (p < n) {
    while (p < n && isSep(text[p])) p++;
    const s = p;
    while (p < n && !isSep(text[p]) && text[p] !== '(') p++;
    if (p === s) {
      if (p < n) p++;
      continue;
    }
    const name = text.slice(s, p);
    while (p < n && /\s/.test(text[p]!)) p++;
    let args = '';
    if (text[p] === '(') {
      let depth = 0;
      let e = p;
      for (; e < n; e++) {
        const c = text[e];
        if (c === '(' || c === '[') depth++;
        else if (c === ')' || c === ']') {
          depth--;
          if (depth === 0) break;
        }
      }
      args = text.slice(p + 1, e);
      p = e + 1;
    }
    out.push({ name, args });
  }
  return out;
}

/** Expands the `$(N)` argument macros of a template body against `args` (comma separated). */
export function expandMetaArgs(body: string, args: string): string {
  const items = args === '' ? [] : args.split(',').map((a) => a.trim());
  let out = '';
  let i = 0;
  const re = /\$\((\d+)([?#+]?)(?::|(?=\)))/g;
  for (;;) {
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) break;
    // The default runs to the matching ')'.
    let depth = 1;
    let e = m.index + m[0].length;
    const defStart = body[e - 1] === ':' ? e : -1;
    for (; e < body.length; e++) {
      if (body[e] === '(') depth++;
      else if (body[e] === ')' && --depth === 0) break;
    }
    if (e >= body.length) break;
    const def = defStart >= 0 ? body.slice(defStart, e) : undefined;
    const index = parseInt(m[1]!, 10);
    const suffix = m[2];
    let value: string;
    if (index === 0) {
      value = suffix === '#' || suffix === '+' ? String(items.length) : args.trim();
    } else if (suffix === '+' || suffix === '#') {
      value = items.slice(index - 1).join(', ');
      if (value === '' && def !== undefined) value = def;
    } else {
      value = items[index - 1] ?? '';
      if (value === '' && def !== undefined) value = def;
    }
    if (suffix === '?') value = (items[index - 1] ?? '') !== '' ? '1' : '0';
    out += body.slice(i, m.index) + value;
    i = e + 1;
  }
  return out + body.slice(i);
}

/** Template bodies by category and name (both upper case). */
const TEMPLATES: Record<string, Record<string, string>> = {
  ROLE: {
    PERSONAL: [
      'CONDOR_HOST = 127.0.0.1',
      'COLLECTOR_HOST = $(CONDOR_HOST):0',
      'DAEMON_LIST = MASTER COLLECTOR NEGOTIATOR STARTD SCHEDD',
      'RunBenchmarks = 0',
    ].join('\n'),
    SUBMIT: 'DAEMON_LIST = $(DAEMON_LIST) SCHEDD',
    EXECUTE: 'DAEMON_LIST = $(DAEMON_LIST) STARTD',
    CENTRALMANAGER: 'DAEMON_LIST = $(DAEMON_LIST) COLLECTOR NEGOTIATOR',
  },
  SECURITY: {
    HOST_BASED: [
      'ALLOW_ADMINISTRATOR = $(CONDOR_HOST)',
      'ALLOW_READ = *',
      'ALLOW_WRITE = $(FULL_HOSTNAME) $(IPV4_ADDRESS) $(IPV6_ADDRESS)',
      'ALLOW_DAEMON = $(FULL_HOSTNAME) $(IPV4_ADDRESS) $(IPV6_ADDRESS)',
      'ALLOW_NEGOTIATOR = $(CONDOR_HOST)',
    ].join('\n'),
    WITH_AUTHENTICATION: [
      'SEC_DEFAULT_AUTHENTICATION = required',
      'SEC_DEFAULT_INTEGRITY = required',
    ].join('\n'),
    STRONG: [
      'SEC_DEFAULT_ENCRYPTION = required',
      'SEC_DEFAULT_INTEGRITY = required',
      'SEC_DEFAULT_AUTHENTICATION = required',
    ].join('\n'),
    USER_BASED: [
      'ALLOW_ADMINISTRATOR = condor@$(CONDOR_HOST)',
      'ALLOW_READ = *',
      'ALLOW_WRITE = condor@$(FULL_HOSTNAME) condor@$(IP_ADDRESS)',
      'ALLOW_DAEMON = condor@$(FULL_HOSTNAME) condor@$(IP_ADDRESS)',
      'ALLOW_NEGOTIATOR = condor@$(CONDOR_HOST)',
      'use SECURITY : WITH_AUTHENTICATION',
    ].join('\n'),
    RECOMMENDED_V9_0: [
      'SECURITY_MODEL = 9.0',
      'use SECURITY : STRONG',
      'SEC_READ_AUTHENTICATION = OPTIONAL',
      'SEC_READ_ENCRYPTION = OPTIONAL',
      'SEC_READ_INTEGRITY = OPTIONAL',
      'ALLOW_ADMINISTRATOR = $(1:condor)@* condor_pool@* $(2:root@*)',
      'ALLOW_DAEMON = $(1:condor)@* condor_pool@*',
      'ALLOW_NEGOTIATOR = $(1:condor)@* condor_pool@*',
      'ALLOW_WRITE = *',
      'ALLOW_READ = *',
    ].join('\n'),
    RECOMMENDED: [
      'use SECURITY : STRONG',
      'SEC_READ_AUTHENTICATION = OPTIONAL',
      'SEC_READ_ENCRYPTION = OPTIONAL',
      'SEC_READ_INTEGRITY = OPTIONAL',
      'ALLOW_ADMINISTRATOR = $(1:condor)@* condor_pool@* $(2:root@*)',
      'ALLOW_DAEMON = $(1:condor)@* condor_pool@*',
      'ALLOW_NEGOTIATOR = $(1:condor)@* condor_pool@*',
      'ALLOW_WRITE = *',
      'ALLOW_READ = *',
    ].join('\n'),
  },
  FEATURE: {
    GPUS: [
      'MACHINE_RESOURCE_INVENTORY_GPUs = $(LIBEXEC)/condor_gpu_discovery $(1) -properties $(GPU_DISCOVERY_EXTRA)',
      'ENVIRONMENT_FOR_AssignedGPUs = GPU_DEVICE_ORDINAL=/(CUDA|OCL)//  CUDA_VISIBLE_DEVICES=/CUDA//',
      'ENVIRONMENT_VALUE_FOR_UnAssignedGPUs = 10000',
    ].join('\n'),
    PARTITIONABLESLOT: [
      'NUM_SLOTS_TYPE_$(1:1) = 1',
      'SLOT_TYPE_$(1:1)_PARTITIONABLE = true',
      'SLOT_TYPE_$(1:1) = $(2+:100%)',
    ].join('\n'),
    SCHEDDCRONPERIODIC: [
      'SCHEDD_CRON_JOBLIST = $(SCHEDD_CRON_JOBLIST) $(1)',
      'SCHEDD_CRON_$(1)_MODE = Periodic',
      'SCHEDD_CRON_$(1)_PERIOD = $(2)',
      'SCHEDD_CRON_$(1)_EXECUTABLE = $(3)',
      'SCHEDD_CRON_$(1)_ARGS = $(4)',
    ].join('\n'),
    STARTDCRONPERIODIC: [
      'STARTD_CRON_JOBLIST = $(STARTD_CRON_JOBLIST) $(1)',
      'STARTD_CRON_$(1)_MODE = Periodic',
      'STARTD_CRON_$(1)_PERIOD = $(2)',
      'STARTD_CRON_$(1)_EXECUTABLE = $(3)',
      'STARTD_CRON_$(1)_ARGS = $(4)',
    ].join('\n'),
  },
  POLICY: {
    ALWAYS_RUN_JOBS: [
      'WANT_SUSPEND = False',
      'WANT_VACATE = True',
      'SUSPEND = False',
      'CONTINUE = True',
      'PREEMPT = False',
      'START = True',
      'KILL = False',
    ].join('\n'),
    LIMIT_JOB_RUNTIMES: [
      'MAX_JOB_RUNTIME = $(1:24*3600)',
      'MaxJobRetirementTime = $(MAX_JOB_RUNTIME)+120',
      'PREEMPT = (Activity == "Busy") && ((time() - EnteredCurrentActivity) > $(MAX_JOB_RUNTIME))',
    ].join('\n'),
  },
};

/** The categories HTCondor knows (a `use` of another category is an error). */
export const TEMPLATE_CATEGORIES = ['ROLE', 'FEATURE', 'POLICY', 'SECURITY', 'EXPERIMENTAL'];

/** The body of a template, or undefined when this table does not know it. */
export function templateBody(category: string, name: string): string | undefined {
  return TEMPLATES[category.toUpperCase()]?.[name.toUpperCase()];
}

/** True when the category exists. */
export function isTemplateCategory(category: string): boolean {
  return TEMPLATE_CATEGORIES.includes(category.toUpperCase());
}
