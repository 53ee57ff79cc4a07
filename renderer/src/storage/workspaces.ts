import * as Y from 'yjs';
import { DEMO_WORKSPACE_ID } from '../../../shared/demo/demoIds';
import { importNetwork, openNetworkDoc } from '../../../shared/model/docs/networkDoc';
import { openWorkspaceDoc, setWorkspaceName, workspaceName } from '../../../shared/model/docs/workspaceDoc';
import { LOCAL, rooms } from '../session/rooms';
import type { ArchipelagoDb, WorkspaceRow } from './db';
import { openDoc } from './docStore';

export const newId = (prefix: string) =>
  `${prefix}${(crypto.randomUUID?.() ?? Math.random().toString(16).slice(2) + Date.now().toString(16)).replace(/-/g, '').slice(0, 12)}`;

/** On first start: the demo workspace, written into IndexedDB before anything else happens. */
export async function ensureDemoWorkspace(db: ArchipelagoDb): Promise<void> {
  if (await db.workspaces.get(DEMO_WORKSPACE_ID)) return;
  // the generator is only needed once per install: load it on demand, outside the main bundle
  const { buildDemoWorkspace } = await import('../../../shared/demo/demoWorkspace');
  const demo = buildDemoWorkspace();
  const apply = async (room: string, kind: 'workspace' | 'network' | 'project', update: Uint8Array) => {
    const h = await openDoc(db, room, DEMO_WORKSPACE_ID, kind);
    Y.applyUpdate(h.doc, update, 'demo');
    h.release();
  };
  await apply(rooms.workspace(DEMO_WORKSPACE_ID), 'workspace', demo.workspace);
  await apply(rooms.network(DEMO_WORKSPACE_ID), 'network', demo.network);
  for (const p of demo.projects) await apply(rooms.project(DEMO_WORKSPACE_ID, p.id), 'project', p.update);
  const now = Date.now();
  await db.workspaces.put({ id: DEMO_WORKSPACE_ID, name: 'Demo archipelago', createdAt: now, openedAt: now });
}

export async function createWorkspace(db: ArchipelagoDb, name: string): Promise<WorkspaceRow> {
  const id = newId('w');
  const ws = await openDoc(db, rooms.workspace(id), id, 'workspace');
  openWorkspaceDoc(ws.doc, 'migration');
  setWorkspaceName(ws.doc, name, LOCAL);
  ws.release();
  const net = await openDoc(db, rooms.network(id), id, 'network');
  openNetworkDoc(net.doc, 'migration');
  net.release();
  const row = { id, name: name.trim(), createdAt: Date.now(), openedAt: Date.now() };
  await db.workspaces.put(row);
  return row;
}

const WORKSPACE_ID = /^[\w-]{1,64}$/;

export const workspaceIdProblem = (id: string): string | null =>
  !id.trim() ? 'Type the workspace id someone shared with you.' : WORKSPACE_ID.test(id.trim()) ? null : 'A workspace id is 1 to 64 letters, digits, “-” or “_”.';

/** Adds a workspace someone shared by its id; its content arrives from the relay. */
export async function joinWorkspace(db: ArchipelagoDb, id: string, name = 'Joined workspace'): Promise<WorkspaceRow> {
  const trimmed = id.trim();
  const problem = workspaceIdProblem(trimmed);
  if (problem) throw new Error(problem);
  const existing = await db.workspaces.get(trimmed);
  if (existing) return existing;
  const row = { id: trimmed, name, createdAt: Date.now(), openedAt: Date.now() };
  await db.workspaces.put(row);
  return row;
}

/** What a `?workspace=<id>&demo=<N>[&seed=<S>]` link asks for (DESIGN.md §3), checked; null without `workspace`. */
export interface LinkedWorkspace {
  id: string;
  /** Demo people to fill an empty network with (0: none). */
  people: number;
  seed: number;
}

/** Reads and checks the link's parameters (no storage access): a bad value throws, naming it. */
export function linkedWorkspaceRequest(params: URLSearchParams): LinkedWorkspace | null {
  const id = params.get('workspace');
  if (id === null) return null;
  const problem = workspaceIdProblem(id);
  if (problem) throw new Error(`?workspace=${id}: ${problem}`);
  const demo = params.get('demo');
  const people = demo === null ? 0 : Number(demo);
  if (demo !== null && (!Number.isInteger(people) || people < 1 || people > 100_000)) throw new Error(`?demo=${demo}: the number of demo people is a whole number from 1 to 100000`);
  const seedText = params.get('seed') ?? '1';
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) throw new Error(`?seed=${seedText}: a seed is a whole number`);
  return { id, people, seed };
}

/**
 * How long the documents a link opened stay loaded after it is done with them: the workspace
 * session opens the same rooms next, and gets them without reading and decoding them again.
 */
const HAND_OVER_MS = 10_000;

/**
 * Prepares the linked workspace: when its network is empty, first fills it with the demo
 * generator's network of N people. A workspace that already has people is never overwritten.
 */
export async function prepareLinkedWorkspace(db: ArchipelagoDb, link: LinkedWorkspace): Promise<void> {
  const { id, people, seed } = link;
  const ws = await openDoc(db, rooms.workspace(id), id, 'workspace', { keepAfterRelease: HAND_OVER_MS });
  const net = await openDoc(db, rooms.network(id), id, 'network', { keepAfterRelease: HAND_OVER_MS });
  try {
    openWorkspaceDoc(ws.doc, 'migration');
    openNetworkDoc(net.doc, 'migration');
    if (people > 0 && net.doc.getMap('people').size === 0) {
      const { generateNetwork } = await import('../../../shared/demo/generateNetwork');
      importNetwork(net.doc, generateNetwork({ people, seed }), 'demo');
      if (!ws.doc.getMap('meta').has('name')) setWorkspaceName(ws.doc, `Demo network (${people} people, seed ${seed})`, 'demo');
    }
    const existing = await db.workspaces.get(id);
    const now = Date.now();
    await db.workspaces.put({ id, name: workspaceName(ws.doc), createdAt: existing?.createdAt ?? now, openedAt: now });
  } finally {
    ws.release();
    net.release();
  }
}

/**
 * `?workspace=<id>&demo=<N>[&seed=<S>]` (DESIGN.md §3): opens the local workspace `<id>`, and when its
 * network is empty, first fills it with the demo generator's network of N people (seed 1 by
 * default). A workspace that already has people is never overwritten.
 */
export async function openLinkedWorkspace(db: ArchipelagoDb, params: URLSearchParams): Promise<string | null> {
  const link = linkedWorkspaceRequest(params);
  if (!link) return null;
  await prepareLinkedWorkspace(db, link);
  return link.id;
}

export const listWorkspaces = (db: ArchipelagoDb) => db.workspaces.orderBy('openedAt').reverse().toArray();
