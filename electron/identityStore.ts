import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The desktop key store: the main process holds the member's Ed25519 key. On disk it is the PKCS#8
 * key sealed with Electron `safeStorage` (the OS keychain: Keychain, DPAPI, libsecret); in memory it
 * is a Node KeyObject. The renderer never receives it: it gets the public key and signatures over one
 * narrow IPC call (`identitySignHandler`), and only for Archipelago's signed-event messages.
 *
 * Signing uses Node's own Ed25519 (node:crypto), so the CommonJS main process needs no ESM-only
 * package; the signatures are standard Ed25519 and verify with @noble/ed25519 (tested).
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** Only messages that start with this tag are signed over IPC (see shared/identity/SIGNING.md). */
export const SIGNING_DOMAIN = 'archipelago/signed-event/v1\n';
const MAX_MESSAGE = 256 * 1024;

export class DesktopKeyStore {
  private key: KeyObject | undefined;

  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
  ) {}

  private privateKey(): KeyObject {
    if (this.key) return this.key;
    if (!this.safeStorage.isEncryptionAvailable()) throw new Error('the OS keychain (safeStorage) is not available: refusing to keep the identity key unencrypted');
    let sealed: Buffer | undefined;
    try {
      sealed = readFileSync(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (sealed) {
      this.key = createPrivateKey({ key: Buffer.from(this.safeStorage.decryptString(sealed), 'base64'), format: 'der', type: 'pkcs8' });
    } else {
      const { privateKey } = generateKeyPairSync('ed25519');
      const der = privateKey.export({ format: 'der', type: 'pkcs8' });
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(`${this.file}.tmp`, this.safeStorage.encryptString(der.toString('base64')), { mode: 0o600 });
      renameSync(`${this.file}.tmp`, this.file);
      this.key = privateKey;
    }
    return this.key;
  }

  publicKey(): string {
    const jwk = createPublicKey(this.privateKey()).export({ format: 'jwk' }) as { x: string };
    return Buffer.from(jwk.x, 'base64url').toString('hex');
  }

  /** Signs a signed-event message; anything else (another protocol's bytes, oversize input) is refused. */
  sign(message: Uint8Array): Uint8Array {
    if (!(message instanceof Uint8Array)) throw new TypeError('sign expects bytes');
    if (message.length > MAX_MESSAGE) throw new RangeError('message too large to sign');
    const tag = Buffer.from(SIGNING_DOMAIN);
    if (message.length < tag.length || !tag.equals(Buffer.from(message.subarray(0, tag.length)))) throw new Error('only Archipelago signed events can be signed');
    return new Uint8Array(edSign(null, message, this.privateKey()));
  }
}
