#!/usr/bin/env node
// configmd: condor_config marshaller (the paper's name); the same as `classad config`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['config', ...process.argv.slice(2)]);
