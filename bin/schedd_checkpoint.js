#!/usr/bin/env node
// schedd_checkpoint: the mobile schedd's checkpoint tool (Meehean & Livny); the same as `classad schedd checkpoint`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['schedd', 'checkpoint', ...process.argv.slice(2)]);
