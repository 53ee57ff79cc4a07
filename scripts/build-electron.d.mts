/** Bundles the Electron main process and preload into `<outRoot>/electron/` (default dist-electron); returns that folder. */
export function buildElectron(outRoot?: string): Promise<string>;
export const MAIN_EXTERNAL: string[];
