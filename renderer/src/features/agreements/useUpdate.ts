import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { Agreement } from '../../../../shared/agreements/agreement';
import { updateAgreement, type AgreementField } from '../../../../shared/agreements/agreementDoc';
import type { FieldCodec } from '../../forms/sharedField';
import { useAct } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';

export type Update = (label: string, changes: Partial<Pick<Agreement, AgreementField>>) => void;

/** One described, undoable change of an agreement; throws the reason when it is refused. */
export function useUpdate(doc: Y.Doc, projectId: string, id: string): Update {
  const act = useAct();
  return useCallback(
    (label, changes) => act({ label, place: { view: 'projects', projectId } }, () => updateAgreement(doc, projectId, id, changes, LOCAL)),
    [act, doc, projectId, id],
  );
}

/** A number between `min` and `max`. */
export function numberCodec(label: string, min: number, max: number): FieldCodec<number> {
  return {
    format: (v) => String(v),
    parse: (text) => {
      const value = Number(text.trim().replace(',', '.'));
      if (!text.trim() || !Number.isFinite(value)) return { ok: false, message: `${label}: type a number` };
      if (value < min || value > max) return { ok: false, message: `${label}: between ${min} and ${max}` };
      return { ok: true, value };
    },
  };
}
