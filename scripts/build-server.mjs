// Bundles the relay, the workshop host and the CLI into plain JavaScript (esbuild) in dist/server,
// so production runs `node dist/server/relay.mjs` without tsx (which compiles at run time and
// costs memory). Dependencies stay external (installed beside it), but zod. Development keeps tsx.
import { build } from 'esbuild';
import { resolve } from 'node:path';

/** Marks every bare import (a package or a node: builtin) external, except the packages named. */
function externalPackagesExcept(bundled) {
  return {
    name: 'external-packages-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (bundled.some((p) => args.path === p || args.path.startsWith(`${p}/`)) ? undefined : { path: args.path, external: true }));
    },
  };
}

export async function buildServer(outdir = resolve('dist/server')) {
  const common = {
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // packages stay external, except zod: bundled, only what is used is kept (zod/mini in the relay
    // costs ~0.2 MiB that way, against ~8 MiB for the installed package with all its locales)
    plugins: [externalPackagesExcept(['zod'])],
    // the Redis log is a chunk of its own, loaded only with --redis (ioredis costs ~12 MiB)
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    logLevel: 'warning',
  };
  // the relay on its own, so it shares no chunk with the workshop host and the CLI (which use zod's
  // classic API: a shared chunk would load all of it into the relay too)
  await build({ ...common, entryPoints: { relay: 'sync-server/main.ts' } });
  await build({ ...common, entryPoints: { workshop: 'sync-server/workshop/main.ts', cli: 'cli/entry.ts' } });
  return outdir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildServer(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`bundled the relay, the workshop host and the CLI into ${out}\n`);
}
