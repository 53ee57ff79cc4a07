/** Sync room names: one room per document (DESIGN.md §2), namespaced by workspace. */
export const rooms = {
  workspace: (workspaceId: string) => `${workspaceId}.workspace`,
  network: (workspaceId: string) => `${workspaceId}.network`,
  ledger: (workspaceId: string) => `${workspaceId}.ledger`,
  project: (workspaceId: string, projectId: string) => `${workspaceId}.project.${projectId}`,
};

/** The origin of every change made through this app's UI: what undo tracks and sync counts. */
export const LOCAL = Symbol('archipelago-local');
