import * as Y from 'yjs';
import { importNetwork, openNetworkDoc } from '../model/docs/networkDoc';
import { editObjective, openProjectDoc, setProjectName } from '../model/docs/projectDoc';
import { openWorkspaceDoc, putProjectSummary, setWorkspaceName } from '../model/docs/workspaceDoc';
import { generateNetwork } from './generateNetwork';

export { DEMO_WORKSPACE_ID } from './demoIds';
/**
 * The demo is written by this fixed Yjs client id, from a seeded generator, so every install builds
 * byte-identical updates: two machines that open the demo and sync do not duplicate it.
 */
const DEMO_CLIENT_ID = 424242;
const DEMO_CREATED_AT = Date.UTC(2026, 0, 1);

const PROJECTS = [
  { id: 'circular-kettle', name: 'Circular kettle launch', objective: 'Launch a sustainable product: a repairable, circular electric kettle sold in Portugal and Spain.' },
  { id: 'river-campaign', name: 'Clean rivers campaign', objective: 'Run a campaign with local communities to restore three urban rivers, with a documentary and a citizen science programme.' },
];

function fixedDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = DEMO_CLIENT_ID;
  return doc;
}

export interface DemoWorkspace {
  workspace: Uint8Array;
  network: Uint8Array;
  projects: { id: string; update: Uint8Array }[];
}

/** The demo workspace: about 200 people with skills, cities and time zones, their ties, two projects. */
export function buildDemoWorkspace(people = 200, seed = 2026): DemoWorkspace {
  const origin = 'demo';
  const network = fixedDoc();
  openNetworkDoc(network, origin);
  importNetwork(network, generateNetwork({ people, seed }), origin);

  const workspace = fixedDoc();
  openWorkspaceDoc(workspace, origin);
  setWorkspaceName(workspace, 'Demo archipelago', origin);
  const projects = PROJECTS.map((p, i) => {
    putProjectSummary(workspace, { id: p.id, name: p.name, createdAt: DEMO_CREATED_AT + i }, origin);
    const doc = fixedDoc();
    openProjectDoc(doc, origin);
    setProjectName(doc, p.name, origin);
    editObjective(doc, p.objective, origin);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { id: p.id, update };
  });
  const result = { workspace: Y.encodeStateAsUpdate(workspace), network: Y.encodeStateAsUpdate(network), projects };
  workspace.destroy();
  network.destroy();
  return result;
}
