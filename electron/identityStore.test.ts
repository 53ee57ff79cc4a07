import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyHistory } from '../shared/identity/keyRotation';
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

  it('never writes the secret in the clear: the file is the sealed secret only', () => {
    const file = join(dir, 'd.key');
    const store = new DesktopKeyStore(file, fakeSafeStorage());
    store.publicKey();
    const opened = fakeSafeStorage().decryptString(readFileSync(file));
    expect(JSON.parse(opened)).toEqual({ v: 2, secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readFileSync(file).toString()).not.toContain(JSON.parse(opened).secret);
  });

  it('reads a key sealed by the earlier node:crypto store (PKCS#8) as the same key, and rewrites it in this format', () => {
    const file = join(dir, 'legacy.key');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, fakeSafeStorage().encryptString(privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')));
    const expected = Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url').toString('hex');
    expect(new DesktopKeyStore(file, fakeSafeStorage()).publicKey()).toBe(expected);
    expect(JSON.parse(fakeSafeStorage().decryptString(readFileSync(file))).v).toBe(2);
    expect(new DesktopKeyStore(file, fakeSafeStorage()).publicKey()).toBe(expected);
  });

  it('refuses a file that is not a key with a clear error, and leaves it as it is', () => {
    const file = join(dir, 'junk.key');
    writeFileSync(file, fakeSafeStorage().encryptString('{"v":2,"secret":"nope"}'));
    expect(() => new DesktopKeyStore(file, fakeSafeStorage()).publicKey()).toThrow(/not an Archipelago identity key/);
    writeFileSync(file, fakeSafeStorage().encryptString('aGVsbG8='));
    expect(() => new DesktopKeyStore(file, fakeSafeStorage()).publicKey()).toThrow(/not an Archipelago identity key/);
    expect(fakeSafeStorage().decryptString(readFileSync(file))).toBe('aGVsbG8=');
  });

  it('rotates to a new key: the rotation is signed by the old key, new signatures use the new key, old ones stay valid', async () => {
    const file = join(dir, 'rot.key');
    const store = new DesktopKeyStore(file, fakeSafeStorage());
    const oldKey = store.publicKey();
    const before = { v: 1 as const, kind: 'vote' as const, author: oldKey, at: '2026-01-01T00:00:00Z', body: { proposal: 'g', proposalDigest: '00'.repeat(32), choice: 'yes' as const } };
    const beforeSigned = { ...before, sig: Buffer.from(store.sign(signingBytes(before))).toString('hex') };
    const rotation = await store.rotate({ at: '2026-01-02T00:00:00Z', reason: 'new laptop' });
    const newKey = store.publicKey();
    expect(newKey).not.toBe(oldKey);
    expect(rotation).toMatchObject({ kind: 'key-rotation', author: oldKey, body: { oldKey, newKey } });
    const verified = verifyEvent(rotation);
    expect(verified.status).toBe('valid');
    // the switch is on disk: a restart uses the new key
    expect(new DesktopKeyStore(file, fakeSafeStorage()).publicKey()).toBe(newKey);
    const after = { ...before, author: newKey, at: '2026-01-03T00:00:00Z' };
    expect(verifyEvent({ ...after, sig: Buffer.from(store.sign(signingBytes(after))).toString('hex') }).status).toBe('valid');
    expect(verifyEvent(beforeSigned).status).toBe('valid');
    // the rotation holds once the new key (now this store's) accepts it
    expect(keyHistory([verified], { members: new Set([oldKey]) }).pending).toHaveLength(1);
    const unsignedAcceptance = { ...rotation, author: newKey };
    const acceptance = verifyEvent({ ...unsignedAcceptance, sig: Buffer.from(store.sign(signingBytes(unsignedAcceptance))).toString('hex') });
    expect(acceptance.status).toBe('valid');
    const history = keyHistory([verified, acceptance], { members: new Set([oldKey]) });
    expect(history.currentKey(oldKey)).toBe(newKey);
    expect(history.signedWhileCurrent(beforeSigned)).toBe(true);
  });

  it('a bad rotation request changes nothing', async () => {
    const file = join(dir, 'rot-bad.key');
    const store = new DesktopKeyStore(file, fakeSafeStorage());
    const pub = store.publicKey();
    const sealed = readFileSync(file);
    await expect(store.rotate({ at: 'not a date', reason: '' })).rejects.toThrow();
    expect(store.publicKey()).toBe(pub);
    expect(readFileSync(file).equals(sealed)).toBe(true);
  });
});
