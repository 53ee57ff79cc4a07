import type { NetworkSnapshot } from '../../../shared/model/docs/networkDoc';

const versions = new WeakMap<NetworkSnapshot, number>();
let nextVersion = 0;

/** A version per network snapshot, so the engine worker rebuilds its index only when the network changed. */
export function networkVersion(net: NetworkSnapshot): number {
  let v = versions.get(net);
  if (v === undefined) versions.set(net, (v = ++nextVersion));
  return v;
}
