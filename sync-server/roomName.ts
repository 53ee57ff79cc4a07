const ROOM_NAME = /^[\w.:@-][\w.:@/-]{0,199}$/;

/** Parses the room from a request path: `/<room>` (URL-decoded), or null if it is not a valid name. */
export function roomFromUrl(url: string | undefined): string | null {
  if (!url) return null;
  const path = url.split('?')[0];
  let room: string;
  try {
    room = decodeURIComponent(path.replace(/^\/+/, ''));
  } catch {
    return null;
  }
  return ROOM_NAME.test(room) ? room : null;
}
