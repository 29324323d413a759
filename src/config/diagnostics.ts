/**
 * Diagnostics for configuration files: every error or warning names a file,
 * a 1-based line and a 1-based column (byte offsets: files are byte strings).
 */

/** How serious a diagnostic is: errors stop a command, warnings do not. */
export type Severity = 'error' | 'warning';

/** One problem found in a configuration source, a map file or a knob spec. */
export interface ConfigDiagnostic {
  severity: Severity;
  /** The file as the user should see it (a host path, or a path on this machine). */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Thrown when a configuration cannot be read, parsed or processed. */
export class ConfigError extends Error {
  readonly diagnostics: ConfigDiagnostic[];

  constructor(diagnostics: ConfigDiagnostic[] | ConfigDiagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatConfigDiagnostic).join('\n'));
    this.name = 'ConfigError';
    this.diagnostics = list;
  }
}

/** `file:line:column: severity: message`, the format of every command's messages. */
export function formatConfigDiagnostic(d: ConfigDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

/** Shorthand for an error diagnostic. */
export function configError(
  file: string,
  line: number,
  column: number,
  message: string,
): ConfigDiagnostic {
  return { severity: 'error', file, line, column, message };
}

/** Shorthand for a warning diagnostic. */
export function configWarning(
  file: string,
  line: number,
  column: number,
  message: string,
): ConfigDiagnostic {
  return { severity: 'warning', file, line, column, message };
}
