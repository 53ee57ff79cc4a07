/** The IPC channels between preload and main: an explicit allow-list, nothing generic. */
export const IPC = {
  appInfo: 'archipelago:app-info',
  getSettings: 'archipelago:settings:get',
  setSettings: 'archipelago:settings:set',
  /** The member's public key (hex). The private key stays in the main process. */
  identityPublicKey: 'archipelago:identity:public-key',
  /** Sign one Archipelago signed-event message (bytes); anything else is refused. */
  identitySign: 'archipelago:identity:sign',
} as const;
