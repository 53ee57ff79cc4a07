/**
 * The IPC channels between preload and main: an explicit allow-list, nothing generic. The one
 * source for both sides: the main process registers exactly these, and the preload (bundled, so it
 * needs no file of its own at run time) invokes exactly these.
 */
export const IPC = {
  appInfo: 'archipelago:app-info',
  getSettings: 'archipelago:settings:get',
  setSettings: 'archipelago:settings:set',
  /** The member's public key (hex). The private key stays in the main process. */
  identityPublicKey: 'archipelago:identity:public-key',
  /** Sign one Archipelago signed-event message (bytes); anything else is refused. */
  identitySign: 'archipelago:identity:sign',
  /** Make a new key on this device, signing the rotation with the old one ({ at, reason }). */
  identityRotate: 'archipelago:identity:rotate',
  /** Host a workshop: the LAN interfaces, start ({ address, port }), stop, and the status. */
  workshopInterfaces: 'archipelago:workshop:interfaces',
  workshopStart: 'archipelago:workshop:start',
  workshopStop: 'archipelago:workshop:stop',
  workshopStatus: 'archipelago:workshop:status',
} as const;
