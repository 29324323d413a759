/**
 * Errors of the migration tools. A MigrateError is a failure the user can
 * act on (bad input, a refused or failed operation: exit 1); a
 * MigrateUsageError is a bad request (exit 2). Messages say what failed and
 * where; errors of the layers below (ConfigError, JobqInputError) pass
 * through unchanged.
 */

/** A failure caused by the input or the hosts' state (exit 1). */
export class MigrateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrateError';
  }
}

/** A bad request: options that do not fit together (exit 2). */
export class MigrateUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrateUsageError';
  }
}

/** The `code` of a Node system error (ENOENT, EACCES, ...), or its message. */
export function errnoText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}
