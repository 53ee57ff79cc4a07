import type { TeamPlan } from '../../../../shared/model/docs/projectTeam';
import { useNetwork } from '../../hooks/useNetwork';

/** Step 4's result: the team this project accepted, by whom and when; the input for agreements and milestones. */
export function AcceptedTeamView({ plan }: { plan: TeamPlan }) {
  const { net } = useNetwork();
  const team = plan.accepted;
  if (!team) return null;
  const people = new Map(net.people.map((p) => [p.id, p]));
  const roles = new Map(plan.roles.map((r) => [r.id, r.label]));
  return (
    <section className="step accepted-team panel" aria-labelledby="step-accepted" data-testid="accepted-team">
      <h3 id="step-accepted">Accepted team</h3>
      <p className="small muted">
        Accepted by {team.acceptedBy} on {new Date(team.acceptedAt).toLocaleString()} · score {team.score.toFixed(3)}
        {plan.history.length > 0 && ` · replaces ${plan.history.length} earlier choice${plan.history.length > 1 ? 's' : ''}`}
      </p>
      <ul className="accepted-members">
        {team.members.map((m) => (
          <li key={m.roleId} data-testid="accepted-member" data-person={m.personId}>
            <strong>{people.get(m.personId)?.name ?? `${m.personId} (no longer in the network)`}</strong> <span className="muted">as {roles.get(m.roleId) ?? m.roleId}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
