import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createLocalHub, localLog } from './localLog';
import { leveldbPersistence, memoryPersistence, type RoomPersistence } from './persistence';
import { roomLogContract } from './roomLogContract';

/** Two local logs over one store and one hub: what two relays in one process see. */
const shared = (store: RoomPersistence) => ({ ...store, close: async () => {} });

describe('localLog over memory (the room log contract)', () => {
  roomLogContract(async () => {
    const store = memoryPersistence();
    const hub = createLocalHub();
    const a = localLog(shared(store), hub);
    return { a, b: localLog(shared(store), hub), reopenA: async () => (await a.close(), localLog(shared(store), hub)), cleanup: async () => {} };
  });
});

describe('localLog over LevelDB (the room log contract)', () => {
  roomLogContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archipelago-log-'));
    let store = leveldbPersistence(dir);
    const hub = createLocalHub();
    const a = localLog(shared(store), hub);
    const b = localLog(shared(store), hub);
    return {
      a,
      b,
      reopenA: async () => {
        await store.close(); // a real restart: the database is closed and opened again
        store = leveldbPersistence(dir);
        return localLog(shared(store), hub);
      },
      cleanup: async () => {
        await store.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
