// Starts the language server through the real executable, bin/classad-lsp.js
// (over the bundle that npm test's pretest builds), speaking LSP on stdio.
process.argv.push('--stdio');
await import('../../bin/classad-lsp.js');
