import { z } from 'zod';
import { RENEW_PATH } from '../../../shared/sync/relayProtocol';

const Answer = z.object({ token: z.string().min(1).max(4096), expiresAt: z.number() });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** The relay refused to renew this token for good (4401 invalid or expired, 4403 not renewable or no longer): asking again is pointless. */
export class RenewalRefused extends Error {}

/**
 * Asks a relay (its base URL, without the token) for a fresh room token for a renewable one, over
 * RENEW_PATH: the token goes as the first message, never in a URL. Resolves the new token; rejects
 * with the relay's reason (not renewable, expired, a relay that does not renew) or after `timeoutMs`.
 */
export function renewAtRelay(base: string, token: string, options: { WebSocketImpl?: typeof WebSocket; timeoutMs?: number } = {}): Promise<string> {
  const WebSocketImpl = options.WebSocketImpl ?? WebSocket;
  return new Promise((resolve, reject) => {
    let ws: WebSocket;
    try {
      ws = new WebSocketImpl(`${base.replace(/\/+$/, '')}${RENEW_PATH}`);
    } catch (e) {
      return reject(new Error(`not a relay address: ${(e as Error).message}`));
    }
    let answer: string | null = null;
    const timer = setTimeout(() => (ws.close(), reject(new Error('the relay did not answer'))), options.timeoutMs ?? 10_000);
    ws.onerror = () => {};
    ws.onopen = () => ws.send(token);
    ws.onmessage = (e: MessageEvent) => {
      const parsed = Answer.safeParse(parseJson(String(e.data)));
      if (parsed.success) answer = parsed.data.token;
    };
    ws.onclose = (e: CloseEvent) => {
      clearTimeout(timer);
      if (answer) return resolve(answer);
      // a refused upgrade (404: the relay does not renew; 429) reaches a browser as 1006 with no reason
      if (e.code === 4401 || e.code === 4403) return reject(new RenewalRefused(e.reason || `the relay refused to renew the token (${e.code})`));
      reject(new Error(e.reason || (e.code === 1006 ? 'the relay does not renew tokens, or could not be reached' : `the relay closed with ${e.code}`)));
    };
  });
}

/** renewAtRelay at each relay in turn (relays that share one secret), until one renews it; else the last reason. */
export async function renewAtRelays(relayUrls: readonly string[], token: string, options: { WebSocketImpl?: typeof WebSocket; timeoutMs?: number } = {}): Promise<string> {
  let last: Error = new Error('no relay to renew the token at');
  for (const url of relayUrls) {
    try {
      return await renewAtRelay(url.split('?')[0], token, options);
    } catch (e) {
      if (e instanceof RenewalRefused) throw e; // relays that share a secret would all say the same
      last = e as Error;
    }
  }
  throw last;
}
