import { afterAll, beforeAll, describe, it } from 'vitest';
import { redisForSuite } from '../support/redisSuite';
import { removeDir, startRelay, type RelayProcess } from '../support/relayProcess';
import { convergenceProperty } from './convergenceProperty';

describe('convergence across three relays sharing a real redis-server (property)', () => {
  const redis = redisForSuite();
  let relays: RelayProcess[] = [];
  beforeAll(async () => {
    relays = [await startRelay({ args: ['--redis', redis.url] }), await startRelay({ args: ['--redis', redis.url] }), await startRelay({ args: ['--redis', redis.url] })];
  });
  afterAll(async () => {
    for (const r of relays) {
      await r.stop('SIGKILL');
      removeDir(r.dataDir);
    }
  });

  it('3 peers, each on its own relay, with random edits, disconnects and reconnects end identical with no edit lost', async () => {
    await convergenceProperty((peer) => relays[peer].url, 10);
  }, 400_000);
});
