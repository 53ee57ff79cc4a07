import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { WorkspaceSession } from '../../session/workspaceSession';

/** What an editor shares about the graph through awareness: where their pointer is, whom they selected. */
const GraphPresenceSchema = z.object({
  pointer: z.tuple([z.number().finite(), z.number().finite()]).nullable(),
  /** The person nearest the pointer and the offset from them: peers' layouts may differ a little. */
  anchor: z.object({ id: z.string(), dx: z.number().finite(), dy: z.number().finite() }).nullable().optional(),
  selected: z.array(z.string()).max(500),
});
export type GraphPresence = z.infer<typeof GraphPresenceSchema>;

export interface GraphPeer extends GraphPresence {
  clientId: number;
  name: string;
  colour: string;
}

/** Co-editors on the graph (their pointers and selections, validated), and a setter for ours. */
export function useGraphPresence(session: WorkspaceSession | null): { peers: GraphPeer[]; share(state: Partial<GraphPresence>): void } {
  const [peers, setPeers] = useState<GraphPeer[]>([]);
  useEffect(() => {
    if (!session) return;
    const aw = session.awareness;
    let last = '';
    const read = () => {
      const out: GraphPeer[] = [];
      aw.getStates().forEach((state, clientId) => {
        if (clientId === aw.clientID) return;
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
        const graph = GraphPresenceSchema.safeParse((state as { graph?: unknown }).graph);
        if (!graph.success || typeof user?.name !== 'string') return;
        const colour = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : 'gray';
        out.push({ clientId, name: user.name.slice(0, 40), colour, ...graph.data });
      });
      const key = JSON.stringify(out);
      if (key === last) return;
      last = key;
      setPeers(out);
    };
    read();
    aw.on('change', read);
    return () => {
      aw.off('change', read);
      aw.setLocalStateField('graph', null);
    };
  }, [session]);
  const share = (state: Partial<GraphPresence>) => {
    if (!session) return;
    const aw = session.awareness;
    const old = GraphPresenceSchema.safeParse(aw.getLocalState()?.graph);
    aw.setLocalStateField('graph', { ...(old.success ? old.data : { pointer: null, selected: [] }), ...state });
  };
  return { peers, share };
}
