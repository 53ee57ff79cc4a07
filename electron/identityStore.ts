import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { signRotation, type RotationRequest } from '../shared/identity/keyStore';
import { bytesToHex, hexToBytes, keyPairFromSecret, randomSecretKey, type Signer } from '../shared/identity/keys';
import { SIGNING_DOMAIN, type SignedEvent } from '../shared/identity/signedEvent';

/**
 * The desktop key store: the main process holds the member's Ed25519 key and signs with
 * @noble/ed25519 (bundled into the main process, scripts/build-electron.mjs). On disk the 32-byte
 * secret is sealed with Electron `safeStorage` (the OS keychain: Keychain, DPAPI, libsecret). The
 * renderer never receives it: it gets the public key, signatures of Archipelago's signed-event
 * messages, and rotation events, over narrow IPC calls (main.ts `registerIpc`).
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export { SIGNING_DOMAIN };
const MAX_MESSAGE = 256 * 1024;

/** What is sealed: version 2. */
const SealedKeySchema = z.strictObject({ v: z.literal(2), secret: z.string().regex(/^[0-9a-f]{64}$/) });
/** Version 1 (the node:crypto store) sealed a base64 PKCS#8 DER: this prefix, then the 32-byte secret. */
const PKCS8_ED25519_PREFIX = '302e020100300506032b657004220420';

function unseal(plain: string, file: string): { secret: Uint8Array; legacy: boolean } {
  if (plain.trimStart().startsWith('{')) {
    const parsed = SealedKeySchema.safeParse(JSON.parse(plain));
    if (!parsed.success) throw new Error(`${file} is not an Archipelago identity key (${parsed.error.issues[0].message}); it was left as it is`);
    return { secret: hexToBytes(parsed.data.secret), legacy: false };
  }
  const der = Buffer.from(plain, 'base64').toString('hex');
  if (der.length !== 96 || !der.startsWith(PKCS8_ED25519_PREFIX)) throw new Error(`${file} is not an Archipelago identity key; it was left as it is`);
  return { secret: hexToBytes(der.slice(PKCS8_ED25519_PREFIX.length)), legacy: true };
}

export class DesktopKeyStore {
  private signer: Signer | undefined;

  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
  ) {}

  private requireKeychain(): void {
    if (!this.safeStorage.isEncryptionAvailable()) throw new Error('the OS keychain (safeStorage) is not available: refusing to keep the identity key unencrypted');
  }

  /** Seals and writes the secret: whole to a temporary file, then renamed over the old one. */
  private save(secret: Uint8Array): void {
    this.requireKeychain();
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, this.safeStorage.encryptString(JSON.stringify({ v: 2, secret: bytesToHex(secret) })), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }

  private key(): Signer {
    if (this.signer) return this.signer;
    this.requireKeychain();
    let sealed: Buffer | undefined;
    try {
      sealed = readFileSync(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (sealed) {
      const { secret, legacy } = unseal(this.safeStorage.decryptString(sealed), this.file);
      if (legacy) this.save(secret); // the same key, in this version's format
      this.signer = keyPairFromSecret(secret);
    } else {
      const secret = randomSecretKey();
      this.save(secret);
      this.signer = keyPairFromSecret(secret);
    }
    return this.signer;
  }

  publicKey(): string {
    return this.key().publicKey;
  }

  /** Signs a signed-event message; anything else (another protocol's bytes, oversize input) is refused. */
  sign(message: Uint8Array): Uint8Array {
    if (!(message instanceof Uint8Array)) throw new TypeError('sign expects bytes');
    if (message.length > MAX_MESSAGE) throw new RangeError('message too large to sign');
    const tag = new TextEncoder().encode(SIGNING_DOMAIN);
    if (message.length < tag.length || tag.some((b, i) => message[i] !== b)) throw new Error('only Archipelago signed events can be signed');
    return this.key().sign(message);
  }

  /**
   * A new key for this device: the rotation is signed by the old key first, then the new key is
   * sealed and written (atomically) and used from now on. The old secret is not kept.
   */
  async rotate(request: RotationRequest): Promise<SignedEvent<'key-rotation'>> {
    const old = this.key();
    const secret = randomSecretKey();
    const next = keyPairFromSecret(secret);
    const event = await signRotation(old.publicKey, next.publicKey, request, (m) => old.sign(m));
    this.save(secret);
    this.signer = next;
    return event;
  }
}
