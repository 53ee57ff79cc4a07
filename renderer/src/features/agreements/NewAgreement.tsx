import { useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { createAgreement, equalSplit } from '../../../../shared/agreements/agreementDoc';
import { PROTOCOL_TEMPLATES, protocolFromTemplate } from '../../../../shared/agreements/templates';
import { useAct } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { newEventId } from '../value/useValue';
import type { Party } from './types';

/** Starts an agreement from a template, with the parties the user checks (at least two). */
export function NewAgreement({ doc, projectId, projectName, candidates, onCreated }: { doc: Y.Doc; projectId: string; projectName: string; candidates: { party: Party; suggested: boolean; fromTeam?: string }[]; onCreated(id: string): void }) {
  const act = useAct();
  const notify = useUi((s) => s.notify);
  const [template, setTemplate] = useState(PROTOCOL_TEMPLATES[0].template);
  const [title, setTitle] = useState('');
  const initial = useMemo(() => new Set(candidates.filter((c) => c.suggested).map((c) => c.party.key)), [candidates]);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = picked ?? initial;
  const [error, setError] = useState<string | null>(null);
  const chosenTemplate = PROTOCOL_TEMPLATES.find((t) => t.template === template)!;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parties = candidates.filter((c) => chosen.has(c.party.key)).map((c) => c.party);
    if (parties.length < 2) return setError('An agreement needs at least two parties: check them in the member list.');
    const id = newEventId('ag');
    const name = title.trim() || `${projectName || 'Project'} agreement`;
    try {
      act({ label: `Create the agreement “${name}”`, place: { view: 'projects', projectId } }, () =>
        createAgreement(
          doc,
          {
            id,
            project: projectId,
            title: name,
            parties,
            milestones: [],
            paymentSplit: equalSplit(parties.map((p) => p.key)),
            disputeProcedure: 'Raise it with the other parties in writing first. If it is not settled within 7 days, a mediator all parties accept decides, and everyone follows the decision.',
            protocol: protocolFromTemplate(template),
          },
          Date.now(),
          LOCAL,
        ),
      );
      setError(null);
      setTitle('');
      setPicked(null);
      onCreated(id);
    } catch (err) {
      setError((err as Error).message);
      notify((err as Error).message, 'error');
    }
  };

  return (
    <form className="agr-new panel" onSubmit={submit} data-testid="new-agreement">
      <h4>New agreement</h4>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={`${projectName || 'Project'} agreement`} data-testid="agreement-title-new" />
      </label>
      <fieldset className="agr-templates">
        <legend>Start from a template</legend>
        {PROTOCOL_TEMPLATES.map((t) => (
          <label key={t.template} className="agr-template">
            <input type="radio" name="agr-template" value={t.template} checked={template === t.template} onChange={() => setTemplate(t.template)} data-testid={`template-${t.template}`} />
            <strong>{t.label}</strong> <span className="small muted">{t.summary}</span>
          </label>
        ))}
      </fieldset>
      <p className="small muted">
        {chosenTemplate.label}: working hours {chosenTemplate.workingHours.start}:00–{chosenTemplate.workingHours.end}:00 local, answers within {chosenTemplate.responseTimeHours} h. Everything can be edited after.
      </p>
      <fieldset>
        <legend>Parties (workspace members; the accepted team is suggested)</legend>
        {candidates.length === 0 && <p className="small muted">No workspace members yet. Members appear when they open this workspace with a name set.</p>}
        {candidates.map((c) => (
          <label key={c.party.key} className="agr-candidate">
            <input
              type="checkbox"
              checked={chosen.has(c.party.key)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(c.party.key);
                else next.delete(c.party.key);
                setPicked(next);
              }}
              data-testid="party-candidate"
              data-name={c.party.name}
            />
            {c.party.name} <span className="small muted">{c.fromTeam ? `accepted team: ${c.fromTeam}` : 'member'} · {c.party.timezone}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" role="alert" data-testid="new-agreement-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="create-agreement">
        Create agreement
      </button>
    </form>
  );
}
