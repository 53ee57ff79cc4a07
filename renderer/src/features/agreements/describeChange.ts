import type { Agreement } from '../../../../shared/agreements/agreement';

const PROTOCOL: Record<string, string> = {
  template: 'protocol template',
  workingHours: 'working hours',
  languages: 'languages',
  responseTimeHours: 'response time',
  meetings: 'meeting rules',
  decisions: 'decision rules',
  codeOfConduct: 'code of conduct',
};
const PARTY: Record<string, string> = { scope: 'scope', timezone: 'time zone', name: 'name', key: 'key' };
const MILESTONE: Record<string, string> = { title: 'title', amount: 'amount', currency: 'currency', due: 'due date', id: 'id' };

/**
 * A changed JSON path of an agreement (`$.parties[1].scope`, from changedPaths) in words, read
 * against the version the party signed and the current one: "Scope of Kofi".
 */
export function describeChange(path: string, before: Agreement | undefined, after: Agreement): string {
  const parts = path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) ?? [];
  const [head, a, b] = parts;
  const at = (i: string | undefined) => (i === undefined ? -1 : Number(i));
  switch (head) {
    case 'title':
      return 'Title';
    case 'disputeProcedure':
      return 'Dispute procedure';
    case 'parties': {
      const p = after.parties[at(a)] ?? before?.parties[at(a)];
      if (!b) return p ? `Party ${p.name} added or removed` : 'Parties';
      return `${cap(PARTY[b] ?? b)} of ${p?.name ?? `party ${Number(a) + 1}`}`;
    }
    case 'milestones': {
      const m = after.milestones[at(a)] ?? before?.milestones[at(a)];
      if (!b) return m ? `Milestone “${m.title}” added or removed` : 'Milestones';
      return `${cap(MILESTONE[b] ?? b)} of milestone “${m?.title ?? Number(a) + 1}”`;
    }
    case 'paymentSplit': {
      const name = [...after.parties, ...(before?.parties ?? [])].find((p) => p.key === a)?.name;
      return a ? `Payment share of ${name ?? `${a.slice(0, 8)}…`}` : 'Payment split';
    }
    case 'protocol':
      return `Cultural protocol: ${PROTOCOL[a ?? ''] ?? a ?? 'all'}`;
    default:
      return path;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
