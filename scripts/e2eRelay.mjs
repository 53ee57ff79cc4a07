// The relay for end-to-end tests: a real process on a real port, on a fresh data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.argv[2] ?? '4480';
const data = mkdtempSync(join(tmpdir(), 'archipelago-e2e-relay-'));
const relay = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts', '--port', port, '--data', data, '--log-level', 'warn'], { stdio: 'inherit' });
const stop = () => relay.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
relay.on('exit', (code) => process.exit(code ?? 0));
