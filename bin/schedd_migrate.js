#!/usr/bin/env node
// schedd_migrate: the mobile schedd's migrate tool (Meehean & Livny); the same as `classad schedd migrate`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['schedd', 'migrate', ...process.argv.slice(2)]);
