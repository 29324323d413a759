#!/usr/bin/env node
// csu: the mobile schedd's csu tool (Meehean & Livny); the same as `classad schedd csu`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['schedd', 'csu', ...process.argv.slice(2)]);
