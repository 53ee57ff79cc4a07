import type * as Y from 'yjs';
import { z } from 'zod';
import { PublicKeyHex } from '../../identity/keys';
import { parseOrThrow } from '../validate';

/**
 * Claims that a person of the network is a member (a `Y.Map` in the workspace document, keyed by
 * person id). A claim is only a request: the link holds once the member's key signs a `person-link`
 * event (shared/identity/personLinks.ts). Until then the claim is shown as waiting for that key.
 */
export const LinkClaimSchema = z.strictObject({
  person: z.string().min(1).max(200),
  key: PublicKeyHex,
  /** The member who made the claim. */
  by: PublicKeyHex,
  at: z.number().int().nonnegative(),
});
export type LinkClaim = z.infer<typeof LinkClaimSchema>;

const claimsMap = (doc: Y.Doc) => doc.getMap('linkClaims');

/** Valid claims, newest first; malformed entries from a peer are left out. */
export function listLinkClaims(doc: Y.Doc): LinkClaim[] {
  const out: LinkClaim[] = [];
  claimsMap(doc).forEach((v, k) => {
    const parsed = LinkClaimSchema.safeParse(v);
    if (parsed.success && parsed.data.person === k) out.push(parsed.data);
  });
  return out.sort((a, b) => b.at - a.at || a.person.localeCompare(b.person));
}

export function putLinkClaim(doc: Y.Doc, claim: LinkClaim, origin: unknown): void {
  const valid = parseOrThrow(LinkClaimSchema, claim, 'link claim');
  doc.transact(() => claimsMap(doc).set(valid.person, valid), origin);
}

export function removeLinkClaim(doc: Y.Doc, person: string, origin: unknown): void {
  doc.transact(() => claimsMap(doc).delete(person), origin);
}
