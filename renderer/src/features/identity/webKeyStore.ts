import { signRotation, type KeyStore } from '../../../../shared/identity/keyStore';

/**
 * The web build's key store: an Ed25519 key pair made by WebCrypto with `extractable: false`, kept
 * as CryptoKey objects in its own IndexedDB database. The browser can sign with it, but no script
 * (ours, an extension's, an injected one) can read the private key's bytes, and it is never part of
 * a Yjs document, an export or a log. Trade-off (README): the key is bound to this browser profile;
 * clearing site data loses it, and recovery is a key rotation attested by other members.
 *
 * `rotate` makes a new non-extractable pair, signs the rotation with the old private key, then
 * replaces the stored pair (the old one is not kept) and tells this origin's other tabs to reload it.
 */
export interface WebKeyStoreOptions {
  indexedDB?: IDBFactory;
  subtle?: SubtleCrypto;
  /** Database name; one key pair per database. */
  dbName?: string;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

const STORE = 'keys';
const RECORD = 'identity';

export function createWebKeyStore(options: WebKeyStoreOptions = {}): KeyStore {
  const idb = options.indexedDB ?? globalThis.indexedDB;
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const dbName = options.dbName ?? 'archipelago-identity';
  let pair: Promise<CryptoKeyPair> | undefined;

  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const tx = <T>(db: IDBDatabase, mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = f(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error ?? new Error('key store transaction aborted'));
    });

  const load = async (): Promise<CryptoKeyPair> => {
    const db = await open();
    try {
      const existing = await tx<CryptoKeyPair | undefined>(db, 'readonly', (s) => s.get(RECORD));
      if (existing) return existing;
      const made = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
      // add, not put: if another tab made a key meanwhile, keep theirs
      try {
        await tx(db, 'readwrite', (s) => s.add(made, RECORD));
        return made;
      } catch {
        const theirs = await tx<CryptoKeyPair | undefined>(db, 'readonly', (s) => s.get(RECORD));
        if (!theirs) throw new Error('could not store the identity key');
        return theirs;
      }
    } finally {
      db.close();
    }
  };
  const keys = () => (pair ??= load().catch((e) => {
    pair = undefined;
    throw e;
  }));
  // another tab of this origin rotated the key: load the new one before signing again
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${dbName}:rotated`) : undefined;
  if (channel) {
    channel.onmessage = () => (pair = undefined);
    (channel as { unref?: () => void }).unref?.(); // Node (tests): never keeps the process alive
  }
  const publicKeyOf = async (p: CryptoKeyPair) => hex(await subtle.exportKey('raw', p.publicKey));

  return {
    async publicKey() {
      return publicKeyOf(await keys());
    },
    async sign(message) {
      return new Uint8Array(await subtle.sign({ name: 'Ed25519' }, (await keys()).privateKey, message as BufferSource));
    },
    async rotate(request) {
      const old = await keys();
      const made = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
      const event = await signRotation(await publicKeyOf(old), await publicKeyOf(made), request, async (m) => new Uint8Array(await subtle.sign({ name: 'Ed25519' }, old.privateKey, m as BufferSource)));
      const db = await open();
      try {
        await tx(db, 'readwrite', (s) => s.put(made, RECORD));
      } finally {
        db.close();
      }
      pair = Promise.resolve(made);
      channel?.postMessage('rotated');
      return event;
    },
  };
}
