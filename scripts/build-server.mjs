// Bundles the relay, the workshop host and the CLI into plain JavaScript (esbuild) in dist/server,
// so production runs `node dist/server/relay.mjs` without tsx (which compiles at run time and
// costs memory). Dependencies stay external: they are installed beside it. Development keeps tsx.
import { build } from 'esbuild';
import { resolve } from 'node:path';

export async function buildServer(outdir = resolve('dist/server')) {
  await build({
    entryPoints: { relay: 'sync-server/main.ts', workshop: 'sync-server/workshop/main.ts', cli: 'cli/entry.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // the Redis log is a chunk of its own, loaded only with --redis (ioredis costs ~12 MiB)
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    logLevel: 'warning',
  });
  return outdir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildServer(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`bundled the relay, the workshop host and the CLI into ${out}\n`);
}
