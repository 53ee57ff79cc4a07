// Compiles electron/ (and the shared files it imports) to CommonJS in dist-electron/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'electron/tsconfig.json'], { stdio: 'inherit' });
mkdirSync('dist-electron', { recursive: true });
// package.json says "type": "module"; the compiled main process and preload are CommonJS.
writeFileSync('dist-electron/package.json', JSON.stringify({ type: 'commonjs' }, null, 2));
