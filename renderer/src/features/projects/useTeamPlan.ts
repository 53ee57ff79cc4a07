import type * as Y from 'yjs';
import { readTeamPlan, type TeamPlan } from '../../../../shared/model/docs/projectTeam';
import { useYSnapshot } from '../../hooks/useYSnapshot';

const EMPTY: TeamPlan = { roles: [], basis: null, budget: undefined, weights: undefined, pinned: [], banned: [], accepted: null, history: [], invalid: [] };

/** The project's requirements, constraints and accepted team, re-read when the document changes. */
export const useTeamPlan = (doc: Y.Doc | undefined) => useYSnapshot(doc, readTeamPlan, EMPTY);
