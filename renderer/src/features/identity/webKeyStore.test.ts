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

describe('web key store rotation', () => {
  it('makes a new non-extractable key, signs the rotation with the old one, and switches every instance to the new key', async () => {
    const { keyHistory } = await import('../../../../shared/identity/keyRotation');
    const store = createWebKeyStore({ dbName: 'ks-rot' });
    const other = createWebKeyStore({ dbName: 'ks-rot' }); // another tab
    const oldKey = await store.publicKey();
    expect(await other.publicKey()).toBe(oldKey);
    const before = await signEventWith(store, 'vote', { proposal: 'g', proposalDigest: '00'.repeat(32), choice: 'yes' }, '2026-01-01T00:00:00Z');
    const rotation = await store.rotate({ at: '2026-01-02T00:00:00Z', reason: 'new laptop' });
    const newKey = await store.publicKey();
    expect(newKey).not.toBe(oldKey);
    expect(rotation).toMatchObject({ kind: 'key-rotation', author: oldKey, body: { oldKey, newKey, reason: 'new laptop' } });
    const verified = verifyEvent(rotation);
    expect(verified.status).toBe('valid');
    const after = await signEventWith(store, 'vote', { proposal: 'g', proposalDigest: '00'.repeat(32), choice: 'no' }, '2026-01-03T00:00:00Z');
    expect(after.author).toBe(newKey);
    expect(verifyEvent(after).status).toBe('valid');
    // the old signature is still valid, as history made while the old key was current
    expect(verifyEvent(before).status).toBe('valid');
    // the rotation holds once the new key (now this store's) accepts it
    expect(keyHistory([verified], { members: new Set([oldKey]) }).pending).toHaveLength(1);
    const acceptance = verifyEvent(await signEventWith(store, 'key-rotation', rotation.body, rotation.at));
    expect(acceptance).toMatchObject({ status: 'valid', event: { author: newKey } });
    const history = keyHistory([verified, acceptance], { members: new Set([oldKey]) });
    expect(history.currentKey(oldKey)).toBe(newKey);
    expect(history.signedWhileCurrent(before)).toBe(true);
    // a fresh instance (a reload) and the other tab both use the new key
    expect(await createWebKeyStore({ dbName: 'ks-rot' }).publicKey()).toBe(newKey);
    await new Promise((r) => setTimeout(r, 50));
    expect(await other.publicKey()).toBe(newKey);
  });

  it('refuses a malformed rotation request and keeps the old key', async () => {
    const store = createWebKeyStore({ dbName: 'ks-rot-bad' });
    const pub = await store.publicKey();
    await expect(store.rotate({ at: 'yesterday', reason: 'x' })).rejects.toThrow();
    expect(await createWebKeyStore({ dbName: 'ks-rot-bad' }).publicKey()).toBe(pub);
  });
});
