import { z } from 'zod';
import type { EventKind, EventBody } from './eventKinds';
import { signingBytes, type SignedEvent, type Unsigned } from './signedEvent';
import { EVENT_BODIES } from './eventKinds';
import { bytesToHex } from './keys';

/**
 * Where a member's private key lives. One contract, one implementation per platform:
 * - web (`renderer/src/features/identity/webKeyStore.ts`): a non-extractable WebCrypto Ed25519 key kept
 *   in IndexedDB; page script can ask it to sign but can never read the key's bytes;
 * - desktop (`electron/identityStore.ts`): the Electron main process holds the key (sealed with
 *   `safeStorage`) and signs with @noble/ed25519 over narrow IPC calls; the preload exposes it as
 *   `window.archipelago.identity`, which satisfies this contract.
 * The private key never leaves the store: not into a Yjs document, an export or a log. Callers only
 * ever see the public key and signatures.
 */
export interface KeyStore {
  /** The member's public key (64 hex), creating the key pair on first use. */
  publicKey(): Promise<string>;
  /** An Ed25519 signature over `message` (an Archipelago signed-event message). */
  sign(message: Uint8Array): Promise<Uint8Array>;
  /**
   * Key rotation on this device: makes a new key pair, signs the `key-rotation` event old → new with
   * the **old** key, then switches the store to the new key, in that order (if anything fails before
   * the switch, the old key stays in use). Returns the signed event, which the caller appends to the
   * ledger; signatures the old key made before stay valid as history (shared/identity/keyRotation.ts).
   * The rotation holds once the new key accepts it: after the switch, the caller signs the same
   * rotation with this store (now the new key) and appends that too.
   */
  rotate(request: RotationRequest): Promise<SignedEvent<'key-rotation'>>;
}

export const RotationRequestSchema = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  reason: z.string().max(500),
});
export type RotationRequest = z.infer<typeof RotationRequestSchema>;

/** Signs an event with a key store (the async twin of `signEvent`). */
export async function signEventWith<K extends EventKind>(store: Pick<KeyStore, 'publicKey' | 'sign'>, kind: K, body: EventBody<K>, at: string): Promise<SignedEvent<K>> {
  const parsedBody = EVENT_BODIES[kind].parse(body) as EventBody<K>;
  const unsigned: Unsigned<K> = { v: 1, kind, author: await store.publicKey(), at, body: parsedBody };
  const sig = await store.sign(signingBytes(unsigned));
  return { ...unsigned, sig: bytesToHex(sig) };
}

/**
 * The rotation event a key store returns: `oldKey → newKey`, signed by the old key. `signOld` signs
 * with the old key; both stores use it before they switch.
 */
export function signRotation(
  oldKey: string,
  newKey: string,
  request: RotationRequest,
  signOld: (message: Uint8Array) => Promise<Uint8Array> | Uint8Array,
): Promise<SignedEvent<'key-rotation'>> {
  const { at, reason } = RotationRequestSchema.parse(request);
  return signEventWith({ publicKey: async () => oldKey, sign: async (m) => signOld(m) }, 'key-rotation', { oldKey, newKey, reason }, at);
}
