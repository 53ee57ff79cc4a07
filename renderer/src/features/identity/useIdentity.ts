import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { EventBody, EventKind } from '../../../../shared/identity/eventKinds';
import { signEventWith } from '../../../../shared/identity/keyStore';
import type { SignedEvent } from '../../../../shared/identity/signedEvent';
import { appendSignedEvent, LedgerVerifier, type LedgerEntry } from '../../../../shared/model/docs/ledgerDoc';
import { listMembers, putMember, type Member } from '../../../../shared/model/docs/members';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { LOCAL } from '../../session/rooms';
import { appKeyStore, onKeyChange } from './keyStore';

export interface Identity {
  /** This member's public key (64 hex), or null while the key store is opening. */
  key: string | null;
  /** Why the key store could not be opened (then nothing can be signed). */
  error: string | null;
}

/** This device's identity: its public key, made on first use. */
export function useIdentity(): Identity {
  const [state, setState] = useState<Identity>({ key: null, error: null });
  useEffect(() => {
    let live = true;
    const load = () =>
      appKeyStore()
        .publicKey()
        .then((key) => live && setState({ key, error: null }))
        .catch((e: Error) => live && setState({ key: null, error: `Your signing key could not be opened: ${e.message}` }));
    void load();
    // a new key made on this device (rotateAppKey) is this member's key from then on
    const off = onKeyChange(() => void load());
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}

/**
 * Keeps this member in the open workspace's member list, under the display name from Settings: the
 * binding of a name to this device's public key that every signature is read against.
 */
export function useRegisterSelf(): void {
  const { session, user } = useApp();
  const { key } = useIdentity();
  useEffect(() => {
    if (!session || !key || !user.name.trim()) return;
    putMember(session.workspace.doc, { key, name: user.name.trim().slice(0, 120), joinedAt: Date.now() }, LOCAL);
  }, [session, key, user.name]);
}

/** Signs an event with this device's key and appends it to the workspace's ledger. */
export function useSign(): <K extends EventKind>(kind: K, body: EventBody<K>) => Promise<SignedEvent<K>> {
  const { session } = useApp();
  return useCallback(
    async <K extends EventKind>(kind: K, body: EventBody<K>) => {
      if (!session) throw new Error('open a workspace first');
      const event = await signEventWith(appKeyStore(), kind, body, new Date().toISOString());
      appendSignedEvent(session.ledger.doc, event, LOCAL);
      return event;
    },
    [session],
  );
}

const NO_ENTRIES: LedgerEntry[] = [];
const NO_MEMBERS: Member[] = [];

/**
 * One verifier per ledger document, shared by every component that reads it: an event's signature is
 * checked once per device, however many screens show it.
 */
const verifiers = new WeakMap<Y.Doc, (doc: Y.Doc) => LedgerEntry[]>();
function ledgerReader(doc: Y.Doc): (doc: Y.Doc) => LedgerEntry[] {
  let read = verifiers.get(doc);
  if (!read) {
    const verifier = new LedgerVerifier();
    read = (d) => verifier.read(d);
    verifiers.set(doc, read);
  }
  return read;
}
const readLedgerOnce = (doc: Y.Doc) => ledgerReader(doc)(doc);

/** Every signed event of the workspace, each verified (valid, tampered or malformed), in ledger order. */
export function useLedger(): LedgerEntry[] {
  const { session } = useApp();
  return useYSnapshot(session?.ledger.doc, readLedgerOnce, NO_ENTRIES);
}

/** The workspace's members (names bound to public keys). */
export function useMembers(): Member[] {
  const { session } = useApp();
  return useYSnapshot(session?.workspace.doc, listMembers, NO_MEMBERS);
}

/** Mount once inside the app's context: keeps this member in the workspace's member list. */
export function RegisterSelf(): null {
  useRegisterSelf();
  return null;
}
