import type { Agreement } from './agreement';
import { overlapWindows } from './overlapWindow';
import type { PartySignature } from './signatureStatus';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const hh = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'}`;
const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;
const STATE: Record<PartySignature['state'], string> = { signed: 'Signed', stale: 'Signature invalid: changed since signing', unsigned: 'Not signed', tampered: 'Tampered signature' };

/** The agreement as one self-contained, readable HTML page with its signature status (no scripts). */
export function agreementHtml(a: Agreement, status: readonly PartySignature[], digest: string): string {
  const overlap = overlapWindows(a.parties.map((p) => p.timezone), a.protocol.workingHours);
  const nameOf = new Map(a.parties.map((p) => [p.key, p.name]));
  const allSigned = status.every((s) => s.state === 'signed');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;color:#1d2330}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccd;padding:.3rem .5rem;text-align:left}
.signed{color:#0a6b2d}.stale,.tampered{color:#a11}.unsigned{color:#775}</style></head><body>
<h1>${esc(a.title)}</h1>
<p>Project ${esc(a.project)} · agreement ${esc(a.id)} · version digest <code>${digest}</code></p>
<p><strong>${allSigned ? 'Signed by every party.' : 'Not yet signed by every party.'}</strong></p>
<h2>Parties and signatures</h2>
<table><tr><th>Party</th><th>Time zone</th><th>Scope</th><th>Signature</th></tr>
${a.parties
  .map((p) => {
    const s = status.find((x) => x.key === p.key);
    const state = s?.state ?? 'unsigned';
    const changes = s?.changes.length ? `<br>Changed since: ${s.changes.map((c) => `<code>${esc(c)}</code>`).join(', ')}` : '';
    return `<tr><td>${esc(p.name)}<br><small><code>${p.key}</code></small></td><td>${esc(p.timezone)}</td><td>${esc(p.scope)}</td><td class="${state}">${STATE[state]}${s?.signedAt ? ` (${esc(s.signedAt)})` : ''}${changes}</td></tr>`;
  })
  .join('\n')}
</table>
<h2>Milestones</h2>
<table><tr><th>Milestone</th><th>Amount</th><th>Due</th></tr>
${a.milestones.map((m) => `<tr><td>${esc(m.title)}</td><td>${money(m.amount, m.currency)}</td><td>${esc(m.due)}</td></tr>`).join('\n')}
</table>
<h2>Payment split</h2>
<ul>${Object.entries(a.paymentSplit).map(([k, share]) => `<li>${esc(nameOf.get(k) ?? k)}: ${(share * 100).toFixed(1)}%</li>`).join('')}</ul>
<h2>Dispute procedure</h2><p>${esc(a.disputeProcedure)}</p>
<h2>Cultural protocol (${esc(a.protocol.template)})</h2>
<ul>
<li>Working hours: ${hh(a.protocol.workingHours.start)}–${hh(a.protocol.workingHours.end)} local time</li>
<li>Overlap window: ${overlap.hours === 0 ? 'none: work is asynchronous' : `${overlap.windows.map((w) => `${hh(w.startUtc)}–${hh(w.endUtc)} UTC`).join(', ')} (${overlap.hours} h a day)`}</li>
<li>Languages: ${a.protocol.languages.map(esc).join(', ')}</li>
<li>Response time: within ${a.protocol.responseTimeHours} working hours</li>
<li>Meetings: ${esc(a.protocol.meetings)}</li>
<li>Decisions: ${esc(a.protocol.decisions)}</li>
<li>Code of conduct: ${esc(a.protocol.codeOfConduct)}</li>
</ul>
</body></html>
`;
}
