/**
 * y-dexie 4.4 logs `Y.Doc <id> was destroyed` with console.debug every time a document is released,
 * which is routine here (project documents open and close as you move around). It drowns real
 * messages in the console and in test output, so exactly that line is dropped; every other message,
 * including every other debug line, passes through.
 */
const Y_DEXIE_RELEASE = /^Y\.Doc \S+ was destroyed$/;

export function quietLibraryLogs(target: Pick<Console, 'debug'> = console): void {
  const original = target.debug;
  if ((original as { quiet?: boolean }).quiet) return;
  const filtered = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === 'string' && Y_DEXIE_RELEASE.test(args[0])) return;
    original.apply(target, args);
  };
  target.debug = Object.assign(filtered, { quiet: true });
}
