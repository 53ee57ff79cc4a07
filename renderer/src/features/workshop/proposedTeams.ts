import { useEffect } from 'react';
import { create } from 'zustand';
import type { Team } from '../../../../shared/assembly/assemble';

export interface ProposedTeamOption {
  id: string;
  label: string;
}

/** A vote option's id: its rank and a slug of its label (what FacilitatorPanel makes of typed options too). */
export const optionId = (label: string, i: number) => `${i + 1}-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}`;

/** Teams are lettered as the project's Teams step letters its cards (Team A is the best). */
const LETTERS = 'ABCDEFGHIJKL';

/**
 * The proposed teams as vote options: "Team A: Ana, Bo, …", named as on the Teams step's cards, each at
 * most 200 characters (the host's limit).
 */
export function teamOptions(teams: readonly Team[], nameOf: (personId: string) => string): ProposedTeamOption[] {
  return teams.slice(0, LETTERS.length).map((team, i) => {
    const names = team.members.map((m) => nameOf(m.personId)).join(', ');
    const full = `Team ${LETTERS[i]}: ${names}`;
    const label = full.length > 200 ? `${full.slice(0, 199)}…` : full;
    return { id: optionId(label, i), label };
  });
}

interface ProposedTeamsState {
  /** The project whose proposed teams were last on screen, and those teams as vote options. */
  projectId: string | null;
  options: ProposedTeamOption[];
  show(projectId: string, options: ProposedTeamOption[]): void;
}

/** UI state: the team configurations the Teams step last proposed, for the facilitator's live vote. */
export const useProposedTeams = create<ProposedTeamsState>((set) => ({
  projectId: null,
  options: [],
  show: (projectId, options) => set({ projectId, options }),
}));

/** Called by the Teams step: shares its current proposals (null while they are being solved or out of date). */
export function useShareProposedTeams(projectId: string, teams: readonly Team[] | null, nameOf: (personId: string) => string) {
  const key = teams ? JSON.stringify(teamOptions(teams, nameOf)) : null;
  useEffect(() => {
    if (key !== null) useProposedTeams.getState().show(projectId, JSON.parse(key) as ProposedTeamOption[]);
  }, [projectId, key]);
}
