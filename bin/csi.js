#!/usr/bin/env node
// csi: the mobile schedd's csi tool (Meehean & Livny); the same as `classad schedd csi`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['schedd', 'csi', ...process.argv.slice(2)]);
