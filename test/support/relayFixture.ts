import { afterEach } from 'vitest';
import { removeDir, startRelay, type RelayProcess } from './relayProcess';

/**
 * The relay suites' shared setup: real relay processes, and cleanups that run after each test in
 * reverse order (so a relay stops before its data folder is removed, and clients before relays).
 * Call at the top of a test file or a `describe`.
 */
export function relayFixture(defaults: { args?: () => string[] } = {}) {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return {
    /** Runs each of `fns` after this test (last registered, first run). */
    cleanup(...fns: (() => unknown)[]) {
      cleanups.push(...fns);
    },
    /** A real relay (`npm run relay` without npm) on a free port, with `args` after the defaults. */
    async relay(args: string[] = [], options: Omit<Parameters<typeof startRelay>[0] & object, 'args'> = {}): Promise<RelayProcess> {
      const r = await startRelay({ ...options, args: [...(defaults.args?.() ?? []), ...args] });
      cleanups.push(() => removeDir(r.dataDir), () => r.stop('SIGKILL'));
      return r;
    },
  };
}

export const health = async (r: RelayProcess) => (await fetch(`http://127.0.0.1:${r.port}/healthz`)).json();
