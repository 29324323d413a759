#!/usr/bin/env node
// csar: the mobile schedd's csar tool (Meehean & Livny); the same as `classad schedd csar`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['schedd', 'csar', ...process.argv.slice(2)]);
