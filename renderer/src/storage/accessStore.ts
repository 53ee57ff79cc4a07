import { WorkspaceAccessSchema, type WorkspaceAccess } from '../sync/workspaceAccess';
import type { ArchipelagoDb } from './db';

/** A workspace's relay access, in this device's settings table (never in a shared document). */
const keyOf = (workspaceId: string) => `access:${workspaceId}`;

/** The stored access of a workspace, or null (none, or unreadable: then the device's relay is used). */
export async function loadAccess(db: ArchipelagoDb, workspaceId: string): Promise<WorkspaceAccess | null> {
  const row = await db.settings.get(keyOf(workspaceId));
  if (!row) return null;
  const parsed = WorkspaceAccessSchema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

/** Stores (or, with null, forgets) a workspace's access; throws a clear error for a bad one, storing nothing. */
export async function saveAccess(db: ArchipelagoDb, workspaceId: string, access: WorkspaceAccess | null): Promise<WorkspaceAccess | null> {
  if (!access || (!access.token && access.relays.length === 0)) {
    await db.settings.delete(keyOf(workspaceId));
    return null;
  }
  const parsed = WorkspaceAccessSchema.safeParse(access);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0].path.join('.') || 'access'}: ${parsed.error.issues[0].message}`);
  await db.settings.put({ key: keyOf(workspaceId), value: parsed.data });
  return parsed.data;
}
