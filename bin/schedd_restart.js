#!/usr/bin/env node
// schedd_restart: the mobile schedd's restart tool (Meehean & Livny); the same as `classad schedd restart`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['schedd', 'restart', ...process.argv.slice(2)]);
