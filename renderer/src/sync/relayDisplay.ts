import { splitRelayUrl } from './relayConnection';

/**
 * A relay URL as it may be shown or logged: never with its `?token=` (a workshop link's room token
 * is a credential). Says that a token is there, so two URLs that differ only by it are not confusing.
 */
export function shownRelayUrl(url: string): string {
  const { base, token } = splitRelayUrl(url);
  return token ? `${base} (with an access token)` : base;
}

/** The part of a relay URL a person edits: without the token. */
export const editableRelayUrl = (url: string | null) => (url ? splitRelayUrl(url).base : '');
