#!/usr/bin/env node
// The `archipelago` engine CLI. In a development checkout, the TypeScript source runs through tsx
// (a dev dependency), so it is never stale. An install without dev dependencies has no tsx: it runs
// the bundle `npm run build:server` made (dist/server/cli.mjs, plain JavaScript).
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
}
if (register) {
  register();
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} else {
  try {
    await import('../dist/server/cli.mjs'); // cli/entry.ts: runs main and sets the exit code
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/server/cli.mjs')) throw e;
    process.stderr.write('archipelago: this install has neither tsx (a dev dependency) nor the built CLI; run `npm run build:server` first\n');
    process.exitCode = 1;
  }
}
