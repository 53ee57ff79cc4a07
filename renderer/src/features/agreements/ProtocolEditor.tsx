import type { Agreement, CulturalProtocol } from '../../../../shared/agreements/agreement';
import { CulturalProtocolSchema } from '../../../../shared/agreements/agreement';
import { overlapWindows } from '../../../../shared/agreements/overlapWindow';
import { PROTOCOL_TEMPLATES } from '../../../../shared/agreements/templates';
import { textCodec } from '../../forms/codecs';
import type { FieldCodec } from '../../forms/sharedField';
import { SharedInput } from '../../forms/SharedInput';
import { numberCodec, type Update } from './useUpdate';

const hh = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'}`;
const S = CulturalProtocolSchema.shape;
const MEETINGS = textCodec('Meetings', S.meetings);
const DECISIONS = textCodec('Decisions', S.decisions);
const CONDUCT = textCodec('Code of conduct', S.codeOfConduct);
const START = numberCodec('Start', 0, 23.5);
const END = numberCodec('End', 0.5, 24);
const RESPONSE = numberCodec('Response time', 0.5, 24 * 14);
const LANGUAGES: FieldCodec<string[]> = {
  format: (v) => v.join(', '),
  parse: (text) => {
    const list = text.split(',').map((s) => s.trim()).filter(Boolean);
    return list.length ? { ok: true, value: list } : { ok: false, message: 'Name at least one language' };
  },
};

/** The cultural protocol: working hours and the overlap window from the parties' time zones, languages, norms and rules. */
export function ProtocolEditor({ agreement, update }: { agreement: Agreement; update: Update }) {
  const p = agreement.protocol;
  const set = (label: string, change: Partial<CulturalProtocol>) => update(label, { protocol: { ...p, ...change } });
  const overlap = overlapWindows(agreement.parties.map((x) => x.timezone), p.workingHours);
  const template = PROTOCOL_TEMPLATES.find((t) => t.template === p.template);
  return (
    <section className="agr-section" aria-labelledby={`proto-${agreement.id}`}>
      <h5 id={`proto-${agreement.id}`}>Cultural protocol {template && <span className="small muted">(from “{template.label}”)</span>}</h5>
      <div className="agr-overlap" data-testid="overlap-window" role="status">
        <strong>Overlap window: </strong>
        {overlap.hours === 0 ? 'none. Work is asynchronous; no one is asked to meet outside their hours.' : `${overlap.windows.map((w) => `${hh(w.startUtc)}–${hh(w.endUtc)} UTC`).join(', ')} (${overlap.hours} h a day)`}
        <div className="small muted">
          From {agreement.parties.map((x) => `${x.name} (${x.timezone})`).join(', ')} each working {hh(p.workingHours.start)}–{hh(p.workingHours.end)} local time (standard time).
        </div>
      </div>
      <div className="agr-grid">
        <SharedInput label="Working hours start (local)" value={p.workingHours.start} codec={START} testId="proto-start" onCommit={(v) => set('Change the working hours', { workingHours: { ...p.workingHours, start: v } })} />
        <SharedInput label="Working hours end (local)" value={p.workingHours.end} codec={END} testId="proto-end" onCommit={(v) => set('Change the working hours', { workingHours: { ...p.workingHours, end: v } })} />
        <SharedInput label="Languages (comma-separated)" value={p.languages} codec={LANGUAGES} testId="proto-languages" onCommit={(v) => set('Change the languages', { languages: v })} />
        <SharedInput label="Answer within (working hours)" value={p.responseTimeHours} codec={RESPONSE} testId="proto-response" onCommit={(v) => set('Change the response-time norm', { responseTimeHours: v })} />
      </div>
      <SharedInput label="Meetings" multiline rows={2} value={p.meetings} codec={MEETINGS} testId="proto-meetings" onCommit={(v) => set('Change the meeting rules', { meetings: v })} />
      <SharedInput label="Decisions" multiline rows={2} value={p.decisions} codec={DECISIONS} testId="proto-decisions" onCommit={(v) => set('Change the decision rules', { decisions: v })} />
      <SharedInput label="Code of conduct" multiline rows={3} value={p.codeOfConduct} codec={CONDUCT} testId="proto-conduct" onCommit={(v) => set('Change the code of conduct', { codeOfConduct: v })} />
    </section>
  );
}
