import type { KeyStore, RotationRequest } from '../../../../shared/identity/keyStore';
import type { SignedEvent } from '../../../../shared/identity/signedEvent';
import { platform } from '../../platform';
import { createWebKeyStore } from './webKeyStore';

let store: KeyStore | undefined;
const listeners = new Set<() => void>();

/**
 * This device's key store (shared/identity/keyStore.ts is the contract): on the desktop the main
 * process holds the key and signs over IPC; in the web build a non-extractable WebCrypto key.
 */
export function appKeyStore(): KeyStore {
  return (store ??= platform.identity ?? createWebKeyStore());
}

/** Calls `listener` whenever this device switches to a new key; returns the unsubscribe. */
export function onKeyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Makes a new key on this device: the rotation is signed by the old key and the store switches to the
 * new one (see KeyStore.rotate). The caller appends the returned event to the ledger.
 */
export async function rotateAppKey(request: RotationRequest): Promise<SignedEvent<'key-rotation'>> {
  const event = await appKeyStore().rotate(request);
  for (const listener of [...listeners]) listener();
  return event;
}
