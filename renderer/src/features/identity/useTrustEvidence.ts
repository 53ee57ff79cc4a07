import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { DEFAULT_ROTATION_ATTESTATIONS, keyHistory, type KeyHistory } from '../../../../shared/identity/keyRotation';
import { personLinks, type PersonLinks } from '../../../../shared/identity/personLinks';
import { listLinkClaims, type LinkClaim } from '../../../../shared/model/docs/linkClaims';
import type { LedgerEntry } from '../../../../shared/model/docs/ledgerDoc';
import type { Member } from '../../../../shared/model/docs/members';
import type { NetworkSnapshot } from '../../../../shared/model/docs/networkDoc';
import { evidenceTies, type EvidenceTie } from '../../../../shared/trust/evidenceTrust';
import { engine } from '../../engine/engineClient';
import { useNetwork } from '../../hooks/useNetwork';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { useLedger, useMembers } from './useIdentity';

/** A key rotation attested by this many other members holds without the old key (keyRotation.ts). */
export const ROTATION_ATTESTATIONS = DEFAULT_ROTATION_ATTESTATIONS;

export interface TrustEvidence {
  entries: LedgerEntry[];
  members: Member[];
  claims: LinkClaim[];
  history: KeyHistory;
  links: PersonLinks;
  /** Ties whose trust rests on signed evidence (feedback, attestations), with the items. */
  ties: EvidenceTie[];
  /** A display name for a key: the member's, else the linked person's, else a fingerprint. */
  nameOfKey(key: string): string;
}

const NO_CLAIMS: LinkClaim[] = [];

/** Short, readable fingerprint of a public key: its first 16 hex digits in groups of four. */
export const fingerprint = (key: string) => key.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Everything the trust screens read from the signed ledger: key history (rotations), person links,
 * and the evidence-derived tie trust (shared/trust/evidenceTrust.ts), recomputed when the ledger, the
 * members or the network change. Only valid events count; tampered ones carry no weight.
 */
export function useTrustEvidence(): TrustEvidence {
  const { session } = useApp();
  const entries = useLedger();
  const members = useMembers();
  const claims = useYSnapshot(session?.workspace.doc, listLinkClaims, NO_CLAIMS);
  const { net } = useNetwork();
  const workspace = session?.workspaceId ?? '';
  return sharedEvidence(session?.ledger.doc, { entries, members, claims, net, workspace });
}

interface EvidenceInputs {
  entries: LedgerEntry[];
  members: Member[];
  claims: LinkClaim[];
  net: NetworkSnapshot;
  workspace: string;
}

/**
 * The derivation is done once per ledger document and set of inputs, however many components ask
 * (the app-level engine sync, the value panel, the viewer hooks, the members screen): the last result
 * is kept beside the document and reused while every input is the same object.
 */
const derived = new WeakMap<object, { inputs: EvidenceInputs; result: TrustEvidence }>();
const NO_DOC = {};
function sharedEvidence(doc: Y.Doc | undefined, inputs: EvidenceInputs): TrustEvidence {
  const slot = doc ?? NO_DOC;
  const hit = derived.get(slot);
  if (hit && sameInputs(hit.inputs, inputs)) return hit.result;
  const result = deriveEvidence(inputs);
  derived.set(slot, { inputs, result });
  return result;
}

const sameInputs = (a: EvidenceInputs, b: EvidenceInputs) =>
  a.entries === b.entries && a.members === b.members && a.claims === b.claims && a.net === b.net && a.workspace === b.workspace;

function deriveEvidence({ entries, members, claims, net, workspace }: EvidenceInputs): TrustEvidence {
  const history = keyHistory(entries, { members: new Set(members.map((m) => m.key)), attestationsRequired: ROTATION_ATTESTATIONS });
  const links = personLinks(entries, { workspace, history });
  // built on first use only: at 10k people and 74k ties these maps cost tens of milliseconds, and
  // without evidence or a key to name (the usual start) nothing asks
  let prior: Map<string, number> | null = null;
  const priorOf = (from: string, to: string) => (prior ??= new Map(net.ties.map((t) => [`${t.from}\u0000${t.to}`, t.trust]))).get(`${from}\u0000${to}`);
  const ties = evidenceTies(entries, priorOf, { now: new Date().toISOString(), personOfKey: links.personOfKey });
  const memberName = new Map(members.map((m) => [m.key, m.name]));
  let personNames: Map<string, string> | null = null;
  const personName = { get: (id: string) => (personNames ??= new Map(net.people.map((p) => [p.id, p.name]))).get(id) };
  const nameOfKey = (key: string) => {
    const current = history.currentKey(key);
    const person = links.personOfKey(key);
    return memberName.get(key) ?? memberName.get(current) ?? (person && personName.get(person)) ?? `key ${fingerprint(key)}`;
  };
  return { entries, members, claims, history, links, ties, nameOfKey };
}

/**
 * Mount once in the app: sends the evidence-derived tie trust to the engine worker, so trust advice
 * and team assembly use it. Nothing is sent (and no worker started) until there is evidence.
 */
export function TrustEvidenceSync(): null {
  const { ties } = useTrustEvidence();
  const sent = useRef(false);
  useEffect(() => {
    if (!ties.length && !sent.current) return;
    sent.current = true;
    void engine().setEvidence(ties.map(({ from, to, trust }) => ({ from, to, trust })));
  }, [ties]);
  return null;
}
