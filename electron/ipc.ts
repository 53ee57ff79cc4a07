/** The IPC channels between preload and main: an explicit allow-list, nothing generic. */
export const IPC = {
  appInfo: 'archipelago:app-info',
  getSettings: 'archipelago:settings:get',
  setSettings: 'archipelago:settings:set',
} as const;
