import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { signEventWith } from '../../../../shared/identity/keyStore';
import { verifyEvent } from '../../../../shared/identity/signedEvent';
import { createWebKeyStore } from './webKeyStore';

describe('web key store (WebCrypto Ed25519, IndexedDB)', () => {
  it('creates one key on first use, keeps it across instances, and its signatures verify with @noble', async () => {
    const a = createWebKeyStore({ dbName: 'ks-1' });
    const pub = await a.publicKey();
    expect(pub).toMatch(/^[0-9a-f]{64}$/);
    const b = createWebKeyStore({ dbName: 'ks-1' });
    expect(await b.publicKey()).toBe(pub);
    expect(await createWebKeyStore({ dbName: 'ks-2' }).publicKey()).not.toBe(pub);
    const e = await signEventWith(b, 'vote', { proposal: 'g', proposalDigest: '00'.repeat(32), choice: 'yes' }, '2026-01-01T00:00:00Z');
    expect(verifyEvent(e).status).toBe('valid');
    expect(verifyEvent({ ...e, body: { ...e.body, choice: 'no' } }).status).toBe('tampered');
  });

  it('the stored private key cannot be exported', async () => {
    const store = createWebKeyStore({ dbName: 'ks-3' });
    await store.publicKey();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('ks-3', 1);
      r.onsuccess = () => resolve(r.result);
    });
    const pair = await new Promise<CryptoKeyPair>((resolve) => {
      const r = db.transaction('keys').objectStore('keys').get('identity');
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    expect(JSON.stringify(pair)).not.toMatch(/[0-9a-f]{64}/);
  });
});
