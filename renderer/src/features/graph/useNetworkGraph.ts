import { useMemo, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readNetwork } from '../../../../shared/model/docs/networkDoc';
import { useApp } from '../../hooks/useSession';

/**
 * The network's people and ties, re-read only when people or ties change: the graph pins live in
 * the same document, and moving a person must not rebuild the graph (nor restart its layout).
 */
export function useNetworkGraph(): { doc: Y.Doc | undefined; people: ReturnType<typeof readNetwork>['people']; ties: ReturnType<typeof readNetwork>['ties'] } {
  const { session } = useApp();
  const doc = session?.network.doc;
  const version = useRef(0);
  const subscribe = useMemo(
    () => (onChange: () => void) => {
      if (!doc) return () => {};
      const bump = () => {
        version.current++;
        onChange();
      };
      const people = doc.getMap('people');
      const ties = doc.getMap('ties');
      people.observeDeep(bump);
      ties.observe(bump);
      return () => {
        people.unobserveDeep(bump);
        ties.unobserve(bump);
      };
    },
    [doc],
  );
  const v = useSyncExternalStore(subscribe, () => version.current);
  const net = useMemo(() => (doc ? readNetwork(doc) : { people: [], ties: [] }), [doc, v]); // eslint-disable-line react-hooks/exhaustive-deps
  return { doc, people: net.people, ties: net.ties };
}
