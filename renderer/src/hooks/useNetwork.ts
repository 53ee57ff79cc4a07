import { readNetwork, type NetworkSnapshot } from '../../../shared/model/docs/networkDoc';
import { useApp } from './useSession';
import { useYSnapshot } from './useYSnapshot';

const EMPTY: NetworkSnapshot = { people: [], ties: [], invalid: [] };

/** The open workspace's network document and a validated snapshot of it. */
export function useNetwork() {
  const { session } = useApp();
  const doc = session?.network.doc;
  return { doc, net: useYSnapshot(doc, readNetwork, EMPTY) };
}
