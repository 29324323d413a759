/** `classad lsp --stdio`: the ClassAd language server (also `classad-lsp`). */
import type { Command } from 'commander';

/** Registers the `lsp` command. */
export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('the ClassAd language server (LSP over stdio; language id classad)')
    .option('--stdio', 'talk LSP over stdin/stdout (the only transport)')
    .action(async () => {
      const { startServer } = await import('../lsp/server.js');
      startServer();
      // The server runs until its client closes it; keep the process alive.
      await new Promise<void>(() => {});
    });
}
