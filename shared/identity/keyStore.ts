import type { EventKind, EventBody } from './eventKinds';
import { signingBytes, type SignedEvent, type Unsigned } from './signedEvent';
import { EVENT_BODIES } from './eventKinds';
import { bytesToHex } from './keys';

/**
 * Where a member's private key lives. One contract, one implementation per platform:
 * - web (`renderer/src/features/identity/webKeyStore.ts`): a non-extractable WebCrypto Ed25519 key kept
 *   in IndexedDB; page script can ask it to sign but can never read the key's bytes;
 * - desktop (`electron/identityStore.ts`): the Electron main process holds the key (sealed with
 *   `safeStorage`) and signs over one narrow IPC call; the preload exposes it as
 *   `window.archipelago.identity`, which satisfies this contract.
 * The private key never leaves the store: not into a Yjs document, an export or a log. Callers only
 * ever see the public key and signatures.
 */
export interface KeyStore {
  /** The member's public key (64 hex), creating the key pair on first use. */
  publicKey(): Promise<string>;
  /** An Ed25519 signature over `message`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** Signs an event with a key store (the async twin of `signEvent`). */
export async function signEventWith<K extends EventKind>(store: KeyStore, kind: K, body: EventBody<K>, at: string): Promise<SignedEvent<K>> {
  const parsedBody = EVENT_BODIES[kind].parse(body) as EventBody<K>;
  const unsigned: Unsigned<K> = { v: 1, kind, author: await store.publicKey(), at, body: parsedBody };
  const sig = await store.sign(signingBytes(unsigned));
  return { ...unsigned, sig: bytesToHex(sig) };
}
