import type * as Y from 'yjs';
import type { Person, Tie } from '../../../../shared/model/network';
import { useNetwork } from '../../hooks/useNetwork';

/**
 * The network's people and ties, from the one incremental view the app shares (useNetwork): new
 * arrays only when people or ties change. The graph pins live in the same document, and moving a
 * person must not rebuild the graph (nor restart its layout). Opening the graph no longer reads
 * and validates the whole network a second time (it was read for the app already).
 */
export function useNetworkGraph(): { doc: Y.Doc | undefined; people: readonly Person[]; ties: readonly Tie[] } {
  const { doc, net } = useNetwork();
  return { doc, people: net.people, ties: net.ties };
}
