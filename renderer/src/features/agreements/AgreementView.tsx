import { useMemo } from 'react';
import type * as Y from 'yjs';
import { agreementDigest, AgreementSchema } from '../../../../shared/agreements/agreement';
import { recordSignedVersion, type AgreementRecord } from '../../../../shared/agreements/agreementDoc';
import { agreementHtml } from '../../../../shared/agreements/exportHtml';
import { signatureStatus } from '../../../../shared/agreements/signatureStatus';
import type { LedgerEntry } from '../../../../shared/model/docs/ledgerDoc';
import type { Member } from '../../../../shared/model/docs/members';
import { textCodec } from '../../forms/codecs';
import { SharedInput } from '../../forms/SharedInput';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { useSign } from '../identity/useIdentity';
import { lastSignedVersion, tamperedSignatures } from './lastSigned';
import { MilestonesEditor } from './MilestonesEditor';
import { ProtocolEditor } from './ProtocolEditor';
import { Signatures } from './Signatures';
import { SplitEditor } from './SplitEditor';
import { useUpdate } from './useUpdate';

const TITLE = textCodec('Title', AgreementSchema.shape.title);
const DISPUTE = textCodec('Dispute procedure', AgreementSchema.shape.disputeProcedure);

function download(name: string, html: string) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One agreement: who signed this exact version, and every term, editable; a change invalidates signatures. */
export function AgreementView({ doc, projectId, record, versions, ledger, me, identityError, members }: { doc: Y.Doc; projectId: string; record: AgreementRecord; versions: ReadonlyMap<string, import('../../../../shared/agreements/agreement').Agreement>; ledger: LedgerEntry[]; me: string | null; identityError: string | null; members: Member[] }) {
  const { agreement, problem } = record;
  const update = useUpdate(doc, projectId, record.id);
  const sign = useSign();
  const notify = useUi((s) => s.notify);
  const digest = useMemo(() => (problem ? null : agreementDigest(agreement)), [agreement, problem]);
  const status = useMemo(() => (problem ? agreement.parties.map((p) => ({ key: p.key, name: p.name, state: 'unsigned' as const, changes: [], reason: 'the agreement is not valid' })) : signatureStatus(agreement, ledger, versions)), [agreement, problem, ledger, versions]);
  const signed = status.filter((s) => s.state === 'signed').length;
  const canSign = identityError ?? (me ? null : 'Your signing key is opening…') ?? (problem ? `Fix the agreement first: ${problem}` : null);
  const onSign = async () => {
    if (problem) return;
    try {
      recordSignedVersion(doc, agreement, LOCAL);
      await sign('agreement-signature', { agreement: agreement.id, digest: agreementDigest(agreement) });
      notify(`Signed “${agreement.title}”`, 'info');
    } catch (e) {
      notify(`Could not sign: ${(e as Error).message}`, 'error');
    }
  };
  const slug = agreement.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'agreement';
  return (
    <article className="agr-view panel" data-testid="agreement" data-agreement={agreement.id} aria-label={`Agreement ${agreement.title}`}>
      <header className="agr-head">
        <SharedInput label="Title" value={agreement.title} codec={TITLE} testId="agreement-title" onCommit={(v) => update('Rename the agreement', { title: v })} />
        <div className="agr-summary">
          <span className={`agr-sig ${signed === agreement.parties.length ? 'sig-signed' : 'sig-unsigned'}`} data-testid="agreement-signed-count">
            {signed} of {agreement.parties.length} signed this version
          </span>
          {digest && (
            <code className="small muted" title={`SHA-256 of the agreement's canonical JSON: ${digest}`}>
              version {digest.slice(0, 12)}
            </code>
          )}
          <button type="button" className="secondary" disabled={Boolean(problem)} onClick={() => digest && download(`${slug}.html`, agreementHtml(agreement, status, digest))} data-testid="export-agreement">
            Export (HTML)
          </button>
        </div>
      </header>
      {problem && (
        <p className="warning" role="alert" data-testid="agreement-problem">
          This agreement is not valid after concurrent edits ({problem}). Nobody can sign it until that is fixed.
        </p>
      )}
      <Signatures agreement={agreement} status={status} signedVersion={(key) => lastSignedVersion(ledger, agreement.id, key, versions)} tampered={(key) => tamperedSignatures(ledger, agreement.id, key).length} me={me} members={members} canSign={canSign} onSign={onSign} update={update} />
      <MilestonesEditor agreement={agreement} update={update} />
      <SplitEditor key={JSON.stringify(agreement.paymentSplit)} agreement={agreement} update={update} />
      <section className="agr-section" aria-labelledby={`disp-${agreement.id}`}>
        <h5 id={`disp-${agreement.id}`}>Dispute procedure</h5>
        <SharedInput label="How disagreements are settled" multiline rows={3} value={agreement.disputeProcedure} codec={DISPUTE} testId="agreement-dispute" onCommit={(v) => update('Change the dispute procedure', { disputeProcedure: v })} />
      </section>
      <ProtocolEditor agreement={agreement} update={update} />
    </article>
  );
}
