import type * as Y from 'yjs';
import { z } from 'zod';
import { PublicKeyHex } from '../../identity/keys';
import { parseOrThrow } from '../validate';

/**
 * The workspace's members (DESIGN.md §2): a `Y.Map` in the workspace document, keyed by public key,
 * binding a display name to a key. The private key is never here; only the public one.
 */
export const MemberSchema = z.strictObject({
  key: PublicKeyHex,
  name: z.string().trim().min(1).max(120),
  joinedAt: z.number().int().nonnegative(),
});
export type Member = z.infer<typeof MemberSchema>;

function membersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('members');
}

/** Members in join order; entries that fail validation (from a buggy or hostile peer) are left out. */
export function listMembers(doc: Y.Doc): Member[] {
  const out: Member[] = [];
  membersMap(doc).forEach((v, k) => {
    const parsed = MemberSchema.safeParse(v);
    if (parsed.success && parsed.data.key === k) out.push(parsed.data);
  });
  return out.sort((a, b) => a.joinedAt - b.joinedAt || a.key.localeCompare(b.key));
}

export function getMember(doc: Y.Doc, key: string): Member | undefined {
  const parsed = MemberSchema.safeParse(membersMap(doc).get(key));
  return parsed.success && parsed.data.key === key ? parsed.data : undefined;
}

/** Adds a member, or renames one (keeping when they joined). */
export function putMember(doc: Y.Doc, member: Member, origin: unknown): Member {
  const valid = parseOrThrow(MemberSchema, member, 'member');
  const existing = getMember(doc, valid.key);
  const next = existing ? { ...existing, name: valid.name } : valid;
  if (existing && existing.name === next.name) return existing;
  doc.transact(() => membersMap(doc).set(valid.key, next), origin);
  return next;
}
