import { afterAll, beforeAll, describe, it } from 'vitest';
import { removeDir, startRelay, type RelayProcess } from '../support/relayProcess';
import { convergenceProperty } from './convergenceProperty';

describe('convergence through the real relay (property)', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelay();
  });
  afterAll(async () => {
    await relay.stop('SIGKILL');
    removeDir(relay.dataDir);
  });

  it('3 peers with random edits, disconnects and reconnects end identical with no edit lost', async () => {
    await convergenceProperty(() => relay.url, 15);
  }, 400_000);
});
