// Bundles the relay, the workshop host and the CLI into plain JavaScript (esbuild) in dist/server,
// so production runs `node dist/server/relay.mjs` without tsx (which compiles at run time and
// costs memory). Development keeps tsx.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';

const named = (list, path) => list.some((p) => path === p || path.startsWith(`${p}/`));
// exact names: `string_decoder/` (with a slash) is how readable-stream asks for the npm package
const builtin = (path) => path.startsWith('node:') || builtinModules.includes(path);

/** Marks every bare import (a package or a node: builtin) external, except the packages named. */
function externalPackagesExcept(bundled) {
  return {
    name: 'external-packages-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (named(bundled, args.path) ? undefined : { path: args.path, external: true }));
    },
  };
}

/** Bundles every package, except node builtins and the packages named (installed beside the bundle). */
function bundledPackagesExcept(external) {
  return {
    name: 'bundled-packages-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (builtin(args.path) || named(external, args.path) ? { path: args.path, external: true } : undefined));
    },
  };
}

/**
 * pino's transports run log destinations in worker threads; the relay logs to stderr and never
 * configures one, yet pino loads them (and node's worker_threads) at start: ~0.3 MiB of the relay's
 * memory. In the relay bundle its transport module throws if anything asks for a transport, and
 * its main-thread test answers for the main thread, which is where the relay runs.
 */
function withoutPinoTransports() {
  const stubs = {
    transport: "module.exports = function transport() { throw new Error('pino transports are not bundled in the relay: it logs to stderr'); };",
    worker_threads: 'module.exports = { isMainThread: true };',
  };
  return {
    name: 'without-pino-transports',
    setup(b) {
      // pino.js asks for './lib/transport', lib/tools.js for './transport' and 'worker_threads'
      b.onResolve({ filter: /^(\.\/(lib\/)?transport|worker_threads)$/ }, (args) =>
        /[\\/]node_modules[\\/]pino[\\/](pino|lib[\\/]tools)\.js$/.test(args.importer) ? { path: args.path.endsWith('transport') ? 'transport' : args.path, namespace: 'pino-stub' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'pino-stub' }, (args) => ({ contents: stubs[args.path], loader: 'js' }));
    },
  };
}

/**
 * What the relay bundle leaves to node_modules: classic-level loads its compiled LevelDB from its
 * own folder; ioredis and jose are imported only with --redis / --auth-secret (their chunks load
 * them); bufferutil and utf-8-validate are ws's optional native helpers, not installed.
 */
const RELAY_EXTERNAL = ['classic-level', 'ioredis', 'jose', 'bufferutil', 'utf-8-validate'];

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
  // The relay on its own, so it shares no chunk with the workshop host and the CLI (which use zod's
  // classic API: a shared chunk would load all of it into the relay too). Its packages (ws, yjs,
  // y-protocols, y-leveldb, pino, prom-client, …) are bundled too: one module instead of one per
  // file, and node no longer parses each CommonJS package for its exports when ESM imports it;
  // with 1,000 clients on one room the relay's RSS is ~3.5 MiB lower (test/bench/fanout). Bundled
  // CommonJS code calls `require` for node builtins and the external packages, hence the banner.
  // (pino's transports, which run worker files from pino's folder, are not used: logs go to stderr.)
  await build({
    ...common,
    entryPoints: { relay: 'sync-server/main.ts' },
    // Minified but for names (stack traces keep function names; the .map beside it maps positions,
    // with `node --enable-source-maps`): V8 keeps every module's source text in the heap, and the
    // relay's is ~0.6 of what it was unminified (~1.5 MiB less RSS with 1,000 clients).
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [withoutPinoTransports(), bundledPackagesExcept(RELAY_EXTERNAL)],
    // readable-stream is a copy of node's streams for browsers (level-read-stream, which y-leveldb
    // reads rooms with, uses it): in node, node's own (~130 KiB of code less to hold)
    alias: { 'readable-stream': 'node:stream' },
    banner: { js: "import { createRequire as __relayCreateRequire } from 'node:module';\nconst require = __relayCreateRequire(import.meta.url);" },
  });
  await build({ ...common, entryPoints: { workshop: 'sync-server/workshop/main.ts', cli: 'cli/entry.ts' } });
  return outdir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildServer(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`bundled the relay, the workshop host and the CLI into ${out}\n`);
}
