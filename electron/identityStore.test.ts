import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signingBytes, verifyEvent } from '../shared/identity/signedEvent';
import { DesktopKeyStore, type SafeStorageLike } from './identityStore';

// safeStorage mocked (no Electron binary here): a reversible seal that is visibly not the plain text.
const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`sealed:${Buffer.from(s).reverse().toString('base64')}`),
  decryptString: (b) => Buffer.from(b.toString().slice('sealed:'.length), 'base64').reverse().toString(),
});

describe('desktop key store (main process, safeStorage)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archipelago-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a sealed key once, reloads it, and signs events that @noble verifies', () => {
    const file = join(dir, 'identity.key');
    const store = new DesktopKeyStore(file, fakeSafeStorage());
    const pub = store.publicKey();
    expect(pub).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file).toString()).toMatch(/^sealed:/);
    expect(new DesktopKeyStore(file, fakeSafeStorage()).publicKey()).toBe(pub);
    const unsigned = { v: 1 as const, kind: 'vote' as const, author: pub, at: '2026-01-01T00:00:00Z', body: { proposal: 'g', proposalDigest: '00'.repeat(32), choice: 'yes' as const } };
    const sig = Buffer.from(store.sign(signingBytes(unsigned))).toString('hex');
    expect(verifyEvent({ ...unsigned, sig }).status).toBe('valid');
    expect(verifyEvent({ ...unsigned, body: { ...unsigned.body, choice: 'no' }, sig }).status).toBe('tampered');
  });

  it('refuses to sign anything but a signed-event message, and refuses to work without the keychain', () => {
    const store = new DesktopKeyStore(join(dir, 'b.key'), fakeSafeStorage());
    expect(() => store.sign(new TextEncoder().encode('transfer all funds'))).toThrow(/only Archipelago signed events/);
    expect(() => new DesktopKeyStore(join(dir, 'c.key'), fakeSafeStorage(false)).publicKey()).toThrow(/safeStorage/);
  });
});
