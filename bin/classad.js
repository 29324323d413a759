#!/usr/bin/env node
// The `classad` command. The CLI is bundled (dist/cli.bundle.js) so that it
// starts fast: chevrotain's module graph alone takes ~0.4 s to load unbundled.
import { main } from '../dist/cli.bundle.js';

process.exitCode = await main(process.argv.slice(2));
