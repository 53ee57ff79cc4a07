import { z } from 'zod';
import { RenewalRefused } from '../../sync/renewAtRelay';

const Answer = z.object({ token: z.string().min(1).max(4096) });

/**
 * Asks a relay's renewal endpoint (a workshop host's `POST /workshop/token`) for a fresh token for the
 * same person and room. Throws the host's message on refusal (RenewalRefused when it is final: the
 * token is expired or forged, 401, or its holder was removed, 403); the token is sent as a header,
 * never in a URL.
 */
export async function renewAccessToken(renewUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const res = await fetchImpl(renewUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const reason = (body as { error?: string }).error ?? `the relay answered ${res.status}`;
    throw res.status === 401 || res.status === 403 ? new RenewalRefused(reason) : new Error(reason);
  }
  const parsed = Answer.safeParse(body);
  if (!parsed.success) throw new Error('the relay answered without a token');
  return parsed.data.token;
}
