import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Forecast } from '../../../../shared/forecast/forecast';
import { acceptRequirements, addRole, applyRequirementsChange, removeRole, requirementsChange, setBudget, setRoleLevel, type TeamPlan } from '../../../../shared/model/docs/projectTeam';
import { normalisePhrase, taxonomy } from '../../../../shared/taxonomy/skillTaxonomy';
import { optionalNumberCodec } from '../../forms/codecs';
import { SharedInput } from '../../forms/SharedInput';
import { useAct } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { formatLevel, LEVEL_MAX, LEVEL_STEP, levelFromInput } from '../people/levels';
import { z } from 'zod';

const BUDGET = optionalNumberCodec('Budget', z.number().positive().optional());

/**
 * Step 1: the objective's requirements as project data. The forecast proposes; the people on the
 * project accept, edit, add and remove. A changed objective never rewrites them: the step shows what
 * the forecast would now change, and takes it only when asked.
 */
export function RequirementsStep({ doc, projectId, objective, forecast, plan }: { doc: Y.Doc; projectId: string; objective: string; forecast: Forecast | null; plan: TeamPlan }) {
  const act = useAct();
  const tax = taxonomy();
  const [skillText, setSkillText] = useState('');
  const [level, setLevel] = useState('50');
  const [error, setError] = useState<string | null>(null);
  const place = { view: 'projects', projectId };
  const proposed = forecast?.requirements.map((r) => ({ skill: r.skill, label: r.label, level: r.level, why: r.why })) ?? [];
  const change = plan.roles.length && forecast && plan.basis !== objective.trim() ? requirementsChange(plan.roles, proposed) : null;

  const add = (e: FormEvent) => {
    e.preventDefault();
    const t = skillText.trim();
    const skill = tax.has(t) ? t : tax.phrases.get(normalisePhrase(t))?.[0];
    if (!skill) return setError(t ? `“${t}” is not a skill we know. Pick one from the list.` : 'Type a skill to add.');
    const minLevel = levelFromInput(level);
    if (minLevel === null) return setError(`A level is a number from 0 to ${LEVEL_MAX}.`);
    const label = tax.get(skill)?.label ?? skill;
    act({ label: `Add the requirement ${label}`, place }, () => addRole(doc, { skill, label, minLevel }, LOCAL));
    setSkillText('');
    setError(null);
  };

  if (!plan.roles.length)
    return (
      <section className="step" aria-labelledby="step-requirements" data-testid="requirements-step">
        <h3 id="step-requirements">1 · Requirements</h3>
        {proposed.length ? (
          <p>
            The forecast proposes {proposed.length} capabilities for this objective (below, with the reason for each).{' '}
            <button type="button" onClick={() => act({ label: 'Accept the forecast’s requirements', place }, () => acceptRequirements(doc, proposed, objective.trim(), LOCAL))} data-testid="accept-requirements">
              Use them as the requirements
            </button>
          </p>
        ) : (
          <p className="muted">Write an objective: the forecast proposes requirements from it.</p>
        )}
      </section>
    );

  return (
    <section className="step" aria-labelledby="step-requirements" data-testid="requirements-step">
      <h3 id="step-requirements">
        1 · Requirements <span className="muted small">{plan.roles.length} roles · level 0–{LEVEL_MAX}</span>
      </h3>
      {change && (change.added.length > 0 || change.removed.length > 0) && (
        <div className="callout" role="status" data-testid="requirements-change">
          The objective changed since these requirements were accepted. The forecast would now
          {change.added.length > 0 && <> add {change.added.map((r) => r.label).join(', ')}</>}
          {change.added.length > 0 && change.removed.length > 0 && ' and'}
          {change.removed.length > 0 && <> drop {change.removed.map((r) => r.label).join(', ')}</>}.{' '}
          <button type="button" className="secondary" onClick={() => act({ label: 'Take the forecast’s changes to the requirements', place }, () => applyRequirementsChange(doc, change, objective.trim(), LOCAL))} data-testid="take-requirements-change">
            Take these changes
          </button>
        </div>
      )}
      <ul className="req-chips" aria-label="Requirements">
        {plan.roles.map((r) => (
          <li key={r.id} className="req-chip" data-testid="requirement" data-role={r.id} title={r.why ? `Suggested because ${r.why}` : 'Added by hand'}>
            <span className="req-label">{r.label}</span>
            <input
              type="number"
              min={0}
              max={LEVEL_MAX}
              step={LEVEL_STEP}
              className="req-level"
              aria-label={`${r.label}: minimum level`}
              value={formatLevel(r.minLevel)}
              onChange={(e) => {
                const v = levelFromInput(e.target.value);
                if (v !== null) act({ label: `Change the level of ${r.label}`, place }, () => setRoleLevel(doc, r.id, v, LOCAL), { merge: true });
              }}
              data-testid="requirement-level"
            />
            <button type="button" className="ghost icon" aria-label={`Remove ${r.label}`} onClick={() => act({ label: `Remove the requirement ${r.label}`, place }, () => removeRole(doc, r.id, LOCAL))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="row wrap" onSubmit={add} noValidate>
        <input list="req-skill-list" value={skillText} onChange={(e) => (setSkillText(e.target.value), setError(null))} placeholder="Add a capability" aria-label="Capability to add" data-testid="requirement-skill" />
        <input type="number" min={0} max={LEVEL_MAX} step={LEVEL_STEP} value={level} onChange={(e) => setLevel(e.target.value)} aria-label={`Minimum level (0–${LEVEL_MAX})`} className="narrow" />
        <button type="submit" className="secondary" data-testid="add-requirement">
          Add
        </button>
        <div className="budget">
          <SharedInput
            label="Budget (sum of hourly rates)"
            value={plan.budget}
            codec={BUDGET}
            onCommit={(b) => act({ label: b === undefined ? 'Remove the budget' : `Set the budget to ${b}`, place }, () => setBudget(doc, b, LOCAL))}
            testId="budget"
            inputMode="decimal"
            placeholder="none"
          />
        </div>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <datalist id="req-skill-list">
        {tax.skills.map((s) => (
          <option key={s.id} value={s.label} />
        ))}
      </datalist>
    </section>
  );
}
