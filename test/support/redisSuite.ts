import { afterAll, beforeAll } from 'vitest';
import { startRedis, type RedisProcess } from './redisProcess';

/**
 * A real redis-server for one test suite: started before its tests, stopped and its data removed
 * after. The returned handle always speaks for the current process, also after `restart()`.
 */
export function redisForSuite(): RedisProcess {
  let current: RedisProcess | undefined;
  const live = () => {
    if (!current) throw new Error('redis-server is not started yet: use it inside a test or a hook');
    return current;
  };
  beforeAll(async () => {
    current = await startRedis();
  });
  afterAll(async () => {
    await current?.stop();
    current?.remove();
  });
  const handle: RedisProcess = {
    get url() {
      return live().url;
    },
    get port() {
      return live().port;
    },
    get dir() {
      return live().dir;
    },
    get child() {
      return live().child;
    },
    stop: (signal) => live().stop(signal),
    restart: async () => {
      current = await live().restart();
      return handle;
    },
    remove: () => live().remove(),
  };
  return handle;
}
