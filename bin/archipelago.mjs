#!/usr/bin/env node
// The `archipelago` engine CLI. The engine is TypeScript; tsx compiles it on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
