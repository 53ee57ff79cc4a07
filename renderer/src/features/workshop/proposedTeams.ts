import { useEffect } from 'react';
import { create } from 'zustand';
import type { Team } from '../../../../shared/assembly/assemble';
import type { ObjectiveWeights } from '../../../../shared/assembly/objective';

/** A proposed team's members, as the host keeps them with a vote option (sync-server/workshop/workshopState.ts). */
export interface VoteTeam {
  projectId: string;
  members: { roleId: string; personId: string }[];
}

export interface ProposedTeamOption {
  id: string;
  label: string;
  team: VoteTeam;
}

/** A vote option's id: its rank and a slug of its label (what FacilitatorPanel makes of typed options too). */
export const optionId = (label: string, i: number) => `${i + 1}-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}`;

/** Teams are lettered as the project's Teams step letters its cards (Team A is the best). */
const LETTERS = 'ABCDEFGHIJKL';

/**
 * The proposed teams as vote options: "Team A: Ana, Bo, …", named as on the Teams step's cards, each at
 * most 200 characters (the host's limit), with their members.
 */
export function teamOptions(projectId: string, teams: readonly Team[], nameOf: (personId: string) => string): ProposedTeamOption[] {
  return teams.slice(0, LETTERS.length).map((team, i) => {
    const names = team.members.map((m) => nameOf(m.personId)).join(', ');
    const full = `Team ${LETTERS[i]}: ${names}`;
    const label = full.length > 200 ? `${full.slice(0, 199)}…` : full;
    return { id: optionId(label, i), label, team: { projectId, members: team.members.map((m) => ({ roleId: m.roleId, personId: m.personId })) } };
  });
}

/**
 * The vote's options from the facilitator's lines: each line an option; a line that is a proposed
 * team's label (as "Use the proposed teams" fills them in) carries that team's members, so the team
 * the room accepts names its people.
 */
export function voteOptions(lines: readonly string[], proposed: readonly ProposedTeamOption[]): { id: string; label: string; team?: VoteTeam }[] {
  return lines.map((label, i) => {
    const match = proposed.find((o) => o.label === label);
    return { id: optionId(label, i), label, ...(match ? { team: match.team } : {}) };
  });
}

interface ProposedTeamsState {
  /** The project whose proposed teams were last on screen, those teams as vote options, the teams themselves and the weights they were scored with. */
  projectId: string | null;
  options: ProposedTeamOption[];
  teams: Team[];
  weights: ObjectiveWeights | null;
  show(projectId: string, options: ProposedTeamOption[], teams: Team[], weights: ObjectiveWeights): void;
}

/** UI state: the team configurations the Teams step last proposed, for the facilitator's live vote. */
export const useProposedTeams = create<ProposedTeamsState>((set) => ({
  projectId: null,
  options: [],
  teams: [],
  weights: null,
  show: (projectId, options, teams, weights) => set({ projectId, options, teams, weights }),
}));

/** The proposed team a vote option stands for, and its weights, while the Teams step's proposals are known on this page. */
export function proposedTeamFor(team: VoteTeam): { team: Team; weights: ObjectiveWeights } | null {
  const { projectId, teams, weights } = useProposedTeams.getState();
  if (projectId !== team.projectId || !weights) return null;
  const same = (t: Team) => t.members.length === team.members.length && t.members.every((m, i) => m.roleId === team.members[i].roleId && m.personId === team.members[i].personId);
  const found = teams.find(same);
  return found ? { team: found, weights } : null;
}

/** Called by the Teams step: shares its current proposals (null while they are being solved or out of date). */
export function useShareProposedTeams(projectId: string, teams: readonly Team[] | null, nameOf: (personId: string) => string, weights: ObjectiveWeights) {
  const key = teams ? JSON.stringify({ options: teamOptions(projectId, teams, nameOf), teams, weights }) : null;
  useEffect(() => {
    if (key === null) return;
    const shared = JSON.parse(key) as { options: ProposedTeamOption[]; teams: Team[]; weights: ObjectiveWeights };
    useProposedTeams.getState().show(projectId, shared.options, shared.teams, shared.weights);
  }, [projectId, key]);
}
