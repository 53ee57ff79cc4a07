import fc from 'fast-check';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { appClient, until } from '../support/yClient';

/**
 * Convergence through real relays: three peers make random edits while randomly disconnecting
 * and reconnecting; at the end all are identical and no edit is lost. `urlFor(peer)` says which
 * relay each peer uses (one relay, or one each on relays that share Redis).
 */
type Op = { kind: 'edit'; peer: number; key: number; value: number } | { kind: 'text'; peer: number; pos: number; s: string } | { kind: 'toggle'; peer: number } | { kind: 'wait' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), peer: fc.integer({ min: 0, max: 2 }), key: fc.integer({ min: 0, max: 20 }), value: fc.integer() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('text' as const), peer: fc.integer({ min: 0, max: 2 }), pos: fc.nat(), s: fc.string({ minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggle' as const), peer: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wait' as const }) },
);

function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out: ${what()}`)), ms);
    }),
  ]);
}

export async function convergenceProperty(urlFor: (peer: number) => string, numRuns: number): Promise<void> {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), async (ops) => {
      const room = `prop-${run++}`;
      const peers = [0, 1, 2].map((i) => appClient(urlFor(i), room));
      try {
        await until(() => peers.every((p) => p.conn.getState().status === 'synced'), 10_000, 'initial sync');
        const online = [true, true, true];
        const written: string[] = [];
        let serial = 0;
        for (const op of ops) {
          if (op.kind === 'edit') {
            // every edit leaves a unique trace in a log array, and also races on a shared key
            const id = `p${op.peer}-${serial++}`;
            written.push(id);
            peers[op.peer].doc.transact(() => {
              peers[op.peer].doc.getArray<string>('log').push([id]);
              peers[op.peer].doc.getMap('kv').set(`k${op.key}`, op.value);
            });
          } else if (op.kind === 'text') {
            const t = peers[op.peer].doc.getText('t');
            t.insert(op.pos % (t.length + 1), op.s);
          } else if (op.kind === 'toggle') {
            online[op.peer] = !online[op.peer];
            if (online[op.peer]) peers[op.peer].conn.connect();
            else peers[op.peer].conn.disconnect();
          } else {
            await new Promise((r) => setTimeout(r, 30));
          }
        }
        peers.forEach((p, i) => !online[i] && p.conn.connect());
        await withTimeout(Promise.all(peers.map((p) => p.conn.whenConfirmed())), 20_000, () =>
          `unconfirmed: ${peers.map((p) => JSON.stringify(p.conn.getState())).join(' ')}`,
        );
        await until(
          () => peers.every((p) => Y.encodeStateVector(p.doc).toString() === Y.encodeStateVector(peers[0].doc).toString()),
          15_000,
          'state vectors to match',
        );
        const [a, b, c] = peers.map((p) => ({ log: p.doc.getArray('log').toArray(), kv: p.doc.getMap('kv').toJSON(), t: p.doc.getText('t').toString() }));
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        expect([...a.log].sort()).toEqual([...written].sort());
      } finally {
        peers.forEach((p) => p.destroy());
      }
    }),
    { numRuns, endOnFailure: true },
  );
}
