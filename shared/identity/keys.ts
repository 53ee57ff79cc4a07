import * as ed from '@noble/ed25519';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

// @noble/ed25519 signs synchronously once it has a synchronous SHA-512.
ed.hashes.sha512 = sha512;

/** A public key: 32 bytes as 64 lowercase hex digits. */
export const PublicKeyHex = z.string().regex(/^[0-9a-f]{64}$/, 'an Ed25519 public key (64 lowercase hex digits)');
/** A signature: 64 bytes as 128 lowercase hex digits. */
export const SignatureHex = z.string().regex(/^[0-9a-f]{128}$/, 'an Ed25519 signature (128 lowercase hex digits)');
export const DigestHex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest (64 lowercase hex digits)');

/**
 * Something that can sign for one public key. The key store implementations (web, Electron) satisfy it
 * without ever handing out the private key; `keyPairFromSecret` is for tests, demos and the CLI.
 */
export interface Signer {
  readonly publicKey: string;
  sign(message: Uint8Array): Uint8Array;
}

/** A signer over a raw 32-byte secret. Keep the secret out of documents, exports and logs. */
export function keyPairFromSecret(secret: Uint8Array): Signer {
  if (secret.length !== 32) throw new RangeError('an Ed25519 secret key is 32 bytes');
  const sk = Uint8Array.from(secret);
  return {
    publicKey: bytesToHex(ed.getPublicKey(sk)),
    sign: (message) => ed.sign(message, sk),
  };
}

/** A deterministic key for demos and tests: the secret is SHA-256 of `archipelago-demo-key/<label>`. */
export function demoKeyPair(label: string): Signer {
  return keyPairFromSecret(sha256(new TextEncoder().encode(`archipelago-demo-key/${label}`)));
}

/** A fresh 32-byte secret from the platform's CSPRNG. */
export function randomSecretKey(): Uint8Array {
  return ed.utils.randomSecretKey();
}

/** A fresh key from the platform's CSPRNG. */
export function randomKeyPair(): Signer {
  return keyPairFromSecret(randomSecretKey());
}

/** Strict RFC 8032 verification (no ZIP-215 leniency): non-canonical encodings do not verify. */
export function verifySignature(signatureHex: string, message: Uint8Array, publicKeyHex: string): boolean {
  try {
    return ed.verify(hexToBytes(signatureHex), message, hexToBytes(publicKeyHex), { zip215: false });
  } catch {
    return false;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export { bytesToHex, hexToBytes };
