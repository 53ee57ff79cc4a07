import type { AssembleResult } from '../shared/assembly/assemble';
import type { Forecast } from '../shared/forecast/forecast';
import type { NetworkFile } from '../shared/model/network';
import type { TrustScore } from '../shared/trust/trustReport';
import type { LedgerReplay } from '../shared/value/replayLedger';

/** Plain-text renderings for people reading a terminal; --json is for tools. */
export function formatForecast(f: Forecast): string {
  const lines = ['Capabilities:'];
  for (const r of f.requirements) lines.push(`  ${r.label.padEnd(38)} ≥ ${r.level.toFixed(2)}   ${r.why}`);
  lines.push('', 'Pathway:');
  for (const p of f.pathway) {
    lines.push(`  ${p.name}${p.dependsOn.length ? ` (after ${p.dependsOn.join(', ')})` : ''}: ${p.capabilities.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatAssemble(result: AssembleResult, net: NetworkFile): string {
  const names = new Map(net.people.map((p) => [p.id, p.name]));
  const lines: string[] = [];
  result.teams.forEach((t, i) => {
    lines.push(`Team ${i + 1}: score ${t.score.toFixed(4)}, communication ${t.cost.communication.toFixed(3)}, ${t.cost.rate}/h`);
    for (const m of t.explanation) lines.push(`  ${m.roleId.padEnd(10)} ${m.name} (${m.personId}): ${m.why}`);
    for (const r of t.runnerUps) lines.push(`    runner-up for ${r.roleId}: ${names.get(r.personId)} (score ${r.scoreChange >= 0 ? '+' : ''}${r.scoreChange})`);
    lines.push('');
  });
  if (!result.exact) lines.push('(search budget reached: these are the best teams found, not proven best)');
  return `${lines.join('\n')}\n`;
}

export function formatTrust(report: { from: string; scores: TrustScore[] }, net: NetworkFile): string {
  const names = new Map(net.people.map((p) => [p.id, p.name]));
  const lines = [`Trust from ${names.get(report.from)} (${report.from}):`];
  for (const s of report.scores) {
    lines.push(`  ${s.trust.toFixed(3)}  ${names.get(s.personId)} (${s.personId})  via ${s.paths[0]?.map((id) => names.get(id)).join(' → ') ?? 'no path'}`);
    if (s.advice) {
      const who = s.advice.introducer ? `: ask ${names.get(s.advice.introducer)} (${s.advice.introducer})` : '';
      lines.push(`         ${s.advice.advice}${who}. ${s.advice.reasons.join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatLedger(r: LedgerReplay): string {
  const lines = ['Escrow ledger (amounts in minor units; a plan, not a payment processor):'];
  for (const m of r.milestones) {
    const cur = m.terms.currency ? ` ${m.terms.currency}` : '';
    lines.push(`  ${m.id.padEnd(12)} ${m.state.padEnd(13)} funded ${m.funded}${cur} = released ${m.released} + refunded ${m.refunded} + held ${m.held}`);
  }
  lines.push(`${r.applied.length} applied, ${r.rejected.length} rejected`);
  for (const x of r.rejected) lines.push(`  rejected ${x.id}: ${x.reason}`);
  return `${lines.join('\n')}\n`;
}
