import type * as Y from 'yjs';
import type { NetworkSnapshot } from '../../../../shared/model/docs/networkDoc';
import type { ProjectLedger } from '../../../../shared/value/doc/projectLedger';
import type { ValueSnapshot } from '../../../../shared/value/doc/valueDoc';

/** What every tab of the value panel is given. */
export interface ValueTabProps {
  doc: Y.Doc;
  value: ValueSnapshot;
  ledger: ProjectLedger;
  net: NetworkSnapshot;
  me: string;
  name: (id: string) => string;
}

/** The options of a person <select>: an empty choice, then everyone by name. */
export function PersonOptions({ people, empty }: { people: readonly { id: string; name: string }[]; empty: string }) {
  return (
    <>
      <option value="">{empty}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}
