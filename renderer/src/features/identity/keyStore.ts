import type { KeyStore } from '../../../../shared/identity/keyStore';
import { platform } from '../../platform';
import { createWebKeyStore } from './webKeyStore';

let store: KeyStore | undefined;

/**
 * This device's key store (shared/identity/keyStore.ts is the contract): on the desktop the main
 * process holds the key and signs over IPC; in the web build a non-extractable WebCrypto key.
 */
export function appKeyStore(): KeyStore {
  return (store ??= platform.identity ?? createWebKeyStore());
}
