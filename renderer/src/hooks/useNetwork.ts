import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { NetworkSnapshot } from '../../../shared/model/docs/networkDoc';
import { NetworkView } from '../../../shared/model/docs/networkView';
import { useApp } from './useSession';

const EMPTY: NetworkSnapshot = { people: [], ties: [], invalid: [] };
const views = new WeakMap<Y.Doc, NetworkView>();

/** One incremental view per network document, shared by every component that reads it. */
export function networkView(doc: Y.Doc): NetworkView {
  let view = views.get(doc);
  if (!view) {
    view = new NetworkView(doc);
    views.set(doc, view);
    doc.once('destroy', () => view!.destroy());
  }
  return view;
}

const noop = () => () => {};
const empty = () => EMPTY;

/**
 * The open workspace's network document and a validated snapshot of it. An edit re-reads only what
 * it touched (NetworkView), so the UI thread's cost per edit does not grow with the network.
 */
export function useNetwork() {
  const { session } = useApp();
  const doc = session?.network.doc;
  const view = doc ? networkView(doc) : undefined;
  const subscribe = useCallback((cb: () => void) => (view ? view.subscribe(cb) : noop()), [view]);
  const net = useSyncExternalStore(subscribe, view ? view.snapshot : empty);
  return { doc, net };
}
