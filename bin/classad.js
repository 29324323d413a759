#!/usr/bin/env node
// The `classad` command. The CLI is bundled (dist/bundle/) so that it
// starts fast: chevrotain's module graph alone takes ~0.4 s to load unbundled.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
