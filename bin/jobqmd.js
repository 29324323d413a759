#!/usr/bin/env node
// jobqmd: job_queue.log marshaller (the paper's name); the same as `classad jobq`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(['jobq', ...process.argv.slice(2)]);
