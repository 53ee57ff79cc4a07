import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { openAgreementsSection, readAgreements, type AgreementsSnapshot } from '../../../../shared/agreements/agreementDoc';
import { useYSnapshot } from '../../hooks/useYSnapshot';

const EMPTY: AgreementsSnapshot = { agreements: [], invalid: [], versions: new Map() };

/** The project's agreements (validated), with every signed version this device has seen. */
export function useAgreements(doc: Y.Doc, projectId: string): { snapshot: AgreementsSnapshot; error: string | null } {
  // bring the section to this app's schema version (idempotent), or say why it cannot be opened
  const error = useMemo(() => {
    try {
      openAgreementsSection(doc, 'migration');
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }, [doc]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const read = useCallback((d: Y.Doc) => readAgreements(d, projectId), [doc, projectId]);
  return { snapshot: useYSnapshot(doc, read, EMPTY), error };
}

/** This device's time zone (for a party nobody has given one yet). */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
