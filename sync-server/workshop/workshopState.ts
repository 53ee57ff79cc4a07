import { z } from 'zod';

/**
 * What the facilitator runs a workshop with, kept by the host: follow me, the spotlight, the exercise
 * timer, the editing lock, the live vote and the accepted team. Pure: the host applies controls here
 * (validated with zod), saves the result and pushes each participant its view of it.
 */

const Id = z.string().min(1).max(120);
const Label = z.string().trim().min(1).max(200);
/** The facilitator's place in the app: a hash route, what is selected, and where the view is scrolled or zoomed. */
export const FollowTargetSchema = z.object({
  route: z.string().regex(/^#\/[A-Za-z0-9/_.:-]*$/, 'route must be a hash route such as #/people').max(300),
  selection: z.object({ personId: Id.nullable(), projectId: Id.nullable() }),
  viewport: z.object({ x: z.number().finite(), y: z.number().finite(), k: z.number().finite().positive() }).nullable(),
});
export type FollowTarget = z.infer<typeof FollowTargetSchema>;

export const SpotlightSchema = z.object({ kind: z.enum(['person', 'team', 'cluster']), id: Id, label: Label });
export type Spotlight = z.infer<typeof SpotlightSchema>;

/** A proposed team configuration's members (from a project's Teams step), so the accepted one names its people. */
export const VoteTeamSchema = z.object({
  projectId: Id,
  members: z.array(z.object({ roleId: Id, personId: Id })).min(1).max(50),
});
export type VoteTeam = z.infer<typeof VoteTeamSchema>;
const VoteOptionSchema = z.object({ id: Id, label: Label, team: VoteTeamSchema.optional() });

export const ControlSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('follow'), target: FollowTargetSchema }),
  z.object({ action: z.literal('unfollow') }),
  z.object({ action: z.literal('spotlight'), spotlight: SpotlightSchema.nullable() }),
  z.object({ action: z.literal('timer'), label: Label, seconds: z.number().int().min(1, 'seconds must be ≥ 1').max(4 * 3600, 'seconds must be ≤ 4 hours') }),
  z.object({ action: z.literal('timer-stop') }),
  z.object({ action: z.literal('lock') }),
  z.object({ action: z.literal('unlock') }),
  z.object({
    action: z.literal('vote-open'),
    question: Label,
    options: z
      .array(VoteOptionSchema)
      .min(2, 'a vote needs at least two team configurations')
      .max(12)
      .refine((o) => new Set(o.map((x) => x.id)).size === o.length, 'option ids must differ'),
  }),
  z.object({ action: z.literal('vote-close') }),
  z.object({ action: z.literal('accept'), optionId: Id }),
  z.object({ action: z.literal('remove'), participantId: Id }),
]);
export type Control = z.infer<typeof ControlSchema>;

export const BallotSchema = z.object({ optionId: Id });

export interface Vote {
  id: number;
  question: string;
  options: { id: string; label: string; team?: VoteTeam }[];
  open: boolean;
  /** participant id → option id (one ballot each; voting again replaces it). */
  ballots: Record<string, string>;
}

export interface WorkshopState {
  follow: (FollowTarget & { seq: number }) | null;
  spotlight: Spotlight | null;
  timer: { label: string; startedAt: number; endsAt: number } | null;
  locked: boolean;
  vote: Vote | null;
  accepted: { optionId: string; label: string; votes: number; at: number; team?: VoteTeam } | null;
}

/** The saved state (the host keeps it in its data folder, so a restart keeps the workshop). */
export const WorkshopStateSchema = z.object({
  follow: FollowTargetSchema.extend({ seq: z.number().int() }).nullable(),
  spotlight: SpotlightSchema.nullable(),
  timer: z.object({ label: z.string(), startedAt: z.number(), endsAt: z.number() }).nullable(),
  locked: z.boolean(),
  vote: z.object({ id: z.number().int(), question: z.string(), options: z.array(VoteOptionSchema), open: z.boolean(), ballots: z.record(z.string(), z.string()) }).nullable(),
  accepted: z.object({ optionId: z.string(), label: z.string(), votes: z.number().int(), at: z.number(), team: VoteTeamSchema.optional() }).nullable(),
}) satisfies z.ZodType<WorkshopState>;

export const initialState = (): WorkshopState => ({ follow: null, spotlight: null, timer: null, locked: false, vote: null, accepted: null });

export type ControlResult = { ok: true; state: WorkshopState } | { ok: false; status: 404 | 409; error: string };

/** Applies a facilitator's control (not `remove`, `lock` and `unlock`'s connection side, which the host does). */
export function applyControl(state: WorkshopState, control: Control, now: number): ControlResult {
  const ok = (patch: Partial<WorkshopState>): ControlResult => ({ ok: true, state: { ...state, ...patch } });
  switch (control.action) {
    case 'follow':
      return ok({ follow: { ...control.target, seq: (state.follow?.seq ?? 0) + 1 } });
    case 'unfollow':
      return ok({ follow: null });
    case 'spotlight':
      return ok({ spotlight: control.spotlight });
    case 'timer':
      return ok({ timer: { label: control.label, startedAt: now, endsAt: now + control.seconds * 1000 } });
    case 'timer-stop':
      return ok({ timer: null });
    case 'lock':
      return ok({ locked: true });
    case 'unlock':
      return ok({ locked: false });
    case 'vote-open':
      return ok({ vote: { id: (state.vote?.id ?? 0) + 1, question: control.question, options: control.options, open: true, ballots: {} }, accepted: null });
    case 'vote-close':
      if (!state.vote?.open) return { ok: false, status: 409, error: 'no vote is open' };
      return ok({ vote: { ...state.vote, open: false } });
    case 'accept': {
      const option = state.vote?.options.find((o) => o.id === control.optionId);
      if (!state.vote || !option) return { ok: false, status: 404, error: `no team configuration "${control.optionId}" in the vote` };
      return ok({ vote: { ...state.vote, open: false }, accepted: { optionId: option.id, label: option.label, votes: tally(state.vote)[option.id] ?? 0, at: now, ...(option.team ? { team: option.team } : {}) } });
    }
    case 'remove':
      return ok({});
  }
}

/** A participant's ballot: only while a vote is open, only for one of its options. */
export function castBallot(state: WorkshopState, participantId: string, optionId: string): ControlResult {
  const vote = state.vote;
  if (!vote?.open) return { ok: false, status: 409, error: 'no vote is open' };
  if (!vote.options.some((o) => o.id === optionId)) return { ok: false, status: 404, error: `no team configuration "${optionId}" in this vote` };
  return { ok: true, state: { ...state, vote: { ...vote, ballots: { ...vote.ballots, [participantId]: optionId } } } };
}

/** Votes per option, every option present (zero included). */
export function tally(vote: Vote): Record<string, number> {
  const counts = Object.fromEntries(vote.options.map((o) => [o.id, 0]));
  for (const optionId of Object.values(vote.ballots)) if (optionId in counts) counts[optionId]++;
  return counts;
}

/** What one person sees: results as they come in, and only their own ballot, never who voted what. */
export function publicView(state: WorkshopState, viewer: string) {
  const { vote, ...rest } = state;
  return {
    ...rest,
    vote: vote && { id: vote.id, question: vote.question, options: vote.options, open: vote.open, tally: tally(vote), voters: Object.keys(vote.ballots).length, mine: vote.ballots[viewer] ?? null },
  };
}
export type PublicWorkshopState = ReturnType<typeof publicView>;
