import { signEventWith, type KeyStore, type RotationRequest } from '../../../../shared/identity/keyStore';
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
 * new one (see KeyStore.rotate); then the new key signs the same rotation, its acceptance, without
 * which a rotation does not hold (shared/identity/keyRotation.ts). The caller appends both events to
 * the ledger. Should the acceptance fail, the rotation waits in the ledger and this device, holding
 * the new key, is offered to accept it on the Members page.
 */
export async function rotateAppKey(request: RotationRequest): Promise<SignedEvent<'key-rotation'>[]> {
  const rotation = await appKeyStore().rotate(request);
  for (const listener of [...listeners]) listener();
  try {
    return [rotation, await signEventWith(appKeyStore(), 'key-rotation', rotation.body, rotation.at)];
  } catch {
    return [rotation];
  }
}
