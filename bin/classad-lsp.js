#!/usr/bin/env node
// classad-lsp: the ClassAd language server over stdio; the same as `classad lsp`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['lsp', ...process.argv.slice(2)]);
